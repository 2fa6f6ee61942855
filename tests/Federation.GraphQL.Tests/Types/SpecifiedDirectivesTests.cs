using Federation.GraphQL.Language.Syntax;
using Federation.GraphQL.Types;
using Xunit;

namespace Federation.GraphQL.Tests.Types;

/// <summary>
/// The specified directives as graphql-js 17.1.0's specifiedDirectives has them (their printed
/// form is also pinned by <see cref="SchemaPrinterTests.Prints_the_introspection_schema_as_graphql_js"/>).
/// </summary>
public sealed class SpecifiedDirectivesTests
{
    [Fact]
    public void Lists_the_five_spec_directives_in_graphql_js_order_without_defer_or_stream()
    {
        Assert.Equal(["include", "skip", "deprecated", "specifiedBy", "oneOf"], SpecifiedDirectives.All.Select(d => d.Name));
        Assert.All(SpecifiedDirectives.All, d => Assert.False(d.IsRepeatable));
        Assert.Equal(SpecifiedDirectives.All, new Schema(null).Directives);
    }

    [Fact]
    public void Include_and_skip_take_a_required_if()
    {
        foreach (var directive in new[] { SpecifiedDirectives.Include, SpecifiedDirectives.Skip })
        {
            Assert.Equal([DirectiveLocation.Field, DirectiveLocation.FragmentSpread, DirectiveLocation.InlineFragment], directive.Locations);
            Assert.Equal("if: Boolean!", Assert.Single(directive.Arguments).ToString());
        }

        Assert.Equal("Included when true.", SpecifiedDirectives.Include.GetArgument("if")!.Description);
        Assert.Equal("Skipped when true.", SpecifiedDirectives.Skip.GetArgument("if")!.Description);
    }

    [Fact]
    public void Deprecated_has_a_default_reason_and_graphql_js_extra_location()
    {
        var reason = SpecifiedDirectives.Deprecated.GetArgument("reason")!;

        Assert.Equal("reason: String!", reason.ToString());
        Assert.Equal("No longer supported", Assert.IsType<StringValueNode>(reason.DefaultValue).Value);
        Assert.Equal(
            [
                DirectiveLocation.FieldDefinition,
                DirectiveLocation.ArgumentDefinition,
                DirectiveLocation.InputFieldDefinition,
                DirectiveLocation.EnumValue,
                DirectiveLocation.DirectiveDefinition,
            ],
            SpecifiedDirectives.Deprecated.Locations);
    }

    [Fact]
    public void SpecifiedBy_and_oneOf_apply_to_scalars_and_input_objects()
    {
        Assert.Equal("url: String!", Assert.Single(SpecifiedDirectives.SpecifiedBy.Arguments).ToString());
        Assert.Equal([DirectiveLocation.Scalar], SpecifiedDirectives.SpecifiedBy.Locations);
        Assert.Empty(SpecifiedDirectives.OneOf.Arguments);
        Assert.Equal([DirectiveLocation.InputObject], SpecifiedDirectives.OneOf.Locations);
        Assert.Equal("Indicates exactly one field must be supplied and this field must not be `null`.", SpecifiedDirectives.OneOf.Description);
    }

    [Fact]
    public void Location_names_round_trip()
    {
        foreach (var location in Enum.GetValues<DirectiveLocation>())
        {
            Assert.True(DirectiveLocations.TryParse(DirectiveLocations.NameOf(location), out var parsed));
            Assert.Equal(location, parsed);
        }

        Assert.Equal("FIELD_DEFINITION", DirectiveLocations.NameOf(DirectiveLocation.FieldDefinition));
        Assert.False(DirectiveLocations.TryParse("NOWHERE", out _));
    }
}

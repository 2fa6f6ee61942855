using Federation.GraphQL.Language;
using Federation.GraphQL.Types.Building;
using Federation.GraphQL.Types.SchemaValidation;
using Federation.GraphQL.Validation;
using Xunit;

namespace Federation.GraphQL.Tests.Validation;

/// <summary>The public entry points: rule lists, the error limit, and the helpers behind the messages.</summary>
public sealed class DocumentValidatorTests : ValidationHarness
{
    [Fact]
    public void Specified_rules_are_graphql_js_17_1_lists_in_order_then_the_reserved_alias_rule()
    {
        Assert.Equal(
            "ExecutableDefinitionsRule KnownOperationTypesRule UniqueOperationNamesRule LoneAnonymousOperationRule SingleFieldSubscriptionsRule "
            + "KnownTypeNamesRule FragmentsOnCompositeTypesRule VariablesAreInputTypesRule ScalarLeafsRule FieldsOnCorrectTypeRule "
            + "UniqueFragmentNamesRule KnownFragmentNamesRule NoUnusedFragmentsRule PossibleFragmentSpreadsRule NoFragmentCyclesRule "
            + "UniqueVariableNamesRule NoUndefinedVariablesRule NoUnusedVariablesRule KnownDirectivesRule UniqueDirectivesPerLocationRule "
            + "DeferStreamDirectiveOnRootFieldRule DeferStreamDirectiveOnValidOperationsRule DeferStreamDirectiveLabelRule StreamDirectiveOnListFieldRule "
            + "KnownArgumentNamesRule UniqueArgumentNamesRule ValuesOfCorrectTypeRule ProvidedRequiredArgumentsRule VariablesInAllowedPositionRule "
            + "OverlappingFieldsCanBeMergedRule UniqueInputFieldNamesRule MaxIntrospectionDepthRule ReservedAliasNamesRule",
            string.Join(' ', SpecifiedRules.All.Select(r => r.Name)));
        Assert.Equal(
            "LoneSchemaDefinitionRule UniqueOperationTypesRule UniqueTypeNamesRule UniqueEnumValueNamesRule UniqueFieldDefinitionNamesRule "
            + "UniqueArgumentDefinitionNamesRule UniqueDirectiveNamesRule KnownTypeNamesRule KnownDirectivesRule UniqueDirectivesPerLocationRule "
            + "PossibleTypeExtensionsRule KnownArgumentNamesOnDirectivesRule UniqueArgumentNamesRule UniqueInputFieldNamesRule "
            + "ProvidedRequiredArgumentsOnDirectivesRule",
            string.Join(' ', SpecifiedRules.Sdl.Select(r => r.Name)));
    }

    [Fact]
    public void An_invalid_schema_is_refused_as_graphql_js_does()
    {
        var schema = SchemaBuilder.FromDocument(Parser.Parse("type Query { a: Empty } enum Empty"));
        var exception = Assert.Throws<InvalidSchemaException>(() => DocumentValidator.Validate(schema, Parser.Parse("{ a }")));
        Assert.Equal("Enum type Empty must define one or more values.", exception.Message);
    }

    [Fact]
    public void Stops_after_max_errors_with_graphql_js_message()
    {
        var errors = DocumentValidator.Validate(TestSchema.Schema, Parser.Parse("{ a b c }"), maxErrors: 2);
        Assert.Equal(
            [
                "Cannot query field \"a\" on type \"QueryRoot\". (1:3)",
                "Cannot query field \"b\" on type \"QueryRoot\". (1:5)",
                "Too many validation errors, error limit reached. Validation aborted.",
            ],
            errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Runs_only_the_given_rules_in_the_given_order()
    {
        var errors = DocumentValidator.Validate(
            TestSchema.Schema,
            Parser.Parse("query { dog { name } } { cat }"),
            [SpecifiedRules.LoneAnonymousOperation, SpecifiedRules.ExecutableDefinitions]);
        Assert.Equal(
            [
                "This anonymous operation must be the only defined operation. (1:1)",
                "This anonymous operation must be the only defined operation. (1:24)",
            ],
            errors.Select(e => e.ToString()));
    }

    [Theory]
    [InlineData("a1", "a2", -1)]
    [InlineData("a10", "a9", 1)]
    [InlineData("a", "a", 0)]
    [InlineData("ab", "a", 1)]
    [InlineData("B", "a", -1)]
    public void Natural_compare_orders_digit_runs_by_value(string a, string b, int sign) =>
        Assert.Equal(sign, Math.Sign(Suggestions.NaturalCompare(a, b)));

    [Fact]
    public void Suggestions_are_closest_first_and_at_most_five()
    {
        Assert.Equal(["nam2", "name", "names"], Suggestions.List("nam", ["other", "nam2", "names", "name", "x"]));
        Assert.Equal(["Name", "name"], Suggestions.List("NAME", ["name", "Name"]));
        Assert.Equal("", Suggestions.DidYouMean([]));
        Assert.Equal(" Did you mean \"a\"?", Suggestions.DidYouMean(["a"]));
        Assert.Equal(" Did you mean \"a\" or \"b\"?", Suggestions.DidYouMean(["a", "b"]));
        Assert.Equal(" Did you mean the enum value \"a\", \"b\", \"c\", \"d\", or \"e\"?", Suggestions.DidYouMean(["a", "b", "c", "d", "e", "f"], "the enum value"));
    }
}

using Federation.GraphQL.Language;
using Federation.GraphQL.Types;
using Federation.GraphQL.Types.Building;
using Federation.GraphQL.Types.SchemaValidation;
using Xunit;
using static Federation.GraphQL.Tests.SchemaValidation.TypeFactory;

namespace Federation.GraphQL.Tests.SchemaValidation;

public sealed class SchemaValidatorTests
{
    [Fact]
    public void Specified_directives_and_introspection_types_are_valid()
    {
        var schema = new Schema(Object("Query", Field("a", StringType)));
        Assert.NotNull(schema.GetType("__Schema"));
        Assert.NotEmpty(schema.Directives);
        Assert.Empty(SchemaValidator.Validate(schema));
        SchemaValidator.AssertValid(schema);
    }

    [Fact]
    public void Errors_are_computed_once_per_schema()
    {
        var schema = new Schema(Object("Query"));
        var first = SchemaValidator.Validate(schema);
        Assert.Same(first, SchemaValidator.Validate(schema));
        Assert.NotSame(first, SchemaValidator.Validate(new Schema(Object("Query"))));
    }

    [Fact]
    public void AssertValid_lists_every_error_as_graphql_js_does()
    {
        var schema = SchemaBuilder.FromDocument(Parser.Parse(
            """
            type Query
            enum Empty
            """));
        var exception = Assert.Throws<InvalidSchemaException>(() => SchemaValidator.AssertValid(schema));
        Assert.Equal(
            "Type Query must define one or more fields.\n\nEnum type Empty must define one or more values.",
            exception.Message);
        Assert.Equal(2, exception.Errors.Count);
        Assert.IsAssignableFrom<GraphQLException>(exception);
    }
}

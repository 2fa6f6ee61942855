using Federation.GraphQL.Language;
using Federation.GraphQL.Language.Syntax;
using Federation.GraphQL.Types;
using Federation.GraphQL.Types.Building;
using Xunit;
using static Federation.GraphQL.Tests.SchemaValidation.SchemaValidationHarness;
using static Federation.GraphQL.Tests.SchemaValidation.TypeFactory;

namespace Federation.GraphQL.Tests.SchemaValidation;

public sealed class RootOperationTypesTests
{
    [Fact]
    public void Distinct_object_root_types_are_valid() =>
        ExpectValidSchema(new Schema(
            Object("Query", Field("a", StringType)),
            Object("Mutation", Field("a", StringType)),
            Object("Subscription", Field("a", StringType))));

    [Fact]
    public void Query_root_type_is_required() =>
        ExpectSchemaErrors(
            new Schema(null, Object("Mutation", Field("a", StringType))),
            ("Query root type must be provided.", ""));

    [Fact]
    public void Root_types_must_be_different()
    {
        var query = Object("Query", Field("a", StringType));
        ExpectSchemaErrors(
            new Schema(query, query, query),
            ("All root types must be different, \"Query\" type is used as query, mutation, and subscription root types.", ""));
    }

    [Fact]
    public void Two_roots_sharing_a_type_are_listed_with_and()
    {
        var mutation = Object("Mutation", Field("a", StringType));
        ExpectSchemaErrors(
            new Schema(Object("Query", Field("a", StringType)), mutation, mutation),
            ("All root types must be different, \"Mutation\" type is used as mutation and subscription root types.", ""));
    }

    [Fact]
    public void Non_object_root_types_recorded_by_a_builder_are_reported()
    {
        var iface = Interface("I", Field("a", StringType));
        var schema = new Schema(null, types: [iface])
        {
            InvalidRootTypes = [(OperationType.Query, iface), (OperationType.Subscription, iface)],
        };
        ExpectSchemaErrors(
            schema,
            ("Query root type must be Object type, it cannot be I.", ""),
            ("Subscription root type must be Object type if provided, it cannot be I.", ""));
    }

    [Fact]
    public void Sdl_roots_by_default_names_are_valid() =>
        ExpectValidSchema(
            """
            type Query { a: Int }
            type Mutation { a: Int }
            type Subscription { a: Int }
            """);

    [Fact]
    public void Sdl_schema_without_query_points_at_the_schema_definition() =>
        ExpectSchemaErrors(
            """
            schema { mutation: Mutation }
            type Mutation { a: Int }
            """,
            ("Query root type must be provided.", "1:1"));

    [Fact]
    public void Sdl_query_root_must_be_an_object_type() =>
        ExpectSchemaErrors(
            """
            schema { query: Node }
            interface Node { id: ID }
            """,
            ("Query root type must be Object type, it cannot be Node.", "1:17"));

    [Fact]
    public void Sdl_mutation_and_subscription_roots_must_be_object_types() =>
        ExpectSchemaErrors(
            """
            schema { query: Query mutation: Input subscription: Result }
            type Query { a: Int }
            input Input { a: Int }
            union Result = Query
            """,
            ("Mutation root type must be Object type if provided, it cannot be Input.", "1:33"),
            ("Subscription root type must be Object type if provided, it cannot be Result.", "1:53"));

    [Fact]
    public void Sdl_roots_must_be_different_types() =>
        ExpectSchemaErrors(
            """
            schema {
              query: Query
              mutation: Query
            }
            extend schema {
              subscription: Query
            }
            type Query { a: Int }
            """,
            ("All root types must be different, \"Query\" type is used as query, mutation, and subscription root types.", "2:10 3:13 6:17"));

    [Fact]
    public void Sdl_default_named_root_that_is_not_an_object_points_at_its_definition() =>
        ExpectSchemaErrors(
            """
            type Query { field: String }
            input Mutation { test: String }
            """,
            ("Mutation root type must be Object type if provided, it cannot be Mutation.", "2:1"));

    [Fact]
    public void Roots_named_by_schema_extensions_point_at_the_extension()
    {
        var schema = SchemaBuilder.FromDocument(Parser.Parse("input SomeInputObject { test: String }"));
        schema = SchemaBuilder.Extend(schema, Parser.Parse(
            """
            extend schema {
              query: SomeInputObject
            }
            """));
        schema = SchemaBuilder.Extend(schema, Parser.Parse(
            """
            extend schema {
              mutation: SomeInputObject
            }
            """));
        ExpectSchemaErrors(
            schema,
            ("Query root type must be Object type, it cannot be SomeInputObject.", "2:10"),
            ("Mutation root type must be Object type if provided, it cannot be SomeInputObject.", "2:13"));
    }
}

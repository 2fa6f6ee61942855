using Federation.GraphQL.Execution;
using Federation.GraphQL.Language;
using Federation.GraphQL.Types;
using Federation.GraphQL.Types.Building;
using Federation.Subgraphs.Hosting.Scalars;

namespace Federation.Subgraphs.Hosting.Tests.Scalars;

public sealed class AgencyScalarsTests
{
    [Fact]
    public void Declared_scalars_get_their_implementation_and_others_stay_out()
    {
        var schema = AgencyScalars.BuildSchema("""
            "Ignored: the implementation replaces the SDL definition."
            scalar IdNumber
            scalar Date
            scalar Opaque
            type Query { person(id: IdNumber!): Date opaque: Opaque }
            """);

        Assert.IsType<IdNumberScalar>(schema.GetType("IdNumber"));
        Assert.IsType<DateScalar>(schema.GetType("Date"));
        Assert.Equal(typeof(ScalarType), schema.GetType("Opaque")!.GetType());
        Assert.Null(schema.GetType("GeoJSON"));
        Assert.Same(schema.GetType("Query"), schema.QueryType);
        Assert.Same(schema.GetType("IdNumber"), ((NonNullType)schema.QueryType!.GetField("person")!.Arguments[0].Type).OfType);
    }

    [Fact]
    public void Default_roots_are_kept_and_the_printed_schema_needs_no_schema_definition()
    {
        var schema = AgencyScalars.BuildSchema("""
            scalar DateTime
            type Query { now: DateTime }
            type Mutation { touch(at: DateTime!): DateTime }
            """);

        Assert.Equal("Query", schema.QueryType?.Name);
        Assert.Equal("Mutation", schema.MutationType?.Name);
        Assert.Null(schema.SubscriptionType);
        Assert.Equal(
            """"
            """
            An instant written as an RFC 3339 date-time with an offset, e.g. 2025-03-01T09:30:00+08:00.
            """
            scalar DateTime @specifiedBy(url: "https://scalars.graphql.org/andimarek/date-time.html")

            type Query {
              now: DateTime
            }

            type Mutation {
              touch(at: DateTime!): DateTime
            }
            """",
            SchemaPrinter.Print(schema).TrimEnd());
    }

    [Fact]
    public void An_explicit_schema_definition_is_respected()
    {
        var schema = AgencyScalars.BuildSchema("""
            schema { query: Root }
            scalar CreditCode
            type Root { company(code: CreditCode!): String }
            type Query { unused: String }
            """);

        Assert.Equal("Root", schema.QueryType?.Name);
        Assert.IsType<CreditCodeScalar>(schema.GetType("CreditCode"));
    }

    [Fact]
    public void Without_agency_scalars_the_schema_is_built_as_usual()
    {
        var schema = AgencyScalars.BuildSchema("type Query { name: String }");
        Assert.Equal(SchemaPrinter.Print(SchemaBuilder.FromSdl("type Query { name: String }")), SchemaPrinter.Print(schema));
    }

    [Fact]
    public void Invalid_sdl_is_refused_as_by_the_schema_builder() =>
        Assert.Throws<InvalidSdlException>(() => AgencyScalars.BuildSchema("scalar IdNumber type Query { a: Missing }"));

    [Fact]
    public async Task Introspection_shows_the_specification_urls()
    {
        var schema = AgencyScalars.BuildSchema("""
            scalar DateTime
            scalar GeoJSON
            scalar IdNumber
            type Query { at: DateTime shape: GeoJSON id: IdNumber }
            """);
        var result = await Executor.ExecuteAsync(new ExecutionRequest
        {
            Schema = schema,
            Document = Parser.Parse("""{ a: __type(name: "DateTime") { specifiedByURL } b: __type(name: "GeoJSON") { specifiedByURL } c: __type(name: "IdNumber") { specifiedByURL } }"""),
        }, TestContext.Current.CancellationToken);

        Assert.Equal(
            """{"data":{"a":{"specifiedByURL":"https://scalars.graphql.org/andimarek/date-time.html"},"b":{"specifiedByURL":"https://www.rfc-editor.org/rfc/rfc7946"},"c":{"specifiedByURL":null}}}""",
            result.ToJson());
    }
}

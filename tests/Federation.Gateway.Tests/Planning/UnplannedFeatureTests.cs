using Federation.Gateway.Planning;
using Federation.GraphQL.Language;
using Federation.GraphQL.Types.Building;

namespace Federation.Gateway.Tests.Planning;

/// <summary>
/// Supergraph features the planner does not plan are refused with QUERY_PLANNING_FAILED naming the
/// coordinate, never answered wrongly; operations that do not touch them still plan.
/// </summary>
public sealed class UnplannedFeatureTests
{
    private static readonly FederatedGraph Nullability = FederatedGraph.Compose(
        ("cards", """
            type Query { wallet: [Card] }
            union Card = Bank | Transit
            type Bank @key(fields: "id") { id: ID! holder: String! @shareable }
            type Transit @key(fields: "id") { id: ID! holder: String @shareable }
            """),
        ("holders", """
            type Bank @key(fields: "id") { id: ID! holder: String @shareable }
            """));

    [Fact]
    public void One_member_alone_is_planned() => Nullability.ExpectPlan(
        """{ wallet { ... on Bank { holder } } }""",
        """
        QueryPlan {
          Fetch(service: "cards") {
            {
              wallet {
                __typename
                ... on Bank {
                  holder
                }
              }
            }
          },
        }
        """);

    private static readonly FederatedGraph ProgressiveOverride = FederatedGraph.Compose(
        ("catalogue", """
            type Query { product(id: ID!): Product }
            type Product @key(fields: "id") { id: ID! name: String price: Int }
            """),
        ("pricing", """
            type Product @key(fields: "id") { id: ID! price: Int @override(from: "catalogue", label: "percent(20)") }
            """));

    [Fact]
    public void Fields_beside_a_progressive_override_still_plan() => ProgressiveOverride.ExpectPlan(
        """{ product(id: "1") { name } }""",
        """
        QueryPlan {
          Fetch(service: "catalogue") {
            {
              product(id: "1") {
                name
              }
            }
          },
        }
        """);

    /// <summary>Composed by Apollo's composition 2.14.4 (ours refuses @interfaceObject) from the two subgraphs below.</summary>
    private static readonly FederatedGraph InterfaceObject = FederatedGraph.FromSupergraph(
        """
        schema
          @link(url: "https://specs.apollo.dev/link/v1.0")
          @link(url: "https://specs.apollo.dev/join/v0.4", for: EXECUTION)
        {
          query: Query
        }

        directive @join__directive(graphs: [join__Graph!], name: String!, args: join__DirectiveArguments) repeatable on SCHEMA | OBJECT | INTERFACE | FIELD_DEFINITION
        directive @join__enumValue(graph: join__Graph!) repeatable on ENUM_VALUE
        directive @join__field(graph: join__Graph, requires: join__FieldSet, provides: join__FieldSet, type: String, external: Boolean, override: String, usedOverridden: Boolean, overrideLabel: String) repeatable on FIELD_DEFINITION | INPUT_FIELD_DEFINITION
        directive @join__graph(name: String!, url: String!) on ENUM_VALUE
        directive @join__implements(graph: join__Graph!, interface: String!) repeatable on OBJECT | INTERFACE
        directive @join__type(graph: join__Graph!, key: join__FieldSet, extension: Boolean! = false, resolvable: Boolean! = true, isInterfaceObject: Boolean! = false) repeatable on OBJECT | INTERFACE | UNION | ENUM | INPUT_OBJECT | SCALAR
        directive @join__unionMember(graph: join__Graph!, member: String!) repeatable on UNION
        directive @link(url: String, as: String, for: link__Purpose, import: [link__Import]) repeatable on SCHEMA

        type Book implements Media
          @join__implements(graph: MEDIA, interface: "Media")
          @join__type(graph: MEDIA, key: "id")
        {
          id: ID!
          title: String
          reviewCount: Int @join__field
        }

        scalar join__DirectiveArguments
        scalar join__FieldSet

        enum join__Graph {
          MEDIA @join__graph(name: "media", url: "http://media.example/graphql")
          REVIEWS @join__graph(name: "reviews", url: "http://reviews.example/graphql")
        }

        scalar link__Import

        enum link__Purpose {
          SECURITY
          EXECUTION
        }

        interface Media
          @join__type(graph: MEDIA, key: "id")
          @join__type(graph: REVIEWS, key: "id", isInterfaceObject: true)
        {
          id: ID!
          title: String @join__field(graph: MEDIA)
          reviewCount: Int @join__field(graph: REVIEWS)
        }

        type Query
          @join__type(graph: MEDIA)
          @join__type(graph: REVIEWS)
        {
          media: [Media] @join__field(graph: MEDIA)
          topMedia: Media @join__field(graph: REVIEWS)
        }
        """,
        ("media", """
            type Query { media: [Media] }
            interface Media @key(fields: "id") { id: ID! title: String }
            type Book implements Media @key(fields: "id") { id: ID! title: String }
            """),
        ("reviews", """
            type Query { topMedia: Media }
            type Media @key(fields: "id") @interfaceObject { id: ID! reviewCount: Int }
            """));

    [Fact]
    public void A_field_of_an_implementation_only_an_interface_object_resolves_is_refused() =>
        Assert.Equal(
            "Book.reviewCount is resolved through the @interfaceObject Media, which the planner does not plan.",
            InterfaceObject.ExpectRefused("""{ media { ... on Book { reviewCount } } }"""));

    [Fact]
    public void An_interface_field_only_an_interface_object_adds_is_refused() =>
        Assert.Equal(
            "Book.reviewCount is resolved through the @interfaceObject Media, which the planner does not plan.",
            InterfaceObject.ExpectRefused("""{ media { reviewCount } }"""));

    [Fact]
    public void An_interface_object_returned_by_its_subgraph_is_refused() =>
        Assert.Equal(
            "Query.topMedia returns Media, an @interfaceObject in subgraph \"reviews\", which the planner does not plan.",
            InterfaceObject.ExpectRefused("""{ topMedia { id } }"""));

    [Fact]
    public void An_interface_field_a_member_resolves_only_where_it_cannot_be_looked_up_is_refused()
    {
        // "one" returns I and resolves I.x, but for its member B the field is resolved by "two" only.
        var schema = new PlanningSchema(SchemaBuilder.FromSdl("type Query { i: I } interface I { x: Int } type A implements I { x: Int } type B implements I { x: Int }"))
            .AddField("Query", "i", "one")
            .AddField("I", "x", "one")
            .AddMember("I", "A", "one")
            .AddMember("I", "B", "one")
            .AddField("A", "x", "one")
            .AddField("B", "x", "two");

        var exception = Assert.Throws<QueryPlanningException>(() => new QueryPlanner(schema).Plan(Parser.Parse("{ i { x } }"), null));

        Assert.Equal(
            "B.x is asked where subgraph \"one\" returns B, and no subgraph that resolves it can look B up by a key.",
            exception.Message);
    }
}

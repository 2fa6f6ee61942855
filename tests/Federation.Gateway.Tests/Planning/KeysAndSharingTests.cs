using Federation.Gateway.Planning;
using Federation.GraphQL.Language;
using Federation.GraphQL.Types.Building;

namespace Federation.Gateway.Tests.Planning;

/// <summary>
/// Reaching an entity by a key the current subgraph lacks (through one or two intermediate
/// subgraphs that resolve two keys of the type), nested keys, and choosing among subgraphs that can
/// resolve a shareable root field or field by plan cost: fewest fetches one after another, then
/// fewest fetches, ties to the earlier subgraph. Plans in snapshots; the federation conformance suites
/// keys-intermediate, keys-multiple, keys-nested, shareable-fields and shareable-root run the same
/// shapes end to end against @apollo/subgraph subgraphs.
/// </summary>
public sealed class KeysAndSharingTests
{
    private static readonly FederatedGraph Vessels = FederatedGraph.Compose(
        ("registry", """
            type Query { vessels: [Vessel!]! }
            type Vessel @key(fields: "imo") { imo: ID! name: String! }
            """),
        ("radio", """
            type Vessel @key(fields: "imo") @key(fields: "callSign") { imo: ID! callSign: String! }
            """),
        ("ports", """
            type Vessel @key(fields: "callSign") { callSign: String! port: String! }
            """));

    private static readonly FederatedGraph Ships = FederatedGraph.Compose(
        ("registry", """
            type Query { ships: [Ship!]! }
            type Ship @key(fields: "imo") { imo: ID! }
            """),
        ("ais", """
            type Ship @key(fields: "imo") @key(fields: "mmsi") { imo: ID! mmsi: ID! }
            """),
        ("radio", """
            type Ship @key(fields: "mmsi") @key(fields: "callSign") { mmsi: ID! callSign: String! }
            """),
        ("flags", """
            type Ship @key(fields: "callSign") { callSign: String! flag: String! }
            """));

    /// <summary>The ships, and a subgraph that resolves both the first key and the last: the short way.</summary>
    private static readonly FederatedGraph InsuredShips = FederatedGraph.Compose(
        [.. Ships.Subgraphs.Select(s => (s.Name, s.Sdl[(FederatedGraph.Link.Length + 1)..])), ("insurance", """
            type Ship @key(fields: "imo") @key(fields: "callSign") { imo: ID! callSign: String! insurer: String! }
            """)]);

    private static readonly FederatedGraph Citizens = FederatedGraph.Compose(
        ("citizens", """
            type Query { citizens: [Citizen!]! }
            type Citizen @key(fields: "id") @key(fields: "passport") { id: ID! passport: String! name: String! }
            """),
        ("tax", """
            type Citizen @key(fields: "id") { id: ID! taxNumber: String! }
            """),
        ("travel", """
            type Query { travellers: [Citizen!]! }
            type Citizen @key(fields: "passport") { passport: String! trips: Int! }
            """));

    private static readonly FederatedGraph Members = FederatedGraph.Compose(
        ("badges", """
            type Member @key(fields: "id organization { code }") { id: ID! organization: Organization! badge: String! }
            type Organization @shareable { code: String! }
            """),
        ("staff", """
            type Query { members: [Member!]! }
            type Member @key(fields: "id organization { code }") { id: ID! organization: Organization! name: String! }
            type Organization @shareable { code: String! region: String! }
            """));

    private static readonly FederatedGraph Books = FederatedGraph.Compose(
        ("catalog", """
            type Query { book(isbn: ID!): Book }
            type Book @key(fields: "isbn") { isbn: ID! title: String! @shareable publisher: Publisher! @shareable }
            type Publisher @shareable { name: String! city: String! }
            """),
        ("library", """
            type Query { loans: [Loan!]! }
            type Loan { due: String! book: Book! }
            type Book @key(fields: "isbn") { isbn: ID! title: String! @shareable publisher: Publisher! @shareable copies: Int! }
            type Publisher @shareable { name: String! }
            """));

    private static readonly FederatedGraph Currencies = FederatedGraph.Compose(
        ("north", """
            type Query { currencies: [Currency!]! @shareable rate(code: String!): Float @shareable }
            type Currency @shareable { code: String! name: String! }
            """),
        ("south", """
            type Query { currencies: [Currency!]! @shareable rate(code: String!): Float @shareable holidays: [String!]! }
            type Currency @shareable { code: String! name: String! symbol: String! }
            """));

    [Fact]
    public void A_key_the_fetch_lacks_is_fetched_first_from_an_intermediate_subgraph() => Vessels.ExpectPlan(
        """{ vessels { name port } }""");

    [Fact]
    public void A_key_fetched_through_the_intermediate_serves_the_intermediate_s_own_fields_in_the_same_fetch() => Vessels.ExpectPlan(
        """{ vessels { port callSign imo } }""");

    [Fact]
    public void A_key_is_reached_through_two_intermediate_subgraphs() => Ships.ExpectPlan(
        """{ ships { flag } }""");

    [Fact]
    public void Of_two_ways_to_a_key_the_one_with_fewer_steps_is_taken() => InsuredShips.ExpectPlan(
        """{ ships { flag } }""");

    [Fact]
    public void Each_subgraph_is_reached_by_the_key_it_resolves() => Citizens.ExpectPlan(
        """{ citizens { name trips taxNumber } }""");

    [Fact]
    public void The_owner_of_both_keys_gives_the_key_another_subgraph_needs() => Citizens.ExpectPlan(
        """{ travellers { trips taxNumber } }""");

    [Fact]
    public void A_nested_key_is_given_with_its_nested_fields() => Members.ExpectPlan(
        """{ members { name organization { region } badge } }""");

    [Fact]
    public void A_shareable_field_whose_value_the_current_subgraph_cannot_complete_is_fetched_whole_elsewhere() => Books.ExpectPlan(
        """{ loans { due book { title publisher { name city } } } }""");

    [Fact]
    public void A_shareable_field_the_current_subgraph_completes_stays_there() => Books.ExpectPlan(
        """{ loans { book { title publisher { name } copies } } }""");

    [Fact]
    public void A_shareable_root_field_goes_to_the_subgraph_that_resolves_its_whole_selection() => Currencies.ExpectPlan(
        """{ currencies { code symbol } }""");

    [Fact]
    public void A_shareable_root_field_resolved_alike_goes_to_the_first_subgraph() => Currencies.ExpectPlan(
        """{ currencies { name } rate(code: "CNY") }""");

    [Fact]
    public void Shareable_root_fields_join_the_fetch_a_field_only_one_subgraph_resolves_needs() => Currencies.ExpectPlan(
        """{ rate(code: "EUR") holidays usd: rate(code: "USD") }""");

    [Fact]
    public void A_key_no_subgraph_in_reach_gives_is_refused_naming_the_key_field()
    {
        // Composition refuses this supergraph (SatisfiabilityTests); a supergraph composed elsewhere is refused when planned, never answered without the port.
        var schema = new PlanningSchema(SchemaBuilder.FromSdl("type Query { vessels: [Vessel!]! } type Vessel { imo: ID! callSign: String! port: String! }"))
            .AddField("Query", "vessels", "registry")
            .AddKey("Vessel", "registry", "imo", resolvable: true)
            .AddField("Vessel", "imo", "registry")
            .AddKey("Vessel", "ports", "callSign", resolvable: true)
            .AddField("Vessel", "callSign", "ports")
            .AddField("Vessel", "port", "ports");

        var exception = Assert.Throws<QueryPlanningException>(() => new QueryPlanner(schema).Plan(Parser.Parse("{ vessels { imo port } }"), null));

        Assert.Equal(
            "Subgraph \"registry\" cannot give the key field Vessel.callSign that subgraph \"ports\" needs, nor can another subgraph it reaches.",
            exception.Message);
        Assert.Equal(PlanningErrorCodes.QueryPlanningFailed, PlanningErrorCodes.PlanningFailed(exception).Extensions!["code"]);
    }
}

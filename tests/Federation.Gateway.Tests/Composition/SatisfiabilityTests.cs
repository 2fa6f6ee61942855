using static Federation.Gateway.Tests.Composition.CompositionHarness;

namespace Federation.Gateway.Tests.Composition;

/// <summary>
/// Satisfiability as Apollo's composition decides it: a field is satisfiable where some subgraph
/// the query could be in resolves it — through key jumps (chained through intermediate subgraphs
/// that resolve two keys of the type, nested keys), or because a shareable root field or field was
/// resolved by the subgraph that has it. Shapes Apollo composes compose; shapes it refuses are
/// refused naming the subgraph and the field.
/// </summary>
public sealed class SatisfiabilityTests
{
    [Fact]
    public void A_key_the_first_subgraph_lacks_is_reached_through_an_intermediate_subgraph_with_both_keys()
    {
        ExpectComposes(
            """type Query { vessels: [Vessel!]! } type Vessel @key(fields: "imo") { imo: ID! name: String! }""",
            """type Vessel @key(fields: "imo") @key(fields: "callSign") { imo: ID! callSign: String! }""",
            """type Vessel @key(fields: "callSign") { callSign: String! port: String! }""");
    }

    [Fact]
    public void A_key_is_reached_through_two_intermediate_subgraphs()
    {
        ExpectComposes(
            """type Query { ships: [Ship!]! } type Ship @key(fields: "imo") { imo: ID! }""",
            """type Ship @key(fields: "imo") @key(fields: "mmsi") { imo: ID! mmsi: ID! }""",
            """type Ship @key(fields: "mmsi") @key(fields: "callSign") { mmsi: ID! callSign: String! }""",
            """type Ship @key(fields: "callSign") { callSign: String! flag: String! }""");
    }

    [Fact]
    public void Without_the_intermediate_subgraph_the_other_key_is_out_of_reach()
    {
        ExpectErrors(
            ["SATISFIABILITY_ERROR [a] Vessel.callSign", "SATISFIABILITY_ERROR [a] Vessel.port"],
            """type Query { vessels: [Vessel!]! } type Vessel @key(fields: "imo") { imo: ID! name: String! }""",
            """type Vessel @key(fields: "callSign") { callSign: String! port: String! }""");
    }

    [Fact]
    public void A_key_that_is_not_resolvable_is_no_way_in()
    {
        ExpectErrors(
            ["SATISFIABILITY_ERROR [a] Vessel.port"],
            """type Query { vessels: [Vessel!]! } type Vessel @key(fields: "imo") { imo: ID! }""",
            """type Vessel @key(fields: "imo") @key(fields: "callSign") { imo: ID! callSign: String! }""",
            """type Vessel @key(fields: "callSign", resolvable: false) { callSign: String! port: String! }""");
    }

    [Fact]
    public void A_shareable_root_field_is_satisfied_by_the_subgraph_whose_value_type_has_the_field()
    {
        ExpectComposes(
            """type Query { currencies: [Currency!]! @shareable } type Currency @shareable { code: String! }""",
            """type Query { currencies: [Currency!]! @shareable } type Currency @shareable { code: String! symbol: String! }""");
    }

    [Fact]
    public void A_root_field_of_one_subgraph_does_not_reach_a_value_field_of_another()
    {
        ExpectErrors(
            ["SATISFIABILITY_ERROR [a] Currency.symbol"],
            """type Query { currencies: [Currency!]! } type Currency @shareable { code: String! }""",
            """type Query { rates: [Currency!]! } type Currency @shareable { code: String! symbol: String! }""");
    }

    [Fact]
    public void A_shareable_field_of_an_entity_is_resolved_where_its_value_is_complete()
    {
        ExpectComposes(
            """
            type Query { loans: [Loan!]! } type Loan { book: Book! }
            type Book @key(fields: "isbn") { isbn: ID! publisher: Publisher! @shareable }
            type Publisher @shareable { name: String! }
            """,
            """
            type Book @key(fields: "isbn") { isbn: ID! publisher: Publisher! @shareable }
            type Publisher @shareable { name: String! city: String! }
            """);
    }

    [Fact]
    public void A_shareable_field_of_an_entity_that_cannot_be_looked_up_is_not_resolved_elsewhere()
    {
        ExpectErrors(
            ["SATISFIABILITY_ERROR [a] Publisher.city"],
            """
            type Query { loans: [Loan!]! } type Loan { book: Book! }
            type Book @key(fields: "isbn") { isbn: ID! publisher: Publisher! @shareable }
            type Publisher @shareable { name: String! }
            """,
            """
            type Book @key(fields: "isbn", resolvable: false) { isbn: ID! publisher: Publisher! @shareable }
            type Publisher @shareable { name: String! city: String! }
            type Query { books: [Book!]! }
            """);
    }

    [Fact]
    public void A_nested_key_reaches_the_subgraph_whose_value_type_has_the_field()
    {
        ExpectComposes(
            """
            type Member @key(fields: "id organization { code }") { id: ID! organization: Organization! badge: String! }
            type Organization @shareable { code: String! }
            """,
            """
            type Query { members: [Member!]! }
            type Member @key(fields: "id organization { code }") { id: ID! organization: Organization! name: String! }
            type Organization @shareable { code: String! region: String! }
            """);
    }
}

using Federation.Gateway.Planning;
using Federation.GraphQL.Language;

namespace Federation.Gateway.Tests.Planning;

/// <summary>
/// Selections the planner keeps apart with generated aliases: one response name of two types in a
/// subgraph (<c>String!</c> and <c>String</c> on two members), and requirements of one field with
/// other arguments; and what a requirement may fetch that clients may not select (<c>@inaccessible</c>).
/// Each shape with its plan in a snapshot; the conformance suite runs them end to end.
/// </summary>
public sealed class AliasingPlanTests
{
    private static readonly FederatedGraph Nullability = FederatedGraph.Compose(
        ("cards", """
            type Query { wallet: [Card] }
            union Card = Bank | Transit
            type Bank @key(fields: "id") { id: ID! holder: String! @shareable owner: Owner! @shareable }
            type Transit @key(fields: "id") { id: ID! holder: String @shareable owner: Owner }
            type Owner @shareable { name: String }
            """),
        ("holders", """
            type Bank @key(fields: "id") { id: ID! holder: String @shareable owner: Owner @shareable }
            type Owner @shareable { name: String }
            """));

    [Fact]
    public void One_response_name_of_two_nullabilities_goes_under_a_generated_alias_for_the_second() => Nullability.ExpectPlan(
        """{ wallet { ... on Bank { holder } ... on Transit { holder } } }""");

    [Fact]
    public void The_client_alias_on_both_members_is_kept_apart_the_same_way() => Nullability.ExpectPlan(
        """{ wallet { ... on Transit { who: holder } ... on Bank { who: holder } } }""");

    [Fact]
    public void A_generated_alias_never_takes_a_name_the_client_uses() => Nullability.ExpectPlan(
        """{ wallet { ... on Bank { holder holder__alias_0: id } ... on Transit { holder } } }""");

    [Fact]
    public void A_composite_field_of_two_nullabilities_is_aliased_with_its_selections() => Nullability.ExpectPlan(
        """{ wallet { ... on Bank { owner { name } } ... on Transit { owner { name } } } }""");

    [Fact]
    public void The_fetch_says_which_alias_to_rename_back_and_where()
    {
        var plan = Nullability.Plan("""{ wallet { ... on Bank { owner { name } holder } ... on Transit { owner { name } holder } } }""");

        var fetch = Assert.IsType<FetchNode>(plan.Root);
        Assert.Equal(
            ["wallet.owner__alias_0 -> owner", "wallet.holder__alias_1 -> holder"],
            fetch.Renames.Select(r => string.Join('.', [.. r.Path, r.Alias]) + " -> " + r.ResponseName));
    }

    private static readonly FederatedGraph Prices = FederatedGraph.Compose(
        ("prices", """
            type Query { articles: [Article!]! }
            enum Currency { CNY EUR }
            type Article @key(fields: "sku") { sku: ID! price(currency: Currency! = CNY): Float! }
            """),
        ("customs", """
            enum Currency { CNY EUR }
            type Article @key(fields: "sku") {
              sku: ID!
              price(currency: Currency! = CNY): Float! @external
              duty: Float! @requires(fields: "price(currency: CNY)")
              overEuThreshold: Boolean! @requires(fields: "price(currency: EUR)")
              levy: Float! @requires(fields: "price(currency: CNY)")
            }
            """));

    [Fact]
    public void Two_requirements_of_one_field_with_other_arguments_get_an_alias_and_an_entity_fetch_each() => Prices.ExpectPlan(
        """{ articles { sku duty overEuThreshold } }""");

    [Fact]
    public void Requirements_with_the_same_arguments_share_a_value_and_a_fetch() => Prices.ExpectPlan(
        """{ articles { duty levy } }""");

    [Fact]
    public void The_client_s_own_selection_of_the_required_field_stays_its_own() => Prices.ExpectPlan(
        """{ articles { eur: price(currency: EUR) overEuThreshold price duty } }""");

    private static readonly FederatedGraph Inaccessible = FederatedGraph.Compose(
        ("people", """
            type Query { people: [Person!]! }
            type Person @key(fields: "id") { id: ID! name: String! creditScore: Int! @inaccessible kind: Kind! }
            enum Kind { RESIDENT VISITOR @inaccessible }
            """),
        ("risk", """
            type Person @key(fields: "id") { id: ID! creditScore: Int! @external risk: String! @requires(fields: "creditScore") }
            """));

    [Fact]
    public void An_inaccessible_field_a_requirement_needs_is_fetched_for_it() => Inaccessible.ExpectPlan(
        """{ people { name risk kind } }""");

    [Fact]
    public void A_client_alias_named_like_the_inaccessible_field_does_not_meet_it() => Inaccessible.ExpectPlan(
        """{ people { creditScore: name risk } }""");

    [Fact]
    public void An_inaccessible_field_is_not_selectable_by_a_client()
    {
        var errors = GraphQL.Validation.DocumentValidator.Validate(Inaccessible.Planning.Api, Parser.Parse("{ people { creditScore } }"));

        Assert.Equal("Cannot query field \"creditScore\" on type \"Person\".", Assert.Single(errors).Message);
    }
}

using Federation.Gateway.Composition;
using static Federation.Gateway.Tests.Composition.CompositionHarness;

namespace Federation.Gateway.Tests.Composition;

/// <summary>
/// Each composition rule's error names the subgraphs and the coordinates involved (the corpus
/// checks the codes against Apollo; these check what each error points at).
/// </summary>
public sealed class CompositionRuleTests
{
    [Fact]
    public void Field_sharing_names_the_field_and_every_subgraph_resolving_it()
    {
        ExpectErrors(
            ["INVALID_FIELD_SHARING [a, b, c] V.x"],
            """type Query { a: V } type V @shareable { x: Int }""",
            """type Query { b: V } type V { x: Int @shareable }""",
            """type Query { c: V } type V { x: Int }""");
    }

    [Fact]
    public void A_field_type_conflict_names_the_subgraphs_of_each_type()
    {
        ExpectErrors(
            ["FIELD_TYPE_MISMATCH [a, b] T.x"],
            """type Query { a: T } type T @shareable { x: Int }""",
            """type Query { b: T } type T @shareable { x: [Int] }""");
    }

    [Fact]
    public void A_kind_conflict_names_the_type()
    {
        ExpectErrors(
            ["TYPE_KIND_MISMATCH [a, b] T"],
            """type Query { a: T } type T { x: Int }""",
            """type Query { b(t: T): Int } input T { x: Int }""");
    }

    [Fact]
    public void A_requires_of_a_field_the_subgraph_resolves_names_both_fields()
    {
        ExpectErrors(
            ["REQUIRES_FIELDS_MISSING_EXTERNAL [b] T.cost, T.weight"],
            """type Query { a: T } type T @key(fields: "id") { id: ID! weight: Int @shareable }""",
            """type T @key(fields: "id") { id: ID! weight: Int @shareable cost: Int @requires(fields: "weight") }""");
    }

    [Fact]
    public void An_external_field_no_subgraph_resolves_is_missing_on_base()
    {
        ExpectErrors(
            ["EXTERNAL_MISSING_ON_BASE [a] T.weight"],
            """type Query { a: T } type T @key(fields: "id") { id: ID! weight: Int @external cost: Int @requires(fields: "weight") }""");
    }

    [Fact]
    public void A_required_argument_missing_elsewhere_names_where_it_is_required_and_missing()
    {
        ExpectErrors(
            ["REQUIRED_ARGUMENT_MISSING_IN_SOME_SUBGRAPH [b, a] T.f(x:)"],
            """type Query { a: T } type T @key(fields: "id") { id: ID! f: Int @shareable }""",
            """type T @key(fields: "id") { id: ID! f(x: Int!): Int @shareable }""");
    }

    [Fact]
    public void An_enum_used_both_ways_needs_the_same_values_everywhere()
    {
        ExpectErrors(
            ["ENUM_VALUE_MISMATCH [a, b] E.TWO"],
            """type Query { a(e: E): E } enum E { ONE TWO }""",
            """type Query { b: E } enum E { ONE }""");
    }

    [Fact]
    public void An_output_enum_takes_every_value_and_an_input_enum_the_common_ones()
    {
        var output = ExpectComposes("""type Query { a: E } enum E { ONE TWO }""", """type Query { b: E } enum E { TWO THREE }""");
        var input = ExpectComposes("""type Query { a(e: E): Int } enum E { ONE TWO }""", """type Query { b(e: E): Int } enum E { TWO THREE }""");

        Assert.Contains("THREE @join__enumValue(graph: B)", output, StringComparison.Ordinal);
        Assert.Contains("ONE @join__enumValue(graph: A)", output, StringComparison.Ordinal);
        Assert.DoesNotContain("THREE", input, StringComparison.Ordinal);
        Assert.DoesNotContain("  ONE", input, StringComparison.Ordinal);
        Assert.Contains("TWO @join__enumValue(graph: A) @join__enumValue(graph: B)", input, StringComparison.Ordinal);
    }

    [Fact]
    public void An_input_object_keeps_the_fields_every_subgraph_has()
    {
        var supergraph = ExpectComposes(
            """type Query { a(f: F): Int } input F { x: Int y: String }""",
            """type Query { b(f: F): Int } input F { x: Int z: Int }""");

        Assert.Contains("input F\n  @join__type(graph: A)\n  @join__type(graph: B)\n{\n  x: Int\n}", supergraph, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_selecting_an_interface_field_names_the_field()
    {
        ExpectErrors(
            ["KEY_FIELDS_SELECT_INVALID_TYPE [a] T.node"],
            """type Query { a: T } type T @key(fields: "node") { node: N } interface N { id: ID! } type M implements N { id: ID! }""");
    }

    [Fact]
    public void A_value_type_field_only_some_subgraphs_resolve_is_unsatisfiable_from_the_others()
    {
        ExpectErrors(
            ["SATISFIABILITY_ERROR [b] V.y"],
            """type Query { a: V } type V @shareable { x: Int y: Int }""",
            """type Query { b: V } type V @shareable { x: Int }""");
    }

    [Fact]
    public void An_entity_field_in_one_subgraph_is_reached_from_the_others_through_the_key()
    {
        var supergraph = ExpectComposes(
            """type Query { a: T } type T @key(fields: "id") { id: ID! x: Int }""",
            """type Query { b: T } type T @key(fields: "id") { id: ID! y: Int }""");

        Assert.Contains("  x: Int @join__field(graph: A)\n  y: Int @join__field(graph: B)", supergraph, StringComparison.Ordinal);
    }

    [Fact]
    public void An_inaccessible_type_a_visible_field_returns_is_refused()
    {
        ExpectErrors(
            ["REFERENCED_INACCESSIBLE [] T, Query.a"],
            """type Query { a: T } type T @inaccessible { x: Int }""");
    }

    [Fact]
    public void An_override_from_its_own_subgraph_is_refused()
    {
        ExpectErrors(
            ["OVERRIDE_FROM_SELF_ERROR [a] T.x"],
            """type Query { a: T } type T @key(fields: "id") { id: ID! x: Int @override(from: "a") }""");
    }

    private const string Accounts = """
        type Query { accounts: [Account!]! }
        interface Account @key(fields: "id") { id: ID! name: String! }
        type Savings implements Account @key(fields: "id") { id: ID! name: String! }
        """;

    [Fact]
    public void An_interface_object_without_a_key_is_named()
    {
        ExpectErrors(
            ["INTERFACE_OBJECT_USAGE_ERROR [b] Account"],
            Accounts,
            """type Query { richest: Account } type Account @interfaceObject { id: ID! owner: String! }""");
    }

    [Fact]
    public void An_interface_object_for_an_interface_no_subgraph_defines_names_where_it_is()
    {
        ExpectErrors(
            ["INTERFACE_OBJECT_USAGE_ERROR [b] Account"],
            """type Query { savings: [Savings!]! } type Savings @key(fields: "id") { id: ID! }""",
            """type Query { richest: Account } type Account @key(fields: "id") @interfaceObject { id: ID! owner: String! }""");
    }

    [Fact]
    public void An_interface_object_whose_subgraph_defines_an_implementation_names_both()
    {
        ExpectErrors(
            ["INTERFACE_OBJECT_USAGE_ERROR [b] Account, Savings"],
            Accounts,
            """
            type Query { richest: Account }
            type Account @key(fields: "id") @interfaceObject { id: ID! owner: String! }
            type Savings @key(fields: "id") { id: ID! rate: Float }
            """);
    }

    [Fact]
    public void A_field_both_an_implementation_and_an_interface_object_resolve_must_be_shareable()
    {
        ExpectErrors(
            ["INVALID_FIELD_SHARING [a, b] Savings.owner"],
            """
            type Query { accounts: [Account!]! }
            interface Account @key(fields: "id") { id: ID! name: String! }
            type Savings implements Account @key(fields: "id") { id: ID! name: String! owner: String! }
            """,
            """type Account @key(fields: "id") @interfaceObject { id: ID! owner: String! }""");
    }

    [Fact]
    public void An_interface_key_missing_on_an_implementation_names_it()
    {
        ExpectErrors(
            ["INTERFACE_KEY_NOT_ON_IMPLEMENTATION [a] Account, Savings"],
            """
            type Query { accounts: [Account!]! }
            interface Account @key(fields: "id") { id: ID! }
            type Savings implements Account { id: ID! }
            """);
    }

    [Fact]
    public void An_interface_object_no_subgraph_can_tell_the_concrete_type_of_is_unsatisfiable()
    {
        ExpectErrors(
            ["SATISFIABILITY_ERROR [b] Account"],
            """
            type Query { accounts: [Account!]! }
            interface Account { id: ID! name: String! }
            type Savings implements Account @key(fields: "id") { id: ID! name: String! }
            """,
            """type Query { richest: Account } type Account @key(fields: "id") @interfaceObject { id: ID! owner: String! }""");
    }

    [Fact]
    public void An_interface_object_composes_with_its_fields_on_every_implementation()
    {
        var result = SupergraphComposer.Compose([
            Subgraph("a", Accounts),
            Subgraph("b", """type Query { richest: Account } type Account @key(fields: "id") @interfaceObject { id: ID! owner: String! }"""),
        ]);

        Assert.Empty(result.Errors);
        var supergraph = Supergraph.Parse(result.SupergraphSdl!);
        Assert.Contains(supergraph.Types["Account"].Subgraphs, s => s is { Subgraph: "b", Key: "id", IsInterfaceObject: true });
        Assert.Empty(supergraph.Types["Savings"].Field("owner")!.Subgraphs);
        Assert.Equal(["b"], supergraph.Types["Account"].Field("owner")!.Subgraphs.Select(s => s.Subgraph));
    }
}

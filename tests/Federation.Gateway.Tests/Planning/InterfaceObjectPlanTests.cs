using Federation.Gateway.Planning;

namespace Federation.Gateway.Tests.Planning;

/// <summary>
/// @interfaceObject: a subgraph that knows an entity interface as one object type is sent
/// representations of the interface (<c>__typename</c> the interface's name) for any
/// implementation, and where it returns the interface, the concrete type is asked of a subgraph
/// that knows the implementations. Each shape planned and compared with its plan snapshot.
/// </summary>
public sealed class InterfaceObjectPlanTests
{
    private const string Accounts = """
        type Query { accounts: [Account!]! }
        interface Account @key(fields: "id") { id: ID! name: String! }
        type Savings implements Account @key(fields: "id") { id: ID! name: String! rate: Float! }
        type Checking implements Account @key(fields: "id") { id: ID! name: String! overdraft: Int! }
        """;

    private static readonly FederatedGraph Bank = FederatedGraph.Compose(
        ("accounts", Accounts),
        ("owners", """
            type Query { richest: Account }
            type Account @key(fields: "id") @interfaceObject { id: ID! owner: String! }
            """),
        ("greetings", """
            type Account @key(fields: "id") @interfaceObject {
              id: ID!
              name: String! @external
              salutation: String! @requires(fields: "name")
            }
            """),
        ("offers", """
            type Query { featured: [Savings!]! }
            type Savings @key(fields: "id") { id: ID! }
            """),
        ("flags", """
            type Query { flagged: [Account!]! }
            type Account @key(fields: "id", resolvable: false) @interfaceObject { id: ID! }
            """));

    /// <summary>Each account is sent to "owners" as an Account: its __typename rewritten to the interface's name.</summary>
    [Fact]
    public void A_field_only_the_interface_object_resolves_is_fetched_by_the_interfaces_key() => Bank.ExpectPlan(
        """{ accounts { name owner } }""");

    [Fact]
    public void The_concrete_typename_and_fragments_stay_with_the_subgraph_that_knows_the_implementations() => Bank.ExpectPlan(
        """{ accounts { __typename owner ... on Checking { overdraft } } }""");

    [Fact]
    public void A_field_of_an_implementation_that_only_the_interface_object_resolves_is_fetched_as_the_interface() => Bank.ExpectPlan(
        """{ accounts { ... on Savings { owner } } }""");

    /// <summary>"owners" answers __typename "Account", which is no object type: "accounts" tells the concrete one.</summary>
    [Fact]
    public void The_concrete_type_of_an_interface_object_is_asked_of_the_subgraph_that_knows_it() => Bank.ExpectPlan(
        """{ richest { owner } }""");

    [Fact]
    public void A_field_the_interface_object_lacks_is_fetched_with_the_concrete_typename() => Bank.ExpectPlan(
        """{ richest { id owner name } }""");

    [Fact]
    public void Fragments_on_implementations_go_to_the_subgraph_that_knows_them() => Bank.ExpectPlan(
        """{ richest { __typename ... on Savings { rate } ... on Checking { overdraft } } }""");

    [Fact]
    public void A_fragment_on_the_interface_itself_stays_with_the_interface_object() => Bank.ExpectPlan(
        """{ richest { ... on Account { owner } ... on Savings { rate } } }""");

    [Fact]
    public void A_field_of_the_interface_object_inside_a_fragment_on_an_implementation_goes_back_to_it() => Bank.ExpectPlan(
        """{ richest { ... on Savings { owner } } }""");

    [Fact]
    public void A_conditional_fragment_on_an_implementation_keeps_its_condition() => Bank.ExpectPlan(
        """query ($x: Boolean!) { richest { owner ... on Savings @include(if: $x) { rate } } }""");

    [Fact]
    public void A_named_fragment_with_a_requiring_field_goes_through_the_subgraph_that_knows_the_implementations() => Bank.ExpectPlan(
        """{ richest { ...rates } } fragment rates on Savings { rate salutation }""");

    [Fact]
    public void A_requiring_field_of_an_interface_object_gets_its_required_fields_in_the_representation() => Bank.ExpectPlan(
        """{ accounts { id salutation } }""");

    [Fact]
    public void A_requiring_field_of_an_interface_object_under_a_fragment_on_an_implementation() => Bank.ExpectPlan(
        """{ accounts { ... on Savings { rate salutation } } }""");

    [Fact]
    public void A_requiring_field_asked_where_another_interface_object_returns_the_interface() => Bank.ExpectPlan(
        """{ richest { salutation } }""");

    /// <summary>"offers" knows Savings alone, not Account: its Savings are sent to "owners" as Accounts.</summary>
    [Fact]
    public void A_third_subgraphs_implementation_reaches_the_interface_object_by_the_interfaces_key() => Bank.ExpectPlan(
        """{ featured { id owner } }""");

    [Fact]
    public void An_implementation_from_a_third_subgraph_reaches_three_others() => Bank.ExpectPlan(
        """{ featured { name rate owner salutation } }""");

    [Fact]
    public void A_non_resolvable_interface_object_gets_the_interfaces_fields_from_the_subgraph_that_defines_it() => Bank.ExpectPlan(
        """{ flagged { id name } }""");

    [Fact]
    public void A_non_resolvable_interface_object_gets_its_concrete_type_from_the_subgraph_that_defines_the_interface() => Bank.ExpectPlan(
        """{ flagged { __typename ... on Checking { overdraft } } }""");

    [Fact]
    public void One_interface_object_reaches_another_by_the_interfaces_key() => Bank.ExpectPlan(
        """{ flagged { owner } }""");

    [Fact]
    public void A_conditional_fragment_sends_no_empty_fragment_to_the_subgraph() => Bank.ExpectPlan(
        """query ($x: Boolean!) { accounts { ... on Savings @include(if: $x) { rate } } }""");

    [Fact]
    public void A_conditional_fragment_on_an_implementation_reaching_the_interface_object_keeps_its_condition() => Bank.ExpectPlan(
        """query ($x: Boolean!) { accounts { ... on Savings @include(if: $x) { owner } } }""");

    /// <summary>Composed by Apollo's composition 2.14.4: the gateway reads <c>isInterfaceObject</c> from a supergraph file.</summary>
    private static readonly FederatedGraph Media = FederatedGraph.FromSupergraph(
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
    public void A_supergraph_composed_by_Apollo_is_planned_alike() => Media.ExpectPlan(
        """{ topMedia { id title reviewCount } }""");

    [Fact]
    public void The_entity_fetch_of_an_interface_object_says_which_types_it_sends_as_the_interface()
    {
        var plan = Media.Plan("""{ media { ... on Book { reviewCount } } }""");

        var fetch = Assert.IsType<FetchNode>(Assert.IsType<FlattenNode>(Assert.IsType<SequenceNode>(plan.Root).Nodes[1]).Node);
        Assert.Equal("reviews", fetch.Subgraph);
        Assert.Equal(["Book as Media", "Media as Media"], fetch.TypenameRewrites!.Select(r => r.Key + " as " + r.Value).Order(StringComparer.Ordinal));
    }

    /// <summary>A supergraph whose interface has no key where it is defined: nothing can tell the concrete type of what "reviews" returns.</summary>
    private static readonly FederatedGraph MediaWithoutInterfaceKey = FederatedGraph.FromSupergraph(
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
          @join__type(graph: MEDIA)
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
            interface Media { id: ID! title: String }
            type Book implements Media @key(fields: "id") { id: ID! title: String }
            """),
        ("reviews", """
            type Query { topMedia: Media }
            type Media @key(fields: "id") @interfaceObject { id: ID! reviewCount: Int }
            """));

    [Fact]
    public void An_interface_object_whose_concrete_type_nothing_can_tell_is_refused_naming_the_field() =>
        Assert.Equal(
            "Query.topMedia returns Media, an @interfaceObject in subgraph \"reviews\", and no subgraph that defines the interface can look it up by a key the fetch gives, to tell its concrete type.",
            MediaWithoutInterfaceKey.ExpectRefused("""{ topMedia { reviewCount } }"""));

    [Fact]
    public void A_field_of_an_implementation_the_interface_object_resolves_still_plans_without_the_interface_key() => MediaWithoutInterfaceKey.ExpectPlan(
        """{ media { ... on Book { reviewCount } } }""");
}

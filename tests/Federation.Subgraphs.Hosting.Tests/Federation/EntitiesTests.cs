using System.Collections.Concurrent;
using Federation.GraphQL;

namespace Federation.Subgraphs.Hosting.Tests.Federation;

public sealed class EntitiesTests
{
    private static readonly Dictionary<string, Dictionary<string, object?>> People = new()
    {
        ["p1"] = new() { ["id"] = "p1", ["name"] = new Dictionary<string, object?> { ["family"] = "Virtanen", ["given"] = "Aino" } },
        ["p2"] = new() { ["id"] = "p2", ["name"] = new Dictionary<string, object?> { ["family"] = "Korhonen", ["given"] = "Eero" } },
    };

    private static readonly Dictionary<string, Address> Addresses = new()
    {
        ["a1"] = new("a1", "Mannerheimintie 1"),
    };

    private sealed record Address(string Id, string Line);

    /// <summary>A subgraph whose resolvers record every batch they receive.</summary>
    private static (Subgraph Subgraph, ConcurrentQueue<string> Calls) Population()
    {
        var calls = new ConcurrentQueue<string>();
        var subgraph = Subgraph.FromSdl(SubgraphSchemaTests.PopulationSdl)
            .Entity("Person", async (representations, context) =>
            {
                calls.Enqueue("Person[" + string.Join(",", representations.Select(r => r.KeyFields == "id" ? r.GetString("id") : r.Key["name"] is IReadOnlyDictionary<string, object?> n ? n["family"] : "?")) + "]");
                await Task.Yield();
                return representations.Select(r => r.KeyFields == "id"
                    ? People.GetValueOrDefault(r.GetString("id")!)
                    : People.Values.FirstOrDefault(p => Equals(((Dictionary<string, object?>)p["name"]!)["family"], ((IReadOnlyDictionary<string, object?>)r.Key["name"]!)["family"]))).ToList<object?>();
            })
            .Entity("Address", (representations, context) =>
            {
                calls.Enqueue("Address[" + string.Join(",", representations.Select(r => r.GetString("id"))) + "]");
                return new(representations.Select(r => (object?)Addresses.GetValueOrDefault(r.GetString("id")!)).ToList());
            });
        return (subgraph, calls);
    }

    private const string EntitiesQuery = """
        query ($representations: [_Any!]!) {
          _entities(representations: $representations) {
            __typename
            ... on Person { id name { given } }
            ... on Address { id line }
          }
        }
        """;

    [Fact]
    public async Task Mixed_types_go_to_one_batch_per_type_and_come_back_in_order()
    {
        var (subgraph, calls) = Population();

        await SubgraphHarness.ExpectJsonAsync(subgraph, EntitiesQuery,
            """
            { "data": { "_entities": [
              { "__typename": "Person", "id": "p2", "name": { "given": "Eero" } },
              { "__typename": "Address", "id": "a1", "line": "Mannerheimintie 1" },
              null,
              { "__typename": "Person", "id": "p1", "name": { "given": "Aino" } },
              null
            ] } }
            """,
            """
            { "representations": [
              { "__typename": "Person", "id": "p2" },
              { "__typename": "Address", "id": "a1" },
              { "__typename": "Person", "id": "p404" },
              { "__typename": "Person", "id": "p1" },
              { "__typename": "Address", "id": "a404" }
            ] }
            """);

        Assert.Equal(["Person[p2,p404,p1]", "Address[a1,a404]"], calls.OrderBy(c => c, StringComparer.Ordinal).Reverse());
    }

    [Fact]
    public async Task A_representation_may_use_any_resolvable_key_including_a_nested_one()
    {
        var (subgraph, calls) = Population();

        await SubgraphHarness.ExpectJsonAsync(subgraph, EntitiesQuery,
            """{ "data": { "_entities": [ { "__typename": "Person", "id": "p1", "name": { "given": "Aino" } } ] } }""",
            """{ "representations": [ { "__typename": "Person", "name": { "family": "Virtanen", "given": "Aino" } } ] }""");

        Assert.Equal(["Person[Virtanen]"], calls);
    }

    [Fact]
    public async Task Representations_written_as_literals_resolve_too()
    {
        var (subgraph, _) = Population();

        await SubgraphHarness.ExpectJsonAsync(subgraph,
            """{ _entities(representations: [{ __typename: "Address", id: "a1" }]) { ... on Address { line } } }""",
            """{ "data": { "_entities": [ { "line": "Mannerheimintie 1" } ] } }""");
    }

    [Fact]
    public async Task Invalid_representations_get_an_error_at_their_index_and_the_rest_resolve()
    {
        var (subgraph, calls) = Population();

        await SubgraphHarness.ExpectJsonAsync(subgraph, EntitiesQuery,
            """
            {
              "errors": [
                { "message": "A representation must be an object with a string \"__typename\".", "locations": [ { "line": 2, "column": 3 } ], "path": [ "_entities", 0 ], "extensions": { "code": "INVALID_REPRESENTATION" } },
                { "message": "The representation's __typename \"Planet\" is not an entity type of this subgraph.", "locations": [ { "line": 2, "column": 3 } ], "path": [ "_entities", 1 ], "extensions": { "code": "UNKNOWN_ENTITY_TYPE" } },
                { "message": "The representation of \"Person\" lacks the fields of every @key: \"id\", \"name { family given }\".", "locations": [ { "line": 2, "column": 3 } ], "path": [ "_entities", 2 ], "extensions": { "code": "MISSING_KEY_FIELDS" } },
                { "message": "The representation of \"Person\" lacks the fields of every @key: \"id\", \"name { family given }\".", "locations": [ { "line": 2, "column": 3 } ], "path": [ "_entities", 3 ], "extensions": { "code": "MISSING_KEY_FIELDS" } },
                { "message": "\"Municipality\" has no resolvable @key in this subgraph.", "locations": [ { "line": 2, "column": 3 } ], "path": [ "_entities", 4 ], "extensions": { "code": "MISSING_KEY_FIELDS" } },
                { "message": "A representation must be an object with a string \"__typename\".", "locations": [ { "line": 2, "column": 3 } ], "path": [ "_entities", 6 ], "extensions": { "code": "INVALID_REPRESENTATION" } }
              ],
              "data": { "_entities": [ null, null, null, null, null, { "__typename": "Person", "id": "p1", "name": { "given": "Aino" } }, null ] }
            }
            """,
            """
            { "representations": [
              { "id": "p1" },
              { "__typename": "Planet", "id": "earth" },
              { "__typename": "Person", "ident": "p1" },
              { "__typename": "Person", "name": { "family": "Virtanen" } },
              { "__typename": "Municipality", "code": "091" },
              { "__typename": "Person", "id": "p1" },
              "Person:p1"
            ] }
            """);

        Assert.Equal(["Person[p1]"], calls);
    }

    [Fact]
    public async Task A_resolver_that_fails_or_breaks_the_contract_fails_only_its_own_entries()
    {
        var subgraph = Subgraph.FromSdl(SubgraphSchemaTests.PopulationSdl)
            .Entity("Person", (r, c) => throw new GraphQLException(new GraphQLError("register offline", extensions: new Dictionary<string, object?> { ["code"] = "UNAVAILABLE" })))
            .Entity("Address", (r, c) => new([new Address("a1", "x"), new Address("a2", "y")]));

        await SubgraphHarness.ExpectJsonAsync(subgraph, EntitiesQuery,
            """
            {
              "errors": [
                { "message": "register offline", "locations": [ { "line": 2, "column": 3 } ], "path": [ "_entities", 0 ], "extensions": { "code": "UNAVAILABLE" } },
                { "message": "The entity resolver of \"Address\" answered 2 entries for 1 representations.", "locations": [ { "line": 2, "column": 3 } ], "path": [ "_entities", 1 ], "extensions": { "code": "ENTITY_RESOLVER_CONTRACT" } }
              ],
              "data": { "_entities": [ null, null ] }
            }
            """,
            """{ "representations": [ { "__typename": "Person", "id": "p1" }, { "__typename": "Address", "id": "a1" } ] }""");
    }

    [Fact]
    public async Task An_entity_resolver_sees_the_request_context_and_its_cancellation()
    {
        object? seen = null;
        var subgraph = Subgraph.FromSdl(SubgraphSchemaTests.PopulationSdl)
            .Entity("Person", (r, c) =>
            {
                seen = c.RequestContext;
                return new(r.Select(_ => (object?)null).ToList());
            })
            .Entity("Address", (r, c) => new(new object?[r.Count]));
        var context = new object();

        var document = global::Federation.GraphQL.Language.Parser.Parse("""{ _entities(representations: [{ __typename: "Person", id: "p1" }]) { __typename } }""");
        var result = await global::Federation.GraphQL.Execution.Executor.ExecuteAsync(
            new() { Schema = subgraph.Schema, Document = document, Context = context },
            TestContext.Current.CancellationToken);

        Assert.Equal("""{"data":{"_entities":[null]}}""", result.ToJson());
        Assert.Same(context, seen);
    }
}

public sealed class EntityRegistrationTests
{
    [Fact]
    public async Task A_keyed_resolver_fetches_each_distinct_key_once_and_answers_in_order()
    {
        var fetched = new List<string>();
        var subgraph = Subgraph.FromSdl("""
            extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
            type Company @key(fields: "businessId") { businessId: ID! name: String }
            """)
            .Entity("Company", r => r.GetString("businessId")!, (ids, context) =>
            {
                fetched.Add(string.Join(",", ids));
                IReadOnlyDictionary<string, object> rows = ids.Where(id => id != "0000000-0")
                    .ToDictionary(id => id, id => (object)new Dictionary<string, object?> { ["businessId"] = id, ["name"] = "Company " + id });
                return new(rows);
            });

        await SubgraphHarness.ExpectJsonAsync(subgraph,
            """
            { _entities(representations: [
                { __typename: "Company", businessId: "1234567-8" },
                { __typename: "Company", businessId: "0000000-0" },
                { __typename: "Company", businessId: "1234567-8" },
                { __typename: "Company", businessId: "7654321-0" }
              ]) { ... on Company { name } } }
            """,
            """{ "data": { "_entities": [ { "name": "Company 1234567-8" }, null, { "name": "Company 1234567-8" }, { "name": "Company 7654321-0" } ] } }""");

        Assert.Equal(["1234567-8,0000000-0,7654321-0"], fetched);
    }

    [Fact]
    public async Task Extending_a_type_the_subgraph_does_not_define_defines_it_as_federation_v2_does()
    {
        var subgraph = Subgraph.FromSdl("""
            extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@external"])
            extend type Query { licence(id: ID!): Licence }
            type Licence @key(fields: "id") { id: ID! holder: Person }
            extend type Person @key(fields: "id") { id: ID! @external licences: [Licence!]! }
            """)
            .Bind("Query.licence", c => new(new Dictionary<string, object?> { ["id"] = c.Arguments["id"], ["holder"] = new Dictionary<string, object?> { ["id"] = "p1" } }))
            .Entity("Licence", (r, c) => new(new object?[r.Count]))
            .Entity("Person", (r, c) => new(r.Select(x => (object?)new Dictionary<string, object?> { ["id"] = x.GetString("id"), ["licences"] = Array.Empty<object>() }).ToList()));

        Assert.Equal(["Licence", "Person"], subgraph.EntityTypes);
        await SubgraphHarness.ExpectJsonAsync(subgraph,
            """{ licence(id: "L1") { id holder { id } } _entities(representations: [{ __typename: "Person", id: "p1" }]) { ... on Person { licences { id } } } }""",
            """{ "data": { "licence": { "id": "L1", "holder": { "id": "p1" } }, "_entities": [ { "licences": [] } ] } }""");
    }
}

using System.Text.Json.Nodes;
using Federation.Gateway.Authorization;
using Federation.Gateway.Tests.Authorization;
using static Federation.Gateway.Tests.Caching.CacheSubgraphs;

namespace Federation.Gateway.Tests.Caching;

/// <summary>
/// A root lookup by a list of keys (<c>personsByIdNumbers(idNumbers:)</c>) served from the cache as entities, against
/// real Redis: the subgraph is asked only for the keys the cache lacks, each once, and the answer keeps the list's
/// order, its repeated keys and the subgraph's null for a number the register does not hold — a null that is never
/// cached.
/// </summary>
public sealed class RootListLookupTests : IAsyncLifetime
{
    private const string ByIdNumbers = """
        query ($ids: [IdNumber!]!) { personsByIdNumbers(idNumbers: $ids) { idNumber name gender } }
        """;

    /// <summary>A well-formed identity number the register does not hold.</summary>
    private static readonly string Unknown = "33020319900101999" + Federation.Subgraphs.Hosting.Scalars.IdNumber.CheckDigit("33020319900101999");

    private CacheHarness harness = null!;

    public async ValueTask InitializeAsync() => harness = await CacheHarness.StartAsync();

    public async ValueTask DisposeAsync() => await harness.DisposeAsync();

    private static string Ids(params string[] ids) => new JsonObject { ["ids"] = new JsonArray([.. ids.Select(id => (JsonNode?)JsonValue.Create(id))]) }.ToJsonString();

    private static string Person(int i) => $$$"""{"idNumber":"{{{Persons[i]}}}","name":"{{{Name(i)}}}","gender":"{{{(i % 2 == 0 ? "MALE" : "FEMALE")}}}"}""";

    /// <summary>The identity numbers each population request since <paramref name="before"/> asked by list, as it sent them.</summary>
    private List<string> ListsAskedSince(int before) =>
        [.. harness.Subgraphs.Requests["population"].Skip(before).Select(body =>
        {
            var variables = JsonNode.Parse(body)!["variables"]!.AsObject();
            return string.Join(',', variables.Where(variable => variable.Value is JsonArray).SelectMany(variable => variable.Value!.AsArray().Select(id => (string)id!)));
        })];

    [Fact]
    public async Task A_partial_hit_asks_the_subgraph_only_for_the_missing_keys_and_keeps_order_repeats_and_nulls()
    {
        var gateway = harness.Gateway(harness.Cache());
        await CacheHarness.RunAsync(gateway, ByIdNumbers, Ids(Persons[0], Persons[1]));
        var before = harness.Subgraphs.Asked("population");

        var response = await CacheHarness.RunAsync(gateway, ByIdNumbers, Ids(Persons[3], Persons[0], Unknown, Persons[3], Persons[1]));

        Assert.Null(response["errors"]);
        Assert.Equal($$"""{"personsByIdNumbers":[{{Person(3)}},{{Person(0)}},null,{{Person(3)}},{{Person(1)}}]}""", response["data"]!.ToJsonString());
        Assert.Equal([$"{Persons[3]},{Unknown}"], ListsAskedSince(before));

        // Person 3 is kept now; the unknown number is not kept as anything, so it alone is asked again.
        var again = await CacheHarness.RunAsync(gateway, ByIdNumbers, Ids(Persons[3], Persons[0], Unknown, Persons[3], Persons[1]), exposePlan: true);

        Assert.Equal(response["data"]!.ToJsonString(), again["data"]!.ToJsonString());
        Assert.Equal([$"{Persons[3]},{Unknown}", Unknown], ListsAskedSince(before));
        Assert.Equal(4, again["extensions"]!["cache"]!["entities"]!.AsArray().Count);
    }

    [Fact]
    public async Task A_list_the_cache_holds_in_full_asks_nothing_and_shares_entries_with_entity_fetches_and_single_lookups()
    {
        var gateway = harness.Gateway(harness.Cache());
        await CacheHarness.RunAsync(gateway, """
            query ($first: Int) { licences(first: $first) { edges { node { holder { ... on Person { idNumber name gender } } } } } }
            """, """{"first": 2}""");
        await CacheHarness.RunAsync(gateway, $$"""{ person(idNumber: "{{Persons[5]}}") { idNumber name gender } }""");
        var before = harness.Subgraphs.Asked("population");

        var response = await CacheHarness.RunAsync(gateway, $$"""
            { a: personsByIdNumbers(idNumbers: ["{{Persons[5]}}", "{{Persons[1]}}"]) { idNumber n: name gender } b: personsByIdNumbers(idNumbers: []) { name } }
            """);

        Assert.Null(response["errors"]);
        Assert.Equal(
            $$$"""{"a":[{"idNumber":"{{{Persons[5]}}}","n":"{{{Name(5)}}}","gender":"FEMALE"},{"idNumber":"{{{Persons[1]}}}","n":"{{{Name(1)}}}","gender":"FEMALE"}],"b":[]}""",
            response["data"]!.ToJsonString());
        Assert.Equal(before, harness.Subgraphs.Asked("population"));

        // And what the list lookup kept serves a single lookup.
        await CacheHarness.RunAsync(gateway, ByIdNumbers, Ids(Persons[7]));
        var single = await CacheHarness.RunAsync(gateway, $$"""{ person(idNumber: "{{Persons[7]}}") { idNumber name gender } }""");
        Assert.Equal($$"""{"person":{{Person(7)}}}""", single["data"]!.ToJsonString());
        Assert.Equal(before + 1, harness.Subgraphs.Asked("population"));
    }

    [Fact]
    public async Task A_list_with_a_conditional_field_is_sent_whole_and_the_conditional_values_never_reach_Redis()
    {
        var grants = new GrantList(TestCatalogue.Grant(TestCatalogue.NingboMarketSupervision, CacheHarness.ResidenceResource, Federation.Gateway.Catalogue.Purpose.WorkReference, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1)));
        var gateway = harness.Gateway(harness.Cache(), grants);
        const string WithResidence = """
            query ($ids: [IdNumber!]!) { personsByIdNumbers(idNumbers: $ids) { idNumber name residenceAddress } }
            """;
        await CacheHarness.RunAsync(gateway, ByIdNumbers, Ids(Persons[2]));
        var before = harness.Subgraphs.Asked("population");

        var response = await CacheHarness.RunAsync(gateway, WithResidence, Ids(Persons[2], Persons[4]));

        Assert.Null(response["errors"]);
        Assert.Equal(Residence(2), (string?)response["data"]!["personsByIdNumbers"]![0]!["residenceAddress"]);
        Assert.Equal([$"{Persons[2]},{Persons[4]}"], ListsAskedSince(before));
        var entries = await harness.RedisEntriesAsync();
        Assert.NotEmpty(entries);
        Assert.DoesNotContain(entries, entry => entry.Value.Contains("RESIDENCE-MARKER", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_item_for_another_key_than_asked_is_not_cached_under_the_key_asked()
    {
        var gateway = harness.Gateway(harness.Cache());
        harness.Subgraphs.Swapped[Persons[9]] = Persons[0];
        await CacheHarness.RunAsync(gateway, ByIdNumbers, Ids(Persons[9]));
        harness.Subgraphs.Swapped.Clear();
        var before = harness.Subgraphs.Asked("population");

        var response = await CacheHarness.RunAsync(gateway, ByIdNumbers, Ids(Persons[9]));

        Assert.Equal($$"""{"personsByIdNumbers":[{{Person(9)}}]}""", response["data"]!.ToJsonString());
        Assert.Equal(before + 1, harness.Subgraphs.Asked("population"));
    }
}

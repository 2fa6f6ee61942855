using System.Text.Json.Nodes;
using Federation.Gateway.Authorization;
using Federation.Gateway.Caching;
using Federation.Gateway.Tests.Audit;
using Federation.Gateway.Tests.Authorization;
using static Federation.Gateway.Tests.Caching.CacheSubgraphs;

namespace Federation.Gateway.Tests.Caching;

/// <summary>
/// The entity cache in the fetch stage, against real Redis: what is served from it and what is still
/// asked of the subgraphs, what never enters it, how long entries live, and how it resists a caller or a
/// subgraph that tries to put the wrong values under a key.
/// </summary>
public sealed class EntityCacheTests : IAsyncLifetime
{
    private const string Holders = """
        query ($first: Int) { licences(first: $first) { edges { node { number holder { ... on Person { idNumber name gender } } } } } }
        """;

    private CacheHarness harness = null!;

    public async ValueTask InitializeAsync() => harness = await CacheHarness.StartAsync();

    public async ValueTask DisposeAsync() => await harness.DisposeAsync();

    private static IEnumerable<JsonNode> HolderNodes(JsonNode response) =>
        response["data"]!["licences"]!["edges"]!.AsArray().Select(edge => edge!["node"]!["holder"]!);

    [Fact]
    public async Task A_partial_hit_asks_the_subgraph_only_for_the_misses()
    {
        var gateway = harness.Gateway(harness.Cache());
        await CacheHarness.RunAsync(gateway, Holders, """{"first": 4}""");
        var before = harness.Subgraphs.Asked("population");

        var response = await CacheHarness.RunAsync(gateway, Holders, """{"first": 10}""");

        Assert.Null(response["errors"]);
        Assert.Equal(
            Enumerable.Range(0, 10).Select(i => $"{Persons[i]} {Name(i)}"),
            HolderNodes(response).Select(holder => $"{holder["idNumber"]} {holder["name"]}"));
        Assert.Equal([(6, 0)], harness.Subgraphs.RepresentationsSince("population", before));
    }

    [Fact]
    public async Task Entities_all_cached_ask_no_subgraph_and_the_operators_plan_header_lists_them()
    {
        var gateway = harness.Gateway(harness.Cache());
        await CacheHarness.RunAsync(gateway, Holders, """{"first": 3}""");
        var before = harness.Subgraphs.Asked("population");

        var response = await CacheHarness.RunAsync(gateway, Holders, """{"first": 3}""", exposePlan: true);

        Assert.Equal(before, harness.Subgraphs.Asked("population"));
        Assert.Equal([Name(0), Name(1), Name(2)], HolderNodes(response).Select(holder => (string?)holder["name"]));
        var served = response["extensions"]!["cache"]!["entities"]!.AsArray();
        Assert.Equal(
            Enumerable.Range(0, 3).Select(i => $$$"""{"subgraph":"population","type":"Person","key":{"idNumber":"{{{Persons[i]}}}"}}"""),
            served.Select(entity => entity!.ToJsonString()));
    }

    [Fact]
    public async Task Without_the_plan_header_the_answer_says_nothing_of_the_cache()
    {
        var gateway = harness.Gateway(harness.Cache());
        await CacheHarness.RunAsync(gateway, Holders, """{"first": 2}""");

        var response = await CacheHarness.RunAsync(gateway, Holders, """{"first": 2}""");

        Assert.Null(response["extensions"]);
    }

    [Fact]
    public async Task A_lookup_by_key_at_the_root_is_served_as_the_entity_an_entity_fetch_cached()
    {
        var gateway = harness.Gateway(harness.Cache());
        await CacheHarness.RunAsync(gateway, Holders, """{"first": 2}""");
        var before = harness.Subgraphs.Asked("population");

        var response = await CacheHarness.RunAsync(gateway, $$"""{ person(idNumber: "{{Persons[1]}}") { idNumber name gender } }""");
        var again = await CacheHarness.RunAsync(gateway, """query ($id: IdNumber!) { p: person(idNumber: $id) { n: name } }""", $$"""{"id": "{{Persons[0]}}"}""");

        Assert.Equal($$$"""{"person":{"idNumber":"{{{Persons[1]}}}","name":"{{{Name(1)}}}","gender":"FEMALE"}}""", response["data"]!.ToJsonString());
        Assert.Equal($$$"""{"p":{"n":"{{{Name(0)}}}"}}""", again["data"]!.ToJsonString());
        Assert.Equal(before, harness.Subgraphs.Asked("population"));
    }

    [Fact]
    public async Task A_root_lookup_the_cache_lacks_is_asked_and_then_served_to_entity_fetches()
    {
        var gateway = harness.Gateway(harness.Cache());
        await CacheHarness.RunAsync(gateway, $$"""{ person(idNumber: "{{Persons[0]}}") { idNumber name gender } }""");
        var before = harness.Subgraphs.Asked("population");

        await CacheHarness.RunAsync(gateway, Holders, """{"first": 1}""");

        Assert.Equal(before, harness.Subgraphs.Asked("population"));
    }

    [Fact]
    public async Task Conditional_and_division_scoped_fields_never_reach_Redis_and_are_asked_for_cached_entities_too()
    {
        var grants = new GrantList(TestCatalogue.Grant(TestCatalogue.NingboMarketSupervision, CacheHarness.ResidenceResource, Federation.Gateway.Catalogue.Purpose.WorkReference, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1)));
        var gateway = harness.Gateway(harness.Cache(), grants);
        const string Query = """
            query ($first: Int) { licences(first: $first) { edges { node { holder { ... on Person { name residenceAddress registeredAddress } } } } } }
            """;
        await CacheHarness.RunAsync(gateway, Query, """{"first": 3}""");
        var before = harness.Subgraphs.Asked("population");

        var response = await CacheHarness.RunAsync(gateway, Query, """{"first": 3}""");

        Assert.Null(response["errors"]);
        Assert.Equal(
            Enumerable.Range(0, 3).Select(i => $"{Name(i)} {Residence(i)} {RegisteredAddress(i)}"),
            HolderNodes(response).Select(holder => $"{holder["name"]} {holder["residenceAddress"]} {holder["registeredAddress"]}"));
        // The three are cached: the subgraph is asked for their conditional fields alone.
        Assert.Equal([(3, 0)], harness.Subgraphs.RepresentationsSince("population", before));
        var sent = (string)JsonNode.Parse(harness.Subgraphs.Requests["population"].Last())!["query"]!;
        Assert.Matches(@"\bresidenceAddress\b", sent);
        Assert.Matches(@"\bregisteredAddress\b", sent);
        Assert.DoesNotMatch(@"\bname\b", sent);

        var entries = await harness.RedisEntriesAsync();
        Assert.Contains(entries, entry => entry.Value.Contains(Name(0), StringComparison.Ordinal));
        Assert.DoesNotContain(entries, entry => entry.Value.Contains("RESIDENCE-MARKER", StringComparison.Ordinal));
        Assert.DoesNotContain(entries, entry => entry.Value.Contains("REGISTERED-ADDRESS-MARKER", StringComparison.Ordinal));
        Assert.DoesNotContain(entries, entry => entry.Key.Contains(CacheHarness.ResidenceResource, StringComparison.Ordinal) || entry.Key.Contains(CacheHarness.AddressResource, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_revoked_grant_takes_effect_at_once_though_the_entity_is_cached()
    {
        var grant = TestCatalogue.Grant(TestCatalogue.NingboMarketSupervision, CacheHarness.ResidenceResource, Federation.Gateway.Catalogue.Purpose.WorkReference, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        var grants = new GrantList(grant);
        var gateway = harness.Gateway(harness.Cache(), grants);
        var query = $$"""{ person(idNumber: "{{Persons[4]}}") { name residenceAddress } }""";
        var granted = await CacheHarness.RunAsync(gateway, query);
        await CacheHarness.RunAsync(gateway, query);

        grants.Revoke(grant.Id, DateTimeOffset.UtcNow);
        var revoked = await CacheHarness.RunAsync(gateway, query);

        Assert.Equal($$$"""{"person":{"name":"{{{Name(4)}}}","residenceAddress":"{{{Residence(4)}}}"}}""", granted["data"]!.ToJsonString());
        Assert.Equal($$$"""{"person":{"name":"{{{Name(4)}}}","residenceAddress":null}}""", revoked["data"]!.ToJsonString());
        Assert.Equal(AuthorizationErrorCodes.ShareGrantRequired, (string?)revoked["errors"]![0]!["extensions"]!["code"]);
    }

    [Fact]
    public async Task Entry_lifetimes_follow_the_catalogues_update_frequency()
    {
        var gateway = harness.Gateway(harness.Cache());

        await CacheHarness.RunAsync(gateway, $$"""{ person(idNumber: "{{Persons[5]}}") { idNumber name birthDate } }""");

        var entries = await WaitForEntriesAsync(2);
        var daily = Assert.Single(entries, entry => entry.Key.Contains(CacheHarness.BaseResource, StringComparison.Ordinal));
        var realTime = Assert.Single(entries, entry => entry.Key.Contains(CacheHarness.BirthResource, StringComparison.Ordinal));
        Assert.InRange(daily.Ttl!.Value, TimeSpan.FromHours(23), TimeSpan.FromDays(1));
        Assert.InRange(realTime.Ttl!.Value, TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task Real_time_resources_are_not_cached_without_change_events()
    {
        var gateway = harness.Gateway(harness.Cache(configure: options => options.ChangeEvents = false));
        var query = $$"""{ person(idNumber: "{{Persons[6]}}") { idNumber name birthDate } }""";
        await CacheHarness.RunAsync(gateway, query);
        var before = harness.Subgraphs.Asked("population");

        var response = await CacheHarness.RunAsync(gateway, query);

        Assert.Equal(BirthDate(6), (string?)response["data"]!["person"]!["birthDate"]);
        Assert.Equal(before + 1, harness.Subgraphs.Asked("population"));
        var entries = await WaitForEntriesAsync(1);
        Assert.DoesNotContain(entries, entry => entry.Key.Contains(CacheHarness.BirthResource, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_alias_does_not_put_one_fields_value_under_another()
    {
        var gateway = harness.Gateway(harness.Cache());
        await CacheHarness.RunAsync(gateway, $$"""{ person(idNumber: "{{Persons[7]}}") { idNumber name: gender gender: name } }""");

        var response = await CacheHarness.RunAsync(gateway, $$"""{ person(idNumber: "{{Persons[7]}}") { idNumber name gender __typename } }""");

        Assert.Equal($$$"""{"person":{"idNumber":"{{{Persons[7]}}}","name":"{{{Name(7)}}}","gender":"FEMALE","__typename":"Person"}}""", response["data"]!.ToJsonString());
    }

    [Fact]
    public async Task A_subgraphs_errored_answer_is_not_cached()
    {
        var gateway = harness.Gateway(harness.Cache());
        harness.Subgraphs.FailingNames[Persons[8]] = true;
        var failed = await CacheHarness.RunAsync(gateway, Holders, """{"first": 9}""");
        harness.Subgraphs.FailingNames.Clear();
        var before = harness.Subgraphs.Asked("population");

        var response = await CacheHarness.RunAsync(gateway, Holders, """{"first": 9}""");

        Assert.NotNull(failed["errors"]);
        Assert.Null(response["errors"]);
        Assert.Equal(Name(8), (string?)HolderNodes(response).Last()["name"]);
        // Nothing of the errored answer was kept, not even its sound entities.
        Assert.Equal([(9, 0)], harness.Subgraphs.RepresentationsSince("population", before));
    }

    [Fact]
    public async Task An_answer_for_another_key_than_asked_is_not_cached_under_the_key_asked()
    {
        var gateway = harness.Gateway(harness.Cache());
        harness.Subgraphs.Swapped[Persons[9]] = Persons[0];
        var swapped = await CacheHarness.RunAsync(gateway, $$"""{ person(idNumber: "{{Persons[9]}}") { idNumber name } }""");
        harness.Subgraphs.Swapped.Clear();

        var response = await CacheHarness.RunAsync(gateway, $$"""{ person(idNumber: "{{Persons[9]}}") { idNumber name } }""");

        Assert.Equal(Name(0), (string?)swapped["data"]!["person"]!["name"]);
        Assert.Equal(Name(9), (string?)response["data"]!["person"]!["name"]);
    }

    [Fact]
    public async Task With_Redis_unreachable_answers_are_the_subgraphs_and_carry_no_error()
    {
        var gateway = harness.Gateway(harness.Cache("127.0.0.1:1,connectTimeout=200"));

        var first = await CacheHarness.RunAsync(gateway, Holders, """{"first": 5}""");
        var second = await CacheHarness.RunAsync(gateway, Holders, """{"first": 5}""");

        foreach (var response in new[] { first, second })
        {
            Assert.Null(response["errors"]);
            Assert.Equal(Enumerable.Range(0, 5).Select(Name), HolderNodes(response).Select(holder => (string?)holder["name"]));
        }
    }

    [Fact]
    public async Task The_audit_trail_records_the_subjects_served_from_the_cache()
    {
        var trail = new CapturingAuditTrail();
        var gateway = harness.Gateway(harness.Cache(), trail: trail);
        await CacheHarness.RunAsync(gateway, Holders, """{"first": 3}""");
        var before = harness.Subgraphs.Asked("population");

        await CacheHarness.RunAsync(gateway, Holders, """{"first": 3}""");

        Assert.Equal(before, harness.Subgraphs.Asked("population"));
        Assert.Equal(2, trail.Entries.Count);
        var recorded = trail.Entries.Select(entry => entry.Subjects.Select(subject => $"{subject.Kind} {subject.Hash} {string.Join(',', subject.Resources)}").ToList()).ToList();
        Assert.Equal(3, recorded[0].Count);
        Assert.Equal(recorded[0], recorded[1]);
    }

    [Fact]
    public async Task An_eviction_of_an_entity_reaches_another_instances_in_process_layer()
    {
        var (one, other) = (harness.Cache(), harness.Cache());
        var (first, second) = (harness.Gateway(one), harness.Gateway(other));
        var query = $$"""{ person(idNumber: "{{Persons[10]}}") { idNumber name } }""";
        await CacheHarness.RunAsync(first, query);
        await WaitForEntriesAsync(1);
        await CacheHarness.RunAsync(second, query);
        var before = harness.Subgraphs.Asked("population");
        await CacheHarness.RunAsync(second, query);
        Assert.Equal(before, harness.Subgraphs.Asked("population"));

        await ((IEntityCacheInvalidation)one).EvictEntityAsync("population", "Person", Persons[10], TestContext.Current.CancellationToken);
        await WaitUntilAsync(async () =>
        {
            var asked = harness.Subgraphs.Asked("population");
            await CacheHarness.RunAsync(second, query);
            return harness.Subgraphs.Asked("population") > asked;
        });
    }

    [Fact]
    public async Task An_eviction_has_left_Redis_when_it_returns_so_the_evicting_instance_reads_no_old_entry_back()
    {
        var cache = harness.Cache();
        var gateway = harness.Gateway(cache);
        var query = $$"""{ person(idNumber: "{{Persons[10]}}") { idNumber name } }""";
        await CacheHarness.RunAsync(gateway, query);
        await WaitForEntriesAsync(1);

        await ((IEntityCacheInvalidation)cache).EvictEntityAsync("population", "Person", Persons[10], TestContext.Current.CancellationToken);
        var entries = (await harness.RedisEntriesAsync()).Count(entry => entry.Key.Contains(CacheKeys.Prefix, StringComparison.Ordinal));
        var before = harness.Subgraphs.Asked("population");
        await CacheHarness.RunAsync(gateway, query);

        Assert.Equal(0, entries);
        Assert.Equal(before + 1, harness.Subgraphs.Asked("population"));
    }

    [Fact]
    public async Task Evictions_by_type_and_by_resource_empty_what_they_name()
    {
        var cache = harness.Cache();
        IEntityCacheInvalidation invalidation = cache;
        var gateway = harness.Gateway(cache);
        await CacheHarness.RunAsync(gateway, Holders, """{"first": 2}""");

        await invalidation.EvictTypeAsync("Person", TestContext.Current.CancellationToken);
        var before = harness.Subgraphs.Asked("population");
        await CacheHarness.RunAsync(gateway, Holders, """{"first": 2}""");
        await CacheHarness.RunAsync(gateway, Holders, """{"first": 2}""");
        var afterType = harness.Subgraphs.RepresentationsSince("population", before);

        await invalidation.EvictResourceAsync(CacheHarness.BaseResource, TestContext.Current.CancellationToken);
        before = harness.Subgraphs.Asked("population");
        await CacheHarness.RunAsync(gateway, Holders, """{"first": 2}""");

        Assert.Equal([(2, 0)], afterType);
        Assert.Equal([(2, 0)], harness.Subgraphs.RepresentationsSince("population", before));
    }

    [Fact]
    public async Task With_caching_off_every_entity_is_asked()
    {
        var gateway = harness.Gateway(cache: null);
        await CacheHarness.RunAsync(gateway, Holders, """{"first": 3}""");
        var before = harness.Subgraphs.Asked("population");

        await CacheHarness.RunAsync(gateway, Holders, """{"first": 3}""");

        Assert.Equal([(3, 0)], harness.Subgraphs.RepresentationsSince("population", before));
        Assert.Empty(await harness.RedisEntriesAsync());
    }

    [Fact]
    public async Task Hits_misses_and_evictions_are_counted_per_resource_on_the_cache_meter()
    {
        var cache = harness.Cache();
        var counted = new System.Collections.Concurrent.ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        using var listener = new System.Diagnostics.Metrics.MeterListener
        {
            InstrumentPublished = (instrument, listening) =>
            {
                if (ReferenceEquals(instrument.Meter, cache.Metrics.Meter))
                {
                    listening.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var resource = tags.ToArray().Single(tag => tag.Key == "resource").Value;
            counted.AddOrUpdate($"{instrument.Name} {resource}", value, (_, sum) => sum + value);
        });
        listener.Start();
        var gateway = harness.Gateway(cache);

        await CacheHarness.RunAsync(gateway, Holders, """{"first": 2}""");
        await CacheHarness.RunAsync(gateway, Holders, """{"first": 3}""");
        await ((IEntityCacheInvalidation)cache).EvictResourceAsync(CacheHarness.BaseResource, TestContext.Current.CancellationToken);

        Assert.Equal(
            [
                $"federation.gateway.cache.evictions {CacheHarness.BaseResource} 1",
                $"federation.gateway.cache.hits {CacheHarness.BaseResource} 2",
                $"federation.gateway.cache.misses {CacheHarness.BaseResource} 3",
            ],
            counted.Select(count => $"{count.Key} {count.Value}").Order(StringComparer.Ordinal));
    }

    private async Task<IReadOnlyList<(string Key, string Value, TimeSpan? Ttl)>> WaitForEntriesAsync(int count)
    {
        // Redis is written in the background: the entries appear shortly after the answer.
        IReadOnlyList<(string Key, string Value, TimeSpan? Ttl)> entries = [];
        await WaitUntilAsync(async () => (entries = (await harness.RedisEntriesAsync()).Where(entry => entry.Key.Contains(CacheKeys.Prefix, StringComparison.Ordinal)).ToList()).Count >= count);
        return entries;
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition did not hold within 5 s.");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }
}

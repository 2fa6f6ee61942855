using System.Diagnostics;
using System.Text.Json.Nodes;
using Federation.Subgraphs.Testing;

namespace Federation.Gateway.Tests.Caching;

/// <summary>
/// Two gateway instances sharing one Redis (<c>FEDERATION_TEST_REDIS</c>) in front of the population
/// subgraph, whose corrections publish their change events there: a correction is seen by both within
/// a second, although both had the person cached.
/// </summary>
public sealed class SharedCacheTests
{
    private const string Query = """
        query Person($id: IdNumber!) { person(idNumber: $id) { idNumber name gender birthDate } }
        """;

    [Fact]
    public async Task A_corrections_event_evicts_the_person_from_both_gateways_within_a_second()
    {
        // A key prefix of this test's own: other tests cache the same demo persons in the same server.
        var prefix = "--Cache:KeyPrefix=shared-test-" + Guid.NewGuid().ToString("N")[..12] + ":";
        await using var platform = await CachingPlatform.StartAsync(changeEvents: TestServices.Redis);
        var first = await platform.GatewayAsync(TestServices.Redis, prefix);
        var second = await platform.GatewayAsync(TestServices.Redis, prefix);
        var person = CachingPlatform.World.Person(7);
        var variables = new JsonObject { ["id"] = person.IdNumber };

        foreach (var url in new[] { first, second, first, second })
        {
            var (status, body) = await platform.PostAsync(url, Query, variables, TestContext.Current.CancellationToken);
            Assert.True(status == 200 && body!["errors"] is null, body?.ToJsonString());
            Assert.Equal(person.Name, (string?)body!["data"]!["person"]!["name"]);
        }

        // Both now answer from the cache: the subgraph is not asked again.
        var asked = platform.SubgraphRequests;
        foreach (var url in new[] { first, second })
        {
            var (_, body) = await platform.PostAsync(url, Query, variables, TestContext.Current.CancellationToken);
            Assert.Equal(person.Name, (string?)body!["data"]!["person"]!["name"]);
        }

        Assert.Equal(asked, platform.SubgraphRequests);

        var corrected = "更正" + Guid.NewGuid().ToString("N")[..6];
        var correction = await platform.AskSubgraphAsync(
            """mutation ($id: IdNumber!, $name: String!) { correctPerson(input: { idNumber: $id, reason: "Objection 41", name: $name }) { changedFields } }""",
            new { id = person.IdNumber, name = corrected });
        Assert.Equal("""{"correctPerson":{"changedFields":["name"]}}""", correction.DataWithoutErrors.ToJsonString());
        var since = Stopwatch.StartNew();

        var seen = new Dictionary<string, TimeSpan>();
        while (seen.Count < 2 && since.Elapsed < TimeSpan.FromSeconds(5))
        {
            foreach (var url in new[] { first, second }.Where(u => !seen.ContainsKey(u)))
            {
                var (_, body) = await platform.PostAsync(url, Query, variables, TestContext.Current.CancellationToken);
                if ((string?)body!["data"]!["person"]!["name"] == corrected)
                {
                    seen[url] = since.Elapsed;
                }
            }

            await Task.Delay(20, TestContext.Current.CancellationToken);
        }

        Assert.True(seen.Count == 2, $"not every gateway answered the correction within 5 s ({seen.Count} did)");
        Assert.All(seen.Values, elapsed => Assert.True(elapsed < TimeSpan.FromSeconds(1), $"the correction took {elapsed.TotalMilliseconds:F0} ms to be seen"));
    }
}

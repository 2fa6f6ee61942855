using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json.Nodes;
using Federation.Gateway.Authentication;
using Federation.Gateway.Authorization;

namespace Federation.Gateway.Tests.Hosting;

/// <summary>
/// Several gateways at once (issue 17), shown on one machine with real processes: what one gateway is
/// told holds for the other — a revoked grant on the other's very next request, a cache eviction in the
/// other's in-process layer — and one gateway is restarted under load behind a load balancer that
/// routes only to ready gateways, without a single failed or wrong answer.
/// </summary>
public sealed class SeveralGatewaysTests(SeveralGateways gateways) : IClassFixture<SeveralGateways>
{
    private const string MarketSupervision = "1133020019999999XG";
    private const string PublicSecurity = "11330200123456788X";
    private const string BigData = "1133020035308641XG";

    /// <summary>宁波市市场监督管理局 applies for the residence addresses, which need a grant.</summary>
    private static readonly Caller Applicant = new("zhou.min", MarketSupervision, "330200", new HashSet<string> { PlatformRoles.Applicant });

    /// <summary>宁波市公安局, the provider of the population register, approves and revokes.</summary>
    private static readonly Caller Approver = new("chen.gang", PublicSecurity, "330200", new HashSet<string> { PlatformRoles.Approver });

    /// <summary>宁波市大数据发展管理局, the competent department (the registry gives it the role).</summary>
    private static readonly Caller Department = new("wang.fang", BigData, "330200", new HashSet<string> { PlatformRoles.CompetentDepartment });

    /// <summary>Reads the base items, which are unconditional: any agency may, for any purpose.</summary>
    private static readonly Caller Reader = new("zhao.lei", BigData, "330200", new HashSet<string>());

    [StringSyntax("graphql")]
    private const string Person = """
        query Person($id: IdNumber!) { person(idNumber: $id) { idNumber name } }
        """;

    [Fact]
    public async Task A_grant_revoked_through_one_gateway_is_refused_by_the_other_on_its_next_request()
    {
        var now = DateTimeOffset.UtcNow;
        var applied = await gateways.DataAsync(
            gateways.First.GraphQL,
            """
            mutation Apply($input: ApplyForShareInput!) { applyForShare(input: $input) { id status } }
            """,
            Applicant,
            new JsonObject
            {
                ["input"] = new JsonObject
                {
                    ["resourceId"] = "population.residence",
                    ["purposes"] = new JsonArray("ADMINISTRATIVE_BASIS"),
                    ["justification"] = "Checking the addresses given in business licence applications.",
                    ["validFrom"] = now.AddMinutes(-1).ToString("O", CultureInfo.InvariantCulture),
                    ["validUntil"] = now.AddDays(30).ToString("O", CultureInfo.InvariantCulture),
                },
            });
        var approved = await gateways.DataAsync(
            gateways.Second.GraphQL,
            """
            mutation Approve($id: ID!) { approveShareApplication(input: { id: $id }) { status grant { id active } } }
            """,
            Approver,
            new JsonObject { ["id"] = applied["applyForShare"]!["id"]!.DeepClone() });
        Assert.Equal("APPROVED", (string?)approved["approveShareApplication"]!["status"]);
        var grant = (string)approved["approveShareApplication"]!["grant"]!["id"]!;
        const string residence = """
            query Residence($id: IdNumber!) { person(idNumber: $id) { name residenceAddress } }
            """;
        var variables = new JsonObject { ["id"] = SeveralGateways.World.Person(11).IdNumber };

        // Granted on both: the grant approved through the second is in force on the first too.
        var before = new List<JsonNode>();
        foreach (var gateway in new[] { gateways.First, gateways.Second })
        {
            before.Add(await gateways.DataAsync(gateway.GraphQL, residence, Applicant, variables, "ADMINISTRATIVE_BASIS"));
        }

        var revoked = await gateways.DataAsync(
            gateways.First.GraphQL,
            """
            mutation Revoke($id: ID!) { revokeGrant(id: $id, reason: "The licence checks are finished.") { active } }
            """,
            Approver,
            new JsonObject { ["id"] = grant });
        var (status, after) = await gateways.PostAsync(gateways.Second.GraphQL, residence, Applicant, variables, "ADMINISTRATIVE_BASIS", TestContext.Current.CancellationToken);

        Assert.All(before, data => Assert.False(string.IsNullOrEmpty((string?)data["person"]!["residenceAddress"]), data.ToJsonString()));
        Assert.Equal(before[0].ToJsonString(), before[1].ToJsonString());
        Assert.Equal("""{"revokeGrant":{"active":false}}""", revoked.ToJsonString());
        Assert.Equal(200, status);
        Assert.Null((string?)after!["data"]!["person"]!["residenceAddress"]);
        Assert.Equal((string?)before[0]["person"]!["name"], (string?)after["data"]!["person"]!["name"]);
        Assert.Equal(AuthorizationErrorCodes.ShareGrantRequired, (string?)after["errors"]![0]!["extensions"]!["code"]);
    }

    [Fact]
    public async Task An_eviction_through_one_gateway_reaches_the_other_gateways_in_process_layer()
    {
        var person = SeveralGateways.World.Person(7);
        var variables = new JsonObject { ["id"] = person.IdNumber };
        foreach (var gateway in new[] { gateways.First, gateways.Second, gateways.First, gateways.Second })
        {
            Assert.Equal(person.Name, (string?)(await gateways.DataAsync(gateway.GraphQL, Person, Reader, variables))["person"]!["name"]);
        }

        // The register corrects the name; its change event stays in the test's process, so neither gateway hears of it.
        var corrected = "更正" + Guid.NewGuid().ToString("N")[..6];
        var correction = await gateways.AskPopulationAsync(
            """mutation ($id: IdNumber!, $name: String!) { correctPerson(input: { idNumber: $id, reason: "Objection 41", name: $name }) { changedFields } }""",
            new { id = person.IdNumber, name = corrected },
            Approver);
        Assert.Equal("""{"correctPerson":{"changedFields":["name"]}}""", correction.DataWithoutErrors.ToJsonString());
        foreach (var gateway in new[] { gateways.First, gateways.Second })
        {
            // Both still answer from their cache: the eviction below is what changes it.
            Assert.Equal(person.Name, (string?)(await gateways.DataAsync(gateway.GraphQL, Person, Reader, variables))["person"]!["name"]);
        }

        var evicted = await gateways.DataAsync(
            gateways.First.GraphQL,
            """
            mutation Evict($input: CacheEvictionInput!) { evictCache(input: $input) { scope type key } }
            """,
            Department,
            new JsonObject { ["input"] = new JsonObject { ["type"] = "Person", ["key"] = person.IdNumber } });
        var first = await gateways.DataAsync(gateways.First.GraphQL, Person, Reader, variables);

        // The second hears of it through the backplane (Redis pub/sub), a moment later: asked until it
        // answers the correction, within a bound far beyond the message's way and far below the entry's
        // lifetime (a day), which is what it would answer without the backplane.
        var second = await gateways.DataAsync(gateways.Second.GraphQL, Person, Reader, variables);
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        bound.CancelAfter(TimeSpan.FromSeconds(15));
        while ((string?)second["person"]!["name"] != corrected && !bound.IsCancellationRequested)
        {
            await Task.Delay(100, CancellationToken.None);
            second = await gateways.DataAsync(gateways.Second.GraphQL, Person, Reader, variables);
        }

        Assert.Equal("""{"evictCache":{"scope":"ENTITY","type":"Person","key":"__KEY__"}}""".Replace("__KEY__", person.IdNumber, StringComparison.Ordinal), evicted.ToJsonString());
        Assert.Equal(corrected, (string?)first["person"]!["name"]);
        Assert.Equal(corrected, (string?)second["person"]!["name"]);
    }

    [Fact]
    public async Task A_gateway_restarted_under_load_behind_a_readiness_balancer_fails_no_request()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var balancer = await ReadyBalancer.StartAsync([gateways.First, gateways.Second], cancellation);
        var failures = new ConcurrentQueue<string>();
        var answered = 0;
        using var stop = new CancellationTokenSource();
        const int workers = 4;

        // Persons 20 to 59: no other test of the class changes them.
        var load = Enumerable.Range(0, workers).Select(worker => Task.Run(async () =>
        {
            for (var i = worker; !stop.IsCancellationRequested; i += workers)
            {
                var person = SeveralGateways.World.Person(20 + (i % 40));
                try
                {
                    var (status, body) = await gateways.PostAsync(balancer.GraphQL, Person, Reader, new JsonObject { ["id"] = person.IdNumber }, cancellationToken: CancellationToken.None);
                    if (status != 200 || body?["errors"] is not null || (string?)body?["data"]?["person"]?["name"] != person.Name)
                    {
                        failures.Enqueue($"{status} {body?.ToJsonString()}");
                    }
                }
                catch (HttpRequestException exception)
                {
                    failures.Enqueue(exception.Message);
                }

                Interlocked.Increment(ref answered);
            }
        }, CancellationToken.None)).ToArray();

        try
        {
            await UntilAsync(() => balancer.ForwardedTo(gateways.First.Name) >= 20 && balancer.ForwardedTo(gateways.Second.Name) >= 20, "both gateways served", cancellation);

            // SIGTERM: readiness off at once, serving on for the drain delay while the balancer takes it
            // out, then the requests in flight finish and the process exits.
            var exitCode = await gateways.First.TerminateAsync(cancellation);
            var servedBeforeRestart = balancer.ForwardedTo(gateways.First.Name);
            var secondBeforeRestart = balancer.ForwardedTo(gateways.Second.Name);
            await gateways.First.StartAsync(cancellation);
            await UntilAsync(() => balancer.ForwardedTo(gateways.First.Name) >= servedBeforeRestart + 20, "the restarted gateway taken back", cancellation);

            Assert.Equal(0, exitCode);
            Assert.True(balancer.ForwardedTo(gateways.Second.Name) > secondBeforeRestart, "the other gateway served while the first was away");
        }
        finally
        {
            await stop.CancelAsync();
            await Task.WhenAll(load);
        }

        Assert.True(failures.IsEmpty, $"{failures.Count} of {answered} requests failed, the first: {failures.FirstOrDefault()}\n{gateways.First.RecentOutput}");
    }

    /// <summary>Waits, checking every 50 ms, until <paramref name="condition"/> holds; within a minute, else fails naming <paramref name="what"/>.</summary>
    private static async Task UntilAsync(Func<bool> condition, string what, CancellationToken cancellationToken)
    {
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bound.CancelAfter(TimeSpan.FromMinutes(1));
        while (!condition())
        {
            if (bound.IsCancellationRequested)
            {
                Assert.Fail($"not within a minute: {what}");
            }

            await Task.Delay(50, CancellationToken.None);
        }
    }
}

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using StackExchange.Redis;

namespace Federation.Gateway.Tests.Caching;

/// <summary>
/// Redis killed and started again while clients read through the gateway (a Redis of the test's own,
/// on a free loopback port): the gateway goes to the subgraph meanwhile, no client sees an error, every
/// answer is the subgraph's data, and the gateway uses Redis again once it is back.
/// </summary>
public sealed class RedisFaultTests
{
    private const string Query = """
        query Person($id: IdNumber!) { person(idNumber: $id) { idNumber name gender birthDate } }
        """;

    [Fact]
    public async Task Redis_stopped_and_restarted_during_a_bounded_load_costs_no_client_an_error_nor_a_wrong_answer()
    {
        await using var redis = await OwnRedis.StartAsync();
        await using var platform = await CachingPlatform.StartAsync(changeEvents: null);
        var gateway = await platform.GatewayAsync(redis.Configuration);

        // What the subgraph itself answers for each person, the truth every gateway answer must equal.
        var truth = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < CachingPlatform.Persons; i++)
        {
            var id = CachingPlatform.World.Person(i).IdNumber;
            truth[id] = (await platform.AskSubgraphAsync(Query, new { id })).DataWithoutErrors.ToJsonString();
        }

        var answers = 0;
        var failures = new ConcurrentQueue<string>();
        using var stop = new CancellationTokenSource();
        var clock = Stopwatch.StartNew();
        var clients = Enumerable.Range(0, 8).Select(client => Task.Run(async () =>
        {
            var random = new Random(client);
            while (!stop.IsCancellationRequested)
            {
                var id = CachingPlatform.World.Person(random.Next(CachingPlatform.Persons)).IdNumber;
                var (status, body) = await platform.PostAsync(gateway, Query, new JsonObject { ["id"] = id }, CancellationToken.None);
                Interlocked.Increment(ref answers);
                var data = body?["data"]?.ToJsonString();
                if (status != 200 || body?["errors"] is not null || data != truth[id])
                {
                    failures.Enqueue($"{clock.Elapsed.TotalSeconds:F1} s: {status} {body?.ToJsonString()}");
                }
            }
        })).ToList();

        await Task.Delay(TimeSpan.FromSeconds(1.5), TestContext.Current.CancellationToken);
        var beforeOutage = Volatile.Read(ref answers);
        await redis.StopAsync();
        await Task.Delay(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        var duringOutage = Volatile.Read(ref answers) - beforeOutage;
        await redis.StartAgainAsync();

        // Back in Redis: the restarted server is empty, and entries are written to it again.
        using var probe = await ConnectionMultiplexer.ConnectAsync(redis.Configuration);
        var server = probe.GetServer(probe.GetEndPoints()[0]);
        var written = Stopwatch.StartNew();
        while (await server.DatabaseSizeAsync() == 0 && written.Elapsed < TimeSpan.FromSeconds(15))
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        var keysAfter = await server.DatabaseSizeAsync();
        await Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
        await stop.CancelAsync();
        await Task.WhenAll(clients);

        Assert.True(failures.IsEmpty, $"{failures.Count} of {answers} answers failed or differed: {string.Join(Environment.NewLine, failures.Take(5))}");
        Assert.True(duringOutage > 0, $"no request was answered in the 5 s Redis was down ({beforeOutage} in the 1.5 s before, {answers} in all)");
        Assert.True(keysAfter > 0, "the gateway did not write to Redis again after it came back");
    }
}

using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Federation.Gateway.Catalogue;
using Federation.Gateway.Hosting;
using Federation.Host;
using Federation.Subgraphs.DemoData;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Federation.Benchmarks.Gateway;

/// <summary>
/// What share authorization adds to the gateway's latency: two gateways in this process over the
/// same four subgraphs, built alike — bearer token checked, same caller, same grants, same
/// cross-subgraph query as <see cref="FederatedThroughput"/> with varying variables — one with the
/// authorization stage (the decision for every field, the grant lookup, the document filter, the
/// division check of every scoped row) and one serving requests as sent. wrk runs alternate
/// between them at 10 connections; the medians of mean, median and p99 latency and of the per-run
/// ratios are reported.
/// <code>dotnet run -c Release --project tests/Federation.Benchmarks -- authorization [runs] [seconds] [connections]</code>
/// </summary>
internal static class AuthorizationOverhead
{
    public static async Task<int> RunAsync(string[] args)
    {
        var runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 9;
        var seconds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10;
        var connections = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 10;

        await using var subgraphs = await EmbeddedSubgraphs.StartAsync(FederatedThroughput.Persons, LogLevel.Warning, CancellationToken.None);
        var root = FederatedThroughput.RepositoryRoot();
        var catalogue = CatalogueFiles.FromFile(Path.Combine(root, "schema", CatalogueFiles.FileName));
        await using var authorized = await StartAsync(subgraphs, root, 4092, authorize: true);
        await using var asSent = await StartAsync(subgraphs, root, 4093, authorize: false);
        var gateways = new (string Name, string Url)[] { ("authorized", "http://127.0.0.1:4092/graphql"), ("as sent", "http://127.0.0.1:4093/graphql") };

        var world = new DemoWorld(FederatedThroughput.Persons);
        var sample = new JsonObject { ["id"] = world.Person(7).IdNumber };
        await BenchmarkCaller.ObtainGrantsAsync(gateways[0].Url, FederatedThroughput.Query, sample, catalogue);
        var directory = Path.Combine(Path.GetTempPath(), $"authorization-bench-{Environment.ProcessId}");
        Directory.CreateDirectory(directory);
        try
        {
            var script = await FederatedThroughput.WriteScriptAsync(directory, world);
            foreach (var (name, url) in gateways)
            {
                Console.WriteLine($"{name} answers: {await SameAnswerAsync(url, sample)}");
            }

            // Warm both until the JIT's tiers and the pools have settled: a first run is far slower than the rest.
            for (var warm = 0; warm < 2; warm++)
            {
                foreach (var (_, url) in gateways)
                {
                    await FederatedThroughput.WrkAsync(url, script, seconds, connections);
                }
            }

            var results = gateways.ToDictionary(g => g.Name, _ => new List<WrkResult>());
            for (var run = 0; run < runs; run++)
            {
                // Alternate which gateway goes first, so a drift of the machine's load favours neither.
                foreach (var (name, url) in run % 2 == 0 ? gateways : gateways.Reverse())
                {
                    var result = await FederatedThroughput.WrkAsync(url, script, seconds, connections);
                    results[name].Add(result);
                    Console.WriteLine($"run {run + 1} {name}: {result.Rate:F0} req/s, mean {result.Mean:F2} ms, p50 {result.P50:F2} ms, p99 {result.P99:F2} ms");
                }
            }

            var on = results["authorized"];
            var off = results["as sent"];
            Console.WriteLine();
            Console.WriteLine($"| gateway ({connections} connections) | req/s | mean | p50 | p99 |");
            Console.WriteLine("|---|---|---|---|---|");
            foreach (var (name, list) in new[] { ("with authorization", on), ("requests as sent", off) })
            {
                Console.WriteLine($"| {name} | {Median(list, r => r.Rate):F0} | {Median(list, r => r.Mean):F2} ms | {Median(list, r => r.P50):F2} ms | {Median(list, r => r.P99):F2} ms |");
            }

            Console.WriteLine($"median of per-run ratios with/without: mean latency {Ratio(on, off, r => r.Mean):F3}, p50 {Ratio(on, off, r => r.P50):F3}, p99 {Ratio(on, off, r => r.P99):F3}, req/s {Ratio(on, off, r => r.Rate):F3}");
            return 0;
        }
        finally
        {
            Directory.Delete(directory, true);
        }
    }

    private static async Task<RunningGateway> StartAsync(EmbeddedSubgraphs subgraphs, string root, int port, bool authorize)
    {
        var arguments = new List<string>
        {
            $"--Urls=http://127.0.0.1:{port}",
            $"--GatewaySignature:Secret={subgraphs.Secret}",
            $"--Gateway:SupergraphFile={Path.Combine(root, "schema", "supergraph.graphql")}",
            $"--Gateway:CatalogueFile={Path.Combine(root, "schema", CatalogueFiles.FileName)}",
            // Both gateways run at once in this process: each its own audit chain, in a scratch spool.
            $"--Audit:Instance=benchmark-{port}",
            $"--Audit:SpoolDirectory={Path.Combine(Path.GetTempPath(), "federation-benchmarks-audit")}",
        };
        arguments.AddRange(BenchmarkCaller.AuthenticationArguments());
        arguments.AddRange(subgraphs.Urls.Select(s => $"--Subgraphs:Endpoints:{s.Name}:Url={s.Url}"));
        var app = GatewayService.Build([.. arguments], builder => builder.Logging.ClearProviders());
        if (!authorize)
        {
            app.Services.GetRequiredService<ServedExecutor>().ServeWithoutAuthorizationForBenchmark();
        }

        await app.StartAsync();
        return new RunningGateway(app);
    }

    /// <summary>Both gateways must answer the granted caller alike, else the comparison would be of different work.</summary>
    private static async Task<string> SameAnswerAsync(string url, JsonObject variables)
    {
        using var client = new HttpClient();
        var body = new JsonObject { ["query"] = FederatedThroughput.Query, ["variables"] = variables.DeepClone() }.ToJsonString();
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json")) };
        BenchmarkCaller.Authorize(request);
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode || text.Contains("\"errors\"", StringComparison.Ordinal) || !text.Contains("representedLegalPersons", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{url} did not answer the query in full: {(int)response.StatusCode} {text}");
        }

        return text.Length > 160 ? text[..160] + "…" : text;
    }

    private static double Median(List<WrkResult> results, Func<WrkResult, double> value) => FederatedThroughput.Median([.. results.Select(value)]);

    private static double Ratio(List<WrkResult> on, List<WrkResult> off, Func<WrkResult, double> value) =>
        FederatedThroughput.Median([.. on.Zip(off, (a, b) => value(a) / value(b))]);

    private sealed class RunningGateway(WebApplication app) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}

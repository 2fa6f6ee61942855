using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Federation.Gateway.Catalogue;
using Federation.Gateway.Hosting;
using Federation.Host;
using Federation.Subgraphs.DemoData;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;

namespace Federation.Benchmarks.Gateway;

/// <summary>
/// One gateway configuration of a <see cref="GatewayComparison"/>: its name in the report, the settings
/// it adds (command-line form), and what to change once it is built, before it starts.
/// </summary>
/// <param name="OutsideCpu">CPU time this gateway's work costs outside this process so far (its database backends), counted into its CPU per request.</param>
internal sealed record ComparedGateway(string Name, IReadOnlyList<string> Settings, Action<WebApplication>? Prepare = null, Func<Task<TimeSpan>>? OutsideCpu = null);

/// <summary>
/// What one part of the request path adds to the gateway's latency: two gateways in this process over
/// the same four subgraphs, built alike — bearer token checked, same caller, same grants, same
/// cross-subgraph query as <see cref="FederatedThroughput"/> with varying variables — but for what
/// the two <see cref="ComparedGateway"/>s change. wrk runs alternate between them at 10 connections
/// (the first of each pair swapping every run); the medians of requests per second, mean, median and
/// p99 latency and of the per-run ratios are reported. <see cref="AuthorizationOverhead"/> and
/// <see cref="AuditOverhead"/> are its two uses.
/// </summary>
internal static class GatewayComparison
{
    public static async Task<int> RunAsync(string[] args, ComparedGateway first, ComparedGateway second)
    {
        var runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 9;
        var seconds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10;
        var connections = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 10;

        await using var subgraphs = await EmbeddedSubgraphs.StartAsync(FederatedThroughput.Persons, LogLevel.Warning, CancellationToken.None);
        var root = FederatedThroughput.RepositoryRoot();
        var catalogue = CatalogueFiles.FromFile(Path.Combine(root, "schema", CatalogueFiles.FileName));
        await using var one = await StartAsync(subgraphs, root, 4092, first);
        await using var other = await StartAsync(subgraphs, root, 4093, second);
        var gateways = new (string Name, string Url)[] { (first.Name, "http://127.0.0.1:4092/graphql"), (second.Name, "http://127.0.0.1:4093/graphql") };

        var world = new DemoWorld(FederatedThroughput.Persons);
        var sample = new JsonObject { ["id"] = world.Person(7).IdNumber };
        foreach (var (_, url) in gateways)
        {
            // Grants live in each gateway's own store: without one, a gateway would skip a subgraph and do less work.
            await BenchmarkCaller.ObtainGrantsAsync(url, FederatedThroughput.Query, sample, catalogue);
        }

        var directory = Path.Combine(Path.GetTempPath(), $"comparison-bench-{Environment.ProcessId}");
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

            var compared = new Dictionary<string, ComparedGateway> { [first.Name] = first, [second.Name] = second };
            var results = gateways.ToDictionary(g => g.Name, _ => new List<WrkResult>());
            var cpu = gateways.ToDictionary(g => g.Name, _ => new List<double>());
            using var self = Process.GetCurrentProcess();
            for (var run = 0; run < runs; run++)
            {
                // Alternate which gateway goes first, so a drift of the machine's load favours neither.
                foreach (var (name, url) in run % 2 == 0 ? gateways : gateways.Reverse())
                {
                    var outside = compared[name].OutsideCpu;
                    self.Refresh();
                    var before = self.TotalProcessorTime;
                    var outsideBefore = outside is null ? TimeSpan.Zero : await outside();
                    var result = await FederatedThroughput.WrkAsync(url, script, seconds, connections);
                    self.Refresh();
                    var inside = self.TotalProcessorTime - before;
                    var outsideCpu = (outside is null ? TimeSpan.Zero : await outside()) - outsideBefore;

                    // The process's processor time (gateways, subgraphs; wrk is a process of its own) and the gateway's database backends, per request served.
                    var requests = Math.Max(1, result.Requests);
                    var perRequest = (inside + outsideCpu).TotalMilliseconds / requests;
                    results[name].Add(result);
                    cpu[name].Add(perRequest);
                    Console.WriteLine($"run {run + 1} {name}: {result.Rate:F0} req/s, mean {result.Mean:F2} ms, p50 {result.P50:F2} ms, p99 {result.P99:F2} ms, CPU {perRequest:F3} ms/request ({outsideCpu.TotalMilliseconds / requests:F3} of it in the database)");
                }
            }

            var on = results[first.Name];
            var off = results[second.Name];
            Console.WriteLine();
            Console.WriteLine($"| gateway ({connections} connections) | req/s | mean | p50 | p99 | CPU per request |");
            Console.WriteLine("|---|---|---|---|---|---|");
            foreach (var (name, list) in new[] { (first.Name, on), (second.Name, off) })
            {
                Console.WriteLine($"| {name} | {Median(list, r => r.Rate):F0} | {Median(list, r => r.Mean):F2} ms | {Median(list, r => r.P50):F2} ms | {Median(list, r => r.P99):F2} ms | {FederatedThroughput.Median([.. cpu[name]]):F3} ms |");
            }

            var cpuRatio = FederatedThroughput.Median([.. cpu[first.Name].Zip(cpu[second.Name], (a, b) => a / b)]);
            Console.WriteLine($"median of per-run ratios {first.Name}/{second.Name}: mean latency {Ratio(on, off, r => r.Mean):F3}, p50 {Ratio(on, off, r => r.P50):F3}, p99 {Ratio(on, off, r => r.P99):F3}, req/s {Ratio(on, off, r => r.Rate):F3}, CPU per request {cpuRatio:F3}");
            return 0;
        }
        finally
        {
            Directory.Delete(directory, true);
        }
    }

    private static async Task<RunningGateway> StartAsync(EmbeddedSubgraphs subgraphs, string root, int port, ComparedGateway gateway)
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
        arguments.AddRange(gateway.Settings);
        var app = GatewayService.Build([.. arguments], builder => builder.Logging.ClearProviders());
        gateway.Prepare?.Invoke(app);

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

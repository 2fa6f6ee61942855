using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Federation.Gateway.Catalogue;
using Federation.Gateway.Hosting;
using Federation.Host;
using Federation.Subgraphs.DemoData;
using Microsoft.Extensions.Logging;

namespace Federation.Benchmarks.Gateway;

/// <summary>
/// Where the gateway's latency tail comes from, and what a runtime setting does to it: two gateway
/// processes over the same four subgraphs (in this process), the second started with the given
/// environment settings (<c>DOTNET_GCgen0size=0x4000000</c>, …), each obtaining the benchmark
/// caller's grant. wrk runs at 10 connections alternate between them, the first of each pair
/// swapping every run. Per run: requests per second, p50, p90 and p99, the gateway's CPU time per
/// request, and what the subgraphs allocated per gateway request and how long their collections
/// paused them. Medians and the median per-run ratio of p99 close the report.
/// <code>dotnet run -c Release --project tests/Federation.Benchmarks -- settings [runs] [seconds] [NAME=VALUE ...]</code>
/// </summary>
internal static partial class RuntimeSettings
{
    public static async Task<int> RunAsync(string[] args)
    {
        var runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 6;
        var seconds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10;
        var settings = args.Skip(2).Select(a => a.Split('=', 2)).ToDictionary(
            a => a[0],
            a => a.Length == 2 ? a[1] : throw new ArgumentException($"'{a[0]}' is not NAME=VALUE."));

        await using var subgraphs = await EmbeddedSubgraphs.StartAsync(FederatedThroughput.Persons, LogLevel.Warning, CancellationToken.None);
        var root = FederatedThroughput.RepositoryRoot();
        var supergraph = Path.Combine(root, "schema", "supergraph.graphql");
        var catalogue = CatalogueFiles.FromFile(Path.Combine(root, "schema", CatalogueFiles.FileName));
        var world = new DemoWorld(FederatedThroughput.Persons);
        using var asIs = await FederatedThroughput.StartOursAsync(subgraphs, supergraph, 4094);
        using var withSettings = await FederatedThroughput.StartOursAsync(subgraphs, supergraph, 4095, settings);
        var gateways = new (string Name, GatewayProcess Process)[] { ("as is", asIs), ("with settings", withSettings) };
        foreach (var (name, gateway) in gateways)
        {
            // Grants live in each gateway's own store: without one, a gateway would skip a subgraph and do less work.
            await BenchmarkCaller.ObtainGrantsAsync(gateway.Url, FederatedThroughput.Query, new JsonObject { ["id"] = world.Person(7).IdNumber }, catalogue);
            Console.WriteLine($"{name} answers: {await FederatedThroughput.CheckOnceAsync(gateway.Url)}");
        }

        var directory = Path.Combine(Path.GetTempPath(), $"settings-bench-{Environment.ProcessId}");
        Directory.CreateDirectory(directory);
        try
        {
            var script = await FederatedThroughput.WriteScriptAsync(directory, world);
            foreach (var (_, gateway) in gateways)
            {
                await FederatedThroughput.WrkAsync(gateway.Url, script, seconds, 32);
                await FederatedThroughput.WrkAsync(gateway.Url, script, seconds, 10);
            }

            var results = gateways.ToDictionary(g => g.Name, _ => new List<(WrkResult Load, double Cpu)>());
            for (var run = 0; run < runs; run++)
            {
                foreach (var (name, gateway) in run % 2 == 0 ? gateways : gateways.Reverse())
                {
                    var cpu = gateway.CpuTime;
                    var pauses = GC.GetTotalPauseDuration();
                    var allocated = GC.GetTotalAllocatedBytes();
                    var collections = GC.CollectionCount(0);
                    var load = await FederatedThroughput.WrkAsync(gateway.Url, script, seconds, 10);
                    var perRequest = (gateway.CpuTime - cpu).TotalMilliseconds / load.Requests;
                    results[name].Add((load, perRequest));
                    Console.WriteLine(
                        $"run {run + 1} {name}: {load.Rate:F0} req/s, p50 {load.P50:F2} ms, p90 {Ninetieth().Match(load.Raw).Groups[1].Value}, p99 {load.P99:F2} ms; "
                        + $"gateway {perRequest:F3} ms CPU per request; subgraphs allocated {(GC.GetTotalAllocatedBytes() - allocated) / 1024.0 / load.Requests:F1} KiB per request, "
                        + $"{GC.CollectionCount(0) - collections} collections pausing them {(GC.GetTotalPauseDuration() - pauses).TotalMilliseconds:F0} ms");
                }
            }

            Console.WriteLine();
            Console.WriteLine($"settings: {string.Join(' ', settings.Select(s => $"{s.Key}={s.Value}"))}; subgraph host server GC: {System.Runtime.GCSettings.IsServerGC}");
            Console.WriteLine("| gateway (10 connections) | req/s | p50 | p99 | CPU per request |");
            Console.WriteLine("|---|---|---|---|---|");
            foreach (var (name, list) in results)
            {
                Console.WriteLine($"| {name} | {Median(list, r => r.Load.Rate):F0} | {Median(list, r => r.Load.P50):F2} ms | {Median(list, r => r.Load.P99):F2} ms | {Median(list, r => r.Cpu):F3} ms |");
            }

            var ratios = results["with settings"].Zip(results["as is"], (b, a) => b.Load.P99 / a.Load.P99).ToList();
            Console.WriteLine($"median of per-run p99 ratios with/without the settings: {FederatedThroughput.Median(ratios):F3}");
            return 0;
        }
        finally
        {
            Directory.Delete(directory, true);
        }
    }

    private static double Median(List<(WrkResult Load, double Cpu)> results, Func<(WrkResult Load, double Cpu), double> value) =>
        FederatedThroughput.Median([.. results.Select(value)]);

    [GeneratedRegex(@"\s90%\s+(\S+)")]
    private static partial Regex Ninetieth();
}

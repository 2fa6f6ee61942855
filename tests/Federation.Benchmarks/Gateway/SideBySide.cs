using System.Globalization;
using System.Text.Json.Nodes;
using Federation.Gateway.Catalogue;
using Federation.Gateway.Hosting;
using Federation.Host;
using Federation.Subgraphs.DemoData;
using Microsoft.Extensions.Logging;

namespace Federation.Benchmarks.Gateway;

/// <summary>
/// Another build of the gateway against this one, over the same four subgraphs (in this process),
/// the same supergraph and catalogue, each having obtained the benchmark caller's grant: what a change
/// did to the gateway, measured side by side in one session. Each run measures both, the first of the
/// pair swapping every run: wrk at 32 connections for requests per second and the gateway's CPU time
/// per request, then at 10 connections for the p99. Medians and the median per-run ratios close the report.
/// <code>dotnet run -c Release --project tests/Federation.Benchmarks -- versus &lt;other Federation.Gateway.dll&gt; [runs] [seconds] [NAME=value …]</code>
/// The <c>NAME=value</c> pairs are environment variables of the other build's process only: this build's own
/// gateway dll with <c>Telemetry__Enabled=false</c> measures what telemetry costs.
/// </summary>
internal static class SideBySide
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length == 0 || !File.Exists(args[0]))
        {
            Console.Error.WriteLine("usage: versus <the other build's Federation.Gateway.dll> [runs] [seconds]");
            return 2;
        }

        var other = Path.GetFullPath(args[0]);
        var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 6;
        var seconds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 10;
        var otherEnvironment = args.Skip(3).Select(pair => pair.Split('=', 2)).ToDictionary(pair => pair[0], pair => pair.Length > 1 ? pair[1] : "");

        await using var subgraphs = await EmbeddedSubgraphs.StartAsync(FederatedThroughput.Persons, LogLevel.Warning, CancellationToken.None);
        var root = FederatedThroughput.RepositoryRoot();
        var supergraph = Path.Combine(root, "schema", "supergraph.graphql");
        var catalogue = CatalogueFiles.FromFile(Path.Combine(root, "schema", CatalogueFiles.FileName));
        var world = new DemoWorld(FederatedThroughput.Persons);
        using var before = await FederatedThroughput.StartOursAsync(subgraphs, supergraph, 4096, otherEnvironment, dll: other);
        using var after = await FederatedThroughput.StartOursAsync(subgraphs, supergraph, 4097);
        var gateways = new (string Name, GatewayProcess Process)[] { ("other build", before), ("this build", after) };
        foreach (var (name, gateway) in gateways)
        {
            // Grants live in each gateway's own store: without one, a gateway would skip a subgraph and do less work.
            await BenchmarkCaller.ObtainGrantsAsync(gateway.Url, FederatedThroughput.Query, new JsonObject { ["id"] = world.Person(7).IdNumber }, catalogue);
            Console.WriteLine($"{name} answers: {await FederatedThroughput.CheckOnceAsync(gateway.Url)}");
        }

        var directory = Path.Combine(Path.GetTempPath(), $"versus-bench-{Environment.ProcessId}");
        Directory.CreateDirectory(directory);
        try
        {
            var script = await FederatedThroughput.WriteScriptAsync(directory, world);
            foreach (var (_, gateway) in gateways)
            {
                await FederatedThroughput.WrkAsync(gateway.Url, script, seconds, 32);
                await FederatedThroughput.WrkAsync(gateway.Url, script, seconds, 10);
            }

            var results = gateways.ToDictionary(g => g.Name, _ => new List<Measured>());
            for (var run = 0; run < runs; run++)
            {
                foreach (var (name, gateway) in run % 2 == 0 ? gateways : gateways.Reverse())
                {
                    var cpu = gateway.CpuTime;
                    var load = await FederatedThroughput.WrkAsync(gateway.Url, script, seconds, 32);
                    var perRequest = (gateway.CpuTime - cpu).TotalMilliseconds / load.Requests;
                    var latency = await FederatedThroughput.WrkAsync(gateway.Url, script, seconds, 10);
                    results[name].Add(new Measured(load.Rate, perRequest, latency.P99));
                    Console.WriteLine($"run {run + 1} {name}: {load.Rate:F0} req/s at 32 connections, {perRequest:F3} ms CPU per request; p99 {latency.P99:F2} ms at 10 connections");
                }
            }

            Console.WriteLine();
            Console.WriteLine($"other build: {other}");
            Console.WriteLine("| gateway | req/s at 32 conn. | CPU per request | p99 at 10 conn. |");
            Console.WriteLine("|---|---|---|---|");
            foreach (var (name, list) in results)
            {
                Console.WriteLine($"| {name} | {Median(list, m => m.Rate):F0} | {Median(list, m => m.Cpu):F3} ms | {Median(list, m => m.P99):F2} ms |");
            }

            var (a, b) = (results["other build"], results["this build"]);
            Console.WriteLine($"median per-run ratios this/other: req/s {Ratio(b, a, m => m.Rate):F3}, CPU per request {Ratio(b, a, m => m.Cpu):F3}, p99 {Ratio(b, a, m => m.P99):F3}");
            return 0;
        }
        finally
        {
            Directory.Delete(directory, true);
        }
    }

    private static double Median(List<Measured> results, Func<Measured, double> value) => FederatedThroughput.Median([.. results.Select(value)]);

    private static double Ratio(List<Measured> b, List<Measured> a, Func<Measured, double> value) =>
        FederatedThroughput.Median([.. b.Zip(a, (x, y) => value(x) / value(y))]);

    private readonly record struct Measured(double Rate, double Cpu, double P99);
}

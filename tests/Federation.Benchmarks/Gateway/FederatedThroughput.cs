using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Federation.Gateway.Catalogue;
using Federation.Gateway.Hosting;
using Federation.Host;
using Federation.Subgraphs.DemoData;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace Federation.Benchmarks.Gateway;

/// <summary>
/// Our gateway against Apollo Gateway 2.14.4 over the same four subgraphs, on the same
/// cross-subgraph query with varying variables, in alternating wrk runs; reports medians of
/// requests per second, the gateway's CPU time per request (from the gateway process's CPU time
/// over each run) and p99 latency at 10 connections.
/// <code>dotnet run -c Release --project tests/Federation.Benchmarks -- gateway [runs] [seconds] [connections]</code>
/// </summary>
internal static partial class FederatedThroughput
{
    public const string Query = """
        query Citizen($id: IdNumber!) {
          person(idNumber: $id) {
            name
            birthDate
            registeredDivision { name parent { name } }
            licences(first: 3) { totalCount edges { node { number type { name } status } } }
            representedLegalPersons(first: 2) { edges { node { name status } } }
          }
        }
        """;

    internal const int Persons = 10_000;
    private const int DistinctBodies = 500;

    public static async Task<int> RunAsync(string[] args)
    {
        var runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5;
        var seconds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10;
        var connections = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 32;

        await using var subgraphs = await EmbeddedSubgraphs.StartAsync(Persons, LogLevel.Warning, CancellationToken.None);
        var supergraph = Path.Combine(RepositoryRoot(), "schema", "supergraph.graphql");
        using var ours = await StartOursAsync(subgraphs, supergraph);
        await BenchmarkCaller.ObtainGrantsAsync(ours.Url, Query, new JsonObject { ["id"] = new DemoWorld(Persons).Person(7).IdNumber }, CatalogueFiles.FromFile(Path.Combine(RepositoryRoot(), "schema", CatalogueFiles.FileName)));
        using var apollo = await StartApolloAsync(subgraphs, supergraph);
        var gateways = new (string Name, GatewayProcess Process)[] { ("ours", ours), ("apollo", apollo) };

        var directory = Path.Combine(Path.GetTempPath(), $"gateway-bench-{Environment.ProcessId}");
        Directory.CreateDirectory(directory);
        try
        {
            var script = await WriteScriptAsync(directory, new DemoWorld(Persons));
            foreach (var (name, gateway) in gateways)
            {
                Console.WriteLine($"{name} answers: {await CheckOnceAsync(gateway.Url)}");
                await WrkAsync(gateway.Url, script, 5, connections);
            }

            var rates = gateways.ToDictionary(g => g.Name, _ => new List<double>());
            var p99s = gateways.ToDictionary(g => g.Name, _ => new List<double>());
            var cpu = new List<double>();
            for (var run = 0; run < runs; run++)
            {
                foreach (var (name, gateway) in gateways)
                {
                    var before = gateway.CpuTime;
                    var load = await WrkAsync(gateway.Url, script, seconds, connections);
                    var used = gateway.CpuTime - before;
                    rates[name].Add(load.Rate);
                    if (name == "ours")
                    {
                        cpu.Add(used.TotalMilliseconds / load.Requests);
                    }

                    var pauses = GC.GetTotalPauseDuration();
                    var latency = await WrkAsync(gateway.Url, script, seconds, 10);
                    p99s[name].Add(latency.P99);
                    Console.WriteLine($"run {run + 1} {name}: {load.Rate:F0} req/s at {connections} connections"
                        + (name == "ours" ? $", {cpu[^1]:F3} ms CPU per request" : string.Empty)
                        + $"; p99 {latency.P99:F2} ms at 10 connections ({latency.Rate:F0} req/s, the subgraphs paused {(GC.GetTotalPauseDuration() - pauses).TotalMilliseconds:F0} ms by collections)");
                }
            }

            var ratios = rates["ours"].Zip(rates["apollo"], (o, a) => o / a).ToList();
            Console.WriteLine();
            Console.WriteLine($"| gateway | req/s (median, {connections} conn.) | p99 at 10 conn. (median) | CPU per request |");
            Console.WriteLine("|---|---|---|---|");
            Console.WriteLine($"| ours | {Median(rates["ours"]):F0} | {Median(p99s["ours"]):F2} ms | {Median(cpu):F3} ms |");
            Console.WriteLine($"| Apollo Gateway 2.14.4 | {Median(rates["apollo"]):F0} | {Median(p99s["apollo"]):F2} ms | — |");
            Console.WriteLine($"median of per-run ratios ours/apollo: {Median(ratios):F2}x");
            return 0;
        }
        finally
        {
            Directory.Delete(directory, true);
        }
    }

    /// <summary>Starts this build's gateway, or the one at <paramref name="dll"/> (another build, for side-by-side comparisons).</summary>
    internal static async Task<GatewayProcess> StartOursAsync(EmbeddedSubgraphs subgraphs, string supergraph, int port = 4090, IReadOnlyDictionary<string, string>? environment = null, string? dll = null)
    {
        dll ??= typeof(GatewayService).Assembly.Location;
        var arguments = new List<string>
        {
            dll, $"--Urls=http://127.0.0.1:{port}", $"--GatewaySignature:Secret={subgraphs.Secret}", $"--Gateway:SupergraphFile={supergraph}", "--Logging:LogLevel:Default=Warning",
            // The gateway prints no banner (the one-command host does): "Now listening" says it serves.
            "--Logging:LogLevel:Microsoft.Hosting.Lifetime=Information",
            // Two gateways run side by side in some comparisons: each its own audit chain, in a scratch spool.
            $"--Audit:Instance=benchmark-{port}",
            $"--Audit:SpoolDirectory={Path.Combine(Path.GetTempPath(), "federation-benchmarks-audit")}",
        };
        arguments.AddRange(BenchmarkCaller.AuthenticationArguments());
        arguments.AddRange(subgraphs.Urls.Select(s => $"--Subgraphs:Endpoints:{s.Name}:Url={s.Url}"));
        return await GatewayProcess.StartAsync("dotnet", arguments, $"http://127.0.0.1:{port}/graphql", environment, line => line.Contains("Now listening", StringComparison.Ordinal));
    }

    private static async Task<GatewayProcess> StartApolloAsync(EmbeddedSubgraphs subgraphs, string supergraph)
    {
        var arguments = new List<string> { Path.Combine(RepositoryRoot(), "tests", "peer", "apollo-gateway.mjs"), "--supergraph", supergraph, "--secret", subgraphs.Secret, "--port", "4091" };
        foreach (var (name, url) in subgraphs.Urls)
        {
            arguments.Add("--subgraph");
            arguments.Add($"{name}={url}");
        }

        return await GatewayProcess.StartAsync("node", arguments, "http://127.0.0.1:4091/", null, line => line.Contains("\"url\"", StringComparison.Ordinal));
    }

    internal static async Task<string> WriteScriptAsync(string directory, DemoWorld world)
    {
        var bodies = Path.Combine(directory, "bodies.txt");
        var lines = Enumerable.Range(0, DistinctBodies).Select(i =>
            new JsonObject { ["query"] = Query, ["variables"] = new JsonObject { ["id"] = world.Person(world.Random("gateway-benchmark", i).NextInt(world.PersonCount)).IdNumber } }.ToJsonString());
        await File.WriteAllLinesAsync(bodies, lines);
        var script = Path.Combine(directory, "varied.lua");
        await File.WriteAllTextAsync(script, $$"""
            local bodies, next = {}, 0
            function init(args)
              for line in io.lines("{{bodies}}") do bodies[#bodies + 1] = line end
              next = math.random(#bodies)
            end
            function request()
              next = next % #bodies + 1
              return wrk.format("POST", nil, { ["Content-Type"] = "application/json", ["Accept"] = "application/json", ["Authorization"] = "Bearer {{BenchmarkCaller.Token}}", ["Federation-Purpose"] = "{{BenchmarkCaller.Purpose}}" }, bodies[next])
            end
            """);
        return script;
    }

    internal static async Task<string> CheckOnceAsync(string url)
    {
        using var client = new HttpClient();
        var world = new DemoWorld(Persons);
        var body = new JsonObject { ["query"] = Query, ["variables"] = new JsonObject { ["id"] = world.Person(7).IdNumber } }.ToJsonString();
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        BenchmarkCaller.Authorize(request);
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode || text.Contains("\"errors\"", StringComparison.Ordinal) || !text.Contains("\"name\"", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{url} did not answer the query: {(int)response.StatusCode} {text}");
        }

        return text.Length > 160 ? text[..160] + "…" : text;
    }

    internal static async Task<WrkResult> WrkAsync(string url, string script, int seconds, int connections)
    {
        var start = new ProcessStartInfo("wrk") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-t2", $"-c{connections}", $"-d{seconds}s", "--latency", "-s", script, url })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("wrk did not start (apt-get install wrk)");
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        var rate = RequestsPerSecond().Match(output);
        var requests = RequestsInAll().Match(output);
        if (!rate.Success || !requests.Success || output.Contains("Non-2xx", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("wrk failed or saw errors:\n" + output + await process.StandardError.ReadToEndAsync());
        }

        return new WrkResult(
            double.Parse(rate.Groups[1].Value, CultureInfo.InvariantCulture),
            long.Parse(requests.Groups[1].Value, CultureInfo.InvariantCulture),
            Milliseconds(Regex.Match(output, @"Latency\s+([0-9.]+)(us|ms|s)")),
            Milliseconds(Regex.Match(output, @"\s50%\s+([0-9.]+)(us|ms|s)")),
            Milliseconds(Regex.Match(output, @"\s99%\s+([0-9.]+)(us|ms|s)")))
        { Raw = output };
    }

    private static double Milliseconds(Match match)
    {
        var value = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Value switch { "us" => value / 1000, "s" => value * 1000, _ => value };
    }

    internal static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Federation.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Run the benchmark from inside the repository.");
    }

    internal static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    [GeneratedRegex(@"Requests/sec:\s+([0-9.]+)")]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"(\d+) requests in")]
    private static partial Regex RequestsInAll();
}

/// <summary>What one wrk run measured: requests per second, requests in all, and mean, median and 99th-percentile latency in milliseconds; <see cref="Raw"/> is wrk's whole report.</summary>
internal readonly record struct WrkResult(double Rate, long Requests, double Mean, double P50, double P99)
{
    public string Raw { get; init; } = string.Empty;
}

/// <summary>A gateway in a process of its own, so its CPU time can be read.</summary>
internal sealed class GatewayProcess : IDisposable
{
    private readonly Process process;

    private GatewayProcess(Process process, string url)
    {
        this.process = process;
        Url = url;
    }

    public string Url { get; }

    public int ProcessId => process.Id;

    public TimeSpan CpuTime
    {
        get
        {
            process.Refresh();
            return process.TotalProcessorTime;
        }
    }

    public static async Task<GatewayProcess> StartAsync(string program, IEnumerable<string> arguments, string url, IReadOnlyDictionary<string, string>? environment, Func<string, bool> ready)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (ready(line))
            {
                // Keep reading so a full pipe never blocks the gateway.
                _ = Task.Run(async () =>
                {
                    while (await process.StandardOutput.ReadLineAsync() is not null)
                    {
                    }
                });
                return new GatewayProcess(process, url);
            }
        }

        throw new InvalidOperationException($"{program} exited before serving.");
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(true);
        }

        process.Dispose();
    }
}

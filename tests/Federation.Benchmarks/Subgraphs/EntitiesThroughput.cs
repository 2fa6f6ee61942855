using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Federation.Benchmarks.Http;
using Federation.Protocol.Signing;
using Federation.Subgraphs.DemoData;
using Federation.Subgraphs.Hosting;
using Federation.Subgraphs.Population;
using Federation.Subgraphs.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Federation.Benchmarks.Subgraphs;

/// <summary>
/// Requests per second of the population subgraph answering <c>_entities</c> for 100 persons from
/// PostgreSQL — the call the gateway makes for every list of persons — with signature checks on,
/// driven by wrk with freshly signed requests.
/// <code>dotnet run -c Release --project tests/Federation.Benchmarks -- entities [runs] [seconds] [connections] [persons]</code>
/// </summary>
internal static partial class EntitiesThroughput
{
    private const string Secret = "benchmark-secret-long-enough-for-hmac-sha256-signing";
    private const int BatchSize = 100;
    private const int DistinctBatches = 64;

    private const string Query = "query($representations:[_Any!]!){_entities(representations:$representations){... on Person{idNumber name gender birthDate registeredDivision{code} household{number}}}}";

    public static async Task<int> RunAsync(string[] args)
    {
        var runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5;
        var seconds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10;
        var connections = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 16;
        var persons = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : DemoWorld.DefaultPersons;

        await using var database = await TestDatabase.CreateAsync("bench_population");
        var app = PopulationService.Build([], builder =>
        {
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            builder.Configuration["Store"] = "Postgres";
            builder.Configuration["ConnectionStrings:Postgres"] = database.ConnectionString;
            builder.Configuration["Seed:Persons"] = persons.ToString(CultureInfo.InvariantCulture);
            builder.Configuration["GatewaySignature:Secret"] = Secret;
        });
        var started = Stopwatch.StartNew();
        await app.StartAsync();
        Console.WriteLine($"population subgraph on PostgreSQL, {persons} persons seeded, started in {started.Elapsed.TotalSeconds:F1} s");
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        var world = new DemoWorld(persons);
        var bodies = Enumerable.Range(0, DistinctBatches).Select(b => Body(world, b)).ToList();
        var caller = new GatewayCaller("benchmark", "DATA_VERIFICATION");
        var signed = new SignedRequests(Secret, caller);
        var directory = Path.Combine(Path.GetTempPath(), $"entities-bench-{Environment.ProcessId}");
        try
        {
            await CheckOnceAsync(address, bodies[0], caller);
            var rates = new List<double>();
            var p99s = new List<double>();
            for (var run = -1; run < runs; run++)
            {
                // Enough fresh signatures for the fastest rate this machine could reach; the first run warms up.
                var script = await signed.PrepareAsync(directory, "/graphql", bodies, 40_000 * seconds);
                var (rate, p50, p99) = await WrkAsync(address + "/graphql", script, run < 0 ? 3 : seconds, connections);
                if (run < 0)
                {
                    continue;
                }

                rates.Add(rate);
                p99s.Add(p99);
                Console.WriteLine($"run {run + 1}: {rate:F0} req/s ({rate * BatchSize:F0} persons/s), p50 {p50:F2} ms, p99 {p99:F2} ms");
            }

            Console.WriteLine($"_entities of {BatchSize} persons from PostgreSQL, {connections} connections: median {Median(rates):F0} req/s, median p99 {Median(p99s):F2} ms");
            return 0;
        }
        finally
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, true);
            }

            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    private static string Body(DemoWorld world, int batch)
    {
        var random = world.Random("entities-benchmark", batch);
        var representations = new JsonArray();
        for (var i = 0; i < BatchSize; i++)
        {
            representations.Add(new JsonObject { ["__typename"] = "Person", ["idNumber"] = world.Person(random.NextInt(world.PersonCount)).IdNumber });
        }

        return new JsonObject { ["query"] = Query, ["variables"] = new JsonObject { ["representations"] = representations } }.ToJsonString();
    }

    private static async Task CheckOnceAsync(string address, string body, GatewayCaller caller)
    {
        using var client = new HttpClient(new GatewaySigningHandler(new GatewaySignature(Secret)) { InnerHandler = new HttpClientHandler() });
        using var request = new HttpRequestMessage(HttpMethod.Post, address + "/graphql") { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
        request.Options.Set(GatewaySigningHandler.CallerOption, caller);
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var entities = JsonNode.Parse(text)?["data"]?["_entities"]?.AsArray();
        if (!response.IsSuccessStatusCode || entities is null || entities.Count != BatchSize || entities.Any(e => e?["name"] is null) || text.Contains("\"errors\"", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The subgraph did not answer 100 persons: {(int)response.StatusCode} {text[..Math.Min(500, text.Length)]}");
        }
    }

    private static async Task<(double Rate, double P50, double P99)> WrkAsync(string url, string script, int seconds, int connections)
    {
        var start = new ProcessStartInfo("wrk") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { $"-t{SignedRequests.Threads}", $"-c{connections}", $"-d{seconds}s", "--latency", "-s", script, url })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("wrk did not start (apt-get install wrk)");
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        var rate = RequestsPerSecond().Match(output);
        if (!rate.Success || output.Contains("Non-2xx", StringComparison.Ordinal) || output.Contains("Socket errors", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("wrk failed or saw errors:\n" + output + await process.StandardError.ReadToEndAsync());
        }

        return (double.Parse(rate.Groups[1].Value, CultureInfo.InvariantCulture), Latency(output, "50"), Latency(output, "99"));
    }

    private static double Latency(string output, string percentile)
    {
        var match = Regex.Match(output, $@"\s{percentile}%\s+([0-9.]+)(us|ms|s)");
        var value = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Value switch { "us" => value / 1000, "s" => value * 1000, _ => value };
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    [GeneratedRegex(@"Requests/sec:\s+([0-9.]+)")]
    private static partial Regex RequestsPerSecond();
}

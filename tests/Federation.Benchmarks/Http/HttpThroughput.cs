using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Federation.GraphQL.AspNetCore;
using Federation.GraphQL.Language;
using Federation.GraphQL.Types.Building;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Federation.Benchmarks.Http;

/// <summary>
/// Requests per second of a trivial query over HTTP: the GraphQL endpoint against a plain
/// minimal-API endpoint that reads the same JSON body and returns the same JSON, in one Kestrel
/// server on 127.0.0.1, driven by wrk in alternating runs.
/// <code>dotnet run -c Release --project tests/Federation.Benchmarks -- http [runs] [seconds] [connections]</code>
/// </summary>
internal static partial class HttpThroughput
{
    private const string Body = """{"query":"{ hello }"}""";

    /// <summary>Measured in this order in every run, so that drift in the machine's load hits all alike.</summary>
    private static readonly (string Name, string Path)[] Endpoints =
    [
        ("minimal-api-reading-body", "/plain"),
        ("minimal-api-constant", "/constant"),
        ("graphql", "/graphql"),
    ];

    public static async Task<int> RunAsync(string[] args)
    {
        var runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5;
        var seconds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10;
        var connections = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 32;

        await using var app = BuildApp();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var script = Path.Combine(Path.GetTempPath(), $"graphql-post-{Environment.ProcessId}.lua");
        await File.WriteAllTextAsync(script, $$"""
            wrk.method = "POST"
            wrk.body = '{{Body}}'
            wrk.headers["Content-Type"] = "application/json"
            wrk.headers["Accept"] = "application/graphql-response+json"
            """);
        try
        {
            // The endpoints must answer the same bytes, or the comparison means nothing.
            using var client = new HttpClient();
            var expected = await PostOnceAsync(client, address + "/graphql");
            foreach (var (name, path) in Endpoints)
            {
                var body = await PostOnceAsync(client, address + path);
                Console.WriteLine($"{name} answers {body}");
                if (body != expected)
                {
                    throw new InvalidOperationException($"{name} answers differently from graphql");
                }
            }

            // Warm every path (JIT, tiered compilation, the document cache) before measuring.
            foreach (var (_, path) in Endpoints)
            {
                await WrkAsync(address + path, script, 3, connections);
            }

            var rates = Endpoints.ToDictionary(e => e.Name, _ => new List<double>());
            for (var run = 0; run < runs; run++)
            {
                foreach (var (name, path) in Endpoints)
                {
                    rates[name].Add(await WrkAsync(address + path, script, seconds, connections));
                }

                Console.WriteLine($"run {run + 1}: " + string.Join(", ", Endpoints.Select(e => $"{e.Name} {rates[e.Name][^1]:F0} req/s")));
            }

            var graphql = rates["graphql"];
            var worst = double.MaxValue;
            foreach (var (name, _) in Endpoints.Where(e => e.Name != "graphql"))
            {
                var ratios = rates[name].Zip(graphql, (baseline, g) => g / baseline).ToList();
                worst = Math.Min(worst, Median(ratios));
                Console.WriteLine($"graphql vs {name}: medians {Median(graphql):F0} / {Median(rates[name]):F0} req/s, median of per-run ratios {Median(ratios):P1}");
            }

            return worst >= 0.7 ? 0 : 1;
        }
        finally
        {
            File.Delete(script);
            await app.StopAsync();
        }
    }

    private static WebApplication BuildApp()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();

        var schema = SchemaBuilder.FromDocument(Parser.Parse("type Query { hello: String }", ParserOptions.Unlimited));
        schema.Bind("Query.hello", _ => ValueTask.FromResult<object?>("world"));
        app.MapGraphQL("/graphql", schema);

        // The baselines: a hand-written JSON endpoint that binds the same request body, and one
        // that ignores it and serializes the same answer.
        app.MapPost("/plain", (PlainRequest request) => Results.Json(new PlainResponse(new PlainData(request.Query is null ? null : "world")), PlainJson.Default.PlainResponse));
        app.MapPost("/constant", () => Results.Json(new PlainResponse(new PlainData("world")), PlainJson.Default.PlainResponse));
        return app;
    }

    private static async Task<double> WrkAsync(string url, string script, int seconds, int connections)
    {
        var start = new ProcessStartInfo("wrk") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-t2", $"-c{connections}", $"-d{seconds}s", "-s", script, url })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("wrk did not start (apt-get install wrk)");
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        var match = RequestsPerSecond().Match(output);
        if (!match.Success || output.Contains("Non-2xx", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("wrk failed or saw errors:\n" + output + await process.StandardError.ReadToEndAsync());
        }

        return double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    private static async Task<string> PostOnceAsync(HttpClient client, string url)
    {
        using var content = new StringContent(Body, System.Text.Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(url, content);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    [GeneratedRegex(@"Requests/sec:\s+([0-9.]+)")]
    private static partial Regex RequestsPerSecond();
}

internal sealed record PlainRequest(string? Query, string? OperationName);

internal sealed record PlainData(string? Hello);

internal sealed record PlainResponse(PlainData Data);

[System.Text.Json.Serialization.JsonSourceGenerationOptions(PropertyNamingPolicy = System.Text.Json.Serialization.JsonKnownNamingPolicy.CamelCase)]
[System.Text.Json.Serialization.JsonSerializable(typeof(PlainResponse))]
[System.Text.Json.Serialization.JsonSerializable(typeof(PlainRequest))]
internal sealed partial class PlainJson : System.Text.Json.Serialization.JsonSerializerContext;

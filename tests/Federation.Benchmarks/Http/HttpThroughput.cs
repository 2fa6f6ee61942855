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
            // Both endpoints must answer the same bytes, or the comparison means nothing.
            using var client = new HttpClient();
            var plainBody = await PostOnceAsync(client, address + "/plain");
            var graphqlBody = await PostOnceAsync(client, address + "/graphql");
            Console.WriteLine($"plain answers {plainBody}, graphql answers {graphqlBody}");
            if (plainBody != graphqlBody)
            {
                throw new InvalidOperationException("the two endpoints answer differently");
            }

            // Warm both paths (JIT, tiered compilation, the document cache) before measuring.
            await WrkAsync(address + "/plain", script, 3, connections);
            await WrkAsync(address + "/graphql", script, 3, connections);

            var plain = new List<double>();
            var graphql = new List<double>();
            for (var run = 0; run < runs; run++)
            {
                plain.Add(await WrkAsync(address + "/plain", script, seconds, connections));
                graphql.Add(await WrkAsync(address + "/graphql", script, seconds, connections));
                Console.WriteLine($"run {run + 1}: plain {plain[^1]:F0} req/s, graphql {graphql[^1]:F0} req/s, ratio {graphql[^1] / plain[^1]:P1}");
            }

            var ratios = plain.Zip(graphql, (p, g) => g / p).ToList();
            Console.WriteLine($"median: plain {Median(plain):F0} req/s, graphql {Median(graphql):F0} req/s, ratio of medians {Median(graphql) / Median(plain):P1}, median of ratios {Median(ratios):P1}");
            return Median(ratios) >= 0.7 ? 0 : 1;
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

        // The baseline: what a hand-written JSON endpoint does for the same request.
        app.MapPost("/plain", (PlainRequest request) => Results.Json(new PlainResponse(new PlainData(request.Query is null ? null : "world")), PlainJson.Default.PlainResponse));
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

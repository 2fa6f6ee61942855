using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Federation.Gateway.Catalogue;
using Federation.Gateway.Hosting;
using Federation.Host;
using Federation.Subgraphs.DemoData;
using Microsoft.Extensions.Logging;

namespace Federation.Benchmarks.Gateway;

/// <summary>
/// Whether the gateway's memory stays flat under repeated load: the gateway in a process of its own
/// over the four embedded subgraphs, sent the same mixed round of traffic again and again — served
/// cross-subgraph queries, a new document on every request (so the document, analysis and plan
/// caches fill to their bounds and then evict), denied fields, malformed bodies, bad tokens and
/// adversarial documents — with the gateway's resident set size after each round. A gateway that keeps something per request grows with every round; a bounded one levels
/// off once its caches are full.
/// <code>dotnet run -c Release --project tests/Federation.Benchmarks -- soak [rounds] [requests per round] [connections]</code>
/// </summary>
internal static class MemorySoak
{
    public static async Task<int> RunAsync(string[] args)
    {
        var rounds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 8;
        var perRound = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20_000;
        var connections = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 16;

        await using var subgraphs = await EmbeddedSubgraphs.StartAsync(FederatedThroughput.Persons, LogLevel.Warning, CancellationToken.None);
        var root = FederatedThroughput.RepositoryRoot();
        var supergraph = Path.Combine(root, "schema", "supergraph.graphql");
        using var gateway = await FederatedThroughput.StartOursAsync(subgraphs, supergraph, 4094);
        var world = new DemoWorld(FederatedThroughput.Persons);
        await BenchmarkCaller.ObtainGrantsAsync(gateway.Url, FederatedThroughput.Query, new JsonObject { ["id"] = world.Person(7).IdNumber }, CatalogueFiles.FromFile(Path.Combine(root, "schema", CatalogueFiles.FileName)));

        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = connections }) { Timeout = TimeSpan.FromSeconds(30) };
        var traffic = new SoakTraffic(world);
        Console.WriteLine($"before load: {Sample(gateway)}");
        var levels = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            var started = Stopwatch.GetTimestamp();
            var statuses = await SendRoundAsync(client, gateway.Url, traffic, round, perRound, connections);
            await Task.Delay(TimeSpan.FromSeconds(3));
            var sample = Sample(gateway);
            levels.Add(sample.ResidentMiB);
            Console.WriteLine($"round {round + 1}: {perRound} requests in {Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s ({string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value}"))}); {sample}");
        }

        var settled = levels.Skip(levels.Count / 2).ToList();
        Console.WriteLine();
        Console.WriteLine($"resident set after each round (MiB): {string.Join(", ", levels.Select(l => l.ToString("F0", CultureInfo.InvariantCulture)))}");
        Console.WriteLine($"second half: min {settled.Min():F0}, max {settled.Max():F0} MiB; growth from the middle round to the last: {levels[^1] - levels[levels.Count / 2]:F0} MiB");
        return 0;
    }

    private static async Task<Dictionary<int, int>> SendRoundAsync(HttpClient client, string url, SoakTraffic traffic, int round, int count, int connections)
    {
        var statuses = new Dictionary<int, int>();
        var next = -1;
        var workers = Enumerable.Range(0, connections).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                using var request = traffic.Request(url, round * count + i);
                int status;
                try
                {
                    using var response = await client.SendAsync(request);
                    await response.Content.ReadAsByteArrayAsync();
                    status = (int)response.StatusCode;
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    // Counted as status 0: no answer (connection failure or the client's time-out).
                    status = 0;
                }

                lock (statuses)
                {
                    statuses[status] = statuses.GetValueOrDefault(status) + 1;
                }
            }
        });
        await Task.WhenAll(workers);
        return statuses;
    }

    /// <summary>The gateway process's resident set, read from /proc (Linux).</summary>
    private static MemorySample Sample(GatewayProcess gateway)
    {
        var status = File.ReadAllLines($"/proc/{gateway.ProcessId}/status");
        var resident = status.First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        var kib = double.Parse(resident.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        return new MemorySample(kib / 1024);
    }

    private sealed record MemorySample(double ResidentMiB)
    {
        public override string ToString() => $"gateway resident set {ResidentMiB:F0} MiB";
    }

    /// <summary>One round's requests, the same kinds in the same proportions every round; document texts vary with the request number.</summary>
    private sealed class SoakTraffic(DemoWorld world)
    {
        public HttpRequestMessage Request(string url, int n)
        {
            var person = world.Person(n % 500).IdNumber;
            return (n % 10) switch
            {
                // A served cross-subgraph query, the same document with varying variables.
                0 or 1 or 2 => Post(url, FederatedThroughput.Query, new JsonObject { ["id"] = person }),
                // A new document every time: fills the document, analysis and plan caches to their bounds.
                3 or 4 => Post(url, $"query Soak{n} {{ person(idNumber: \"{person}\") {{ name a{n}: gender registeredDivision {{ name }} }} }}", null),
                // A field the caller may not read: removed and answered with an error.
                5 => Post(url, $"{{ person(idNumber: \"{person}\") {{ name maritalStatus }} }}", null),
                // Malformed bodies: not JSON, invalid UTF-8.
                6 => Raw(url, n % 2 == 0 ? Encoding.UTF8.GetBytes("{\"query\": ") : [0x7b, 0x22, 0x71, 0xff, 0xfe, 0x22, 0x7d]),
                // A token that is not one.
                7 => Post(url, "{ licenceTypes { code } }", null, token: "a.b.c.d.e"),
                // An adversarial document: each fragment spreads the next one twice.
                8 => Post(url, Doubling(14, n), null),
                _ => Post(url, "{ licenceTypes { code name } }", null),
            };
        }

        private static string Doubling(int levels, int n)
        {
            var text = new StringBuilder("query Doubling").Append(n).Append(" { ...F0 }");
            for (var i = 0; i < levels; i++)
            {
                text.Append(CultureInfo.InvariantCulture, $" fragment F{i} on Query {{ ...F{i + 1} ...F{i + 1} }}");
            }

            return text.Append(CultureInfo.InvariantCulture, $" fragment F{levels} on Query {{ __typename }}").ToString();
        }

        private static HttpRequestMessage Post(string url, string query, JsonObject? variables, string? token = null)
        {
            var body = new JsonObject { ["query"] = query, ["variables"] = variables }.ToJsonString();
            var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json")) };
            BenchmarkCaller.Authorize(request, token);
            return request;
        }

        private static HttpRequestMessage Raw(string url, byte[] body)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            BenchmarkCaller.Authorize(request);
            return request;
        }
    }
}

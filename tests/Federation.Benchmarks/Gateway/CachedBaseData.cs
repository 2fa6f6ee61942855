using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Federation.Subgraphs.DemoData;
using Federation.Subgraphs.Population;
using Federation.Subgraphs.Spatial;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Federation.Benchmarks.Gateway;

/// <summary>
/// The entity cache on the base-data query — 20 persons by identity number with name, gender, date of
/// birth, division of registration and its name, asked in two forms (<see cref="Forms"/>: one list lookup
/// and 20 aliased single lookups) — over the population and spatial subgraphs on
/// PostgreSQL with the 1 000 000-person world: one gateway caching in Redis (warmed first) against one
/// with caching off, in this process, in alternating wrk runs at 10 connections. Reports the medians
/// of requests per second, p99 latency and subgraph requests per gateway request (counted at the
/// subgraphs), the medians of the per-run ratios, and per run how long the process's garbage collections
/// paused it (every thread of it: subgraphs, both gateways). The worlds are loaded once into databases kept for the next run
/// (<c>bench_cache_population_N</c>, <c>bench_cache_spatial_N</c>): loading takes minutes.
/// PostgreSQL is <c>FEDERATION_BENCH_POSTGRES</c> (default the test server), Redis <c>FEDERATION_BENCH_REDIS</c>
/// (default 127.0.0.1:6390; the run's keys go under a prefix of its own).
/// <code>dotnet run -c Release --project tests/Federation.Benchmarks -- cache [runs] [seconds] [persons] [both|list|aliases]</code>
/// </summary>
internal static class CachedBaseData
{
    /// <summary>Twenty lookups by identity number in one operation, each a single lookup under an alias.</summary>
    public static readonly string AliasesQuery =
        "query BaseData(" + string.Join(", ", Enumerable.Range(0, PersonsPerRequest).Select(i => $"$p{i}: IdNumber!")) + ") {\n"
        + string.Concat(Enumerable.Range(0, PersonsPerRequest).Select(i => $"  p{i}: person(idNumber: $p{i}) {{ idNumber name gender birthDate registeredDivision {{ code name }} }}\n"))
        + "}";

    /// <summary>The same twenty persons by one root list lookup, the natural form.</summary>
    public const string ListQuery = """
        query BaseData($ids: [IdNumber!]!) {
          personsByIdNumbers(idNumbers: $ids) { idNumber name gender birthDate registeredDivision { code name } }
        }
        """;

    private static readonly string[] Forms = ["list", "aliases"];

    private const string Secret = "cache-benchmark-secret-long-enough-for-hmac-sha256";
    private const int PersonsPerRequest = 20;
    private const int DistinctBodies = 500;
    private const int Connections = 10;

    public static async Task<int> RunAsync(string[] args)
    {
        var runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5;
        var seconds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10;
        var persons = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1_000_000;
        string[] forms = args.Length > 3 && args[3] != "both" ? [args[3]] : Forms;
        if (forms.Any(form => !Forms.Contains(form)))
        {
            Console.Error.WriteLine("The form is both, list or aliases.");
            return 2;
        }

        var postgres = Environment.GetEnvironmentVariable("FEDERATION_BENCH_POSTGRES") ?? "Host=127.0.0.1;Port=5440;Username=postgres;Database=postgres";
        var redis = Environment.GetEnvironmentVariable("FEDERATION_BENCH_REDIS") ?? "127.0.0.1:6390";

        var counter = new SubgraphRequests();
        var started = Stopwatch.StartNew();
        await using var population = await StartSubgraphAsync(
            "population", (a, c) => PopulationService.Build(a, c), await DatabaseAsync(postgres, $"bench_cache_population_{persons}", postgis: false), persons, counter);
        await using var spatial = await StartSubgraphAsync(
            "spatial", (a, c) => SpatialService.Build(a, c), await DatabaseAsync(postgres, $"bench_cache_spatial_{persons}", postgis: true), persons, counter);
        Console.WriteLine($"population and spatial subgraphs on PostgreSQL with the {persons}-person world, ready in {started.Elapsed.TotalSeconds:F0} s");

        var root = FederatedThroughput.RepositoryRoot();
        string[] common =
        [
            $"--GatewaySignature:Secret={Secret}",
            $"--Gateway:SupergraphFile={Path.Combine(root, "schema", "supergraph.graphql")}",
            $"--Gateway:CatalogueFile={Path.Combine(root, "schema", "catalogue.yaml")}",
            $"--Subgraphs:Endpoints:population:Url={population.Url}",
            $"--Subgraphs:Endpoints:spatial:Url={spatial.Url}",
            $"--Audit:SpoolDirectory={Path.Combine(Path.GetTempPath(), "federation-benchmarks-audit")}",
            .. BenchmarkCaller.AuthenticationArguments(),
        ];
        var prefix = $"cache-bench-{Environment.ProcessId}:";
        await using var cached = await StartGatewayAsync(4094, [.. common, "--Audit:Instance=cache-bench-on", $"--Cache:Redis={redis}", $"--Cache:KeyPrefix={prefix}",
            // The base items are REAL_TIME (evicted by change events): their safety time-to-live, one minute by default, set to its longest so a run measures a warm cache.
            "--Cache:RealTimeTtl=00:10:00"]);
        await using var uncached = await StartGatewayAsync(4095, [.. common, "--Audit:Instance=cache-bench-off", "--Cache:Enabled=false"]);
        var gateways = new (string Name, string Url)[] { ("warm cache", cached.Url), ("caching off", uncached.Url) };

        var world = new DemoWorld(persons);
        var directory = Directory.CreateTempSubdirectory("cache-bench-");
        try
        {
            var scripts = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var form in forms)
            {
                var bodies = Bodies(world, form);
                scripts[form] = await WriteScriptAsync(directory.FullName, form, bodies);
                foreach (var (name, url) in gateways)
                {
                    Console.WriteLine($"{name} answers the {form} form: {await CheckAsync(url, bodies[0], form)}");
                }

                // Warm the cache with every body (the forms share the entries), then both gateways' JIT and pools.
                foreach (var body in bodies)
                {
                    await CheckAsync(cached.Url, body, form);
                }

                foreach (var (_, url) in gateways)
                {
                    await FederatedThroughput.WrkAsync(url, scripts[form], seconds, Connections);
                }
            }

            var results = new Dictionary<(string Form, string Gateway), List<(WrkResult Wrk, double PerRequest)>>();
            foreach (var form in forms)
            {
                foreach (var (name, _) in gateways)
                {
                    results[(form, name)] = [];
                }
            }

            for (var run = 0; run < runs; run++)
            {
                foreach (var form in forms)
                {
                    // Alternate which goes first, so a drift of the machine's load favours neither.
                    foreach (var (name, url) in run % 2 == 0 ? gateways : gateways.Reverse())
                    {
                        var before = counter.Count;
                        var paused = GC.GetTotalPauseDuration();
                        var collections = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
                        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                        var result = await FederatedThroughput.WrkAsync(url, scripts[form], seconds, Connections);
                        var perRequest = (double)(counter.Count - before) / Math.Max(1, result.Requests);
                        results[(form, name)].Add((result, perRequest));
                        Console.WriteLine(
                            $"run {run + 1} {form} {name}: {result.Rate:F0} req/s, p50 {result.P50:F2} ms, p99 {result.P99:F2} ms, {perRequest:F3} subgraph requests per request, "
                            + $"CPU {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / Math.Max(1, result.Requests):F3} ms per request (this process: both gateways and the subgraphs), "
                            + $"GC paused {(GC.GetTotalPauseDuration() - paused).TotalMilliseconds:F0} ms ({GC.CollectionCount(0) - collections.Item1} gen0, {GC.CollectionCount(1) - collections.Item2} gen1, {GC.CollectionCount(2) - collections.Item3} gen2 collections), "
                            + $"load average {LoadAverage()}");
                    }
                }
            }

            Console.WriteLine();
            Console.WriteLine($"| form | gateway ({Connections} connections, {PersonsPerRequest} persons a request) | req/s | p50 | p99 | subgraph requests per request |");
            Console.WriteLine("|---|---|---|---|---|---|");
            foreach (var form in forms)
            {
                foreach (var (name, _) in gateways)
                {
                    var list = results[(form, name)];
                    Console.WriteLine($"| {form} | {name} | {Median(list, r => r.Wrk.Rate):F0} | {Median(list, r => r.Wrk.P50):F2} ms | {Median(list, r => r.Wrk.P99):F2} ms | {Median(list, r => r.PerRequest):F3} |");
                }
            }

            foreach (var form in forms)
            {
                var ratios = results[(form, "warm cache")].Zip(results[(form, "caching off")], (on, off) => on.Wrk.Rate / off.Wrk.Rate).ToList();
                Console.WriteLine($"{form}: median of per-run ratios warm cache / caching off: req/s {FederatedThroughput.Median(ratios):F2}x (lowest {ratios.Min():F2}x, highest {ratios.Max():F2}x)");
            }

            Console.WriteLine($"load average {LoadAverage()}");
            return 0;
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    /// <summary>Bodies of 20 distinct persons each, drawn across the whole world: 10 000 persons in all, the same in either form.</summary>
    private static List<string> Bodies(DemoWorld world, string form) =>
        [.. Enumerable.Range(0, DistinctBodies).Select(b =>
        {
            var random = world.Random("cache-benchmark", b);
            var ids = new JsonArray();
            var variables = new JsonObject();
            for (var i = 0; i < PersonsPerRequest; i++)
            {
                var id = world.Person(random.NextInt(world.PersonCount)).IdNumber;
                ids.Add(id);
                variables[$"p{i}"] = id;
            }

            return form == "list"
                ? new JsonObject { ["query"] = ListQuery, ["variables"] = new JsonObject { ["ids"] = ids } }.ToJsonString()
                : new JsonObject { ["query"] = AliasesQuery, ["variables"] = variables }.ToJsonString();
        })];

    private static async Task<string> WriteScriptAsync(string directory, string form, List<string> bodies)
    {
        var file = Path.Combine(directory, $"bodies-{form}.txt");
        await File.WriteAllLinesAsync(file, bodies);
        var script = Path.Combine(directory, $"base-data-{form}.lua");
        await File.WriteAllTextAsync(script, $$"""
            local bodies, next = {}, 0
            function init(args)
              for line in io.lines("{{file}}") do bodies[#bodies + 1] = line end
              next = math.random(#bodies)
            end
            function request()
              next = next % #bodies + 1
              return wrk.format("POST", nil, { ["Content-Type"] = "application/json", ["Accept"] = "application/json", ["Authorization"] = "Bearer {{BenchmarkCaller.Token}}", ["Federation-Purpose"] = "{{BenchmarkCaller.Purpose}}" }, bodies[next])
            end
            """);
        return script;
    }

    /// <summary>Asks once; fails unless every person comes back whole, with the division's name.</summary>
    private static async Task<string> CheckAsync(string url, string body, string form)
    {
        using var client = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json")) };
        BenchmarkCaller.Authorize(request);
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var data = JsonNode.Parse(text)?["data"];
        var persons = form == "list" ? data?["personsByIdNumbers"]?.AsArray().ToList() : data?.AsObject().Select(p => p.Value).ToList();
        if (!response.IsSuccessStatusCode || text.Contains("\"errors\"", StringComparison.Ordinal) || persons?.Count != PersonsPerRequest || persons.Any(p => p?["registeredDivision"]?["name"] is null))
        {
            throw new InvalidOperationException($"{url} did not answer the base-data query in full: {(int)response.StatusCode} {text}");
        }

        return text.Length > 160 ? text[..160] + "…" : text;
    }

    /// <summary>The database <paramref name="name"/>, created when missing (a world already loaded into it is kept).</summary>
    private static async Task<string> DatabaseAsync(string postgres, string name, bool postgis)
    {
        await using (var admin = new NpgsqlConnection(postgres))
        {
            await admin.OpenAsync();
            await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", admin);
            exists.Parameters.AddWithValue("name", name);
            if (await exists.ExecuteScalarAsync() is null)
            {
                await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
                await create.ExecuteNonQueryAsync();
            }
        }

        var connection = new NpgsqlConnectionStringBuilder(postgres) { Database = name }.ConnectionString;
        if (postgis)
        {
            await using var source = NpgsqlDataSource.Create(connection);
            await using var extension = source.CreateCommand("CREATE EXTENSION IF NOT EXISTS postgis");
            await extension.ExecuteNonQueryAsync();
        }

        return connection;
    }

    private static async Task<Running> StartSubgraphAsync(
        string name, Func<string[], Action<WebApplicationBuilder>, WebApplication> build, string connection, int persons, SubgraphRequests counter)
    {
        var app = build([], builder =>
        {
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            builder.Configuration["Store"] = "Postgres";
            builder.Configuration["ConnectionStrings:Postgres"] = connection;
            builder.Configuration["Seed:Persons"] = persons.ToString(CultureInfo.InvariantCulture);
            builder.Configuration["GatewaySignature:Secret"] = Secret;
            builder.Services.AddSingleton<IStartupFilter>(counter);
        });
        var started = Stopwatch.StartNew();
        await app.StartAsync();
        Console.WriteLine($"{name} ready in {started.Elapsed.TotalSeconds:F0} s");
        return new Running(app, Address(app) + "/graphql");
    }

    private static async Task<Running> StartGatewayAsync(int port, string[] settings)
    {
        var app = Federation.Gateway.Hosting.GatewayService.Build([$"--Urls=http://127.0.0.1:{port}", .. settings], builder => builder.Logging.ClearProviders());
        await app.StartAsync();
        return new Running(app, $"http://127.0.0.1:{port}/graphql");
    }

    private static string Address(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');

    private static double Median<T>(List<T> list, Func<T, double> value) => FederatedThroughput.Median([.. list.Select(value)]);

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    /// <summary>Counts the GraphQL requests the subgraphs answer, before anything else sees them.</summary>
    private sealed class SubgraphRequests : IStartupFilter
    {
        private long count;

        public long Count => Interlocked.Read(ref count);

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((HttpContext context, RequestDelegate following) =>
            {
                if (context.Request.Path.StartsWithSegments("/graphql"))
                {
                    Interlocked.Increment(ref count);
                }

                return following(context);
            });
            next(app);
        };
    }

    private sealed class Running(WebApplication app, string url) : IAsyncDisposable
    {
        public string Url { get; } = url;

        public async ValueTask DisposeAsync()
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}

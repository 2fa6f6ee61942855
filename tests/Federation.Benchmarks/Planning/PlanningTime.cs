using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Federation.Benchmarks.Gateway;
using Federation.Gateway.Composition;
using Federation.Gateway.Planning;
using Federation.GraphQL.Language;

namespace Federation.Benchmarks.Planning;

/// <summary>
/// The time to plan a new operation: our <see cref="QueryPlanner"/> over <see cref="PlanningSchema"/>
/// (cold: a new planner per plan, no plan cache) against Apollo's JavaScript planner
/// (<c>@apollo/query-planner</c> 2.14.4 through <c>tests/peer/plan-bench.mjs</c>, as Apollo Gateway
/// plans a new operation) on the same supergraphs and operations: our four agencies' supergraph with
/// the gateway benchmark's query and four others, and supergraphs of the federation conformance
/// suite composed as its tests compose them, with their queries. Both sides parse once, then time
/// rounds of plans after a warm-up and take the median per-plan time; the two alternate (ours,
/// Apollo's, ours, Apollo's) and each operation's figure is the median over its passes.
/// <code>dotnet run -c Release --project tests/Federation.Benchmarks -- planning [passes] [rounds] [round-ms]</code>
/// </summary>
internal static class PlanningTime
{
    /// <summary>Suites whose subgraphs our composition composes, one or more per area of issue 15.</summary>
    private static readonly string[] Suites =
    [
        "requires-chain", "requires-interface", "requires-fragments", "provides-abstract", "provides-nested",
        "abstract-partial-members", "abstract-node", "keys-composite", "keys-parent-chain", "override-interface",
        "entity-batching", "aliases-and-fragments", "deep-hops",
    ];

    private static readonly (string Name, string Query)[] AgencyOperations =
    [
        ("gateway-benchmark", FederatedThroughput.Query),
        ("licence-holder-union", """
            { licence(number: "L-1") { holder { __typename ... on Person { name birthDate } ... on LegalPerson { name kind } } } }
            """),
        ("three-subgraphs-deep", """
            { licence(number: "L-1") { number holder { ... on Person { name representedLegalPersons { edges { node { name parcels { edges { node { unitCode areaSquareMetres } } } } } } } } } }
            """),
        ("parcel-right-holders", """
            { parcel(unitCode: "330203001001GB00001") { areaSquareMetres rightHolders { kind holder { ... on Person { name } ... on LegalPerson { name } } } } }
            """),
        ("holder-licences", """
            { licence(number: "L-1") { holder { ... on Person { name licences(first: 3) { edges { node { number } } } parcels { totalCount } } } } }
            """),
    ];

    public static async Task<int> RunAsync(string[] args)
    {
        var passes = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 2;
        var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 15;
        var roundMs = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 20;
        var root = FederatedThroughput.RepositoryRoot();
        var directory = Directory.CreateTempSubdirectory("planning-time-");
        try
        {
            var graphs = Graphs(root, directory.FullName);
            var casesFile = Path.Combine(directory.FullName, "cases.json");
            await File.WriteAllTextAsync(casesFile, new JsonArray([.. graphs.Select(g => new JsonObject
            {
                ["supergraph"] = g.File,
                ["operations"] = new JsonArray([.. g.Operations.Select(o => new JsonObject { ["name"] = o.Name, ["query"] = o.Query })]),
            })]).ToJsonString());

            var ours = new Dictionary<(string, string), List<double>>();
            var apollo = new Dictionary<(string, string), List<double>>();
            var apolloErrors = new Dictionary<(string, string), string>();
            for (var pass = 0; pass < passes; pass++)
            {
                foreach (var graph in graphs)
                {
                    foreach (var (name, query) in graph.Operations)
                    {
                        Add(ours, (graph.Name, name), MeasureOurs(graph.Planning, query, rounds, roundMs));
                    }
                }

                foreach (var line in await RunApolloAsync(root, casesFile, rounds, roundMs))
                {
                    var result = JsonNode.Parse(line)!;
                    var key = (graphs.Single(g => g.File == (string)result["supergraph"]!).Name, (string)result["name"]!);
                    if (result["error"] is { } error)
                    {
                        apolloErrors[key] = (string)error!;
                    }
                    else
                    {
                        Add(apollo, key, (double)result["micros"]!);
                    }
                }
            }

            Print(graphs, ours, apollo, apolloErrors, passes, rounds, roundMs);
            return 0;
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private sealed record Graph(string Name, string File, PlanningSchema Planning, IReadOnlyList<(string Name, string Query)> Operations);

    private static List<Graph> Graphs(string root, string directory)
    {
        var graphs = new List<Graph>();
        var agencies = Path.Combine(root, "schema", "supergraph.graphql");
        graphs.Add(new Graph("agencies", agencies, SupergraphPlanning.From(Supergraph.Parse(File.ReadAllText(agencies))), AgencyOperations));
        foreach (var suite in Suites)
        {
            var suiteDirectory = Path.Combine(root, "tests", "peer", "fedsuite", "suites", suite);
            var subgraphs = Directory.GetFiles(suiteDirectory, "*.graphql").Order(StringComparer.Ordinal)
                .Select(f => new SubgraphSdl(Path.GetFileNameWithoutExtension(f), $"http://{Path.GetFileNameWithoutExtension(f)}.example/graphql", File.ReadAllText(f)))
                .ToList();
            var composed = SupergraphComposer.Compose(subgraphs);
            if (!composed.Succeeded)
            {
                throw new InvalidOperationException($"Suite {suite} does not compose: {string.Join("; ", composed.Errors)}");
            }

            var file = Path.Combine(directory, suite + ".graphql");
            File.WriteAllText(file, composed.SupergraphSdl);
            var operations = Directory.GetFiles(Path.Combine(suiteDirectory, "queries"), "*.graphql").Order(StringComparer.Ordinal)
                .Select(f => (Path.GetFileNameWithoutExtension(f), File.ReadAllText(f)))
                .ToList();
            graphs.Add(new Graph(suite, file, SupergraphPlanning.From(Supergraph.Parse(composed.SupergraphSdl!)), operations));
        }

        return graphs;
    }

    /// <summary>Median per-plan microseconds over <paramref name="rounds"/> rounds, after a warm-up of about ten rounds.</summary>
    private static double MeasureOurs(PlanningSchema schema, string query, int rounds, int roundMs)
    {
        var document = Parser.Parse(query);
        var iterations = 0;
        var warmUp = Stopwatch.StartNew();
        while (warmUp.ElapsedMilliseconds < roundMs * 10 || iterations < 20)
        {
            new QueryPlanner(schema).Plan(document, null);
            iterations++;
        }

        var perRound = Math.Max(1, iterations / 10);
        var times = new double[rounds];
        for (var r = 0; r < rounds; r++)
        {
            var start = Stopwatch.GetTimestamp();
            for (var i = 0; i < perRound; i++)
            {
                new QueryPlanner(schema).Plan(document, null);
            }

            times[r] = Stopwatch.GetElapsedTime(start).TotalMicroseconds / perRound;
        }

        return Median(times);
    }

    private static async Task<List<string>> RunApolloAsync(string root, string casesFile, int rounds, int roundMs)
    {
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = Path.Combine(root, "tests", "peer"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "plan-bench.mjs", casesFile, "--rounds", rounds.ToString(CultureInfo.InvariantCulture), "--round-ms", roundMs.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var lines = new List<string>();
        while (await process.StandardOutput.ReadLineAsync() is { } line)
        {
            lines.Add(line);
        }

        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"plan-bench.mjs exited with {process.ExitCode}: {await error}");
        }

        return lines;
    }

    private static void Print(
        List<Graph> graphs,
        Dictionary<(string, string), List<double>> ours,
        Dictionary<(string, string), List<double>> apollo,
        Dictionary<(string, string), string> apolloErrors,
        int passes,
        int rounds,
        int roundMs)
    {
        Console.WriteLine($"Time to plan an operation, median µs per plan ({passes} alternating passes, {rounds} rounds of ~{roundMs} ms each after warm-up)");
        Console.WriteLine();
        Console.WriteLine("| supergraph | operation | ours (µs) | Apollo (µs) | Apollo / ours |");
        Console.WriteLine("|---|---|---:|---:|---:|");
        var ratios = new List<double>();
        foreach (var graph in graphs)
        {
            foreach (var (name, _) in graph.Operations)
            {
                var key = (graph.Name, name);
                var our = Median(ours[key]);
                if (apollo.TryGetValue(key, out var theirs))
                {
                    var ratio = Median(theirs) / our;
                    ratios.Add(ratio);
                    Console.WriteLine(FormattableString.Invariant($"| {graph.Name} | {name} | {our:F1} | {Median(theirs):F1} | {ratio:F1}× |"));
                }
                else
                {
                    Console.WriteLine(FormattableString.Invariant($"| {graph.Name} | {name} | {our:F1} | error: {apolloErrors.GetValueOrDefault(key)} | |"));
                }
            }
        }

        Console.WriteLine();
        Console.WriteLine(FormattableString.Invariant(
            $"{ratios.Count} operations: Apollo / ours median {Median(ratios):F1}×, geometric mean {Math.Exp(ratios.Average(Math.Log)):F1}×, lowest {ratios.Min():F1}×, highest {ratios.Max():F1}×; target: at least 5×."));
    }

    private static void Add(Dictionary<(string, string), List<double>> results, (string, string) key, double micros)
    {
        if (!results.TryGetValue(key, out var list))
        {
            results[key] = list = [];
        }

        list.Add(micros);
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}

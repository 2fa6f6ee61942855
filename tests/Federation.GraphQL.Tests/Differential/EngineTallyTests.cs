using System.Text;
using System.Text.Json.Nodes;
using Xunit;

namespace Federation.GraphQL.Tests.Differential;

/// <summary>
/// The differential corpus through three engines: how many documents our engine and GraphQL.NET
/// 8.8.5 each answer as graphql-js 17.1.0 does, compared by <see cref="ResponseComparison"/> with
/// the rows of tolerated-differences.md applied to both alike, and GraphQL.NET's differences by
/// kind. Only our count can fail the test (it must stay every document); GraphQL.NET's tally is
/// printed for docs/benchmarks.md, never asserted.
/// Run: <c>dotnet test tests/Federation.GraphQL.Tests -c Release --no-build --filter "FullyQualifiedName~EngineTallyTests" --logger "console;verbosity=detailed"</c>.
/// </summary>
public sealed class EngineTallyTests
{
    [Fact]
    public async Task Tally_of_documents_answered_as_graphql_js()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var ours = new Tally();
        var theirs = new Tally();
        foreach (var schema in DifferentialCorpus.Schemas)
        {
            foreach (var query in schema.Queries)
            {
                var expected = GraphQLJsPeer.Result(schema, query.Name);
                var tolerated = ToleratedDifferences.IsTolerated(schema.Name, query.Name, out _);
                ours.Add(schema.Name, query.Name, expected, tolerated, await Outcome(() => OurEngine.ResultAsync(schema, query.Name, cancellationToken)));
                theirs.Add(schema.Name, query.Name, expected, tolerated, await Outcome(() => GraphQLDotNetEngine.ResultAsync(schema, query.Name, cancellationToken)));
            }
        }

        var report = new StringBuilder()
            .AppendLine($"Documents answered as graphql-js 17.1.0 does, of {ours.Compared} (differential corpus, {DateTime.UtcNow:yyyy-MM-dd}):")
            .AppendLine(ours.Summary("ours"))
            .AppendLine(theirs.Summary("GraphQL.NET 8.8.5"))
            .AppendLine("GraphQL.NET's differences by kind:")
            .Append(theirs.Kinds());
        TestContext.Current.TestOutputHelper?.WriteLine(report.ToString());

        // Our engine answers every document as graphql-js or within a reviewed tolerated difference;
        // DifferentialTests names the document that breaks this, here it is the count.
        Assert.True(ours.Matching == ours.Compared, $"Our engine answers {ours.Matching} of {ours.Compared} documents as graphql-js.\n{ours.Kinds()}");
    }

    private static async Task<(JsonObject? Line, string? Failure)> Outcome(Func<Task<JsonObject>> run)
    {
        try
        {
            return (await run(), null);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return (null, $"{exception.GetType().Name}: {exception.Message}");
        }
    }

    private sealed class Tally
    {
        private readonly SortedDictionary<string, List<string>> differences = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> samples = new(StringComparer.Ordinal);

        public int Compared { get; private set; }

        public int Exact { get; private set; }

        public int Tolerated { get; private set; }

        public int Matching => Exact + Tolerated;

        public void Add(string schema, string query, JsonObject expected, bool tolerated, (JsonObject? Line, string? Failure) outcome)
        {
            Compared++;
            var kind = outcome.Line is { } line ? DifferenceKind.Of(expected, line) : $"no answer: {outcome.Failure}";
            if (kind is null)
            {
                Exact++;
            }
            else if (tolerated)
            {
                Tolerated++;
            }
            else
            {
                if (!differences.TryGetValue(kind, out var list))
                {
                    differences[kind] = list = [];
                    samples[kind] = outcome.Line is { } first ? Reworded(ResponseComparison.Difference(expected, first)!) : outcome.Failure!;
                }

                list.Add($"{schema}/{query}");
            }
        }

        /// <summary>ResponseComparison words the other side as "ours"; in the tally it is the engine compared.</summary>
        private static string Reworded(string difference) => difference
            .Replace("only ours:       ", "only the engine: ", StringComparison.Ordinal)
            .Replace("  ours:       ", "  the engine: ", StringComparison.Ordinal)
            .Replace(", ours ", ", the engine ", StringComparison.Ordinal)
            .Replace(" in ours.", " in the engine's.", StringComparison.Ordinal);

        public string Summary(string engine) =>
            $"  {engine}: {Matching} of {Compared} ({100.0 * Matching / Compared:0.0} %) — {Exact} exactly, {Tolerated} within a tolerated difference; {Compared - Matching} differ";

        public string Kinds()
        {
            var text = new StringBuilder();
            foreach (var (kind, queries) in differences.OrderByDescending(d => d.Value.Count))
            {
                text.AppendLine($"  {queries.Count,4}  {kind}  (e.g. {string.Join(", ", queries.Take(3))})");
                var sample = samples[kind].ReplaceLineEndings("\n        ");
                text.AppendLine($"        {queries[0]}: {(sample.Length > 600 ? sample[..600] + " …" : sample)}");
            }

            return text.ToString();
        }
    }
}

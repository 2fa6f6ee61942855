using System.Text;
using Federation.GraphQL.Language;
using Federation.GraphQL.Types.Building;
using Xunit;

namespace Federation.GraphQL.Tests.Differential;

/// <summary>
/// Every corpus document through graphql-js 17.1.0 and through our engine: the outcomes must be
/// equal unless tolerated-differences.md lists the query with a reason.
/// </summary>
public sealed class DifferentialTests
{
    public static TheoryData<string, string> Queries()
    {
        var data = new TheoryData<string, string>();
        foreach (var schema in DifferentialCorpus.Schemas)
        {
            foreach (var query in schema.Queries)
            {
                data.Add(schema.Name, query.Name);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task Query_has_the_outcome_of_graphql_js(string schema, string query)
    {
        var corpus = DifferentialCorpus.Schema(schema);
        var expected = GraphQLJsPeer.Result(corpus, query);
        var actual = await OurEngine.ResultAsync(corpus, query, TestContext.Current.CancellationToken);
        var difference = ResponseComparison.Difference(expected, actual);
        var tolerated = ToleratedDifferences.IsTolerated(schema, query, out var reason);

        if (difference is not null && !tolerated)
        {
            Assert.Fail($"{schema}/{query} ({ResponseComparison.AreaOf(query, expected)}): {difference}");
        }

        if (difference is null && tolerated)
        {
            Assert.Fail($"{schema}/{query} is listed in tolerated-differences.md ({reason}) but no longer differs: remove the row.");
        }
    }

    [Fact]
    public void Corpus_has_the_size_the_issue_asks_for()
    {
        var schemas = DifferentialCorpus.Schemas;
        Assert.True(schemas.Count >= 3, $"{schemas.Count} corpus schemas, at least 3 wanted.");
        var documents = schemas.Sum(s => s.Queries.Count);
        Assert.True(documents >= 500, $"{documents} corpus documents, at least 500 wanted.");

        var largest = schemas.Max(s =>
            SchemaBuilder.FromDocument(Parser.Parse(File.ReadAllText(s.SchemaPath), ParserOptions.Unlimited))
                .Types.Count(t => !t.Name.StartsWith("__", StringComparison.Ordinal)));
        Assert.True(largest >= 300, $"The largest corpus schema has {largest} types, at least 300 wanted.");

        foreach (var schema in schemas)
        {
            var names = schema.Queries.Select(q => q.Name).ToList();
            Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
        }
    }

    [Fact]
    public void Every_tolerated_difference_names_a_corpus_query()
    {
        var known = DifferentialCorpus.Schemas.SelectMany(s => s.Queries.Select(q => $"{s.Name}/{q.Name}")).ToHashSet(StringComparer.Ordinal);
        foreach (var schema in SchemaDifferentialTests.Schemas())
        {
            known.Add($"schemas/{schema.Data}");
        }

        var unknown = ToleratedDifferences.All.Keys.Where(k => !known.Contains(k)).ToList();
        Assert.True(unknown.Count == 0, $"tolerated-differences.md lists queries that are not in the corpus: {string.Join(", ", unknown)}");
    }

    /// <summary>One failure that lists every untolerated difference by area, for the overview.</summary>
    [Fact]
    public async Task Summary_of_differences()
    {
        var byArea = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        var compared = 0;
        foreach (var schema in DifferentialCorpus.Schemas)
        {
            foreach (var query in schema.Queries)
            {
                compared++;
                var expected = GraphQLJsPeer.Result(schema, query.Name);
                string? difference;
                try
                {
                    var actual = await OurEngine.ResultAsync(schema, query.Name, TestContext.Current.CancellationToken);
                    difference = ResponseComparison.Difference(expected, actual);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    difference = $"our engine threw {exception.GetType().Name}: {exception.Message}";
                }

                if (difference is not null && !ToleratedDifferences.IsTolerated(schema.Name, query.Name, out _))
                {
                    var area = ResponseComparison.AreaOf(query.Name, expected);
                    if (!byArea.TryGetValue(area, out var list))
                    {
                        byArea[area] = list = [];
                    }

                    list.Add($"{schema.Name}/{query.Name}");
                }
            }
        }

        if (byArea.Count > 0)
        {
            var text = new StringBuilder($"{byArea.Values.Sum(l => l.Count)} of {compared} documents differ from graphql-js:");
            foreach (var (area, queries) in byArea)
            {
                text.Append($"\n{area} ({queries.Count}): {string.Join(", ", queries)}");
            }

            Assert.Fail(text.ToString());
        }
    }
}

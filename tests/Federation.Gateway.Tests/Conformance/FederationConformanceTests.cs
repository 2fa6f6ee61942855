using System.Text.Json.Nodes;

namespace Federation.Gateway.Tests.Conformance;

/// <summary>
/// The federation conformance suite (<c>tests/peer/fedsuite</c>, docs/federation-conformance.md): every
/// query of every suite through our gateway, started as an outside audit starts it, and through Apollo
/// Gateway 2.14.4. Ours may answer correctly or refuse with a coded planning or composition error — the
/// refused cases exactly those of <c>refused.txt</c>, so a fix updates the list — and never answer
/// wrongly. Apollo's answers cross-check the expected ones: where Apollo answers otherwise, the expected
/// answer says why (<c>apolloDiffers</c>).
/// </summary>
public sealed class FederationConformanceTests(ConformancePlatform platform) : IClassFixture<ConformancePlatform>
{
    private const string ScoreboardStart = "<!-- scoreboard -->";
    private const string ScoreboardEnd = "<!-- /scoreboard -->";

    private static string RefusedFile => Path.Combine(Repository.Root, "tests", "Federation.Gateway.Tests", "Conformance", "refused.txt");

    [Fact]
    public void The_suite_has_at_least_forty_suites_and_a_hundred_and_fifty_queries()
    {
        Assert.True(platform.Suites.Count >= 40, $"{platform.Suites.Count} suites");
        Assert.True(platform.Suites.Sum(s => s.Queries.Count) >= 150, $"{platform.Suites.Sum(s => s.Queries.Count)} queries");
        Assert.All(platform.Suites, s => Assert.True(s.Subgraphs.Count >= 2 && s.Queries.Count >= 2, $"{s.Name}: {s.Subgraphs.Count} subgraphs, {s.Queries.Count} queries"));
    }

    [Fact]
    public async Task Our_gateway_answers_no_query_wrongly_and_refuses_only_the_listed_ones()
    {
        var ours = new List<ConformanceOutcome>();
        var apollo = new List<ConformanceOutcome>();
        var unserved = new List<string>();
        // FEDSUITE_ONLY=suite,suite runs those suites alone, while one works on them (the refused list then fails).
        var only = Environment.GetEnvironmentVariable("FEDSUITE_ONLY")?.Split(',');
        foreach (var suite in platform.Suites.Where(s => only is null || only.Contains(s.Name)))
        {
            await using var gateway = await SuiteGateway.StartAsync(suite, platform.SubgraphUrls(suite));
            if (gateway.Refusal is { } why)
            {
                unserved.Add($"- `{suite.Name}`: {why.Code}: {why.Message.ReplaceLineEndings(" ")[..Math.Min(why.Message.Length, 600)]}\n");
            }

            foreach (var query in suite.Queries)
            {
                await platform.ResetAsync(query.Suite);
                ours.Add(gateway.Refusal is { } refusal ? ConformanceOutcome.Unserved(query, refusal.Code) : ConformanceOutcome.Judge(query, await gateway.PostAsync(query)));
                await platform.ResetAsync(query.Suite);
                apollo.Add(ConformanceOutcome.Judge(query, await platform.ApolloAsync(query), anyErrorRefuses: true));
            }
        }

        var scoreboard = new Scoreboard(ours, apollo);
        var report = scoreboard.Markdown()
            + (scoreboard.Wrong.Count == 0 ? "" : "\nWrong answers of our gateway:\n" + Scoreboard.WrongList(ours))
            + (unserved.Count == 0 ? "" : "\nSuites our gateway does not serve (every query refused):\n" + string.Concat(unserved))
            + "\nApollo Gateway's answers other than the expected:\n" + Scoreboard.WrongList(apollo.Select(a => a.Verdict == ConformanceVerdict.Refused ? a with { Verdict = ConformanceVerdict.Wrong, Difference = $"{a.Query.ApolloDiffers} (an error: {a.Code})" } : a));
        TestContext.Current.TestOutputHelper?.WriteLine(report);
        if (Environment.GetEnvironmentVariable("FEDSUITE_REPORT") is { Length: > 0 } reportFile)
        {
            await File.WriteAllTextAsync(reportFile, report + "\nRefused:\n" + string.Join('\n', scoreboard.RefusedLines) + "\n", TestContext.Current.CancellationToken);
        }

        if (Environment.GetEnvironmentVariable("FEDSUITE_UPDATE_DOCS") == "1" && only is null)
        {
            var docs = Path.Combine(Repository.Root, "docs", "federation-conformance.md");
            var text = await File.ReadAllTextAsync(docs, TestContext.Current.CancellationToken);
            var start = text.IndexOf(ScoreboardStart, StringComparison.Ordinal) + ScoreboardStart.Length;
            var end = text.IndexOf(ScoreboardEnd, StringComparison.Ordinal);
            await File.WriteAllTextAsync(docs, text[..start] + "\n" + report + text[end..], TestContext.Current.CancellationToken);
        }

        Assert.True(scoreboard.Wrong.Count == 0, $"{scoreboard.Wrong.Count} wrong answers:\n{Scoreboard.WrongList(ours)}");
        var listed = File.ReadAllLines(RefusedFile).Where(l => l.Length > 0 && !l.StartsWith('#')).Order(StringComparer.Ordinal).ToList();
        Assert.True(
            listed.SequenceEqual(scoreboard.RefusedLines),
            "The refused queries are not those of refused.txt (update it: a fix removes its lines, a new refusal is added with its code).\n"
            + $"Newly refused:\n  {string.Join("\n  ", scoreboard.RefusedLines.Except(listed))}\nNo longer refused:\n  {string.Join("\n  ", listed.Except(scoreboard.RefusedLines))}");
    }

    [Fact]
    public async Task Apollo_gateway_answers_as_expected_except_where_the_expected_answer_says_why_not()
    {
        var unexplained = new List<string>();
        foreach (var query in platform.Suites.SelectMany(s => s.Queries))
        {
            await platform.ResetAsync(query.Suite);
            var outcome = ConformanceOutcome.Judge(query, await platform.ApolloAsync(query));
            if ((outcome.Verdict == ConformanceVerdict.Correct) == (query.ApolloDiffers is not null))
            {
                unexplained.Add(query.ApolloDiffers is null ? $"{query.Id}: {outcome.Difference ?? outcome.Code}" : $"{query.Id}: Apollo answers as expected, yet apolloDiffers says \"{query.ApolloDiffers}\"");
            }
        }

        Assert.True(unexplained.Count == 0, string.Join("\n", unexplained));
    }

    [Fact]
    public void An_answer_is_correct_only_with_the_expected_data_and_errors_at_the_expected_paths()
    {
        var query = new ConformanceQuery("s", "q", "{ a }", null, JsonNode.Parse("""{"a":{"b":1,"c":null}}"""), ["[\"a\",\"c\"]"], null);

        Assert.Equal(ConformanceVerdict.Correct, Judge(query, """{"data":{"a":{"b":1,"c":null}},"errors":[{"message":"x","path":["a","c"]}]}""").Verdict);
        Assert.Equal(ConformanceVerdict.Wrong, Judge(query, """{"data":{"a":{"b":1,"c":null}}}""").Verdict);
        Assert.Equal(ConformanceVerdict.Wrong, Judge(query, """{"data":{"a":{"c":null,"b":1}},"errors":[{"message":"x","path":["a","c"]}]}""").Verdict);
        Assert.Equal(ConformanceVerdict.Wrong, Judge(query, """{"data":{"a":{"b":2,"c":null}},"errors":[{"message":"x","path":["a","c"]}]}""").Verdict);
        Assert.Equal(ConformanceVerdict.Wrong, Judge(query, """{"data":null,"errors":[{"message":"x","extensions":{"code":"SUBGRAPH_UNAVAILABLE"}}]}""").Verdict);
        var refused = Judge(query, """{"data":null,"errors":[{"message":"x","extensions":{"code":"QUERY_PLANNING_FAILED"}}]}""");
        Assert.Equal((ConformanceVerdict.Refused, "QUERY_PLANNING_FAILED"), (refused.Verdict, refused.Code));

        // A peer's errors carry its own codes: for it, any error makes another answer an error, not a wrong one.
        var peer = ConformanceOutcome.Judge(query, JsonNode.Parse("""{"data":null,"errors":[{"message":"x","extensions":{"code":"DOWNSTREAM_SERVICE_ERROR"}}]}""")!.AsObject(), anyErrorRefuses: true);
        Assert.Equal((ConformanceVerdict.Refused, "DOWNSTREAM_SERVICE_ERROR"), (peer.Verdict, peer.Code));
        Assert.Equal(ConformanceVerdict.Wrong, ConformanceOutcome.Judge(query, JsonNode.Parse("""{"data":{"a":null}}""")!.AsObject(), anyErrorRefuses: true).Verdict);
    }

    private static ConformanceOutcome Judge(ConformanceQuery query, string response) => ConformanceOutcome.Judge(query, JsonNode.Parse(response)!.AsObject());
}

using System.Text;

namespace Federation.Gateway.Tests.Conformance;

/// <summary>The outcomes of every query, ours and Apollo Gateway's, per suite and in total, as markdown.</summary>
internal sealed class Scoreboard(IReadOnlyList<ConformanceOutcome> ours, IReadOnlyList<ConformanceOutcome> apollo)
{
    public IReadOnlyList<ConformanceOutcome> Ours => ours;

    public IReadOnlyList<ConformanceOutcome> Wrong => [.. ours.Where(o => o.Verdict == ConformanceVerdict.Wrong)];

    /// <summary>The refused queries as <c>refused.txt</c> lists them: <c>suite/query CODE</c>, sorted.</summary>
    public IReadOnlyList<string> RefusedLines =>
        [.. ours.Where(o => o.Verdict == ConformanceVerdict.Refused).Select(o => $"{o.Query.Id} {o.Code}").Order(StringComparer.Ordinal)];

    public string Markdown()
    {
        var text = new StringBuilder();
        text.Append("| suite | queries | ours: correct | refused | wrong | Apollo Gateway 2.14.4: correct | errors | wrong |\n");
        text.Append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        foreach (var suite in ours.GroupBy(o => o.Query.Suite))
        {
            var theirs = apollo.Where(a => a.Query.Suite == suite.Key).ToList();
            text.Append($"| {suite.Key} | {suite.Count()} | {Count(suite, ConformanceVerdict.Correct)} | {Count(suite, ConformanceVerdict.Refused)} | {Count(suite, ConformanceVerdict.Wrong)} | ")
                .Append($"{Count(theirs, ConformanceVerdict.Correct)} | {Count(theirs, ConformanceVerdict.Refused)} | {Count(theirs, ConformanceVerdict.Wrong)} |\n");
        }

        text.Append($"| **total ({ours.Select(o => o.Query.Suite).Distinct().Count()} suites)** | **{ours.Count}** | **{Count(ours, ConformanceVerdict.Correct)}** | **{Count(ours, ConformanceVerdict.Refused)}** | **{Count(ours, ConformanceVerdict.Wrong)}** | ")
            .Append($"**{Count(apollo, ConformanceVerdict.Correct)}** | **{Count(apollo, ConformanceVerdict.Refused)}** | **{Count(apollo, ConformanceVerdict.Wrong)}** |\n");
        return text.ToString();
    }

    /// <summary>Every query answered wrongly by <paramref name="outcomes"/>, with what is wrong.</summary>
    public static string WrongList(IEnumerable<ConformanceOutcome> outcomes) =>
        string.Concat(outcomes.Where(o => o.Verdict == ConformanceVerdict.Wrong).Select(o => $"- `{o.Query.Id}`: {o.Difference}\n"));

    private static int Count(IEnumerable<ConformanceOutcome> outcomes, ConformanceVerdict verdict) => outcomes.Count(o => o.Verdict == verdict);
}

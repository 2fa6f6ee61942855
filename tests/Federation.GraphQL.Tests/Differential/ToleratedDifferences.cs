using System.Text.RegularExpressions;

namespace Federation.GraphQL.Tests.Differential;

/// <summary>The rows of tolerated-differences.md: <c>| `schema/query` | area | reason |</c>.</summary>
internal static partial class ToleratedDifferences
{
    private static readonly Lazy<IReadOnlyDictionary<string, string>> Rows = new(Load);

    public static IReadOnlyDictionary<string, string> All => Rows.Value;

    public static string Path => System.IO.Path.Combine(DifferentialCorpus.Directory, "tolerated-differences.md");

    public static bool IsTolerated(string schema, string query, out string reason) =>
        All.TryGetValue($"{schema}/{query}", out reason!);

    private static Dictionary<string, string> Load()
    {
        var rows = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(Path))
        {
            var match = Row().Match(line);
            if (match.Success)
            {
                rows.Add(match.Groups["query"].Value, match.Groups["reason"].Value.Trim());
            }
        }

        return rows;
    }

    [GeneratedRegex(@"^\|\s*`(?<query>[^`]+)`\s*\|[^|]*\|(?<reason>.+)\|\s*$")]
    private static partial Regex Row();
}

using System.Text.RegularExpressions;

namespace Federation.Gateway.Tests.Readme;

/// <summary>
/// The repository's README.md and the parts of it that tests hold to the code: blocks marked with an
/// HTML comment (<c>&lt;!-- command: run --&gt;</c>, <c>&lt;!-- example: data --&gt;</c>) before a fenced
/// block, the Mermaid diagram, and the configuration reference between its two markers.
/// </summary>
internal sealed partial class ReadmeDocument
{
    private ReadmeDocument(string text) => Text = text.ReplaceLineEndings("\n");

    public static ReadmeDocument Committed { get; } = new(File.ReadAllText(Path.Combine(Repository.Root, "README.md")));

    public string Text { get; }

    /// <summary>The fenced blocks whose marker is <c>&lt;!-- <paramref name="kind"/>: … --&gt;</c>, in order, with the marker's value and where the block starts.</summary>
    public IReadOnlyList<MarkedBlock> Blocks(string kind) =>
        [.. MarkedFence().Matches(Text)
            .Where(m => m.Groups["kind"].Value == kind)
            .Select(m => new MarkedBlock(m.Groups["value"].Value.Trim(), m.Groups["language"].Value, m.Groups["code"].Value, m.Index))];

    /// <summary>The body of every fenced block in <paramref name="language"/>.</summary>
    public IReadOnlyList<string> Fences(string language) =>
        [.. AnyFence().Matches(Text).Where(m => m.Groups["language"].Value == language).Select(m => m.Groups["code"].Value)];

    /// <summary>The text between <c>&lt;!-- <paramref name="name"/> --&gt;</c> and <c>&lt;!-- /<paramref name="name"/> --&gt;</c>.</summary>
    public string Region(string name)
    {
        var start = Text.IndexOf($"<!-- {name} -->", StringComparison.Ordinal);
        var end = Text.IndexOf($"<!-- /{name} -->", StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, $"README.md has no <!-- {name} --> … <!-- /{name} --> region.");
        return Text[start..end];
    }

    /// <summary>Where the heading <paramref name="heading"/> (its whole line) begins, and where the next heading of its level or above begins.</summary>
    public (int Start, int End) Section(string heading)
    {
        var start = Text.IndexOf("\n" + heading + "\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"README.md has no heading \"{heading}\".");
        var level = heading.TakeWhile(c => c == '#').Count();
        var next = Regex.Matches(Text[(start + heading.Length + 2)..], $"^#{{1,{level}}} ", RegexOptions.Multiline).FirstOrDefault();
        return (start, next is null ? Text.Length : start + heading.Length + 2 + next.Index);
    }

    [GeneratedRegex(@"<!-- (?<kind>[a-z-]+): (?<value>[^>]*?) -->\n```(?<language>[a-z]*)\n(?<code>.*?)\n```", RegexOptions.Singleline)]
    private static partial Regex MarkedFence();

    [GeneratedRegex(@"^```(?<language>[a-z]+)\n(?<code>.*?)\n```", RegexOptions.Singleline | RegexOptions.Multiline)]
    private static partial Regex AnyFence();
}

/// <summary>A fenced block after a marker: the marker's value, the block's language, its text, where it is in the README.</summary>
internal sealed record MarkedBlock(string Value, string Language, string Code, int Position);

using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Federation.Subgraphs.DemoData;

namespace Federation.Gateway.Tests.Equivalence;

/// <summary>
/// The queries of <c>equivalence.graphql</c>: entries headed <c># name:</c>, with optional
/// <c># variables:</c> JSON whose placeholders name keys of the demo world.
/// </summary>
internal static partial class EquivalenceCorpus
{
    public sealed record Entry(string Name, string Query, JsonObject? Variables);

    public static IReadOnlyList<Entry> Read(DemoWorld world)
    {
        var text = File.ReadAllText(Path.Combine(Repository.Root, "tests", "Federation.Gateway.Tests", "Equivalence", "equivalence.graphql"));
        var entries = new List<Entry>();
        foreach (var block in text.Split("# name: ")[1..])
        {
            var lines = block.Split('\n');
            var name = lines[0].Trim();
            var variables = lines.FirstOrDefault(l => l.StartsWith("# variables: ", StringComparison.Ordinal))?["# variables: ".Length..];
            var query = string.Join('\n', lines.Skip(1).Where(l => !l.StartsWith('#'))).Trim();
            entries.Add(new Entry(
                name,
                Substitute(query, world),
                variables is null ? null : (JsonObject)JsonNode.Parse(Substitute(variables, world))!));
        }

        return entries;
    }

    private static string Substitute(string text, DemoWorld world) => Placeholder().Replace(text, match =>
    {
        var kind = match.Groups["kind"].Value;
        var n = match.Groups["n"].Success ? int.Parse(match.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
        return kind switch
        {
            "person" => world.Person(n).IdNumber,
            "representative" => world.Person(Representative(world, n)).IdNumber,
            "legalPerson" => world.LegalPerson(n).CreditCode,
            "household" => world.Household(n).Number,
            "address" => world.Address(n).Id,
            "county" => NingboDivisions.Counties[n].Code,
            "101persons" => string.Join(", ", Enumerable.Range(0, 101).Select(i => $"\"{world.Person(i).IdNumber}\"")),
            _ => throw new InvalidOperationException($"Unknown placeholder {match.Value}"),
        };
    });

    /// <summary>The representative of the n-th legal person after the agencies that has one.</summary>
    private static int Representative(DemoWorld world, int n)
    {
        for (var j = world.Agencies.Count + n; ; j++)
        {
            if (world.LegalPerson(j).RepresentativeIndex is { } person)
            {
                return person;
            }
        }
    }

    [GeneratedRegex(@"\{\{(?<kind>[a-zA-Z0-9]+)(:(?<n>\d+))?\}\}")]
    private static partial Regex Placeholder();
}

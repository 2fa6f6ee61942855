using System.Text;
using Federation.Gateway.Composition;
using Federation.Protocol.Agencies;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Federation.Gateway.Catalogue;

/// <summary>Why no draft was written: a stable code (<see cref="CatalogueErrorCodes"/>) and a message.</summary>
internal sealed record CatalogueDraftRefusal(string Code, string Message)
{
    public override string ToString() => $"{Code}: {Message}";
}

/// <summary>One drafted resource: the coordinates of one type that the new subgraph brings and no resource covers.</summary>
internal sealed record DraftResource(string Id, string Type, IReadOnlyList<string> Fields);

/// <summary>
/// The entries a subgraph that joins needs before the platform serves it: its line under
/// <c>subgraphs:</c> (null when the catalogue has it already) and one resource per type.
/// </summary>
/// <param name="LeftOut">Uncovered coordinates of the subgraph that another subgraph's agency provides (a key field another subgraph owns), each with why.</param>
internal sealed record CatalogueDraftResult(string Subgraph, CatalogueAgency Agency, bool AddsSubgraph, IReadOnlyList<DraftResource> Resources, IReadOnlyList<string> LeftOut);

/// <summary>
/// Drafts the share-catalogue entries of a subgraph that joins: every field, argument and input field
/// it brings that no resource covers (<see cref="CatalogueCoverage.Coverable"/>) goes into a resource
/// of its type, CONDITIONAL, provided by the subgraph's agency, for any agency with an approved share
/// application only — so the platform serves the subgraph closed, and opens nothing until people
/// decide each resource's class and conditions (the provider states them, the competent department
/// keeps the catalogue; Kaifeng art. 14, Hebei art. 13). The drafts are for people to edit: names,
/// grouping, purposes and update frequencies are placeholders.
/// The agency must be in the registry already: who an agency is — its name, its division, the roles it
/// may hold — is the competent department's to register (DESIGN.md decision 7), not a generator's to guess.
/// </summary>
internal static class CatalogueDraft
{
    /// <summary>The gateway command that writes drafts, as error messages name it.</summary>
    public const string Command = "catalogue draft";

    public static (CatalogueDraftResult? Draft, CatalogueDraftRefusal? Refusal) Write(Supergraph supergraph, ShareCatalogue catalogue, string subgraph, string agencyCode)
    {
        if (supergraph.Subgraph(subgraph) is null)
        {
            return (null, CatalogueErrorCodes.DraftUnknownSubgraph(subgraph, supergraph.Subgraphs.Select(s => s.Name)));
        }

        if (!CreditCode.TryParse(agencyCode, out _, out var notCreditCode))
        {
            return (null, CatalogueErrorCodes.DraftUnknownAgency(agencyCode, $"is not a unified social credit code ({notCreditCode})"));
        }

        if (catalogue.Agency(agencyCode) is not { } agency)
        {
            return (null, CatalogueErrorCodes.DraftUnknownAgency(agencyCode, "is not in the catalogue's agencies registry"));
        }

        var registered = catalogue.Subgraphs.GetValueOrDefault(subgraph);
        if (registered is not null && registered != agencyCode)
        {
            return (null, CatalogueErrorCodes.DraftSubgraphOfAnotherAgency(subgraph, agencyCode, registered));
        }

        var byType = new List<(string Type, List<string> Fields)>();
        var leftOut = new List<string>();
        foreach (var element in CatalogueCoverage.Coverable(supergraph))
        {
            if (!element.Subgraphs.Contains(subgraph) || catalogue.ResourceOf(element.Coordinate) is not null)
            {
                continue;
            }

            if (element.Owner is { } owner && owner != subgraph)
            {
                leftOut.Add($"{element.Coordinate}: resolved by several subgraphs, it belongs to the owner of {element.Type}, subgraph \"{owner}\"");
                continue;
            }

            var group = byType.FindIndex(g => g.Type == element.Type);
            if (group < 0)
            {
                byType.Add((element.Type, [element.Coordinate]));
            }
            else
            {
                byType[group].Fields.Add(element.Coordinate);
            }
        }

        var ids = new HashSet<string>(catalogue.Resources.Select(r => r.Id), StringComparer.Ordinal);
        var resources = new List<DraftResource>();
        foreach (var (type, fields) in byType)
        {
            var id = $"{subgraph}.{Kebab(type)}";
            for (var n = 2; !ids.Add(id); n++)
            {
                id = $"{subgraph}.{Kebab(type)}-{n}";
            }

            resources.Add(new DraftResource(id, type, fields));
        }

        return (new CatalogueDraftResult(subgraph, agency, registered is null, resources, leftOut), null);
    }

    /// <summary>The entries as a YAML text of their own, <c>subgraphs:</c> and <c>resources:</c>, to merge by hand or with <see cref="Merge"/>.</summary>
    public static string Fragment(CatalogueDraftResult draft)
    {
        var text = new StringBuilder();
        foreach (var line in Heading(draft))
        {
            text.Append("# ").Append(line).Append('\n');
        }

        if (draft.AddsSubgraph)
        {
            text.Append("subgraphs:\n  ").Append(SubgraphEntry(draft)).Append('\n');
        }

        text.Append("\nresources:\n");
        foreach (var resource in draft.Resources)
        {
            text.Append(Resource(draft, resource, "  "));
        }

        return text.ToString();
    }

    /// <summary>
    /// <paramref name="catalogueYaml"/> with the draft's entries added: the subgraph's line at the end
    /// of <c>subgraphs:</c>, the resources at the end of <c>resources:</c>, the rest of the text —
    /// comments included — as it was.
    /// </summary>
    /// <exception cref="FormatException">The text is not a catalogue in block style with a <c>subgraphs</c> mapping and a <c>resources</c> list.</exception>
    public static string Merge(string catalogueYaml, CatalogueDraftResult draft)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(catalogueYaml));
        }
        catch (YamlException exception)
        {
            throw new FormatException($"The catalogue is not valid YAML (line {exception.Start.Line}): {exception.Message}", exception);
        }

        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root
            || !root.Children.TryGetValue(new YamlScalarNode("subgraphs"), out var subgraphsNode) || subgraphsNode is not YamlMappingNode { Children.Count: > 0 } subgraphs
            || !root.Children.TryGetValue(new YamlScalarNode("resources"), out var resourcesNode) || resourcesNode is not YamlSequenceNode { Children.Count: > 0 } resources
            || subgraphs.Style == YamlDotNet.Core.Events.MappingStyle.Flow || resources.Style == YamlDotNet.Core.Events.SequenceStyle.Flow)
        {
            throw new FormatException("The catalogue has no subgraphs mapping or resources list in block style to add to; add the entries by hand.");
        }

        var lines = catalogueYaml.Split('\n').ToList();
        var inserts = new List<(int Index, string Text)>();

        // The resources go where the list ends: before the next top-level key, else at the end of the file.
        var next = root.Children.Keys.Where(k => k.Start.Line > resources.Start.Line).Select(k => (int)k.Start.Line).DefaultIfEmpty(0).Min();
        var itemIndent = new string(' ', Math.Max(0, (int)resources.Children[0].Start.Column - 3));
        var items = new StringBuilder("\n");
        foreach (var resource in draft.Resources)
        {
            items.Append(Resource(draft, resource, itemIndent));
        }

        if (next > 0)
        {
            inserts.Add((next - 1, items.ToString().TrimEnd('\n') + "\n"));
        }
        else
        {
            if (lines[^1].Length == 0)
            {
                lines.RemoveAt(lines.Count - 1);
            }

            inserts.Add((lines.Count, items.ToString()));
        }

        if (draft.AddsSubgraph)
        {
            var (lastKey, lastValue) = subgraphs.Children.Last();
            inserts.Add(((int)lastValue.End.Line, new string(' ', (int)lastKey.Start.Column - 1) + SubgraphEntry(draft)));
        }

        // From the bottom up, so each index still points where it did in the original text.
        foreach (var (index, text) in inserts.OrderByDescending(i => i.Index))
        {
            lines.Insert(index, text.TrimEnd('\n'));
        }

        var merged = string.Join('\n', lines);
        return merged.EndsWith('\n') ? merged : merged + "\n";
    }

    private static IEnumerable<string> Heading(CatalogueDraftResult draft)
    {
        yield return $"Draft share-catalogue entries for subgraph \"{draft.Subgraph}\" of {draft.Agency.Name} ({draft.Agency.EnglishName}, {draft.Agency.Code}),";
        yield return $"written by `{Command}` for each field, argument and input field of the subgraph that no resource covers.";
        yield return "Every resource is CONDITIONAL and needs an approved share application: the platform serves the subgraph, closed,";
        yield return "until people decide. Before adding them to catalogue.yaml, edit each: its real name and grouping, its class";
        yield return "(base items UNCONDITIONAL; NOT_SHARED with its legal basis), the agencies and purposes the provider permits";
        yield return "(Kaifeng art. 14), whether the rows are division-scoped, and its update frequency.";
        foreach (var left in draft.LeftOut)
        {
            yield return "Not drafted: " + left + ".";
        }
    }

    private static string SubgraphEntry(CatalogueDraftResult draft) => $"{draft.Subgraph}: {Quote(draft.Agency.Code)}";

    private static string Resource(CatalogueDraftResult draft, DraftResource resource, string indent)
    {
        var inner = indent + "  ";
        var text = new StringBuilder();
        text.Append(indent).Append("# DRAFT: what subgraph \"").Append(draft.Subgraph).Append("\" brings to ").Append(resource.Type).Append("; name it, decide its class and conditions.\n");
        text.Append(indent).Append("- id: ").Append(resource.Id).Append('\n');
        text.Append(inner).Append("name: ").Append(Quote($"待编目：{resource.Type}（{draft.Agency.Name}）")).Append('\n');
        text.Append(inner).Append("englishName: ").Append(Quote($"DRAFT: {resource.Type} of subgraph {draft.Subgraph}")).Append('\n');
        text.Append(inner).Append("provider: ").Append(Quote(draft.Agency.Code)).Append('\n');
        text.Append(inner).Append("class: CONDITIONAL\n");
        text.Append(inner).Append("fields:\n");
        foreach (var field in resource.Fields)
        {
            text.Append(inner).Append("  - ").Append(field).Append('\n');
        }

        text.Append(inner).Append("format: JSON\n");
        text.Append(inner).Append("provision: [API]\n");
        text.Append(inner).Append("updateFrequency: DAILY\n");
        text.Append(inner).Append("conditions:\n");
        text.Append(inner).Append("  agencies: any\n");
        text.Append(inner).Append("  purposes: [").Append(string.Join(", ", Purposes.All.Select(p => p.WireName()))).Append("]\n");
        text.Append(inner).Append("  applicationRequired: true\n");
        text.Append(inner).Append("  divisionScoped: false\n");
        text.Append(inner).Append("  usageRequirements: ").Append(Quote("草稿：共享条件待提供部门确定，经批准的共享申请方可使用。")).Append('\n');

        // A blank line after each resource, as the catalogue separates its resources.
        return text.Append('\n').ToString();
    }

    /// <summary>A YAML double-quoted scalar: credit codes of digits only would otherwise read as numbers.</summary>
    private static string Quote(string text) => "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    /// <summary><c>SocialInsuranceAccount</c> → <c>social-insurance-account</c>.</summary>
    private static string Kebab(string name)
    {
        var text = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsAsciiLetterUpper(c) && i > 0 && (char.IsAsciiLetterLower(name[i - 1]) || char.IsAsciiDigit(name[i - 1]) || (i + 1 < name.Length && char.IsAsciiLetterLower(name[i + 1]))))
            {
                text.Append('-');
            }

            text.Append(c == '_' ? '-' : char.ToLowerInvariant(c));
        }

        return text.ToString();
    }
}

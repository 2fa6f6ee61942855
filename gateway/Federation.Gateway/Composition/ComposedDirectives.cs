using System.Text.RegularExpressions;
using Federation.GraphQL.Language.Syntax;
using Federation.Protocol.Spec;

namespace Federation.Gateway.Composition;

/// <summary>
/// <c>@composeDirective(name: "@x")</c>: a subgraph's own type-system directive kept in the
/// supergraph, with the <c>@link</c> to the custom spec (core feature) it comes from, as Apollo's
/// <c>ComposeDirectiveManager</c> (<c>@apollo/composition</c> 2.14.4) does it: the directive must be
/// linked from a spec that is not one of Apollo's, under the same name and from the same spec in
/// every subgraph composing it; the spec's major version must agree among those subgraphs, the
/// highest minor wins and gives the link and the definition.
/// https://www.apollographql.com/docs/graphos/reference/federation/directives#composedirective
/// </summary>
internal static partial class ComposedDirectives
{
    private static readonly string[] DisallowedIdentities =
    [
        "https://specs.apollo.dev/core", "https://specs.apollo.dev/join", "https://specs.apollo.dev/link",
        "https://specs.apollo.dev/tag", "https://specs.apollo.dev/inaccessible", "https://specs.apollo.dev/federation",
        "https://specs.apollo.dev/authenticated", "https://specs.apollo.dev/requiresScopes", "https://specs.apollo.dev/source",
        "https://specs.apollo.dev/context", "https://specs.apollo.dev/cost",
    ];

    // The federation directives Apollo composes anyway: composing them explicitly is only a hint.
    private static readonly string[] ComposedByDefault = ["tag", "inaccessible", "authenticated", "requiresScopes", "policy", "context"];

    /// <summary>A linked spec: <c>https://host/path/name/vX.Y</c>.</summary>
    internal sealed record Feature(string Url, string Identity, string Alias, int Major, int Minor, Dictionary<string, string> Imports);

    private sealed record Item(SubgraphSchema Subgraph, Feature Feature, string NameInFeature, string Name);

    /// <summary>
    /// Checks every subgraph's <c>@composeDirective</c>s, sets each subgraph's
    /// <see cref="SubgraphSchema.ComposedDirectiveNames"/>, and returns the specs to link in the
    /// supergraph with their directives and definitions.
    /// </summary>
    public static List<ComposedFeature> Validate(IReadOnlyList<SubgraphSchema> subgraphs, List<CompositionError> errors)
    {
        var items = new List<Item>();
        foreach (var subgraph in subgraphs)
        {
            foreach (var argument in Applications(subgraph))
            {
                if (Check(subgraph, argument, subgraphs, errors) is { } item)
                {
                    items.Add(item);
                }
            }
        }

        // Per spec, the latest version among the subgraphs composing one of its directives.
        var wontMerge = new HashSet<string>(StringComparer.Ordinal);
        var latest = new Dictionary<string, (Feature Feature, List<SubgraphSchema> Subgraphs)>(StringComparer.Ordinal);
        foreach (var identity in subgraphs.SelectMany(s => s.Features).Select(f => f.Identity).Distinct(StringComparer.Ordinal))
        {
            var composing = items.Where(i => i.Feature.Identity == identity).Select(i => i.Subgraph).ToHashSet();
            var pairs = subgraphs.Where(s => s.Features.Exists(f => f.Identity == identity))
                .Select(s => (Subgraph: s, Feature: s.Features.Find(f => f.Identity == identity)!, IsComposed: composing.Contains(s)))
                .ToList();
            (SubgraphSchema Subgraph, Feature Feature, bool IsComposed)? best = null;
            var failed = false;
            foreach (var pair in pairs)
            {
                if (best is not { } acc)
                {
                    best = pair;
                    continue;
                }

                if (acc.Feature.Major != pair.Feature.Major)
                {
                    if (acc.IsComposed && pair.IsComposed)
                    {
                        errors.Add(CompositionErrorCodes.DirectiveComposition([.. pairs.Select(p => p.Subgraph.Name)], $"Core feature \"{identity}\" requested to be merged has major version mismatch across subgraphs"));
                        failed = true;
                        break;
                    }

                    best = acc.IsComposed ? acc : pair;
                    continue;
                }

                best = acc.IsComposed != pair.IsComposed ? (acc.IsComposed ? acc : pair) : acc.Feature.Minor > pair.Feature.Minor ? acc : pair;
            }

            if (failed || best is not { IsComposed: true } chosen)
            {
                wontMerge.Add(identity);
                continue;
            }

            var sameVersion = pairs.Where(p => p.Feature.Major == chosen.Feature.Major && p.Feature.Minor == chosen.Feature.Minor).Select(p => p.Subgraph).Reverse().ToList();
            latest[identity] = (chosen.Feature, sameVersion);
        }

        var wontMergeNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var group in items.GroupBy(i => i.Name, StringComparer.Ordinal))
        {
            if (group.Select(i => i.NameInFeature).Distinct(StringComparer.Ordinal).Count() > 1)
            {
                wontMergeNames.Add(group.Key);
                errors.Add(CompositionErrorCodes.DirectiveComposition([.. group.Select(i => i.Subgraph.Name)], $"Composed directive \"@{group.Key}\" does not refer to the same directive in every subgraph"));
            }

            if (group.Select(i => i.Feature.Identity).Distinct(StringComparer.Ordinal).Count() > 1)
            {
                wontMergeNames.Add(group.Key);
                errors.Add(CompositionErrorCodes.DirectiveComposition([.. group.Select(i => i.Subgraph.Name)], $"Composed directive \"@{group.Key}\" is not linked by the same core feature in every subgraph"));
            }
        }

        foreach (var group in items.GroupBy(i => i.NameInFeature, StringComparer.Ordinal))
        {
            if (group.Select(i => i.Name).Distinct(StringComparer.Ordinal).Count() > 1)
            {
                wontMergeNames.UnionWith(group.Select(i => i.Name));
                errors.Add(CompositionErrorCodes.DirectiveComposition([.. group.Select(i => i.Subgraph.Name)], "Composed directive is not named consistently in all subgraphs"));
            }
        }

        foreach (var item in items.Where(i => !wontMerge.Contains(i.Feature.Identity) && !wontMergeNames.Contains(i.Name)))
        {
            item.Subgraph.ComposedDirectiveNames.Add(item.Name);
        }

        // The links, in the order the specs were first met; a directive's definition from the last subgraph at the latest version.
        var features = new List<ComposedFeature>();
        foreach (var (identity, (feature, latestSubgraphs)) in latest)
        {
            var composed = new ComposedFeature(feature.Url);
            foreach (var item in items.Where(i => i.Feature.Identity == identity).DistinctBy(i => i.Name, StringComparer.Ordinal))
            {
                composed.Imports.Add((item.Name, item.NameInFeature));
                var definition = latestSubgraphs
                    .Select(s => s.Features.Find(f => f.Identity == identity) is { } f && LocalName(f, item.NameInFeature) is { } local ? s.DirectiveDefinitions.Find(d => d.Name.Value == local) : null)
                    .FirstOrDefault(d => d is not null);
                if (definition is null)
                {
                    var plural = latestSubgraphs.Count != 1;
                    errors.Add(CompositionErrorCodes.DirectiveComposition([.. latestSubgraphs.Select(s => s.Name)], $"Core feature \"{identity}/v{feature.Major}.{feature.Minor}\" in {(plural ? "subgraphs" : "subgraph")} {string.Join(", ", latestSubgraphs.Select(s => $"\"{s.Name}\""))} {(plural ? "do" : "does")} not have a directive definition for \"@{item.Name}\""));
                    continue;
                }

                composed.Definitions.Add((item.Name, definition));
            }

            features.Add(composed);
        }

        return features;
    }

    /// <summary>The specs a subgraph links other than federation and link itself.</summary>
    public static List<Feature> Features(DocumentNode document)
    {
        var features = new List<Feature>();
        foreach (var directive in document.Definitions.SelectMany(d => d switch { SchemaDefinitionNode s => s.Directives, SchemaExtensionNode e => e.Directives, _ => [] }))
        {
            if (directive.Name.Value != "link" || FederationSpec.StringArgument(directive, "url") is not { } url || FeatureUrl().Match(url) is not { Success: true } match)
            {
                continue;
            }

            var imports = new Dictionary<string, string>(StringComparer.Ordinal);
            var importList = FederationSpec.Argument(directive, "import") switch
            {
                ListValueNode list => list.Values,
                { } single => [single],
                null => [],
            };
            foreach (var import in importList)
            {
                var (name, alias) = import switch
                {
                    StringValueNode s => (s.Value, s.Value),
                    ObjectValueNode o => ((o.Fields.FirstOrDefault(f => f.Name.Value == "name")?.Value as StringValueNode)?.Value, (o.Fields.FirstOrDefault(f => f.Name.Value == "as")?.Value as StringValueNode)?.Value),
                    _ => (null, null),
                };
                if (name is not null && name.StartsWith('@'))
                {
                    imports[(alias ?? name).TrimStart('@')] = name[1..];
                }
            }

            var alias2 = FederationSpec.StringArgument(directive, "as") ?? match.Groups["name"].Value;
            features.Add(new Feature(url, match.Groups["identity"].Value, alias2, int.Parse(match.Groups["major"].Value, System.Globalization.CultureInfo.InvariantCulture), int.Parse(match.Groups["minor"].Value, System.Globalization.CultureInfo.InvariantCulture), imports));
        }

        return features;
    }

    private static IEnumerable<string?> Applications(SubgraphSchema subgraph) =>
        subgraph.Document.Definitions
            .SelectMany(d => d switch { SchemaDefinitionNode s => s.Directives, SchemaExtensionNode e => e.Directives, _ => [] })
            .Where(d => subgraph.IsFederation(d, "composeDirective"))
            .Select(d => FederationSpec.StringArgument(d, "name"));

    private static Item? Check(SubgraphSchema subgraph, string? argument, IReadOnlyList<SubgraphSchema> subgraphs, List<CompositionError> errors)
    {
        if (string.IsNullOrEmpty(argument))
        {
            errors.Add(CompositionErrorCodes.DirectiveComposition([subgraph.Name], $"Argument to @composeDirective in subgraph \"{subgraph.Name}\" cannot be NULL or an empty String"));
            return null;
        }

        if (argument[0] != '@')
        {
            errors.Add(CompositionErrorCodes.DirectiveComposition([subgraph.Name], $"Argument to @composeDirective \"{argument}\" in subgraph \"{subgraph.Name}\" must have a leading \"@\""));
            return null;
        }

        var name = argument[1..];
        if (subgraph.FederationSpecName(name) is { } federationName)
        {
            // A federation directive: Apollo composes some of them anyway, the others not at all.
            if (Array.IndexOf(ComposedByDefault, federationName) < 0)
            {
                errors.Add(CompositionErrorCodes.DirectiveComposition([subgraph.Name], $"Composing federation directive \"{argument}\" in subgraph \"{subgraph.Name}\" is not supported"));
            }

            return null;
        }

        if (!subgraph.DirectiveDefinitions.Exists(d => d.Name.Value == name))
        {
            errors.Add(CompositionErrorCodes.DirectiveComposition([subgraph.Name], $"Could not find matching directive definition for argument to @composeDirective \"@{name}\" in subgraph \"{subgraph.Name}\"."));
            return null;
        }

        if (Source(subgraph.Features, name) is not { } source)
        {
            errors.Add(CompositionErrorCodes.DirectiveComposition([subgraph.Name], $"Directive \"@{name}\" in subgraph \"{subgraph.Name}\" cannot be composed because it is not a member of a core feature"));
            return null;
        }

        if (source.NameInFeature is null)
        {
            errors.Add(CompositionErrorCodes.DirectiveComposition([subgraph.Name], $"Directive \"@{name}\" in subgraph \"{subgraph.Name}\" cannot be composed because it is imported to a different name"));
            return null;
        }

        if (Array.IndexOf(DisallowedIdentities, source.Feature.Identity) >= 0)
        {
            errors.Add(CompositionErrorCodes.DirectiveComposition([subgraph.Name], $"Composing federation directive \"{argument}\" in subgraph \"{subgraph.Name}\" is not supported"));
            return null;
        }

        foreach (var builtIn in new[] { "tag", "inaccessible" })
        {
            var conflicting = subgraphs.Where(s => s.FederationLocalName(builtIn) == name).Select(s => s.Name).ToList();
            if (conflicting.Count > 0)
            {
                errors.Add(CompositionErrorCodes.DirectiveComposition([subgraph.Name], $"Directive \"@{name}\" in subgraph \"{subgraph.Name}\" cannot be composed because it conflicts with automatically composed federation directive \"@{builtIn}\". Conflict exists in subgraph(s): ({string.Join(',', conflicting)})"));
                return null;
            }
        }

        return new Item(subgraph, source.Feature, source.NameInFeature, name);
    }

    /// <summary>The spec a directive comes from, as Apollo's <c>CoreFeatures.sourceFeature</c> finds it: imported, or named <c>alias__name</c> / <c>alias</c>.</summary>
    private static (Feature Feature, string? NameInFeature)? Source(List<Feature> features, string name)
    {
        foreach (var feature in features)
        {
            if (feature.Imports.TryGetValue(name, out var imported))
            {
                return (feature, imported);
            }
        }

        foreach (var feature in features)
        {
            var inSpec = name == feature.Alias ? feature.Alias : name.StartsWith(feature.Alias + "__", StringComparison.Ordinal) ? name[(feature.Alias.Length + 2)..] : null;
            if (inSpec is not null)
            {
                // Imported under another name, the default one does not stand for it.
                return (feature, feature.Imports.ContainsValue(inSpec) ? null : inSpec);
            }
        }

        return null;
    }

    private static string? LocalName(Feature feature, string nameInFeature)
    {
        foreach (var (local, inSpec) in feature.Imports)
        {
            if (inSpec == nameInFeature)
            {
                return local;
            }
        }

        return nameInFeature == feature.Alias ? feature.Alias : feature.Alias + "__" + nameInFeature;
    }

    // ASCII digits, at most nine: a subgraph's version numbers always parse as an int.
    [GeneratedRegex(@"^(?<identity>.+/(?<name>[A-Za-z0-9_-]+))/v(?<major>[0-9]{1,9})\.(?<minor>[0-9]{1,9})$")]
    private static partial Regex FeatureUrl();
}

/// <summary>A custom spec linked in the supergraph: its url, its composed directives (name in the supergraph, name in the spec) and their definitions.</summary>
internal sealed class ComposedFeature(string url)
{
    public string Url { get; } = url;

    public List<(string Name, string NameInFeature)> Imports { get; } = [];

    public List<(string Name, DirectiveDefinitionNode Definition)> Definitions { get; } = [];
}

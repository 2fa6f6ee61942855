using Federation.GraphQL.Language.Syntax;
using Federation.Protocol.Spec;

namespace Federation.Gateway.Composition;

/// <summary>
/// <c>@cacheTag(format: "…")</c> (federation v2.12+, the tags a router's response cache
/// invalidates by): Apollo's composition 2.14.4 does not define it in the supergraph but carries
/// each application as <c>@join__directive(graphs: [...], name: "federation__cacheTag", args:
/// {...})</c> — one per distinct argument set, with the subgraphs applying it — and links
/// <c>cacheTag/v0.1</c> for EXECUTION. This gateway has no response cache; the tags only reach the
/// supergraph for routers that have one.
/// </summary>
internal static class CacheTags
{
    public const string Url = "https://specs.apollo.dev/cacheTag/v0.1";

    private const int SinceFederationMinor = 12;

    /// <summary>A federation link older than v2.12 knows no <c>@cacheTag</c>: Apollo refuses importing or applying it.</summary>
    public static void CheckVersion(string subgraph, DocumentNode document, FederationSpec spec, int federationMinor, List<CompositionError> errors)
    {
        if (federationMinor >= SinceFederationMinor)
        {
            return;
        }

        var local = spec.LocalName("cacheTag");
        if (local != spec.Prefix + "cacheTag")
        {
            errors.Add(CompositionErrorCodes.InvalidLinkDirectiveUsage(subgraph, $"Cannot import unknown element \"@cacheTag\"."));
            return;
        }

        if (UnsupportedDirectives.Applied(document).Any(a => a.Directive.Name.Value == local))
        {
            errors.Add(CompositionErrorCodes.InvalidGraphQL(subgraph, $"Unknown directive \"@{local}\"."));
        }
    }

    /// <summary>The <c>@join__directive</c>s of an element, from each subgraph's directives on it (null where it does not define it).</summary>
    public static IEnumerable<string> JoinDirectives(IReadOnlyList<SubgraphSchema> subgraphs, IEnumerable<IEnumerable<DirectiveNode>?> perSubgraph)
    {
        var joins = new List<(string Arguments, List<string> Graphs)>();
        var index = 0;
        foreach (var directives in perSubgraph)
        {
            var subgraph = subgraphs[index++];
            foreach (var directive in directives ?? [])
            {
                if (!subgraph.IsFederation(directive, "cacheTag"))
                {
                    continue;
                }

                var arguments = "{" + string.Join(", ", directive.Arguments.Select(a => a.Name.Value + ": " + SupergraphValues.Print(a.Value))) + "}";
                var join = joins.Find(j => j.Arguments == arguments);
                if (join.Arguments is null)
                {
                    joins.Add((arguments, [subgraph.GraphName]));
                }
                else
                {
                    join.Graphs.Add(subgraph.GraphName);
                }
            }
        }

        return joins.Select(j => $"@join__directive(graphs: [{string.Join(", ", j.Graphs)}], name: \"federation__cacheTag\", args: {j.Arguments})");
    }
}

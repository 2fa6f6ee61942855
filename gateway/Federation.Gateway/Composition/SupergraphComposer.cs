using System.Text.RegularExpressions;
using Federation.Gateway.Composition.Rules;

namespace Federation.Gateway.Composition;

/// <summary>
/// Composes Apollo Federation v2 subgraphs into a supergraph, as Apollo's <c>composeServices</c>
/// (<c>@apollo/composition</c> 2.14.4) does and printed as it prints it, so Apollo Gateway or
/// Router can run from the same file: read each subgraph, check it on its own, merge, check the
/// merge, print.
/// https://www.apollographql.com/docs/graphos/schema-design/federated-schemas/composition
/// </summary>
public static partial class SupergraphComposer
{
    public static CompositionResult Compose(IEnumerable<SubgraphSdl> subgraphs)
    {
        ArgumentNullException.ThrowIfNull(subgraphs);
        var errors = new List<CompositionError>();
        var sources = subgraphs.OrderBy(s => s.Name, StringComparer.Ordinal).ToList();
        foreach (var duplicate in sources.GroupBy(s => s.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            errors.Add(CompositionErrorCodes.InvalidSubgraphName(duplicate.Key, "is used by more than one subgraph"));
        }

        if (sources.Count == 0)
        {
            errors.Add(CompositionErrorCodes.NoQueries());
        }

        // Federation 1 subgraphs are composed as Apollo composes them: upgraded to Federation 2 first.
        sources = Federation1Upgrade.Apply(sources, errors);
        if (errors.Count > 0)
        {
            return CompositionResult.Failure(errors);
        }

        var read = new List<SubgraphSchema>(sources.Count);
        foreach (var source in sources)
        {
            if (SubgraphSchema.Read(source, errors) is { } subgraph)
            {
                read.Add(subgraph);
            }
        }

        if (errors.Count > 0)
        {
            return CompositionResult.Failure(errors);
        }

        NameGraphs(read);
        foreach (var subgraph in read)
        {
            foreach (var rule in CompositionRules.Subgraph)
            {
                rule.Check(subgraph, errors);
            }
        }

        if (errors.Count > 0)
        {
            return CompositionResult.Failure(errors);
        }

        var composed = ComposedDirectives.Validate(read, errors);
        if (errors.Count > 0)
        {
            return CompositionResult.Failure(errors);
        }

        var merged = SupergraphMerger.Merge(read, composed);
        foreach (var rule in CompositionRules.Merge)
        {
            rule.Check(merged, errors);
        }

        foreach (var phase in new[] { CompositionRules.PostMerge, CompositionRules.Satisfiability })
        {
            if (errors.Count > 0)
            {
                break;
            }

            foreach (var rule in phase)
            {
                rule.Check(merged, errors);
            }
        }

        return errors.Count > 0 ? CompositionResult.Failure(errors) : CompositionResult.Success(SupergraphPrinter.Print(merged));
    }

    /// <summary>
    /// The <c>join__Graph</c> value of each subgraph, as Apollo derives it from the name: other
    /// characters than letters, digits and <c>_</c> become <c>_</c>, a leading digit gets a <c>_</c>
    /// before it, a trailing <c>_digits</c> a <c>_</c> after it, all upper case; names that collide
    /// are numbered <c>_1</c>, <c>_2</c>… in subgraph order.
    /// </summary>
    internal static string GraphName(string subgraphName)
    {
        var name = NonWordCharacter().Replace(subgraphName, "_");
        if (name.Length > 0 && char.IsAsciiDigit(name[0]))
        {
            name = "_" + name;
        }

        if (NumericEnding().IsMatch(name))
        {
            name += "_";
        }

        return name.ToUpperInvariant();
    }

    private static void NameGraphs(List<SubgraphSchema> subgraphs)
    {
        foreach (var group in subgraphs.GroupBy(s => GraphName(s.Name), StringComparer.Ordinal))
        {
            var members = group.ToList();
            for (var i = 0; i < members.Count; i++)
            {
                members[i].GraphName = members.Count == 1 ? group.Key : $"{group.Key}_{i + 1}";
            }
        }
    }

    [GeneratedRegex(@"[^A-Za-z0-9_]")]
    private static partial Regex NonWordCharacter();

    [GeneratedRegex(@"_\d+$")]
    private static partial Regex NumericEnding();
}

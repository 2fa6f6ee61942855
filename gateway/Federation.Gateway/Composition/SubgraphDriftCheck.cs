using System.Text;
using Microsoft.Extensions.Logging;

namespace Federation.Gateway.Composition;

public enum SubgraphDriftKind
{
    /// <summary>The live subgraph's SDL gives the supergraph something else than the serving one holds for it.</summary>
    Differs,

    /// <summary>The subgraph did not give its SDL.</summary>
    Unreachable,
}

public sealed record SubgraphDrift(string Subgraph, string Url, SubgraphDriftKind Kind, string Detail);

/// <summary>
/// Compares the live subgraphs with the serving supergraph: fetches each one's
/// <c>_service { sdl }</c>, composes what answered, and reports each subgraph whose part of the
/// supergraph (see <see cref="SubgraphProjection"/>) differs, or that did not answer. It only
/// reports: serving goes on with the supergraph as it is.
/// </summary>
public sealed class SubgraphDriftCheck(SupergraphSource source, SubgraphSdlFetcher fetcher, ILogger<SubgraphDriftCheck> logger)
{
    private Func<SupergraphSubgraph, string> urlOf = subgraph => subgraph.Url;

    /// <summary>
    /// Where each subgraph is reached when that is not the URL the supergraph names — the configured
    /// endpoints the gateway's requests go to (e.g. the one-command run's subgraphs on free ports).
    /// </summary>
    public SubgraphDriftCheck(SupergraphSource source, SubgraphSdlFetcher fetcher, ILogger<SubgraphDriftCheck> logger, Func<SupergraphSubgraph, string> urlOf)
        : this(source, fetcher, logger)
    {
        this.urlOf = urlOf;
    }

    public async Task<IReadOnlyList<SubgraphDrift>> CheckAsync(CancellationToken cancellationToken)
    {
        var current = source.Current;
        var reached = current.Subgraphs.Select(subgraph => subgraph with { Url = urlOf(subgraph) }).ToList();
        var fetched = await LiveSubgraphs.FetchAsync(fetcher, reached, cancellationToken).ConfigureAwait(false);
        var drifts = fetched.Where(f => f.Error is not null)
            .Select(f => new SubgraphDrift(f.Subgraph.Name, f.Subgraph.Url, SubgraphDriftKind.Unreachable, f.Error!))
            .ToList();
        var live = fetched.Where(f => f.Sdl is not null).ToList();
        if (live.Count > 0)
        {
            var composition = SupergraphComposer.Compose(live.Select(f => new SubgraphSdl(f.Subgraph.Name, f.Subgraph.Url, f.Sdl!)));
            if (!composition.Succeeded)
            {
                // The serving supergraph composed; the live set does not: the subgraphs the errors name changed.
                foreach (var (subgraph, _, _) in live)
                {
                    var errors = composition.Errors.Where(e => e.Subgraphs.Contains(subgraph.Name) || e.Subgraphs.Count == 0).ToList();
                    if (errors.Count > 0)
                    {
                        drifts.Add(new SubgraphDrift(subgraph.Name, subgraph.Url, SubgraphDriftKind.Differs, "the live subgraphs do not compose: " + string.Join("; ", errors)));
                    }
                }
            }
            else
            {
                var candidate = Supergraph.Parse(composition.SupergraphSdl!);
                foreach (var (subgraph, _, _) in live)
                {
                    var served = SubgraphProjection.Of(current, subgraph.Name);
                    var answered = SubgraphProjection.Of(candidate, subgraph.Name);
                    if (served != answered)
                    {
                        drifts.Add(new SubgraphDrift(subgraph.Name, subgraph.Url, SubgraphDriftKind.Differs, FirstDifference(served, answered)));
                    }
                }
            }
        }

        foreach (var drift in drifts)
        {
            CompositionLog.SubgraphDrifted(logger, drift.Subgraph, drift.Url, drift.Kind, drift.Detail);
        }

        if (drifts.Count == 0)
        {
            CompositionLog.SubgraphsMatch(logger, current.Subgraphs.Count);
        }

        return drifts;
    }

    private static string FirstDifference(string served, string answered)
    {
        var servedLines = served.Split('\n');
        var answeredLines = answered.Split('\n');
        var onlyServed = servedLines.Except(answeredLines, StringComparer.Ordinal).Take(3).ToList();
        var onlyAnswered = answeredLines.Except(servedLines, StringComparer.Ordinal).Take(3).ToList();
        var detail = new StringBuilder("differs from the supergraph");
        if (onlyServed.Count > 0)
        {
            detail.Append("; the supergraph has ").Append(string.Join(" | ", onlyServed));
        }

        if (onlyAnswered.Count > 0)
        {
            detail.Append("; the subgraph has ").Append(string.Join(" | ", onlyAnswered));
        }

        return detail.ToString();
    }
}

/// <summary>
/// What a supergraph holds of one subgraph, as text to compare: the types it defines with their
/// keys, the fields it defines with their type there and federation directives, union members,
/// implementations and enum values. It does not depend on the other subgraphs (a field's type is
/// the subgraph's own), so the serving supergraph and one composed from the live SDLs compare
/// subgraph by subgraph. Descriptions and arguments are not part of it.
/// </summary>
internal static class SubgraphProjection
{
    public static string Of(Supergraph supergraph, string subgraph)
    {
        var text = new StringBuilder();
        foreach (var type in supergraph.Types.Values.Where(t => t.IsDefinedIn(subgraph)).OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            text.Append(type.Kind).Append(' ').Append(type.Name).Append('\n');
            foreach (var entry in type.Subgraphs.Where(s => s.Subgraph == subgraph))
            {
                text.Append(type.Name).Append(" key ").Append(entry.Key).Append(" resolvable=").Append(entry.Resolvable)
                    .Append(" interfaceObject=").Append(entry.IsInterfaceObject).Append('\n');
            }

            foreach (var field in type.Fields)
            {
                if (field.In(subgraph) is { } inSubgraph)
                {
                    text.Append(field.Coordinate).Append(": ").Append(inSubgraph.Type ?? field.Type)
                        .Append(inSubgraph.External ? " @external" : "")
                        .Append(inSubgraph.Requires is { } requires ? $" @requires({requires})" : "")
                        .Append(inSubgraph.Provides is { } provides ? $" @provides({provides})" : "")
                        .Append(inSubgraph.OverrideFrom is { } from ? $" @override({from})" : "")
                        .Append('\n');
                }
            }

            foreach (var member in type.UnionMembers.Where(m => m.Subgraph == subgraph))
            {
                text.Append(type.Name).Append(" member ").Append(member.Member).Append('\n');
            }

            foreach (var implementation in type.Implementations.Where(i => i.Subgraph == subgraph))
            {
                text.Append(type.Name).Append(" implements ").Append(implementation.Interface).Append('\n');
            }

            foreach (var (value, subgraphs) in type.EnumValueSubgraphs)
            {
                if (subgraphs.Contains(subgraph))
                {
                    text.Append(type.Name).Append('.').Append(value).Append('\n');
                }
            }
        }

        return text.ToString();
    }
}

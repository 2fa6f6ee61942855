using Federation.Gateway.Catalogue;
using Microsoft.Extensions.Logging;

namespace Federation.Gateway.Composition;

public enum SupergraphReloadOutcome
{
    /// <summary>The new set composed into another supergraph, which now serves.</summary>
    Swapped,

    /// <summary>The new set composed into the supergraph already serving.</summary>
    Unchanged,

    /// <summary>The new set did not compose (or could not be read); the last good supergraph keeps serving.</summary>
    Refused,
}

public sealed record SupergraphReloadResult(SupergraphReloadOutcome Outcome, IReadOnlyList<CompositionError> Errors);

/// <summary>
/// Composes a new set of subgraph SDLs — given, read from files, or fetched from the live
/// subgraphs — and swaps the <see cref="SupergraphSource"/> to it only if it composes and the share
/// catalogue of the serving supergraph covers it (<see cref="CatalogueCoverage"/>); otherwise
/// the last good supergraph keeps serving and the errors are logged. Reloads run one at a time.
/// </summary>
public sealed class SupergraphReload(SupergraphSource source, SubgraphSdlFetcher fetcher, ILogger<SupergraphReload> logger)
{
    private readonly SemaphoreSlim oneAtATime = new(1, 1);

    /// <summary>Composes <paramref name="subgraphs"/> and serves the result if it composes.</summary>
    public async Task<SupergraphReloadResult> ApplyAsync(IReadOnlyList<SubgraphSdl> subgraphs, CancellationToken cancellationToken)
    {
        await oneAtATime.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return Apply(subgraphs);
        }
        finally
        {
            oneAtATime.Release();
        }
    }

    /// <summary>Reads <c>name.graphql</c> of each subgraph of the serving supergraph from <paramref name="schemaDirectory"/>, keeping the subgraphs' URLs.</summary>
    public Task<SupergraphReloadResult> FromDirectoryAsync(string schemaDirectory, CancellationToken cancellationToken)
    {
        var subgraphs = new List<SubgraphSdl>();
        var errors = new List<CompositionError>();
        foreach (var subgraph in source.Current.Subgraphs)
        {
            try
            {
                subgraphs.Add(new SubgraphSdl(subgraph.Name, subgraph.Url, File.ReadAllText(Path.Combine(schemaDirectory, subgraph.Name + ".graphql"))));
            }
            catch (IOException exception)
            {
                errors.Add(CompositionErrorCodes.SubgraphSdlUnavailable(subgraph.Name, exception.Message));
            }
        }

        return errors.Count > 0 ? Task.FromResult(Refuse(errors)) : ApplyAsync(subgraphs, cancellationToken);
    }

    /// <summary>Fetches <c>_service { sdl }</c> of each subgraph of the serving supergraph, at its URL.</summary>
    public async Task<SupergraphReloadResult> FromLiveSubgraphsAsync(CancellationToken cancellationToken)
    {
        var fetched = await LiveSubgraphs.FetchAsync(fetcher, source.Current.Subgraphs, cancellationToken).ConfigureAwait(false);
        var errors = fetched.Where(f => f.Error is not null).Select(f => CompositionErrorCodes.SubgraphSdlUnavailable(f.Subgraph.Name, f.Error!)).ToList();
        return errors.Count > 0
            ? Refuse(errors)
            : await ApplyAsync([.. fetched.Select(f => new SubgraphSdl(f.Subgraph.Name, f.Subgraph.Url, f.Sdl!))], cancellationToken).ConfigureAwait(false);
    }

    private SupergraphReloadResult Apply(IReadOnlyList<SubgraphSdl> subgraphs)
    {
        var composition = SupergraphComposer.Compose(subgraphs);
        if (!composition.Succeeded)
        {
            return Refuse(composition.Errors);
        }

        if (composition.SupergraphSdl == source.Current.Sdl)
        {
            return new SupergraphReloadResult(SupergraphReloadOutcome.Unchanged, []);
        }

        // The catalogue goes with the serving supergraph; a new one it does not cover is refused (fail closed).
        var catalogue = source.Current.Catalogue;
        Supergraph next;
        try
        {
            if (catalogue is not null && CatalogueCoverage.Check(Supergraph.Parse(composition.SupergraphSdl!), catalogue) is { Count: > 0 } uncovered)
            {
                return Refuse(uncovered);
            }

            next = Supergraph.Parse(composition.SupergraphSdl!, catalogue);
        }
        catch (FormatException exception)
        {
            return Refuse([CompositionErrorCodes.InvalidSupergraph(exception.Message)]);
        }

        if (SupergraphSource.UnenforcedAccessControl(next) is { } unenforced)
        {
            return Refuse([unenforced]);
        }

        source.Replace(next);
        CompositionLog.SupergraphSwapped(logger, next.Subgraphs.Count, string.Join(", ", next.Subgraphs.Select(s => s.Name)));
        return new SupergraphReloadResult(SupergraphReloadOutcome.Swapped, []);
    }

    private SupergraphReloadResult Refuse(IReadOnlyList<CompositionError> errors)
    {
        foreach (var error in errors)
        {
            CompositionLog.ReloadRefused(logger, error.Code, error.Message, string.Join(", ", error.Subgraphs), string.Join(", ", error.Coordinates));
        }

        return new SupergraphReloadResult(SupergraphReloadOutcome.Refused, errors);
    }
}

using System.Security.Cryptography;
using Federation.Gateway.Audit;
using Federation.Gateway.Audit.Events;
using System.Text;
using Federation.Gateway.Catalogue;
using Microsoft.Extensions.Logging;

namespace Federation.Gateway.Composition;

public enum SupergraphReloadOutcome
{
    /// <summary>The new set passed every check and now serves.</summary>
    Swapped,

    /// <summary>The new set is the one already serving: the same supergraph with the same catalogue.</summary>
    Unchanged,

    /// <summary>The new set failed a check (or could not be read); the last good set keeps serving.</summary>
    Refused,
}

public sealed record SupergraphReloadResult(SupergraphReloadOutcome Outcome, IReadOnlyList<CompositionError> Errors);

/// <summary>
/// A check the served set must pass besides composition and catalogue coverage — the ones the
/// gateway's start runs on the set it serves (e.g. the executor and the platform's part of the
/// graph can be made over it). Errors refuse the reload; the last good set keeps serving.
/// </summary>
public interface IServedSupergraphCheck
{
    IReadOnlyList<CompositionError> Check(Supergraph candidate);
}

/// <summary>
/// Swaps the served set — a supergraph and the share catalogue it is served with, one
/// <see cref="Supergraph"/> in the one reference of <see cref="SupergraphSource"/> — only when the
/// new pair passes every check: it composes (or parses), the catalogue covers it
/// (<see cref="CatalogueCoverage"/>), its API schema without the NOT_SHARED fields is valid, and
/// each <see cref="IServedSupergraphCheck"/> passes. Otherwise the last good pair keeps serving and
/// each error is logged with its code (event <c>ReloadRefused</c>). Reloads run one at a time;
/// <see cref="Status"/> says what serves since when, and the last attempt and refusal.
/// </summary>
public sealed class SupergraphReload
{
    private readonly SemaphoreSlim oneAtATime = new(1, 1);
    private readonly SupergraphSource source;
    private readonly SubgraphSdlFetcher fetcher;
    private readonly ILogger<SupergraphReload> logger;
    private readonly Func<SupergraphSubgraph, string> urlOf;
    private readonly IReadOnlyList<IServedSupergraphCheck> checks;
    private readonly TimeProvider time;
    private volatile SupergraphReloadStatus status;

    /// <param name="urlOf">Where each subgraph's <c>_service { sdl }</c> is fetched; the URL the supergraph names when null.</param>
    /// <param name="checks">Checks besides composition and coverage that a new set must pass.</param>
    public SupergraphReload(
        SupergraphSource source,
        SubgraphSdlFetcher fetcher,
        ILogger<SupergraphReload> logger,
        Func<SupergraphSubgraph, string>? urlOf = null,
        IEnumerable<IServedSupergraphCheck>? checks = null,
        TimeProvider? time = null)
    {
        this.source = source;
        this.fetcher = fetcher;
        this.logger = logger;
        this.urlOf = urlOf ?? (subgraph => subgraph.Url);
        this.checks = [.. checks ?? []];
        this.time = time ?? TimeProvider.System;
        status = new SupergraphReloadStatus(Hash(source.Current.Sdl), this.time.GetUtcNow(), null, null);
    }

    /// <summary>What serves since when, the last reload attempt and the last refusal.</summary>
    public SupergraphReloadStatus Status => status;

    /// <summary>Where each swap and refusal is recorded (the audit trail); none when null.</summary>
    internal PlatformEvents? Events { get; init; }

    /// <summary>Composes <paramref name="subgraphs"/> and serves the result with the serving catalogue.</summary>
    public Task<SupergraphReloadResult> ApplyAsync(IReadOnlyList<SubgraphSdl> subgraphs, CancellationToken cancellationToken) =>
        ServeAsync("subgraphs", () => Task.FromResult(Compose(subgraphs, null)), cancellationToken);

    /// <summary>
    /// The one way a new set is served: <paramref name="candidate"/> — made inside the reload's turn,
    /// so it reads what serves when it runs — gives the supergraph SDL and the catalogue to serve it
    /// with (null: the serving one), or the errors that refuse it. <paramref name="trigger"/> names
    /// what asked for the reload, for the log and the status.
    /// </summary>
    /// <param name="by">The operator who asked for it (user, agency, division); null for a reload the gateway started.</param>
    internal async Task<SupergraphReloadResult> ServeAsync(string trigger, Func<Task<ServedSetCandidate>> candidate, CancellationToken cancellationToken, (string User, string Agency, string Division)? by = null)
    {
        await oneAtATime.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ServedSetCandidate next;
            try
            {
                next = await candidate().ConfigureAwait(false);
            }
            catch (IOException exception)
            {
                next = ServedSetCandidate.Refused(CompositionErrorCodes.ReloadSourceUnreadable("A file of the served set", exception.Message));
            }

            var result = next.Errors.Count > 0 ? new SupergraphReloadResult(SupergraphReloadOutcome.Refused, next.Errors) : Serve(next.SupergraphSdl ?? source.Current.Sdl, next.Catalogue);
            Record(trigger, result);
            // Within the reload's turn: the trail holds the reloads in the order they were served.
            await AuditAsync(trigger, result, by).ConfigureAwait(false);
            return result;
        }
        finally
        {
            oneAtATime.Release();
        }
    }

    /// <summary>Reads <c>name.graphql</c> of each subgraph of the serving supergraph from <paramref name="schemaDirectory"/>, keeping the subgraphs' URLs.</summary>
    public Task<SupergraphReloadResult> FromDirectoryAsync(string schemaDirectory, CancellationToken cancellationToken) =>
        ServeAsync("schema directory", () =>
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

            return Task.FromResult(errors.Count > 0 ? ServedSetCandidate.Refused([.. errors]) : Compose(subgraphs, null));
        }, cancellationToken);

    /// <summary>
    /// Fetches <c>_service { sdl }</c> of each subgraph of the serving supergraph (at the URL the
    /// options give it, else the supergraph's) and serves the composition with the serving catalogue;
    /// the supergraph keeps each subgraph's routing URL.
    /// </summary>
    public Task<SupergraphReloadResult> FromLiveSubgraphsAsync(CancellationToken cancellationToken) =>
        FromLiveSubgraphsAsync("live subgraphs", cancellationToken);

    /// <inheritdoc cref="FromLiveSubgraphsAsync(CancellationToken)"/>
    public Task<SupergraphReloadResult> FromLiveSubgraphsAsync(string trigger, CancellationToken cancellationToken) =>
        ServeAsync(trigger, async () =>
        {
            var served = source.Current.Subgraphs;
            var fetched = await LiveSubgraphs.FetchAsync(fetcher, [.. served.Select(s => s with { Url = urlOf(s) })], cancellationToken).ConfigureAwait(false);
            var errors = fetched.Where(f => f.Error is not null).Select(f => CompositionErrorCodes.SubgraphSdlUnavailable(f.Subgraph.Name, f.Error!)).ToArray();
            return errors.Length > 0
                ? ServedSetCandidate.Refused(errors)
                : Compose([.. fetched.Select((f, i) => new SubgraphSdl(f.Subgraph.Name, served[i].Url, f.Sdl!))], null);
        }, cancellationToken);

    /// <summary>The SHA-256 of a supergraph's SDL, lower-case hex: how the status and the operator name a supergraph.</summary>
    public static string Hash(string sdl) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sdl)));

    /// <summary>The composition of <paramref name="subgraphs"/> as a candidate, to serve with <paramref name="catalogue"/> (null: the serving one).</summary>
    internal static ServedSetCandidate Compose(IReadOnlyList<SubgraphSdl> subgraphs, ShareCatalogue? catalogue)
    {
        var composition = SupergraphComposer.Compose(subgraphs);
        return composition.Succeeded ? new ServedSetCandidate(composition.SupergraphSdl, catalogue, []) : ServedSetCandidate.Refused([.. composition.Errors]);
    }

    private SupergraphReloadResult Serve(string supergraphSdl, ShareCatalogue? newCatalogue)
    {
        var serving = source.Current;
        var catalogue = newCatalogue ?? serving.Catalogue;
        if (supergraphSdl == serving.Sdl && ReferenceEquals(catalogue, serving.Catalogue))
        {
            return new SupergraphReloadResult(SupergraphReloadOutcome.Unchanged, []);
        }

        Supergraph next;
        try
        {
            // The catalogue goes with the supergraph: one it does not cover is refused (fail closed).
            if (catalogue is not null && CatalogueCoverage.Check(Supergraph.Parse(supergraphSdl), catalogue) is { Count: > 0 } uncovered)
            {
                return Refuse(uncovered);
            }

            next = Supergraph.Parse(supergraphSdl, catalogue);
        }
        catch (FormatException exception)
        {
            return Refuse([CompositionErrorCodes.InvalidSupergraph(exception.Message)]);
        }

        if (SupergraphSource.UnenforcedAccessControl(next) is { } unenforced)
        {
            return Refuse([unenforced]);
        }

        var failed = new List<CompositionError>();
        foreach (var check in checks)
        {
            failed.AddRange(check.Check(next));
        }

        if (failed.Count > 0)
        {
            return Refuse(failed);
        }

        source.Replace(next);
        CompositionLog.SupergraphSwapped(logger, next.Subgraphs.Count, string.Join(", ", next.Subgraphs.Select(s => s.Name)));
        return new SupergraphReloadResult(SupergraphReloadOutcome.Swapped, []);
    }

    private static SupergraphReloadResult Refuse(IReadOnlyList<CompositionError> errors) => new(SupergraphReloadOutcome.Refused, errors);

    /// <summary>
    /// A swap as <c>SUPERGRAPH_RELOADED</c> (the trigger, the new supergraph's hash and its subgraphs),
    /// a refusal as <c>RELOAD_REFUSED</c> (the trigger, the errors' codes and subgraphs — not their
    /// messages, which name files); an unchanged set is no reload and is not recorded.
    /// </summary>
    private Task AuditAsync(string trigger, SupergraphReloadResult result, (string User, string Agency, string Division)? by)
    {
        if (Events is null || result.Outcome == SupergraphReloadOutcome.Unchanged)
        {
            return Task.CompletedTask;
        }

        if (result.Outcome == SupergraphReloadOutcome.Swapped)
        {
            return Events.RecordAsync(AuditKind.Reload, PlatformEventNames.SupergraphReloaded, by, new Dictionary<string, string?>
            {
                ["trigger"] = trigger,
                ["supergraph"] = status.SupergraphHash,
                ["subgraphs"] = string.Join(',', source.Current.Subgraphs.Select(s => s.Name)),
            });
        }

        return Events.RecordAsync(AuditKind.Reload, PlatformEventNames.ReloadRefused, by, new Dictionary<string, string?>
        {
            ["trigger"] = trigger,
            ["codes"] = string.Join(',', result.Errors.Select(e => e.Code).Distinct()),
            ["subgraphs"] = string.Join(',', result.Errors.SelectMany(e => e.Subgraphs).Distinct()),
            ["supergraph"] = status.SupergraphHash,
        });
    }

    private void Record(string trigger, SupergraphReloadResult result)
    {
        var now = time.GetUtcNow();
        var attempt = new SupergraphReloadAttempt(now, trigger, result.Outcome, result.Errors);
        var previous = status;
        switch (result.Outcome)
        {
            case SupergraphReloadOutcome.Swapped:
                status = new SupergraphReloadStatus(Hash(source.Current.Sdl), now, attempt, previous.LastRefusal);
                break;
            case SupergraphReloadOutcome.Refused:
                foreach (var error in result.Errors)
                {
                    CompositionLog.ReloadRefused(logger, error.Code, error.Message, string.Join(", ", error.Subgraphs), string.Join(", ", error.Coordinates));
                }

                status = previous with { LastAttempt = attempt, LastRefusal = attempt };
                break;
            default:
                status = previous with { LastAttempt = attempt };
                break;
        }
    }
}

/// <summary>
/// What a reload would serve: the supergraph SDL (null: the serving one) and the catalogue to serve
/// it with (null: the serving one), or the errors that refuse it before any check runs (a file that does not read, a
/// catalogue that does not load, subgraphs that do not compose).
/// </summary>
internal sealed record ServedSetCandidate(string? SupergraphSdl, ShareCatalogue? Catalogue, IReadOnlyList<CompositionError> Errors)
{
    public static ServedSetCandidate Refused(params CompositionError[] errors) => new(null, null, errors);
}

/// <summary>One reload attempt: when, what asked for it, how it ended and, when refused, why.</summary>
public sealed record SupergraphReloadAttempt(DateTimeOffset At, string Trigger, SupergraphReloadOutcome Outcome, IReadOnlyList<CompositionError> Errors);

/// <summary>The supergraph serving (its SDL's SHA-256) since when, the last reload attempt and the last refusal (null when none yet).</summary>
public sealed record SupergraphReloadStatus(string SupergraphHash, DateTimeOffset ServedSince, SupergraphReloadAttempt? LastAttempt, SupergraphReloadAttempt? LastRefusal);

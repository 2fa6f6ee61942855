using System.Security.Cryptography;
using System.Text;
using Federation.Gateway.Catalogue;
using Federation.Gateway.Composition;

namespace Federation.Gateway.Reload;

/// <summary>A file the served set is made of.</summary>
internal enum ServedFileKind
{
    Catalogue,
    Supergraph,
    SubgraphConfig,
}

/// <summary>
/// The files the served set is made of — the share catalogue, the supergraph, the subgraph config
/// (each null when the gateway serves the copy built in, or has none) — and what each held when it
/// was last served, by content: a reload reads only what changed, so an event that changes nothing
/// (a touch, another file of the directory, a ConfigMap's symlink swap to the same text) swaps nothing.
/// </summary>
internal sealed class ServedSetFiles
{
    /// <summary>How long a file must stay the same between two reads to be read as written in full.</summary>
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(50);

    private const int SettleAttempts = 20;

    private readonly Dictionary<ServedFileKind, string> paths = [];
    private readonly Dictionary<ServedFileKind, string?> served = [];
    private readonly Func<string, string, ServedSetCandidate>? composeConfig;
    private readonly Lock commit = new();

    /// <param name="composeConfig">Composes the subgraph config (its path and text) into a candidate; null when the gateway does not follow a subgraph config.</param>
    public ServedSetFiles(string? catalogue, string? supergraph, string? subgraphConfig, Func<string, string, ServedSetCandidate>? composeConfig)
    {
        this.composeConfig = composeConfig;
        foreach (var (kind, path) in new[] { (ServedFileKind.Catalogue, catalogue), (ServedFileKind.Supergraph, supergraph), (ServedFileKind.SubgraphConfig, composeConfig is null ? null : subgraphConfig) })
        {
            if (path is not null)
            {
                paths[kind] = Path.GetFullPath(path);
                served[kind] = File.Exists(path) ? Hash(File.ReadAllText(path)) : null;
            }
        }
    }

    /// <summary>The files followed, by kind.</summary>
    public IReadOnlyDictionary<ServedFileKind, string> Paths => paths;

    /// <summary>
    /// Reloads from the files that changed since they were last served; null when none did. A new
    /// catalogue is served with the supergraph; a changed subgraph config is composed (and wins over a
    /// changed supergraph file, which it is usually composed into); else the supergraph file's text.
    /// </summary>
    public Task<SupergraphReloadResult?> ReloadChangedAsync(SupergraphReload reload, CancellationToken cancellationToken) =>
        ReloadAsync(reload, null, cancellationToken);

    /// <summary>
    /// The operator's reload: every file read again, the supergraph composed from the subgraph config
    /// when there is one (its subgraphs' SDL may have changed without it), else read from its file.
    /// </summary>
    public async Task<SupergraphReloadResult> ReloadAllAsync(SupergraphReload reload, string trigger, CancellationToken cancellationToken) =>
        (await ReloadAsync(reload, trigger, cancellationToken).ConfigureAwait(false))!;

    private async Task<SupergraphReloadResult?> ReloadAsync(SupergraphReload reload, string? forcedBy, CancellationToken cancellationToken)
    {
        var texts = new Dictionary<ServedFileKind, string>();
        try
        {
            foreach (var (kind, path) in paths)
            {
                texts[kind] = await ReadSettledAsync(path, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (IOException exception)
        {
            return await reload.ServeAsync(forcedBy ?? "file change", () => Task.FromResult(ServedSetCandidate.Refused(CompositionErrorCodes.ReloadSourceUnreadable("A file of the served set", exception.Message))), cancellationToken).ConfigureAwait(false);
        }

        var hashes = texts.ToDictionary(t => t.Key, t => Hash(t.Value));
        List<ServedFileKind> changed;
        lock (commit)
        {
            changed = [.. hashes.Where(h => served[h.Key] != h.Value).Select(h => h.Key)];
        }

        if (forcedBy is null && changed.Count == 0)
        {
            return null;
        }

        var trigger = forcedBy ?? string.Join(", ", changed.Select(Name));
        var result = await reload.ServeAsync(trigger, () => Task.FromResult(Candidate(texts, changed, forced: forcedBy is not null)), cancellationToken).ConfigureAwait(false);
        if (result.Outcome != SupergraphReloadOutcome.Refused)
        {
            lock (commit)
            {
                foreach (var (kind, hash) in hashes)
                {
                    served[kind] = hash;
                }
            }
        }

        return result;
    }

    private ServedSetCandidate Candidate(Dictionary<ServedFileKind, string> texts, List<ServedFileKind> changed, bool forced)
    {
        ShareCatalogue? catalogue = null;
        if (changed.Contains(ServedFileKind.Catalogue))
        {
            var (read, errors) = CatalogueFiles.Read(texts[ServedFileKind.Catalogue], paths[ServedFileKind.Catalogue]);
            if (read is null)
            {
                return ServedSetCandidate.Refused([.. errors]);
            }

            catalogue = read;
        }

        if (composeConfig is not null && texts.TryGetValue(ServedFileKind.SubgraphConfig, out var config) && (forced || changed.Contains(ServedFileKind.SubgraphConfig)))
        {
            var composed = composeConfig(paths[ServedFileKind.SubgraphConfig], config);
            return composed.Errors.Count == 0 ? composed with { Catalogue = catalogue } : composed;
        }

        return texts.TryGetValue(ServedFileKind.Supergraph, out var supergraph) && (forced || changed.Contains(ServedFileKind.Supergraph))
            ? new ServedSetCandidate(supergraph, catalogue, [])
            : new ServedSetCandidate(null, catalogue, []);
    }

    /// <summary>
    /// The file's text once two reads <see cref="Settle"/> apart agree: a file being written (or
    /// missing for the moment of an editor's rename) is read again rather than served half-written.
    /// </summary>
    private static async Task<string> ReadSettledAsync(string path, CancellationToken cancellationToken)
    {
        IOException? last = null;
        string? previous = null;
        for (var attempt = 0; attempt < SettleAttempts; attempt++)
        {
            try
            {
                var text = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
                if (text == previous)
                {
                    return text;
                }

                previous = text;
            }
            catch (IOException exception)
            {
                last = exception;
                previous = null;
            }

            await Task.Delay(Settle, cancellationToken).ConfigureAwait(false);
        }

        throw last ?? new IOException($"{path} kept changing for {(Settle * SettleAttempts).TotalSeconds:0.#} s.");
    }

    private static string Name(ServedFileKind kind) => kind switch
    {
        ServedFileKind.Catalogue => "catalogue file",
        ServedFileKind.Supergraph => "supergraph file",
        _ => "subgraph config",
    };

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}

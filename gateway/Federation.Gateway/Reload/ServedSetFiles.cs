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
    private readonly FollowedSubgraphConfig? config;
    private readonly Lock commit = new();

    /// <param name="config">The subgraph config a reload composes from; null when the gateway follows none.</param>
    public ServedSetFiles(string? catalogue, string? supergraph, FollowedSubgraphConfig? config)
    {
        this.config = config;
        foreach (var (kind, path) in new[] { (ServedFileKind.Catalogue, catalogue), (ServedFileKind.Supergraph, supergraph), (ServedFileKind.SubgraphConfig, config?.Path) })
        {
            if (path is not null)
            {
                paths[kind] = Path.GetFullPath(path);
                served[kind] = File.Exists(path) ? Hash(Contents(kind, File.ReadAllText(path), f => File.Exists(f) ? File.ReadAllText(f) : "")) : null;
            }
        }
    }

    /// <summary>The files followed, by kind.</summary>
    public IReadOnlyDictionary<ServedFileKind, string> Paths => paths;

    /// <summary>The directories to watch: those of the files followed and of the SDL files the subgraph config names.</summary>
    public IReadOnlyList<string> Directories()
    {
        var files = paths.Values.ToList();
        if (config is not null && File.Exists(config.Path))
        {
            files.AddRange(config.SchemaFiles(File.ReadAllText(config.Path)));
        }

        return [.. files.Select(f => Path.GetDirectoryName(f)!).Distinct(StringComparer.Ordinal)];
    }

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
    /// <param name="by">The operator who asked (user, agency, division), for the audit trail.</param>
    public async Task<SupergraphReloadResult> ReloadAllAsync(SupergraphReload reload, string trigger, CancellationToken cancellationToken, (string User, string Agency, string Division)? by = null) =>
        (await ReloadAsync(reload, trigger, cancellationToken, by).ConfigureAwait(false))!;

    private async Task<SupergraphReloadResult?> ReloadAsync(SupergraphReload reload, string? forcedBy, CancellationToken cancellationToken, (string User, string Agency, string Division)? by = null)
    {
        var texts = new Dictionary<ServedFileKind, string>();
        var hashes = new Dictionary<ServedFileKind, string>();
        try
        {
            foreach (var (kind, path) in paths)
            {
                texts[kind] = await ReadSettledAsync(path, cancellationToken).ConfigureAwait(false);
                var schemaFiles = new Dictionary<string, string>(StringComparer.Ordinal);
                if (kind == ServedFileKind.SubgraphConfig)
                {
                    foreach (var file in config!.SchemaFiles(texts[kind]))
                    {
                        // A file the config names but that is missing is the composition's error to report, not the read's.
                        schemaFiles[file] = File.Exists(file) ? await ReadSettledAsync(file, cancellationToken).ConfigureAwait(false) : "";
                    }
                }

                hashes[kind] = Hash(Contents(kind, texts[kind], file => schemaFiles[file]));
            }
        }
        catch (IOException exception)
        {
            return await reload.ServeAsync(forcedBy ?? "file change", () => Task.FromResult(ServedSetCandidate.Refused(CompositionErrorCodes.ReloadSourceUnreadable("A file of the served set", exception.Message))), cancellationToken, by).ConfigureAwait(false);
        }

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
        var result = await reload.ServeAsync(trigger, () => CandidateAsync(texts, changed, forced: forcedBy is not null, cancellationToken), cancellationToken, by).ConfigureAwait(false);
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

    private async Task<ServedSetCandidate> CandidateAsync(Dictionary<ServedFileKind, string> texts, List<ServedFileKind> changed, bool forced, CancellationToken cancellationToken)
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

        if (config is not null && texts.TryGetValue(ServedFileKind.SubgraphConfig, out var yaml) && (forced || changed.Contains(ServedFileKind.SubgraphConfig)))
        {
            var composed = await config.ComposeAsync(yaml, cancellationToken).ConfigureAwait(false);
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

    /// <summary>What a file holds for the served set: its text, and for the subgraph config the SDL files it names too.</summary>
    private string Contents(ServedFileKind kind, string text, Func<string, string> schemaFile) =>
        kind != ServedFileKind.SubgraphConfig
            ? text
            : string.Join("\n\0", [text, .. config!.SchemaFiles(text).Select(f => f + "\n" + schemaFile(f))]);

    private static string Name(ServedFileKind kind) => kind switch
    {
        ServedFileKind.Catalogue => "catalogue file",
        ServedFileKind.Supergraph => "supergraph file",
        _ => "subgraph config",
    };

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}

namespace Federation.Gateway.Reload;

/// <summary>How the gateway reloads its served set; bound from <c>Gateway:Reload</c>.</summary>
public sealed class ReloadOptions
{
    public const string Section = "Gateway:Reload";

    /// <summary>Watch the supergraph file, the catalogue file and the subgraph config, and reload when one changes.</summary>
    public bool WatchFiles { get; set; } = true;

    /// <summary>
    /// How long the watched files must be quiet before a reload reads them: an editor's save, a
    /// <c>compose</c> run or a Kubernetes ConfigMap update is several file events, read once.
    /// </summary>
    public TimeSpan Debounce { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// How often to fetch the live subgraphs' <c>_service { sdl }</c> and reload when it composes into
    /// another supergraph; off when unset (the default). At least one second.
    /// </summary>
    public TimeSpan? PollInterval { get; set; }

    /// <summary>
    /// The subgraph config (Apollo rover's supergraph-config format). When unset:
    /// <c>schema/supergraph.yaml</c> under the working directory or the content root, if there is one.
    /// </summary>
    public string? SubgraphConfigFile { get; set; }

    /// <summary>Why these options cannot be served; null when they can.</summary>
    public string? Problem() =>
        Debounce < TimeSpan.Zero || Debounce > TimeSpan.FromMinutes(1) ? $"{Section}:Debounce must be between 0 and 1 minute, not {Debounce}."
        : PollInterval is { } poll && poll < TimeSpan.FromSeconds(1) ? $"{Section}:PollInterval must be at least 1 second, not {poll}."
        : null;
}

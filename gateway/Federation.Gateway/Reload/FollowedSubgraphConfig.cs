using Federation.Gateway.Composition;

namespace Federation.Gateway.Reload;

/// <summary>
/// The subgraph config (<c>schema/supergraph.yaml</c>, <see cref="SubgraphConfig"/>) a reload composes
/// from: the SDL files it names are part of it — a changed file is a changed config — and its live
/// subgraphs are asked through the gateway's signed <see cref="SubgraphSdlFetcher"/>.
/// </summary>
internal sealed class FollowedSubgraphConfig(string path, Func<SubgraphSdlFetcher> fetcher)
{
    public string Path { get; } = System.IO.Path.GetFullPath(path);

    private string BaseDirectory => System.IO.Path.GetDirectoryName(Path)!;

    /// <summary>The config the gateway follows: the configured file, else <c>schema/supergraph.yaml</c> of the working directory or the content root; null when there is none.</summary>
    /// <exception cref="FileNotFoundException"><paramref name="configured"/> names no file.</exception>
    public static string? Locate(string? configured, string contentRoot)
    {
        if (!string.IsNullOrEmpty(configured))
        {
            return File.Exists(configured)
                ? System.IO.Path.GetFullPath(configured)
                : throw new FileNotFoundException($"{ReloadOptions.Section}:SubgraphConfigFile names {configured}, which does not exist.", configured);
        }

        return new[] { System.IO.Path.Combine(Environment.CurrentDirectory, "schema", SubgraphConfig.FileName), System.IO.Path.Combine(contentRoot, "schema", SubgraphConfig.FileName) }
            .FirstOrDefault(File.Exists);
    }

    /// <summary>The SDL files <paramref name="yaml"/> names, absolute; none when it is not a valid config (its errors come with the composition).</summary>
    public IReadOnlyList<string> SchemaFiles(string yaml)
    {
        try
        {
            return [.. SubgraphConfig.Parse(yaml, BaseDirectory).Subgraphs.Select(s => s.Schema).OfType<SubgraphSchemaFile>().Select(f => f.Path)];
        }
        catch (InvalidSubgraphConfigException)
        {
            return [];
        }
    }

    /// <summary>The composition of the subgraphs <paramref name="yaml"/> names, with their SDL read or fetched; or the config's, the SDL's or the composition's errors.</summary>
    public async Task<ServedSetCandidate> ComposeAsync(string yaml, CancellationToken cancellationToken)
    {
        SubgraphConfig config;
        try
        {
            config = SubgraphConfig.Parse(yaml, BaseDirectory);
        }
        catch (InvalidSubgraphConfigException exception)
        {
            return ServedSetCandidate.Refused([.. exception.Errors]);
        }

        var resolution = await config.ResolveAsync(fetcher(), cancellationToken).ConfigureAwait(false);
        return resolution.Succeeded ? SupergraphReload.Compose(resolution.Subgraphs, null) : ServedSetCandidate.Refused([.. resolution.Errors]);
    }
}

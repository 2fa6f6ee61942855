namespace Federation.Gateway.Composition;

/// <summary>The SDL of each live subgraph, fetched in parallel; a subgraph that cannot give it carries the reason instead.</summary>
internal static class LiveSubgraphs
{
    public static readonly TimeSpan FetchTimeout = TimeSpan.FromSeconds(10);

    public static async Task<IReadOnlyList<(SupergraphSubgraph Subgraph, string? Sdl, string? Error)>> FetchAsync(
        SubgraphSdlFetcher fetcher, IReadOnlyList<SupergraphSubgraph> subgraphs, CancellationToken cancellationToken)
    {
        var fetches = subgraphs.Select(async subgraph =>
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(FetchTimeout);
            try
            {
                return (subgraph, (string?)await fetcher.FetchAsync(subgraph.Url, timeout.Token).ConfigureAwait(false), (string?)null);
            }
            catch (SubgraphSdlUnavailableException exception)
            {
                return (subgraph, null, exception.Message);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return (subgraph, null, $"{subgraph.Url} did not answer within {FetchTimeout.TotalSeconds:0} s.");
            }
        });
        return await Task.WhenAll(fetches).ConfigureAwait(false);
    }
}

using Federation.Gateway.Composition;
using Federation.Gateway.Execution;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Federation.Gateway.Hosting;

/// <summary>
/// Asks every subgraph of the served supergraph for its own readiness (<c>/health/ready</c> at the
/// subgraph's host), in parallel, each within <see cref="Timeout"/>. A subgraph that is down leaves the
/// gateway ready but degraded: the other subgraphs' fields still answer, and taking every gateway out of
/// rotation for one agency's outage would take the whole platform down with it.
/// </summary>
internal sealed class SubgraphsHealth(SupergraphSource source, IOptions<SubgraphOptions> options, IHttpClientFactory http) : IHealthCheck
{
    public const string CheckName = "subgraphs";

    /// <summary>The client of these probes: unsigned (the subgraphs' health endpoints are anonymous), not the subgraph client.</summary>
    public const string ClientName = "subgraph-health";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var subgraphs = source.Current.Subgraphs;
        var client = http.CreateClient(ClientName);
        var answers = await Task.WhenAll(subgraphs.Select(subgraph => ReadyAsync(client, subgraph, cancellationToken))).ConfigureAwait(false);
        var down = new List<string>();
        for (var i = 0; i < subgraphs.Count; i++)
        {
            if (!answers[i])
            {
                down.Add(subgraphs[i].Name);
            }
        }

        return down.Count == 0
            ? HealthCheckResult.Healthy($"all {subgraphs.Count} subgraphs are ready")
            : HealthCheckResult.Degraded($"not ready: {string.Join(", ", down)}");
    }

    private async Task<bool> ReadyAsync(HttpClient client, SupergraphSubgraph subgraph, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(options.Value.UrlOf(subgraph), UriKind.Absolute, out var url))
        {
            return false;
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(Timeout);
        try
        {
            using var response = await client.GetAsync(new Uri(url, "/health/ready"), deadline.Token).ConfigureAwait(false);
            return response.IsSuccessStatusCode;
        }
        catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException)
        {
            return false;
        }
    }
}

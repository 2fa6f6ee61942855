using Federation.Gateway.Composition;

namespace Federation.Gateway.Execution;

/// <summary>How the gateway calls its subgraphs; bound from the <c>Subgraphs</c> configuration section.</summary>
public sealed class SubgraphOptions
{
    public const string Section = "Subgraphs";

    /// <summary>How long a subgraph may take to answer one request, unless <see cref="Endpoints"/> says otherwise.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Per subgraph name: its URL (else the supergraph's) and timeout (else <see cref="Timeout"/>).</summary>
    public Dictionary<string, SubgraphEndpointOptions> Endpoints { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Largest response body read from a subgraph.</summary>
    public long MaxResponseBytes { get; set; } = SubgraphClient.DefaultMaxResponseBytes;

    /// <summary>Connections kept open per subgraph host.</summary>
    public int MaxConnectionsPerSubgraph { get; set; } = 256;

    /// <summary>Where <paramref name="subgraph"/> is reached: its configured endpoint, else the URL the supergraph names.</summary>
    public string UrlOf(SupergraphSubgraph subgraph) => Endpoints.GetValueOrDefault(subgraph.Name)?.Url?.ToString() ?? subgraph.Url;
}

/// <summary>One subgraph's URL and timeout.</summary>
public sealed class SubgraphEndpointOptions
{
    public Uri? Url { get; set; }

    public TimeSpan? Timeout { get; set; }
}

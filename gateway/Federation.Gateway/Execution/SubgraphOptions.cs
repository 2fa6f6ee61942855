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

    /// <summary>The retry of undelivered queries and the circuit breaker per subgraph (<see cref="SubgraphResilience"/>).</summary>
    public SubgraphResilienceOptions Resilience { get; set; } = new();

    /// <summary>Where <paramref name="subgraph"/> is reached: its configured endpoint, else the URL the supergraph names.</summary>
    public string UrlOf(SupergraphSubgraph subgraph) => Endpoints.GetValueOrDefault(subgraph.Name)?.Url?.ToString() ?? subgraph.Url;
}

/// <summary>One subgraph's URL and timeout.</summary>
public sealed class SubgraphEndpointOptions
{
    public Uri? Url { get; set; }

    public TimeSpan? Timeout { get; set; }
}

/// <summary>The <c>Subgraphs:Resilience</c> section.</summary>
public sealed class SubgraphResilienceOptions
{
    /// <summary>How often a query that never reached its subgraph (no connection) is sent again; 0 for never. Mutations never are.</summary>
    public int QueryRetries { get; set; } = 2;

    /// <summary>The wait before each retry.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>The share of failed requests within <see cref="SamplingDuration"/> that opens a subgraph's circuit.</summary>
    public double FailureRatio { get; set; } = 0.5;

    /// <summary>The fewest requests within <see cref="SamplingDuration"/> before the ratio counts.</summary>
    public int MinimumThroughput { get; set; } = 10;

    /// <summary>The window the failure ratio is measured over.</summary>
    public TimeSpan SamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an open circuit refuses at once before one request tries the subgraph again.</summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(15);
}

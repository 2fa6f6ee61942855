namespace Federation.Gateway.Hosting;

/// <summary>How the gateway serves; bound from the <c>Gateway</c> configuration section.</summary>
public sealed class GatewayOptions
{
    public const string Section = "Gateway";

    /// <summary>
    /// The supergraph to serve. When unset: <c>schema/supergraph.graphql</c> under the working
    /// directory if there is one, else the copy built into the gateway.
    /// </summary>
    public string? SupergraphFile { get; set; }

    /// <summary>
    /// The share catalogue (<c>catalogue.yaml</c>). When unset: <c>schema/catalogue.yaml</c> under the
    /// working directory if there is one, else the copy built into the gateway. It must cover the supergraph.
    /// </summary>
    public string? CatalogueFile { get; set; }

    /// <summary>Let a request with <c>Federation-Expose-Query-Plan: true</c> see its plan in <c>extensions.queryPlan</c>.</summary>
    public bool ExposeQueryPlans { get; set; }

    /// <summary>How many query plans are kept per supergraph.</summary>
    public int PlanCacheSize { get; set; } = 1_000;

    /// <summary>
    /// The progressive <c>@override</c> labels enabled for every request besides the <c>percent(n)</c>
    /// ones (drawn per request): a field whose label is listed is resolved by the overriding subgraph.
    /// None by default.
    /// </summary>
    public List<string> OverrideLabels { get; set; } = [];
}

using Microsoft.AspNetCore.Http;

namespace Federation.Gateway.Execution;

/// <summary>
/// Lets operators see the plan of a request: with <see cref="Enabled"/>, a request carrying
/// <c>Federation-Expose-Query-Plan: true</c> gets the printed plan in
/// <c>extensions.queryPlan</c>. Off by default: plans show how the subgraphs are cut.
/// </summary>
public sealed class QueryPlanInspection
{
    public const string Header = "Federation-Expose-Query-Plan";

    public bool Enabled { get; set; }

    public bool IsRequested(HttpRequest request) =>
        Enabled && request.Headers.TryGetValue(Header, out var value) && string.Equals(value.ToString(), "true", StringComparison.OrdinalIgnoreCase);
}

using Federation.GraphQL.Execution;
using Federation.Protocol.Signing;
using Federation.Subgraphs.Hosting.Paging;
using Microsoft.AspNetCore.Http;

namespace Federation.Subgraphs.Hosting;

/// <summary>The per-request context a subgraph's resolvers see under <c>MapSubgraph</c>.</summary>
public sealed class SubgraphRequestContext(HttpContext httpContext, GatewayCaller? caller, CursorSeal cursors)
{
    public HttpContext HttpContext { get; } = httpContext;

    /// <summary>The agency, purpose and matter the gateway signed for; null only when signatures are off and none was sent.</summary>
    public GatewayCaller? Caller { get; } = caller;

    /// <summary>The seal of this subgraph's cursors (<see cref="PageRequest.For"/>).</summary>
    public CursorSeal Cursors { get; } = cursors;
}

public static class SubgraphCallerExtensions
{
    /// <summary>The caller the gateway signed for, or null (signatures off and no caller headers).</summary>
    public static GatewayCaller? GetGatewayCaller(this HttpContext context) => GatewaySignatureCheck.CallerOf(context);

    /// <summary>The caller of the request the resolver runs for (from <see cref="SubgraphRequestContext"/>).</summary>
    public static GatewayCaller? Caller(this ResolveContext context) => (context.Context as SubgraphRequestContext)?.Caller;
}

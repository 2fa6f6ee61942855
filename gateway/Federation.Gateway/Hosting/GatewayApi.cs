using Federation.Gateway.Admission;
using Federation.Gateway.Auditing;
using Federation.Gateway.Authentication;
using Federation.Gateway.Execution;
using Federation.Gateway.Composition;
using Federation.Gateway.Pipeline;
using Federation.Gateway.Reload;
using Federation.GraphQL.AspNetCore;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Federation.Gateway.Hosting;

public static class GatewayApi
{
    public const string ReadinessTag = Federation.ServiceDefaults.Health.ServiceHealth.ReadinessTag;

    /// <summary>
    /// The unified graph at <c>/graphql</c> (GraphQL over HTTP, GraphiQL in a browser): the endpoint
    /// validates against the schema being served (the supergraph's API schema and the platform's part) and
    /// hands admitted operations to the gateway's pipeline, in a context made once per request
    /// (<see cref="RequestContexts.For"/>). Requests with an operation need a bearer token
    /// (<see cref="GatewayAuthentication.RequireCaller"/>).
    /// </summary>
    public static IEndpointRouteBuilder MapGateway(this IEndpointRouteBuilder endpoints)
    {
        var served = endpoints.ServiceProvider.GetRequiredService<ServedExecutor>();
        var inspection = endpoints.ServiceProvider.GetRequiredService<QueryPlanInspection>();
        // The gauges observe what this endpoint serves: made with it, they live as long as the host.
        endpoints.ServiceProvider.GetService<GatewayGauges>();

        // Registered by the one-command run alone, when it trusts the development key.
        var developmentHeaders = endpoints.ServiceProvider.GetService<DevelopmentGraphiQLHeaders>();
        endpoints.MapGraphQL("/graphql", () => served.Current().Schema, options =>
        {
            options.Executor = new GatewayOperationExecutor(served.For);
            options.CreateContext = http => RequestContexts.For(http, inspection.IsRequested(http.Request));
            options.GraphiQLHeaders = developmentHeaders is null ? null : developmentHeaders.For;
        }).RequireCaller();
        endpoints.MapReload();
        if (endpoints.ServiceProvider.GetService<AuditReading>() is not null)
        {
            endpoints.MapAuditEvaluation();
        }

        return endpoints;
    }
}

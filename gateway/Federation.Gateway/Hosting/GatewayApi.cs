using Federation.Gateway.Admission;
using Federation.Gateway.Authentication;
using Federation.Gateway.Execution;
using Federation.Gateway.Pipeline;
using Federation.GraphQL.AspNetCore;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Federation.Gateway.Hosting;

public static class GatewayApi
{
    public const string ReadinessTag = "ready";

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
        endpoints.MapGraphQL("/graphql", () => served.Current().Schema, options =>
        {
            options.Executor = new GatewayOperationExecutor(served.For);
            options.CreateContext = http => RequestContexts.For(http, inspection.IsRequested(http.Request));
        }).RequireCaller();
        return endpoints;
    }

    /// <summary><c>/health/live</c> (the process answers) and <c>/health/ready</c> (the readiness checks pass).</summary>
    public static IEndpointRouteBuilder MapGatewayHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadinessTag) });
        return endpoints;
    }
}

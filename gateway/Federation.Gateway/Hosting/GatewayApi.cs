using System.Text.Json;
using Federation.Gateway.Admission;
using Federation.Gateway.Auditing;
using Federation.Gateway.Authentication;
using Federation.Gateway.Execution;
using Federation.Gateway.Composition;
using Federation.Gateway.Pipeline;
using Federation.Gateway.Reload;
using Federation.GraphQL.AspNetCore;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

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

    /// <summary>
    /// <c>/health/live</c> (the process answers) and <c>/health/ready</c> (the readiness checks pass),
    /// the latter with its details as JSON: each check's status and description, and the served set's
    /// reload status (served since, last attempt, last refusal with its codes).
    /// </summary>
    public static IEndpointRouteBuilder MapGatewayHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadinessTag),
            ResponseWriter = WriteReadinessAsync,
        });
        return endpoints;
    }

    private static async Task WriteReadinessAsync(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json; charset=utf-8";
        http.Response.Headers.CacheControl = "no-store";
        await using (var json = new Utf8JsonWriter(http.Response.BodyWriter))
        {
            json.WriteStartObject();
            json.WriteString("status", report.Status.ToString());
            json.WriteStartObject("checks");
            foreach (var (name, entry) in report.Entries)
            {
                json.WriteStartObject(name);
                json.WriteString("status", entry.Status.ToString());
                json.WriteString("description", entry.Description);
                if (entry.Data.TryGetValue(SupergraphHealth.StatusKey, out var value) && value is SupergraphReloadStatus status)
                {
                    ReloadJson.WriteStatus(json, status);
                }

                json.WriteEndObject();
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        await http.Response.BodyWriter.FlushAsync(http.RequestAborted).ConfigureAwait(false);
    }
}

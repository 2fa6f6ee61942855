using System.Text.Json;
using Federation.Gateway.Audit;
using Federation.Gateway.Authentication;
using Federation.Gateway.Caching;
using Federation.Gateway.Reload;
using Federation.Gateway.Sharing;
using Federation.ServiceDefaults.Health;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;

namespace Federation.Gateway.Hosting;

/// <summary>
/// The gateway's readiness: not while it stops (<see cref="ServiceHealth"/>), not without a served supergraph
/// (<see cref="SupergraphHealth"/>, which also reports the last reload's outcome), not without the grants'
/// PostgreSQL (no grant, no answer); degraded — still ready — with a subgraph down (<see cref="SubgraphsHealth"/>)
/// or the audit trail's PostgreSQL down (the spool keeps the records until it is back), or the entity cache's
/// Redis down (<see cref="RedisCheckName"/>: every read is a miss that the subgraphs answer).
/// </summary>
internal static class GatewayHealth
{
    /// <summary>The readiness check of the entity cache's Redis.</summary>
    public const string RedisCheckName = "redis-cache";

    public static WebApplicationBuilder AddGatewayHealth(this WebApplicationBuilder builder)
    {
        var checks = builder.AddServiceHealth()
            .AddCheck<SupergraphHealth>("supergraph", tags: [ServiceHealth.ReadinessTag])
            .AddCheck<SubgraphsHealth>(SubgraphsHealth.CheckName, tags: [ServiceHealth.ReadinessTag]);
        builder.Services.AddHttpClient(SubgraphsHealth.ClientName);

        // A line per subgraph per probe would drown the requests' lines; failures show in the readiness itself.
        builder.Logging.AddFilter("System.Net.Http.HttpClient." + SubgraphsHealth.ClientName, LogLevel.Warning);
        var configuration = builder.Configuration;
        if (configuration.GetSection(SharingOptions.Section).Get<SharingOptions>() is { Store: SharingStoreKind.Postgres }
            && configuration.GetConnectionString(SharingServices.ConnectionStringName) is { Length: > 0 } sharing)
        {
            checks.AddNpgSql(sharing, name: "postgresql-sharing", failureStatus: HealthStatus.Unhealthy, tags: [ServiceHealth.ReadinessTag], timeout: TimeSpan.FromSeconds(3));
        }

        if (AuditServices.Read(configuration) is { Enabled: true, Store: AuditStore.Postgres }
            && configuration.GetConnectionString("Audit") is { Length: > 0 } audit)
        {
            checks.AddNpgSql(audit, name: "postgresql-audit", failureStatus: HealthStatus.Degraded, tags: [ServiceHealth.ReadinessTag], timeout: TimeSpan.FromSeconds(3));
        }

        if (CacheServices.Read(configuration) is { Enabled: true, Redis: not null })
        {
            // The cache's own connection (CacheServices), pinged; Redis down costs hits, never an answer.
            checks.AddRedis(
                provider => provider.GetRequiredService<StackExchange.Redis.IConnectionMultiplexer>(),
                name: RedisCheckName,
                failureStatus: HealthStatus.Degraded,
                tags: [ServiceHealth.ReadinessTag],
                timeout: TimeSpan.FromSeconds(3));
        }

        return builder;
    }

    /// <summary>
    /// <c>/health/live</c> and <c>/health/ready</c>, anonymous. Only a caller whose token the competent
    /// department's role admits reads the details — each check's status and description, the reload status
    /// (served since, last attempt, last refusal with its codes) —; anyone else reads the status alone.
    /// </summary>
    public static IEndpointRouteBuilder MapGatewayHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapServiceHealth(WriteDetails).RequireCaller();
        return endpoints;
    }

    private static bool WriteDetails(HttpContext http, HealthReport report, Utf8JsonWriter json)
    {
        if (GatewayAuthentication.AdmittedCaller(http) is not { } caller || !caller.HasRole(PlatformRoles.CompetentDepartment))
        {
            return false;
        }

        json.WriteStartObject("checks");
        foreach (var (name, entry) in report.Entries)
        {
            json.WriteStartObject(name);
            json.WriteString("status", entry.Status.ToString());
            // A library's check (PostgreSQL, Redis) that fails describes nothing: its exception's kind says what failed.
            json.WriteString("description", entry.Description ?? entry.Exception?.GetType().Name);
            if (entry.Data.TryGetValue(SupergraphHealth.StatusKey, out var value) && value is Composition.SupergraphReloadStatus status)
            {
                ReloadJson.WriteStatus(json, status);
            }

            json.WriteEndObject();
        }

        json.WriteEndObject();
        return true;
    }
}

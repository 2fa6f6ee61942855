using System.Text.Json;
using Federation.Gateway.Authentication;
using Federation.Gateway.Composition;
using Federation.GraphQL.Execution;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Federation.Gateway.Reload;

/// <summary>The operator's reload: <c>POST /admin/reload</c>, for the competent department only.</summary>
internal static class ReloadApi
{
    public const string Path = "/admin/reload";

    /// <summary>
    /// <c>POST /admin/reload</c> reads the served set's files again (<see cref="ServedSetFiles.ReloadAllAsync"/>)
    /// and answers what became of it: <c>{"outcome":"SWAPPED"|"UNCHANGED"|"REFUSED","errors":[…],"supergraph":{"hash","servedSince"}}</c>,
    /// 200, or 422 when refused. The caller needs a valid token (401 without) whose agency the
    /// registry gives the <c>competent-department</c> role and that claims it (403 otherwise, <c>RELOAD_FORBIDDEN</c>).
    /// </summary>
    public static IEndpointRouteBuilder MapReload(this IEndpointRouteBuilder endpoints)
    {
        var files = endpoints.ServiceProvider.GetRequiredService<ServedSetFiles>();
        var reload = endpoints.ServiceProvider.GetRequiredService<SupergraphReload>();
        var logger = endpoints.ServiceProvider.GetRequiredService<ILogger<ServedSetFiles>>();
        endpoints.MapPost(Path, async (HttpContext http) =>
        {
            if (GatewayAuthentication.AdmittedCaller(http) is not { } caller)
            {
                // The gate lets a request without a token through when anonymous catalogue reading is on; not here.
                await TokenRefusal.NoToken().WriteAsync(http.Response).ConfigureAwait(false);
                return;
            }

            http.Response.Headers.CacheControl = "no-store";
            if (!caller.HasRole(PlatformRoles.CompetentDepartment))
            {
                ReloadLog.OperatorRefused(logger, caller.User, caller.Agency);
                http.Response.StatusCode = StatusCodes.Status403Forbidden;
                http.Response.ContentType = "application/json; charset=utf-8";
                new ExecutionResult([ReloadErrorCodes.Forbidden(caller.Agency)]).WriteTo(http.Response.BodyWriter);
                await http.Response.BodyWriter.FlushAsync(http.RequestAborted).ConfigureAwait(false);
                return;
            }

            ReloadLog.OperatorReload(logger, caller.User, caller.Agency);
            var result = await files.ReloadAllAsync(reload, $"operator {caller.User} of {caller.Agency}", http.RequestAborted, (caller.User, caller.Agency, caller.Division)).ConfigureAwait(false);
            http.Response.StatusCode = result.Outcome == SupergraphReloadOutcome.Refused ? StatusCodes.Status422UnprocessableEntity : StatusCodes.Status200OK;
            http.Response.ContentType = "application/json; charset=utf-8";
            await using (var json = new Utf8JsonWriter(http.Response.BodyWriter))
            {
                json.WriteStartObject();
                json.WriteString("outcome", ReloadJson.Name(result.Outcome));
                json.WritePropertyName("errors");
                ReloadJson.WriteErrors(json, result.Errors, forOperator: true);
                var status = reload.Status;
                json.WriteStartObject("supergraph");
                json.WriteString("hash", status.SupergraphHash);
                json.WriteString("servedSince", status.ServedSince);
                json.WriteEndObject();
                json.WriteEndObject();
            }

            await http.Response.BodyWriter.FlushAsync(http.RequestAborted).ConfigureAwait(false);
        }).RequireCaller();
        return endpoints;
    }
}

/// <summary>How the reload endpoint and the readiness details write a reload's outcome and errors.</summary>
internal static class ReloadJson
{
    public static string Name(SupergraphReloadOutcome outcome) => outcome switch
    {
        SupergraphReloadOutcome.Swapped => "SWAPPED",
        SupergraphReloadOutcome.Unchanged => "UNCHANGED",
        _ => "REFUSED",
    };

    /// <summary>
    /// GraphQL's error shape: <c>[{"message", "extensions": {"code", "subgraphs", "coordinates"}}]</c> for the
    /// operator who asked; <c>[{"extensions": {"code", "subgraphs"}}]</c> for the readiness details, which anyone
    /// who reaches the port reads: messages name files and hosts, and coordinates name fields the public schema hides.
    /// </summary>
    public static void WriteErrors(Utf8JsonWriter json, IReadOnlyList<CompositionError> errors, bool forOperator)
    {
        json.WriteStartArray();
        foreach (var error in errors)
        {
            json.WriteStartObject();
            if (forOperator)
            {
                json.WriteString("message", error.Message);
            }

            json.WriteStartObject("extensions");
            json.WriteString("code", error.Code);
            WriteStrings(json, "subgraphs", error.Subgraphs);
            if (forOperator)
            {
                WriteStrings(json, "coordinates", error.Coordinates);
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    /// <summary>
    /// The status as properties of the object being written: <c>supergraphHash, servedSince, lastAttempt, lastRefusal</c>,
    /// the errors by code only (the readiness details are unauthenticated; the log and <c>/admin/reload</c> say more).
    /// </summary>
    public static void WriteStatus(Utf8JsonWriter json, SupergraphReloadStatus status)
    {
        json.WriteString("supergraphHash", status.SupergraphHash);
        json.WriteString("servedSince", status.ServedSince);
        WriteAttempt(json, "lastAttempt", status.LastAttempt);
        WriteAttempt(json, "lastRefusal", status.LastRefusal);
    }

    /// <summary>One attempt: <c>{"at", "trigger", "outcome", "errors"}</c>; null when there is none.</summary>
    public static void WriteAttempt(Utf8JsonWriter json, string name, SupergraphReloadAttempt? attempt)
    {
        if (attempt is null)
        {
            json.WriteNull(name);
            return;
        }

        json.WriteStartObject(name);
        json.WriteString("at", attempt.At);
        json.WriteString("trigger", attempt.Trigger);
        json.WriteString("outcome", Name(attempt.Outcome));
        json.WritePropertyName("errors");
        WriteErrors(json, attempt.Errors, forOperator: false);
        json.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IReadOnlyList<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }
}

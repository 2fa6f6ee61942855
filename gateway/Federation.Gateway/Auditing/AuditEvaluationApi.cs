using System.Globalization;
using System.Text;
using Federation.Gateway.Audit;
using Federation.Gateway.Authentication;
using Federation.GraphQL.Execution;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Federation.Gateway.Auditing;

/// <summary>The yearly evaluation's downloads: <c>GET /audit/evaluation/{year}?format=json|csv&amp;agency=…</c>.</summary>
internal static class AuditEvaluationApi
{
    public const string Path = "/audit/evaluation/{year}";

    /// <summary>
    /// Answers the evaluation of the year (<see cref="AuditReading.EvaluationAsync"/>) as JSON (the
    /// default) or CSV, as an attachment. The same rules as the GraphQL field: a bearer token of an
    /// auditor (without one 401, another caller 403; both <c>FORBIDDEN</c> and recorded), a coded 400 for
    /// a bad year, agency or format, the read recorded before the download is sent.
    /// </summary>
    public static IEndpointRouteBuilder MapAuditEvaluation(this IEndpointRouteBuilder endpoints)
    {
        var reading = endpoints.ServiceProvider.GetRequiredService<AuditReading>();
        endpoints.MapGet(Path, async (HttpContext http, string year) =>
        {
            http.Response.Headers.CacheControl = "no-store";
            var caller = GatewayAuthentication.AdmittedCaller(http);
            var who = new AuditReader(caller, http.Connection.RemoteIpAddress?.ToString(), http.TraceIdentifier);
            var format = http.Request.Query["format"].ToString();
            format = format.Length == 0 ? "json" : format;
            var agency = http.Request.Query.TryGetValue("agency", out var given) ? given.ToString() : null;
            try
            {
                var number = year.Length is > 0 and <= 4 && year.All(char.IsAsciiDigit) ? int.Parse(year, CultureInfo.InvariantCulture) : -1;
                var evaluations = await reading.EvaluationAsync(who, number, agency, format, http.RequestAborted).ConfigureAwait(false);
                var csv = format == "csv";
                http.Response.ContentType = csv ? "text/csv; charset=utf-8; header=present" : "application/json; charset=utf-8";
                http.Response.Headers.ContentDisposition = $"attachment; filename=\"audit-evaluation-{number}.{(csv ? "csv" : "json")}\"";
                var body = csv ? Encoding.UTF8.GetBytes(EvaluationDocument.Csv(evaluations)) : EvaluationDocument.Json(number, evaluations);
                await http.Response.Body.WriteAsync(body, http.RequestAborted).ConfigureAwait(false);
            }
            catch (AuditReadingException refused)
            {
                var code = refused.Error.Extensions?.GetValueOrDefault("code") as string;
                http.Response.StatusCode = code switch
                {
                    AuditReadingErrorCodes.Forbidden when caller is null => StatusCodes.Status401Unauthorized,
                    AuditReadingErrorCodes.Forbidden => StatusCodes.Status403Forbidden,
                    AuditReadingErrorCodes.AuditUnavailable => StatusCodes.Status503ServiceUnavailable,
                    _ => StatusCodes.Status400BadRequest,
                };
                if (caller is null && code == AuditReadingErrorCodes.Forbidden)
                {
                    http.Response.Headers.WWWAuthenticate = "Bearer";
                }

                http.Response.ContentType = "application/json; charset=utf-8";
                new ExecutionResult([refused.Error]).WriteTo(http.Response.BodyWriter);
                await http.Response.BodyWriter.FlushAsync(http.RequestAborted).ConfigureAwait(false);
            }
        }).RequireCaller();
        return endpoints;
    }
}

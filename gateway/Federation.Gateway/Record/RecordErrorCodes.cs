using Federation.GraphQL;
using Federation.Gateway.Requests;

namespace Federation.Gateway.Record;

/// <summary>The error codes of the record stage, each with its one factory.</summary>
internal static class RecordErrorCodes
{
    /// <summary>The request's audit record could not be made durable, so its answer is withheld (no data is released without its record).</summary>
    public const string AuditUnavailable = "AUDIT_UNAVAILABLE";

    /// <summary>HTTP 503 and no <c>data</c>: the gateway serves nothing it cannot audit; the client may retry later.</summary>
    public static GatewayResult Unavailable() => GatewayResult.Refused(
        [new GraphQLError(
            "The request was not served because it could not be audited: the audit trail is unavailable. Try again later.",
            extensions: new Dictionary<string, object?> { ["code"] = AuditUnavailable })],
        503);
}

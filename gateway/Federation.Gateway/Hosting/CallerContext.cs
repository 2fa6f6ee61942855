using Federation.Subgraphs.Hosting;
using Microsoft.AspNetCore.Http;

namespace Federation.Gateway.Hosting;

/// <summary>
/// Who a request reads on behalf of, as the subgraphs are told: the calling agency and its declared
/// purpose (<c>Federation-Purpose</c> header) with an optional administrative matter
/// (<c>Federation-Matter</c> header).
/// </summary>
internal static class CallerContext
{
    public const string PurposeHeader = "Federation-Purpose";
    public const string MatterHeader = "Federation-Matter";

    /// <summary>The agency a request is attributed to until requests carry an authenticated agency.</summary>
    public const string UnauthenticatedAgency = "anonymous";

    /// <summary>The purpose recorded when a request declares none.</summary>
    public const string UndeclaredPurpose = "UNDECLARED";

    public static GatewayCaller Of(HttpContext? http)
    {
        var purpose = Header(http, PurposeHeader);
        var matter = Header(http, MatterHeader);
        return new GatewayCaller(UnauthenticatedAgency, string.IsNullOrWhiteSpace(purpose) ? UndeclaredPurpose : purpose.Trim(), string.IsNullOrWhiteSpace(matter) ? null : matter.Trim());
    }

    private static string? Header(HttpContext? http, string name) =>
        http is not null && http.Request.Headers.TryGetValue(name, out var value) && value.Count > 0 ? value.ToString() : null;
}

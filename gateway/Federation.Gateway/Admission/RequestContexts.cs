using Federation.Gateway.Authentication;
using Federation.Gateway.Requests;
using Federation.Subgraphs.Hosting;
using Microsoft.AspNetCore.Http;

namespace Federation.Gateway.Admission;

/// <summary>Where a request's context begins: the endpoint's <c>CreateContext</c>.</summary>
internal static class RequestContexts
{
    /// <summary>
    /// The context of <paramref name="http"/>: the caller the gate admitted (anonymous without a
    /// token), the purpose headers as sent (admission reads them), whether the plan is asked for.
    /// </summary>
    public static GatewayRequest For(HttpContext http, bool exposePlan)
    {
        var identity = GatewayAuthentication.AdmittedCaller(http);
        return new GatewayRequest(new GatewayCaller(identity?.Agency ?? GatewayAuthentication.AnonymousAgency, PurposeDeclaration.Undeclared), exposePlan)
        {
            Identity = identity,
            DeclaredInHeaders = PurposeDeclaration.FromHeaders(http.Request),
            Http = http,
        };
    }
}

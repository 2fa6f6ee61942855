using System.Net;
using Microsoft.AspNetCore.Http;

namespace Federation.Gateway.Authentication;

/// <summary>
/// What the one-command run's GraphiQL page opens with in its headers editor, so that its first query
/// (and its schema's introspection) is answered instead of refused: a development token for
/// <paramref name="user"/> of <paramref name="agency"/>, made fresh for each page, and the purpose
/// declared. The one-command host registers it only when it trusts the development key — never when an
/// authority or signing keys are configured —, and the gateway service never does. Offered only to a
/// browser on the same machine: a one-command run reachable from elsewhere hands no token to others.
/// </summary>
public sealed class DevelopmentGraphiQLHeaders(DevelopmentSigningKey key, string user, string agency, string purpose, TimeProvider? time = null)
{
    /// <summary>How long the page's token lasts: a working day, after which a reload of the page makes a new one.</summary>
    public static readonly TimeSpan TokenLifetime = TimeSpan.FromHours(8);

    private readonly TimeProvider time = time ?? TimeProvider.System;

    /// <summary>The headers for the page served on <paramref name="http"/>; null for a browser on another machine.</summary>
    public IReadOnlyDictionary<string, string>? For(HttpContext http)
    {
        if (http.Connection.RemoteIpAddress is not { } address || !IPAddress.IsLoopback(address))
        {
            return null;
        }

        var token = key.IssueFor(user, agency, TokenLifetime, time.GetUtcNow().UtcDateTime);
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Authorization"] = "Bearer " + token,
            [PurposeDeclaration.PurposeHeader] = purpose,
        };
    }
}

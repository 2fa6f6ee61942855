using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Claims;

namespace Federation.Gateway.Authentication;

/// <summary>
/// Tokens the gate has already validated, so that an agency system sending the same token on every
/// request pays for the signature check and the claims once, not per request. An entry is served
/// until the token's own expiry or <see cref="MaximumAge"/>, whichever comes first — so a signing
/// key withdrawn by the authority stops admitting its tokens within that age. Only validated
/// tokens are kept; a bad token is validated (and refused) every time.
/// </summary>
internal sealed class AdmittedTokens(TimeProvider time, int capacity = AdmittedTokens.DefaultCapacity)
{
    public const int DefaultCapacity = 10_000;

    public static readonly TimeSpan MaximumAge = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<string, Admission> admitted = new(StringComparer.Ordinal);

    public int Count => admitted.Count;

    public bool TryGet(string token, out Caller caller, out ClaimsPrincipal principal)
    {
        if (admitted.TryGetValue(token, out var admission))
        {
            if (time.GetUtcNow() < admission.NotAfter)
            {
                (caller, principal) = (admission.Caller, admission.Principal);
                return true;
            }

            admitted.TryRemove(new KeyValuePair<string, Admission>(token, admission));
        }

        (caller, principal) = (null!, null!);
        return false;
    }

    /// <summary>Keeps a token the handler has just validated; one without a readable <c>exp</c> is not kept.</summary>
    public void Add(string token, Caller caller, ClaimsPrincipal principal)
    {
        if (!long.TryParse(principal.FindFirst("exp")?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var exp))
        {
            return;
        }

        var now = time.GetUtcNow();
        var notAfter = DateTimeOffset.FromUnixTimeSeconds(exp);
        if (notAfter > now + MaximumAge)
        {
            notAfter = now + MaximumAge;
        }

        if (notAfter <= now)
        {
            return;
        }

        if (admitted.Count >= capacity)
        {
            Prune(now);
        }

        admitted[token] = new Admission(caller, principal, notAfter);
    }

    /// <summary>Drops expired entries; when every entry is still live (a flood of distinct tokens), drops them all — they are only a cache.</summary>
    private void Prune(DateTimeOffset now)
    {
        foreach (var (token, admission) in admitted)
        {
            if (admission.NotAfter <= now)
            {
                admitted.TryRemove(new KeyValuePair<string, Admission>(token, admission));
            }
        }

        if (admitted.Count >= capacity)
        {
            admitted.Clear();
        }
    }

    private sealed record Admission(Caller Caller, ClaimsPrincipal Principal, DateTimeOffset NotAfter);
}

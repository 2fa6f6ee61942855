using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Claims;
using Federation.Gateway.Catalogue;

namespace Federation.Gateway.Authentication;

/// <summary>
/// Tokens the gate has already validated, so that an agency system sending the same token on every
/// request pays for the signature check and the claims once, not per request. An entry is served
/// until the token's own expiry or <see cref="MaximumAge"/>, whichever comes first — so a signing
/// key withdrawn by the authority stops admitting its tokens within that age. Only validated
/// tokens are kept; a bad token is validated (and refused) every time.
/// What is kept is what the token says (<see cref="TokenClaims"/>), not the caller: the agencies
/// registry admits the claims against the catalogue being served, once per catalogue
/// (<see cref="AdmittedToken.RegisteredIn"/>), so a catalogue change applies to the very next
/// request of a remembered token too.
/// </summary>
internal sealed class AdmittedTokens(TimeProvider time, int capacity = AdmittedTokens.DefaultCapacity)
{
    public const int DefaultCapacity = 10_000;

    public static readonly TimeSpan MaximumAge = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<string, AdmittedToken> admitted = new(StringComparer.Ordinal);

    public int Count => admitted.Count;

    public bool TryGet(string token, [NotNullWhen(true)] out AdmittedToken? admission)
    {
        if (admitted.TryGetValue(token, out admission))
        {
            if (time.GetUtcNow() < admission.NotAfter)
            {
                return true;
            }

            admitted.TryRemove(new KeyValuePair<string, AdmittedToken>(token, admission));
        }

        admission = null;
        return false;
    }

    /// <summary>
    /// Keeps a token the handler has just validated, with what it says; one without a readable
    /// <c>exp</c> is not kept. Returns the admission either way, for the request at hand.
    /// </summary>
    public AdmittedToken Add(string token, TokenClaims claims, ClaimsPrincipal principal)
    {
        var admission = new AdmittedToken(claims, principal, DateTimeOffset.MinValue);
        if (!long.TryParse(principal.FindFirst("exp")?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var exp))
        {
            return admission;
        }

        var now = time.GetUtcNow();
        var notAfter = DateTimeOffset.FromUnixTimeSeconds(exp);
        if (notAfter > now + MaximumAge)
        {
            notAfter = now + MaximumAge;
        }

        if (notAfter <= now)
        {
            return admission;
        }

        if (admitted.Count >= capacity)
        {
            Prune(now);
        }

        admission = admission with { NotAfter = notAfter };
        admitted[token] = admission;
        return admission;
    }

    /// <summary>Drops expired entries; when every entry is still live (a flood of distinct tokens), drops them all — they are only a cache.</summary>
    private void Prune(DateTimeOffset now)
    {
        foreach (var (token, admission) in admitted)
        {
            if (admission.NotAfter <= now)
            {
                admitted.TryRemove(new KeyValuePair<string, AdmittedToken>(token, admission));
            }
        }

        if (admitted.Count >= capacity)
        {
            admitted.Clear();
        }
    }

}

/// <summary>A validated token: what it says, its principal, until when it is remembered, and how the registry last admitted it.</summary>
internal sealed record AdmittedToken(TokenClaims Claims, ClaimsPrincipal Principal, DateTimeOffset NotAfter)
{
    private AgencyRegistration? registration;

    /// <summary>
    /// The claims as <paramref name="catalogue"/>'s registry admits them: checked again whenever the
    /// catalogue is another than the one last checked against, else the same answer (and caller) as
    /// before, so a remembered token costs no registry work per request.
    /// </summary>
    public AgencyRegistration RegisteredIn(ShareCatalogue catalogue, ClaimNames names)
    {
        var last = Volatile.Read(ref registration);
        if (last is not null && ReferenceEquals(last.Catalogue, catalogue))
        {
            return last;
        }

        var next = RegistryAdmission.Check(Claims, catalogue, names);
        Volatile.Write(ref registration, next);
        return next;
    }
}

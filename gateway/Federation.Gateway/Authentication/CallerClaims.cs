using System.Diagnostics.CodeAnalysis;
using System.Security.Claims;
using Federation.Subgraphs.Hosting.Scalars;

namespace Federation.Gateway.Authentication;

/// <summary>
/// The caller a validated token names: its user, its agency (a unified social credit code, GB 32100),
/// the agency's division (GB/T 2260) and its roles. A token that names them badly is refused, never
/// read as a lesser caller.
/// </summary>
internal static class CallerClaims
{
    public static bool TryRead(ClaimsPrincipal principal, ClaimNames names, [NotNullWhen(true)] out Caller? caller, [NotNullWhen(false)] out string? problem)
    {
        caller = null;
        if (!TrySingle(principal, names.User, "the user", out var user, out problem)
            || !TrySingle(principal, names.Agency, "the agency's unified social credit code", out var agency, out problem)
            || !TrySingle(principal, names.Division, "the agency's division code", out var division, out problem))
        {
            return false;
        }

        if (!CreditCode.TryParse(agency, out _, out var agencyError))
        {
            problem = $"The token's \"{names.Agency}\" claim \"{AuthenticationErrorCodes.Clip(agency)}\" is not a unified social credit code: {agencyError}";
            return false;
        }

        if (!DivisionCode.TryParse(division, out _, out var divisionError))
        {
            problem = $"The token's \"{names.Division}\" claim \"{AuthenticationErrorCodes.Clip(division)}\" is not a division code: {divisionError}";
            return false;
        }

        var roles = new HashSet<string>(StringComparer.Ordinal);
        foreach (var role in principal.FindAll(names.Roles))
        {
            roles.Add(role.Value);
        }

        caller = new Caller(user, agency, division, roles);
        return true;
    }

    private static bool TrySingle(ClaimsPrincipal principal, string name, string meaning, [NotNullWhen(true)] out string? value, [NotNullWhen(false)] out string? problem)
    {
        value = null;
        problem = null;
        foreach (var claim in principal.FindAll(name))
        {
            if (value is not null && value != claim.Value)
            {
                problem = $"The token has more than one \"{name}\" claim ({meaning}).";
                return false;
            }

            value = claim.Value;
        }

        if (string.IsNullOrWhiteSpace(value))
        {
            problem = $"The token has no \"{name}\" claim ({meaning}).";
            value = null;
            return false;
        }

        return true;
    }
}

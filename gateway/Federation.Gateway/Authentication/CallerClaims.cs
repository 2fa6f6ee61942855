using System.Diagnostics.CodeAnalysis;
using System.Security.Claims;
using Federation.Protocol.Agencies;

namespace Federation.Gateway.Authentication;

/// <summary>
/// What a validated token says of who is asking: the user, the agency they act for (a unified social
/// credit code, GB 32100), optionally the agency's division (GB/T 2260) and the roles claimed. It is a
/// claim, not yet a caller: the agencies registry decides (<see cref="RegistryAdmission"/>).
/// </summary>
internal sealed record TokenClaims(string User, string Agency, string? Division, IReadOnlySet<string> Roles);

/// <summary>
/// Reads <see cref="TokenClaims"/> from a validated token. A token that names them badly is refused,
/// never read as a lesser caller.
/// </summary>
internal static class CallerClaims
{
    /// <summary>
    /// The longest user a token may name: OpenID Connect Core §2 bounds <c>sub</c> to 255 ASCII
    /// characters, and the user is stored with every application and decision.
    /// </summary>
    public const int MaxUserLength = 255;

    public static bool TryRead(ClaimsPrincipal principal, ClaimNames names, [NotNullWhen(true)] out TokenClaims? claims, [NotNullWhen(false)] out string? problem)
    {
        claims = null;
        if (!TrySingle(principal, names.User, "the user", required: true, out var user, out problem)
            || !TrySingle(principal, names.Agency, "the agency's unified social credit code", required: true, out var agency, out problem)
            || !TrySingle(principal, names.Division, "the agency's division code", required: false, out var division, out problem))
        {
            return false;
        }

        if (user!.Length > MaxUserLength || user.Any(char.IsControl))
        {
            problem = $"The token's \"{names.User}\" claim is not a user name: at most {MaxUserLength} characters, no control characters.";
            return false;
        }

        if (!CreditCode.TryParse(agency, out _, out var agencyError))
        {
            problem = $"The token's \"{names.Agency}\" claim \"{AuthenticationErrorCodes.Clip(agency!)}\" is not a unified social credit code: {agencyError}";
            return false;
        }

        if (division is not null && !DivisionCode.TryParse(division, out _, out var divisionError))
        {
            problem = $"The token's \"{names.Division}\" claim \"{AuthenticationErrorCodes.Clip(division)}\" is not a division code: {divisionError}";
            return false;
        }

        var roles = new HashSet<string>(StringComparer.Ordinal);
        foreach (var role in principal.FindAll(names.Roles))
        {
            roles.Add(role.Value);
        }

        claims = new TokenClaims(user, agency!, division, roles);
        return true;
    }

    private static bool TrySingle(ClaimsPrincipal principal, string name, string meaning, bool required, out string? value, [NotNullWhen(false)] out string? problem)
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
            value = null;
            if (required)
            {
                problem = $"The token has no \"{name}\" claim ({meaning}).";
                return false;
            }
        }

        return true;
    }
}

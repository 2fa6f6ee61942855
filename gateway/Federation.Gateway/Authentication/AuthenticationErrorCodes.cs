using Federation.Gateway.Catalogue;
using Federation.GraphQL;

namespace Federation.Gateway.Authentication;

/// <summary>
/// The error codes of knowing who is asking and why, each with its one factory. The token codes are
/// answered with 401 and a <c>WWW-Authenticate</c> challenge (<see cref="TokenRefusal"/>); the registry
/// codes — a valid token claiming what the agencies registry does not say — with 403; the
/// declaration codes are request errors answered with 400.
/// </summary>
internal static class AuthenticationErrorCodes
{
    /// <summary>The request carries no bearer token and the endpoint needs one.</summary>
    public const string Unauthenticated = "UNAUTHENTICATED";

    /// <summary>The token is malformed, unsigned, signed with an unknown key or algorithm, for another audience or issuer, not yet valid, or lacks the caller's claims.</summary>
    public const string TokenInvalid = "TOKEN_INVALID";

    /// <summary>The token was valid but its lifetime has passed: the client should get a new one.</summary>
    public const string TokenExpired = "TOKEN_EXPIRED";

    /// <summary>The token's agency is not in the catalogue's agencies registry.</summary>
    public const string AgencyUnknown = "AGENCY_UNKNOWN";

    /// <summary>The token claims a division other than its agency's in the registry.</summary>
    public const string DivisionMismatch = "DIVISION_MISMATCH";

    /// <summary>The token claims a platform role its agency may not hold.</summary>
    public const string RoleNotAllowed = "ROLE_NOT_ALLOWED";

    /// <summary>The declared purpose is not one of the four of Kaifeng art. 14, or the matter comes without one.</summary>
    public const string PurposeInvalid = "PURPOSE_INVALID";

    /// <summary>The header and the request's <c>extensions</c> declare different purposes or matters.</summary>
    public const string PurposeConflict = "PURPOSE_CONFLICT";

    /// <summary>The declared matter is not a reference the gateway can pass on (visible ASCII, at most 64 characters).</summary>
    public const string MatterInvalid = "MATTER_INVALID";

    public static GraphQLError NoToken() =>
        Coded("This endpoint needs a bearer token: send \"Authorization: Bearer <token>\".", Unauthenticated);

    public static GraphQLError InvalidToken(string reason) => Coded(reason, TokenInvalid);

    public static GraphQLError UnknownAgency(string claim, string agency) =>
        Coded($"The token's \"{claim}\" claim names agency {agency}, which is not in the catalogue's agencies registry.", AgencyUnknown);

    public static GraphQLError WrongDivision(string claim, string claimed, CatalogueAgency agency) =>
        Coded(
            $"The token's \"{claim}\" claim says division {claimed}, but agency {agency.Code} is of division {agency.Division} in the agencies registry; " +
            "a token need not name the division at all.",
            DivisionMismatch);

    public static GraphQLError RoleNotHeld(string claim, string role, string agency, string why) =>
        Coded($"The token's \"{claim}\" claim gives agency {agency} the role {role}, which {why}.", RoleNotAllowed);

    public static GraphQLError ExpiredToken(DateTime expiredAt) =>
        Coded($"The token expired at {expiredAt:yyyy-MM-dd'T'HH:mm:ss'Z'}; get a new one.", TokenExpired);

    /// <param name="what">What is wrong, as a clause: <c>The Federation-Purpose header "X" is not a purpose</c>.</param>
    public static GraphQLError InvalidPurpose(string what) =>
        Coded($"{what}: declare one of {string.Join(", ", Purposes.All.Select(p => p.WireName()))}.", PurposeInvalid);

    public static GraphQLError ConflictingDeclarations(string first, string firstValue, string second, string secondValue) =>
        Coded($"{first} says \"{Clip(firstValue)}\" but {second} says \"{Clip(secondValue)}\": declare one, or the same in both.", PurposeConflict);

    public static GraphQLError InvalidMatter(string source, string? stated) =>
        Coded(
            $"{source} {(stated is null ? "must be a string" : $"\"{Clip(stated)}\" is not a matter reference")}: use at most {PurposeDeclaration.MaxMatterLength} visible ASCII characters (e.g. 330200-XK-0001).",
            MatterInvalid);

    /// <summary>Values the client sent come back in messages, but never more than a line of them.</summary>
    internal static string Clip(string value) => value.Length <= 64 ? value : string.Concat(value.AsSpan(0, 64), "…");

    private static GraphQLError Coded(string message, string code) =>
        new(message, extensions: new Dictionary<string, object?> { ["code"] = code });
}

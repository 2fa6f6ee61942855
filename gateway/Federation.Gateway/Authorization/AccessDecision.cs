namespace Federation.Gateway.Authorization;

/// <summary>What <see cref="AccessPolicy"/> decided for one resource and one request.</summary>
internal sealed class AccessDecision
{
    private AccessDecision(bool isAllowed, bool isDivisionScoped, string? code)
    {
        IsAllowed = isAllowed;
        IsDivisionScoped = isDivisionScoped;
        Code = code;
    }

    /// <summary>Every row may be read.</summary>
    public static AccessDecision Allowed { get; } = new(true, false, null);

    /// <summary>Only the rows within the caller's administrative division may be read; the others are nulled with OUTSIDE_JURISDICTION.</summary>
    public static AccessDecision WithinDivision { get; } = new(true, true, null);

    public static AccessDecision PurposeRequired { get; } = new(false, false, AuthorizationErrorCodes.PurposeRequired);

    public static AccessDecision AgencyNotPermitted { get; } = new(false, false, AuthorizationErrorCodes.AgencyNotPermitted);

    public static AccessDecision PurposeNotPermitted { get; } = new(false, false, AuthorizationErrorCodes.PurposeNotPermitted);

    public static AccessDecision ShareGrantRequired { get; } = new(false, false, AuthorizationErrorCodes.ShareGrantRequired);

    public bool IsAllowed { get; }

    public bool IsDivisionScoped { get; }

    /// <summary>The denial's code (<see cref="AuthorizationErrorCodes"/>); null when allowed.</summary>
    public string? Code { get; }

    public override string ToString() => Code ?? (IsDivisionScoped ? "ALLOWED_WITHIN_DIVISION" : "ALLOWED");
}

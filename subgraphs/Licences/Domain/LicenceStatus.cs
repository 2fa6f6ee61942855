namespace Federation.Subgraphs.Licences.Domain;

/// <summary>The status of a licence (the GraphQL enum <c>LicenceStatus</c>).</summary>
internal enum LicenceStatus
{
    Valid,
    Expired,
    Suspended,
    Revoked,
    Cancelled,
}

internal static class LicenceStatuses
{
    private static readonly string[] Names = ["VALID", "EXPIRED", "SUSPENDED", "REVOKED", "CANCELLED"];

    public static string Name(LicenceStatus status) => Names[(int)status];

    public static bool TryParse(string? name, out LicenceStatus status)
    {
        var index = Array.IndexOf(Names, name);
        status = (LicenceStatus)Math.Max(index, 0);
        return index >= 0;
    }

    public static LicenceStatus Parse(string name) =>
        TryParse(name, out var status) ? status : throw new ArgumentOutOfRangeException(nameof(name), name, "Not a licence status.");

    /// <summary>
    /// The status that follows from the dates alone: expired after the last valid day. Decisions
    /// (suspension, revocation, cancellation) are not dates and are kept as they are.
    /// </summary>
    public static LicenceStatus FollowingDates(LicenceStatus status, DateOnly? validUntil, DateOnly today) => status switch
    {
        LicenceStatus.Valid when validUntil < today => LicenceStatus.Expired,
        LicenceStatus.Expired when validUntil is null || validUntil >= today => LicenceStatus.Valid,
        _ => status,
    };
}

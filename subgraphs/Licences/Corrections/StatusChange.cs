using Federation.Subgraphs.Licences.Domain;

namespace Federation.Subgraphs.Licences.Corrections;

/// <summary>
/// A change of a licence's status by its issuer (<c>ChangeLicenceStatusInput</c>). The
/// transitions an issuer may make:
/// <list type="bullet">
/// <item>VALID → SUSPENDED, REVOKED, CANCELLED;</item>
/// <item>SUSPENDED → VALID (reinstated, only while within its validity period), REVOKED, CANCELLED;</item>
/// <item>EXPIRED → CANCELLED (注销 of an expired licence);</item>
/// <item>REVOKED and CANCELLED are final: a revoked or cancelled licence is never reinstated, a new one is issued instead.</item>
/// </list>
/// EXPIRED is never set by hand: it follows from the last valid day (correct <c>validUntil</c> instead).
/// </summary>
internal sealed record StatusChange(string Number, LicenceStatus Status, string Reason)
{
    public static StatusChange FromInput(IReadOnlyDictionary<string, object?> input) => new(
        (string)input["number"]!,
        LicenceStatuses.Parse((string)input["status"]!),
        Reasons.Check((string)input["reason"]!));

    public LicenceChange ApplyTo(Licence current, ChangeContext context)
    {
        if (Why(current, context.Today) is { } refusal)
        {
            throw LicenceErrorCodes.StatusTransition(current.Number, LicenceStatuses.Name(current.Status), LicenceStatuses.Name(Status), refusal);
        }

        // Sealing anew draws a new salt, and the salt is among the items (sealSalt).
        var next = context.Sealer.Reseal(current with { Status = Status, UpdatedAt = context.Now }, context.Now);
        return new LicenceChange(next, ["status", "items", "seal", "updatedAt"]);
    }

    /// <summary>Why the transition is refused, or null when it is allowed.</summary>
    private string? Why(Licence current, DateOnly today) => (current.Status, Status) switch
    {
        var (from, to) when from == to => $"it is {LicenceStatuses.Name(from)} already.",
        (_, LicenceStatus.Expired) => "EXPIRED follows from the last valid day; correct validUntil instead.",
        (LicenceStatus.Revoked, _) => "a revoked licence stays revoked; issue a new licence instead.",
        (LicenceStatus.Cancelled, _) => "a cancelled licence stays cancelled; issue a new licence instead.",
        (LicenceStatus.Expired, not LicenceStatus.Cancelled) => "an expired licence can only be cancelled; correct validUntil if it was extended.",
        (LicenceStatus.Suspended, LicenceStatus.Valid) when current.ValidUntil < today =>
            $"its last valid day {current.ValidUntil:yyyy-MM-dd} has passed, so it cannot be reinstated.",
        _ => null,
    };
}

using Federation.Subgraphs.Licences.Domain;

namespace Federation.Subgraphs.Licences.Corrections;

/// <summary>A licence after a correction and the GraphQL names of the fields that changed (none: nothing was applied).</summary>
internal sealed record LicenceChange(Licence Licence, IReadOnlyList<string> ChangedFields)
{
    public bool Changed => ChangedFields.Count > 0;
}

/// <summary>
/// When a change happens and how the issuer seals it: the day (in China Standard Time, where the
/// licences run) against which validity is judged, the instant recorded, and the sealer.
/// </summary>
internal sealed record ChangeContext(DateOnly Today, DateTimeOffset Now, Seals.Sealer Sealer)
{
    private static readonly TimeSpan ChinaStandardTime = TimeSpan.FromHours(8);

    public static ChangeContext At(TimeProvider clock, Seals.Sealer sealer)
    {
        var now = clock.GetUtcNow();
        return new ChangeContext(DateOnly.FromDateTime(now.ToOffset(ChinaStandardTime).DateTime), now, sealer);
    }
}

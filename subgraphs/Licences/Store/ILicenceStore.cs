using Federation.Subgraphs.Hosting.Paging;
using Federation.Subgraphs.Licences.Corrections;
using Federation.Subgraphs.Licences.Domain;

namespace Federation.Subgraphs.Licences.Store;

/// <summary>
/// The licence library's storage. Every method is one round trip to the database, whatever the
/// number of keys; lists are newest issue first (issuedOn descending, then number), paged by keyset.
/// </summary>
internal interface ILicenceStore
{
    /// <summary>The licences with these numbers that exist, by number.</summary>
    ValueTask<IReadOnlyDictionary<string, Licence>> FindAsync(IReadOnlyList<string> numbers, CancellationToken cancellationToken);

    ValueTask<Page<Licence>> ListAsync(LicenceFilter filter, PageRequest page, CancellationToken cancellationToken);

    /// <summary>One page of each holder's licences (of one kind), for a whole batch of holders at once.</summary>
    ValueTask<IReadOnlyDictionary<string, Page<Licence>>> ListByHoldersAsync(
        HolderKind kind, IReadOnlyList<string> holderKeys, LicenceFilter filter, PageRequest page, CancellationToken cancellationToken);

    /// <summary>
    /// Applies <paramref name="change"/> to the licence atomically: reads it, computes the change,
    /// stores it and publishes its change event, or changes nothing when <paramref name="change"/>
    /// throws or changes no field. Throws NOT_FOUND when there is no such licence.
    /// </summary>
    ValueTask<LicenceChange> ChangeAsync(string number, Func<Licence, LicenceChange> change, string reason, CancellationToken cancellationToken);

    /// <summary>Whether the library holds no licence (seeding and readiness; cheap at any size).</summary>
    ValueTask<bool> IsEmptyAsync(CancellationToken cancellationToken);
}

/// <summary>Conditions on licences, all of which must hold (GraphQL <c>LicenceFilter</c>).</summary>
internal sealed record LicenceFilter
{
    public static readonly LicenceFilter All = new();

    public IReadOnlyList<string>? TypeCodes { get; init; }

    public IReadOnlyList<LicenceStatus>? Statuses { get; init; }

    public string? HolderIdNumber { get; init; }

    public string? HolderCreditCode { get; init; }

    public string? IssuingAgency { get; init; }

    public DateOnly? IssuedOnOrAfter { get; init; }

    public DateOnly? IssuedOnOrBefore { get; init; }

    /// <summary>Within the validity period on the day and not suspended, revoked or cancelled (<see cref="Licence.IsValidOn"/>).</summary>
    public DateOnly? ValidOn { get; init; }

    public DateTimeOffset? UpdatedSince { get; init; }

    /// <summary>Types whose licences the caller may not know of (<see cref="LicenceVisibility"/>): never matched, counted or paged.</summary>
    public IReadOnlyList<string>? WithheldTypeCodes { get; init; }

    public bool Matches(Licence licence) =>
        (TypeCodes is null || TypeCodes.Contains(licence.Type.Code))
        && (WithheldTypeCodes is null || !WithheldTypeCodes.Contains(licence.Type.Code))
        && (Statuses is null || Statuses.Contains(licence.Status))
        && (HolderIdNumber is null || licence.Holder == LicenceHolder.Person(HolderIdNumber))
        && (HolderCreditCode is null || licence.Holder == LicenceHolder.LegalPerson(HolderCreditCode))
        && (IssuingAgency is null || licence.IssuingAgencyCode == IssuingAgency)
        && (IssuedOnOrAfter is null || licence.IssuedOn >= IssuedOnOrAfter)
        && (IssuedOnOrBefore is null || licence.IssuedOn <= IssuedOnOrBefore)
        && (ValidOn is not { } day || licence.IsValidOn(day))
        && (UpdatedSince is null || licence.UpdatedAt >= UpdatedSince);
}

/// <summary>
/// The order of licence lists, newest issue first: issuedOn descending, then number ascending —
/// a total order, so keyset pages neither skip nor repeat. Cursors carry both parts.
/// </summary>
internal readonly record struct LicenceOrder(DateOnly IssuedOn, string Number) : IComparable<LicenceOrder>
{
    public static LicenceOrder Of(Licence licence) => new(licence.IssuedOn, licence.Number);

    public static string[] SortKey(Licence licence) => [Hosting.Scalars.FullDate.Format(licence.IssuedOn), licence.Number];

    /// <summary>The position after which <paramref name="page"/> continues, or null for the first page; INVALID_CURSOR when the cursor's date is not one.</summary>
    public static LicenceOrder? After(PageRequest page)
    {
        if (page.After is not { } after)
        {
            return null;
        }

        if (!Hosting.Scalars.FullDate.TryParse(after[0], out var issuedOn, out _))
        {
            throw PagingErrorCodes.CursorNotRecognised();
        }

        return new LicenceOrder(issuedOn, after[1]);
    }

    public int CompareTo(LicenceOrder other)
    {
        var byDate = other.IssuedOn.CompareTo(IssuedOn);
        return byDate != 0 ? byDate : string.CompareOrdinal(Number, other.Number);
    }
}

using Federation.Subgraphs.Hosting.Changes;

namespace Federation.Subgraphs.LegalPersons.Domain;

/// <summary>An input field that was either given (possibly as null) or left out.</summary>
internal readonly record struct Given<T>(bool IsGiven, T Value)
{
    public static implicit operator Given<T>(T value) => new(true, value);
}

/// <summary>
/// A correction of a legal person's record (Guangzhou art. 22): only the given fields change.
/// Each field was checked on its own when read; <see cref="Apply"/> checks the rules between fields
/// against the record as it would be after the change.
/// </summary>
internal sealed record LegalPersonCorrection(string CreditCode, string Reason, string? ObjectionId)
{
    public Given<string> Name { get; init; }

    public Given<LegalPersonKind> Kind { get; init; }

    public Given<LegalPersonStatus> Status { get; init; }

    public Given<string?> LegalRepresentative { get; init; }

    public Given<Money?> RegisteredCapital { get; init; }

    public Given<DateOnly> EstablishedOn { get; init; }

    public Given<DateOnly?> OperatingFrom { get; init; }

    public Given<DateOnly?> OperatingUntil { get; init; }

    public Given<string> Address { get; init; }

    public Given<string?> StandardAddressId { get; init; }

    public Given<string> Division { get; init; }

    public Given<string?> IndustryCode { get; init; }

    public Given<string?> BusinessScope { get; init; }

    public Given<DateOnly?> TerminatedOn { get; init; }

    /// <summary>
    /// The record after the correction and the names of the GraphQL fields that changed; the record
    /// unchanged (same instance) when nothing did. A new name keeps the old one among the former names.
    /// </summary>
    /// <exception cref="Federation.GraphQL.GraphQLException">INVALID_INPUT: the corrected record breaks a rule between fields.</exception>
    public Correction Apply(LegalPerson current, DateTimeOffset now)
    {
        var changed = new List<string>();
        var next = current;
        if (Name.IsGiven && Name.Value != current.Name)
        {
            next = next with { Name = Name.Value, FormerNames = current.FormerNames.Contains(current.Name) ? current.FormerNames : [.. current.FormerNames, current.Name] };
            changed.Add("name");
            if (!ReferenceEquals(next.FormerNames, current.FormerNames))
            {
                changed.Add("formerNames");
            }
        }

        next = Set(next, changed, "kind", Kind, current.Kind, (r, v) => r with { Kind = v });
        next = Set(next, changed, "status", Status, current.Status, (r, v) => r with { Status = v });
        next = Set(next, changed, "legalRepresentative", LegalRepresentative, current.RepresentativeIdNumber, (r, v) => r with { RepresentativeIdNumber = v });
        next = Set(next, changed, "registeredCapital", RegisteredCapital, current.RegisteredCapital, (r, v) => r with { RegisteredCapital = v });
        next = Set(next, changed, "establishedOn", EstablishedOn, current.EstablishedOn, (r, v) => r with { EstablishedOn = v });
        var periodBefore = changed.Count;
        next = Set(next, changed, "operatingPeriod", OperatingFrom, current.OperatingFrom, (r, v) => r with { OperatingFrom = v });
        if (changed.Count == periodBefore)
        {
            next = Set(next, changed, "operatingPeriod", OperatingUntil, current.OperatingUntil, (r, v) => r with { OperatingUntil = v });
        }
        else if (OperatingUntil.IsGiven)
        {
            next = next with { OperatingUntil = OperatingUntil.Value };
        }

        next = Set(next, changed, "address", Address, current.Address, (r, v) => r with { Address = v });
        next = Set(next, changed, "standardAddress", StandardAddressId, current.StandardAddressId, (r, v) => r with { StandardAddressId = v });
        next = Set(next, changed, "division", Division, current.DivisionCode, (r, v) => r with { DivisionCode = v });
        next = Set(next, changed, "industry", IndustryCode, current.IndustryCode, (r, v) => r with { IndustryCode = v });
        next = Set(next, changed, "businessScope", BusinessScope, current.BusinessScope, (r, v) => r with { BusinessScope = v });
        next = Set(next, changed, "terminatedOn", TerminatedOn, current.TerminatedOn, (r, v) => r with { TerminatedOn = v });

        if (changed.Count == 0)
        {
            return new Correction(current, []);
        }

        CheckBetweenFields(next);
        changed.Add("updatedAt");
        return new Correction(next with { UpdatedAt = now }, changed);
    }

    public ChangeEvent Event(Correction correction, DateTimeOffset now) =>
        LegalPersonChange.Event(CreditCode, correction, Reason, ObjectionId, now);

    private static LegalPerson Set<T>(LegalPerson record, List<string> changed, string field, Given<T> given, T current, Func<LegalPerson, T, LegalPerson> with)
    {
        if (!given.IsGiven || EqualityComparer<T>.Default.Equals(given.Value, current))
        {
            return record;
        }

        changed.Add(field);
        return with(record, given.Value);
    }

    private static void CheckBetweenFields(LegalPerson record)
    {
        if (record.OperatingUntil is { } until)
        {
            if (record.OperatingFrom is not { } from)
            {
                throw LegalPersonErrorCodes.Invalid("input.operatingUntil", "an operating period needs its first day (operatingFrom) before its last");
            }

            if (until < from)
            {
                throw LegalPersonErrorCodes.Invalid("input.operatingUntil", $"the operating period ends ({until:yyyy-MM-dd}) before it begins ({from:yyyy-MM-dd})");
            }
        }

        if (record.OperatingFrom is { } start && start < record.EstablishedOn)
        {
            throw LegalPersonErrorCodes.Invalid("input.operatingFrom", $"the operating period begins ({start:yyyy-MM-dd}) before the legal person was established ({record.EstablishedOn:yyyy-MM-dd})");
        }

        if (record.TerminatedOn is { } terminated && terminated < record.EstablishedOn)
        {
            throw LegalPersonErrorCodes.Invalid("input.terminatedOn", $"the legal person cannot end ({terminated:yyyy-MM-dd}) before it was established ({record.EstablishedOn:yyyy-MM-dd})");
        }
    }
}

/// <summary>The complete new list of a legal person's shareholders, each stake already checked.</summary>
internal sealed record ShareholdersCorrection(string CreditCode, string Reason, string? ObjectionId, IReadOnlyList<Shareholding> Shareholders)
{
    /// <summary>The record with its new update time when the list differs; changed fields <c>shareholders</c> and <c>updatedAt</c>.</summary>
    public Correction Apply(LegalPerson current, IReadOnlyList<Shareholding> before, DateTimeOffset now) =>
        before.SequenceEqual(Shareholders)
            ? new Correction(current, [])
            : new Correction(current with { UpdatedAt = now }, ["shareholders", "updatedAt"]);

    public ChangeEvent Event(Correction correction, DateTimeOffset now) =>
        LegalPersonChange.Event(CreditCode, correction, Reason, ObjectionId, now);
}

/// <summary>The result of a correction: GraphQL's <c>CorrectLegalPersonPayload</c>.</summary>
internal sealed record Correction(LegalPerson LegalPerson, IReadOnlyList<string> ChangedFields)
{
    public bool Changed => ChangedFields.Count > 0;
}

/// <summary>The change event a correction publishes for the gateway's cache.</summary>
internal static class LegalPersonChange
{
    public const string Subgraph = "legal-persons";
    public const string Type = "LegalPerson";

    /// <summary>
    /// The instant a correction is recorded, to the millisecond: what <c>DateTime</c> answers, so the
    /// <c>updatedAt</c> a client reads back, given as <c>updatedSince</c>, finds the record in either store.
    /// </summary>
    public static DateTimeOffset Now(TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMillisecond));
    }

    public static ChangeEvent Event(string creditCode, Correction correction, string reason, string? objectionId, DateTimeOffset now) =>
        new(Subgraph, Type, creditCode, correction.ChangedFields, objectionId is null ? reason : $"{reason} (objection {objectionId})", now);
}

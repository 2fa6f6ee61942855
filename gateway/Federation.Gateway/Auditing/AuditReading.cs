using System.Globalization;
using Federation.Gateway.Audit;
using Federation.Gateway.Audit.Subjects;
using Federation.Gateway.Audit.Verification;
using Federation.Gateway.Authentication;
using Federation.Gateway.Catalogue;

namespace Federation.Gateway.Auditing;

/// <summary>Who reads the trail: the signed-in caller (null without a token), and where from, for the record of the read.</summary>
internal sealed record AuditReader(Caller? Caller, string? ClientAddress = null, string? RequestId = null);

/// <summary>A page of records, newest first, each with the cursor that continues after it.</summary>
internal sealed record AuditRecordPage(IReadOnlyList<(ChainedRecord Record, string Cursor)> Edges, bool HasNextPage);

/// <summary>A page of a data subject's accesses and every agency that read it in the period.</summary>
internal sealed record SubjectHistoryPage(string SubjectHash, IReadOnlyList<(SubjectAccess Access, string Cursor)> Edges, bool HasNextPage, IReadOnlyList<SubjectReader> Agencies);

/// <summary>
/// The auditor's reading of the trail, for the GraphQL fields and the evaluation downloads alike:
/// only a caller with the <see cref="PlatformRoles.Auditor"/> role reads; anyone else gets
/// <c>FORBIDDEN</c> and the attempt is recorded (<see cref="AuditKind.AuditRead"/>,
/// <see cref="Refused"/>). Each read is checked (coded errors, never a fault), made, then recorded with
/// its event and its filter — a subject only as its hash — before anything is released; a read that
/// cannot be recorded releases nothing (<c>AUDIT_UNAVAILABLE</c>). Auditors are audited.
/// </summary>
internal sealed class AuditReading(
    IAuditReader reader,
    IAuditTrail trail,
    SubjectHash subjects,
    AuditCursors cursors,
    CurrentCatalogue catalogue,
    AuditReadingOptions options,
    TimeProvider time,
    IAuditChainCheck? chain = null)
{
    public const string Refused = "AUDIT_READ_REFUSED";
    public const string RecordsRead = "AUDIT_RECORDS_READ";
    public const string SubjectHistoryRead = "AUDIT_SUBJECT_HISTORY_READ";
    public const string UsageRead = "AUDIT_USAGE_READ";
    public const string DenialsRead = "AUDIT_DENIALS_READ";
    public const string ChainRead = "AUDIT_CHAIN_VERIFIED";
    public const string EvaluationRead = "AUDIT_EVALUATION_READ";

    /// <summary>The longest text a filter's string may be.</summary>
    public const int MaximumText = 128;

    /// <summary>The longest identifier of a data subject searched for.</summary>
    public const int MaximumIdentifier = 64;

    public AuditReadingOptions Options => options;

    public AuditDays Days => new(options.DayOffset);

    public ShareCatalogue Catalogue => catalogue.Catalogue;

    public async Task<AuditRecordPage> RecordsAsync(AuditReader who, AuditFilter filter, int first, string? after, CancellationToken cancellationToken)
    {
        await AdmitAsync(who, RecordsRead, cancellationToken).ConfigureAwait(false);
        Check(filter);
        CheckFirst(first);
        var position = after is null ? (AuditPosition?)null : cursors.Decode(after, filter);
        var found = await reader.PageAsync(filter, position, first + 1, cancellationToken).ConfigureAwait(false);
        var edges = found.Take(first).Select(r => (r, cursors.Encode(AuditPosition.Of(r), filter))).ToList();
        await RecordAsync(who, RecordsRead, Detail(filter.Describe(), ("first", first.ToString(CultureInfo.InvariantCulture)), ("after", after is null ? null : "given")), cancellationToken).ConfigureAwait(false);
        return new AuditRecordPage(edges, found.Count > first);
    }

    /// <summary>The accesses to the data of the subject <paramref name="identifier"/> names (any spelling <see cref="SubjectHash.Normalize"/> makes one).</summary>
    public async Task<SubjectHistoryPage> SubjectHistoryAsync(
        AuditReader who, string identifier, DateTimeOffset? from, DateTimeOffset? until, int first, string? after, CancellationToken cancellationToken)
    {
        await AdmitAsync(who, SubjectHistoryRead, cancellationToken).ConfigureAwait(false);
        var hash = SubjectHashOf(identifier);
        var filter = new AuditFilter { Subject = hash, Kind = AuditKind.Access, From = from, Until = until };
        Check(filter);
        CheckFirst(first);
        var position = after is null ? (AuditPosition?)null : cursors.Decode(after, filter);
        var found = await reader.PageAsync(filter, position, first + 1, cancellationToken).ConfigureAwait(false);
        var edges = found.Take(first).Select(r => (SubjectAccess.Of(r, hash), cursors.Encode(AuditPosition.Of(r), filter))).ToList();
        var agencies = await SubjectReader.OfAsync(reader.ScanAsync(filter, cancellationToken), hash, cancellationToken).ConfigureAwait(false);
        await RecordAsync(who, SubjectHistoryRead, Detail(filter.Describe(), ("first", first.ToString(CultureInfo.InvariantCulture))), cancellationToken).ConfigureAwait(false);
        return new SubjectHistoryPage(hash, edges, found.Count > first, agencies);
    }

    public async Task<IReadOnlyList<UsageRow>> UsageAsync(AuditReader who, DateOnly from, DateOnly until, string? agency, CancellationToken cancellationToken)
    {
        await AdmitAsync(who, UsageRead, cancellationToken).ConfigureAwait(false);
        CheckPeriod(from, until);
        CheckText("agency", agency);
        var filter = new AuditFilter { Agency = agency, Kind = AuditKind.Access, From = Days.StartOf(from), Until = Days.StartOf(until) };
        var rows = await UsageStatistics.ComputeAsync(reader.ScanAsync(filter, cancellationToken), Days, cancellationToken).ConfigureAwait(false);
        await RecordAsync(who, UsageRead, Period(from, until, agency), cancellationToken).ConfigureAwait(false);
        return rows;
    }

    public async Task<IReadOnlyList<AgencyDenials>> DenialsAsync(AuditReader who, DateOnly from, DateOnly until, string? agency, CancellationToken cancellationToken)
    {
        await AdmitAsync(who, DenialsRead, cancellationToken).ConfigureAwait(false);
        CheckPeriod(from, until);
        CheckText("agency", agency);
        var filter = new AuditFilter { Agency = agency, Kind = AuditKind.Access, From = Days.StartOf(from.AddDays(-AuditReadingOptions.BaselineDays)), Until = Days.StartOf(until) };
        var report = await DenialReport.ComputeAsync(reader.ScanAsync(filter, cancellationToken), from, until, options.UnusualVolumeFactor, Days, cancellationToken).ConfigureAwait(false);
        await RecordAsync(who, DenialsRead, Period(from, until, agency), cancellationToken).ConfigureAwait(false);
        return report;
    }

    /// <summary>Verifies every instance's chain and the checkpoints, as the store's check does.</summary>
    public async Task<ChainVerification> ChainAsync(AuditReader who, CancellationToken cancellationToken)
    {
        await AdmitAsync(who, ChainRead, cancellationToken).ConfigureAwait(false);
        var check = chain ?? throw new AuditReadingException(AuditReadingErrorCodes.NoReader());
        var verification = await check.VerifyAsync(cancellationToken).ConfigureAwait(false);
        await RecordAsync(who, ChainRead, new Dictionary<string, string?>(StringComparer.Ordinal) { ["whole"] = verification.Whole ? "true" : "false" }, cancellationToken).ConfigureAwait(false);
        return verification;
    }

    /// <summary>
    /// The evaluation of <paramref name="year"/> (calendar year, China Standard Time), of every agency or of
    /// <paramref name="agency"/>, for <paramref name="format"/>: <c>graphql</c>, <c>json</c> or <c>csv</c> (recorded with the read).
    /// </summary>
    public async Task<IReadOnlyList<AgencyEvaluation>> EvaluationAsync(AuditReader who, int year, string? agency, string format, CancellationToken cancellationToken)
    {
        await AdmitAsync(who, EvaluationRead, cancellationToken).ConfigureAwait(false);
        if (year is < 2000 or > 9998)
        {
            throw new AuditReadingException(AuditReadingErrorCodes.BadPeriod($"year must be between 2000 and 9998, not {year}."));
        }

        CheckText("agency", agency);
        if (format is not ("graphql" or "json" or "csv"))
        {
            throw new AuditReadingException(AuditReadingErrorCodes.BadFormat(format));
        }

        var from = new DateOnly(year, 1, 1);
        var filter = new AuditFilter { Kind = AuditKind.Access, From = Days.StartOf(from), Until = Days.StartOf(from.AddYears(1)) };
        var evaluations = await AgencyEvaluations.ComputeAsync(reader.ScanAsync(filter, cancellationToken), catalogue.Catalogue, year, agency, cancellationToken).ConfigureAwait(false);
        await RecordAsync(who, EvaluationRead, Detail(new Dictionary<string, string?>(), ("year", year.ToString(CultureInfo.InvariantCulture)), ("agency", agency), ("format", format)), cancellationToken).ConfigureAwait(false);
        return evaluations;
    }

    /// <summary>The keyed hash of <paramref name="identifier"/>; <c>ARGUMENT_INVALID</c> for an identifier no subject has.</summary>
    public string SubjectHashOf(string identifier)
    {
        var normalized = SubjectHash.Normalize(identifier);
        if (normalized.Length is 0 or > MaximumIdentifier || normalized.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)))
        {
            throw new AuditReadingException(AuditReadingErrorCodes.BadArgument(
                "identifier", $"a data subject's identifier is 1 to {MaximumIdentifier} characters without spaces or control characters."));
        }

        return subjects.Of(normalized);
    }

    /// <summary>
    /// Lets an auditor through; anyone else's attempt at <paramref name="attempted"/> is recorded and refused
    /// with <c>FORBIDDEN</c>. Every read admits first; an entry point that reads arguments calls it before, so
    /// that anyone but an auditor learns nothing of what the arguments would have been told.
    /// </summary>
    public async Task AdmitAsync(AuditReader who, string attempted, CancellationToken cancellationToken)
    {
        if (who.Caller?.HasRole(PlatformRoles.Auditor) == true)
        {
            return;
        }

        try
        {
            await trail.AppendAsync(Entry(who, Refused, AuditOutcome.Refused, new Dictionary<string, string?>(StringComparer.Ordinal) { ["attempted"] = attempted }), cancellationToken).ConfigureAwait(false);
        }
        catch (AuditUnavailableException)
        {
            // The refusal releases nothing: it is refused whether or not its record could be made.
        }

        throw new AuditReadingException(AuditReadingErrorCodes.NotAnAuditor(PlatformRoles.Auditor));
    }

    private async Task RecordAsync(AuditReader who, string read, IReadOnlyDictionary<string, string?> detail, CancellationToken cancellationToken)
    {
        try
        {
            await trail.AppendAsync(Entry(who, read, AuditOutcome.Served, detail), cancellationToken).ConfigureAwait(false);
        }
        catch (AuditUnavailableException)
        {
            throw new AuditReadingException(AuditReadingErrorCodes.NotRecorded());
        }
    }

    private AuditEntry Entry(AuditReader who, string read, AuditOutcome outcome, IReadOnlyDictionary<string, string?> detail) => new()
    {
        At = time.GetUtcNow(),
        Kind = AuditKind.AuditRead,
        Event = read,
        Outcome = outcome,
        User = who.Caller?.User,
        Agency = who.Caller?.Agency,
        Division = who.Caller?.Division,
        ClientAddress = who.ClientAddress,
        RequestId = who.RequestId,
        Detail = detail,
    };

    private void Check(AuditFilter filter)
    {
        CheckText("agency", filter.Agency);
        CheckText("user", filter.User);
        CheckText("resource", filter.Resource);
        CheckText("purpose", filter.Purpose);
        CheckText("matter", filter.Matter);
        CheckText("event", filter.Event);
        if (filter.From is { } from && filter.Until is { } until && from >= until)
        {
            throw new AuditReadingException(AuditReadingErrorCodes.BadPeriod("from must be before until."));
        }
    }

    private void CheckFirst(int first)
    {
        if (first < 1 || first > options.MaximumPage)
        {
            throw new AuditReadingException(AuditReadingErrorCodes.BadFirst(first, options.MaximumPage));
        }
    }

    private void CheckPeriod(DateOnly from, DateOnly until)
    {
        if (from >= until || until.DayNumber - from.DayNumber > options.MaximumPeriodDays)
        {
            throw new AuditReadingException(AuditReadingErrorCodes.BadPeriod(
                $"the period runs from a day to a later one (exclusive), at most {options.MaximumPeriodDays} days; not {from:yyyy-MM-dd} to {until:yyyy-MM-dd}."));
        }
    }

    private static void CheckText(string argument, string? value)
    {
        if (value is not null && (value.Length is 0 or > MaximumText || value.Any(char.IsControl)))
        {
            throw new AuditReadingException(AuditReadingErrorCodes.BadArgument(argument, $"1 to {MaximumText} characters without control characters."));
        }
    }

    private static Dictionary<string, string?> Period(DateOnly from, DateOnly until, string? agency) =>
        Detail(new Dictionary<string, string?>(), ("from", from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("until", until.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("agency", agency));

    private static Dictionary<string, string?> Detail(IReadOnlyDictionary<string, string?> conditions, params (string Name, string? Value)[] more)
    {
        var detail = new Dictionary<string, string?>(conditions, StringComparer.Ordinal);
        foreach (var (name, value) in more)
        {
            if (value is not null)
            {
                detail[name] = value;
            }
        }

        return detail;
    }
}

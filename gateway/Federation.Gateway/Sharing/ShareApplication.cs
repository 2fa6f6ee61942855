using Federation.Gateway.Catalogue;

namespace Federation.Gateway.Sharing;

/// <summary>Where a share application stands; only a pending one can be decided or withdrawn.</summary>
internal enum ApplicationStatus
{
    Pending,
    Approved,
    Refused,
    Withdrawn,
}

/// <summary>
/// An agency's application to read a conditional resource (Kaifeng art. 15; Hebei art. 13-14;
/// Guangzhou art. 19): who asks, for which purposes and period, and why. The provider answers by
/// <see cref="DueDate"/> (10 working days, <see cref="WorkingDayCalendar"/>); an approval makes
/// the <see cref="Grant"/> named by <see cref="GrantId"/>, a refusal carries its reason.
/// </summary>
/// <param name="Agency">The applying agency (credit code).</param>
/// <param name="Applicant">The user who filed it.</param>
/// <param name="ValidFrom">Start of the requested period.</param>
/// <param name="ValidUntil">End of the requested period (exclusive).</param>
/// <param name="Matter">The administrative matter (事项编码) the data is for, when given.</param>
/// <param name="DueDate">The last day (China Standard Time) by which the provider is to answer.</param>
internal sealed record ShareApplication(
    Guid Id,
    string Agency,
    string Applicant,
    string ResourceId,
    IReadOnlyList<Purpose> Purposes,
    string Justification,
    DateTimeOffset ValidFrom,
    DateTimeOffset ValidUntil,
    string? Matter,
    DateTimeOffset SubmittedAt,
    DateOnly DueDate,
    ApplicationStatus Status,
    DateTimeOffset? DecidedAt = null,
    string? DecidedBy = null,
    string? RefusalReason = null,
    Guid? GrantId = null);

/// <summary>The status as written on the wire and in the store.</summary>
internal static class ApplicationStatuses
{
    public static string WireName(this ApplicationStatus status) => status switch
    {
        ApplicationStatus.Pending => "PENDING",
        ApplicationStatus.Approved => "APPROVED",
        ApplicationStatus.Refused => "REFUSED",
        ApplicationStatus.Withdrawn => "WITHDRAWN",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static ApplicationStatus Parse(string text) => text switch
    {
        "PENDING" => ApplicationStatus.Pending,
        "APPROVED" => ApplicationStatus.Approved,
        "REFUSED" => ApplicationStatus.Refused,
        "WITHDRAWN" => ApplicationStatus.Withdrawn,
        _ => throw new FormatException($"\"{text}\" is not a share application status."),
    };
}

/// <summary>A pending application past its due date, as the competent department lists it.</summary>
/// <param name="DaysOverdue">Calendar days since the due date (1 on the day after it).</param>
internal sealed record OverdueApplication(ShareApplication Application, int DaysOverdue);

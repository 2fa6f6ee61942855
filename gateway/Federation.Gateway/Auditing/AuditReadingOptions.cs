using Federation.Gateway.Audit;

namespace Federation.Gateway.Auditing;

/// <summary>The reading API's settings, from the <c>Audit</c> section.</summary>
internal sealed class AuditReadingOptions
{
    /// <summary>
    /// An agency is flagged on a day when it read more distinct subjects — or had more fields denied — than
    /// this many times its daily median over the 30 days before (<c>Audit:UnusualVolumeFactor</c>).
    /// </summary>
    public double UnusualVolumeFactor { get; set; } = 10;

    /// <summary>The most records one page holds (<c>first</c>).</summary>
    public int MaximumPage { get; set; } = 500;

    /// <summary>The longest period statistics and denials are computed over, in days.</summary>
    public int MaximumPeriodDays { get; set; } = 366;

    /// <summary>
    /// The offset of the days statistics count by: China Standard Time, the offset the platform's
    /// working days and due dates use.
    /// </summary>
    public TimeSpan DayOffset { get; set; } = TimeSpan.FromHours(8);

    /// <summary>The days the unusual-volume rule's median is taken over.</summary>
    public const int BaselineDays = 30;
}

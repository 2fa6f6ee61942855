using Federation.Gateway.Audit;

namespace Federation.Gateway.Auditing;

/// <summary>Days as the statistics count them: calendar days at a fixed offset (China Standard Time by default).</summary>
internal readonly record struct AuditDays(TimeSpan Offset)
{
    public DateOnly DayOf(DateTimeOffset at) => DateOnly.FromDateTime(at.ToOffset(Offset).DateTime);

    public DateTimeOffset StartOf(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), Offset);
}

using System.Globalization;

namespace Federation.Gateway.Sharing;

/// <summary>
/// Working days in China: Monday to Friday, except the public holidays, plus the weekend days
/// that are made working days (调休) around them. The State Council publishes both lists each
/// year, so they are configuration (<see cref="CalendarOptions"/>), never guessed in code.
/// Dates are read in China Standard Time (UTC+8, no daylight saving) unless configured otherwise.
/// </summary>
internal sealed class WorkingDayCalendar
{
    private readonly HashSet<DateOnly> holidays;
    private readonly HashSet<DateOnly> makeUpWorkingDays;

    public WorkingDayCalendar(IEnumerable<DateOnly> holidays, IEnumerable<DateOnly> makeUpWorkingDays, TimeSpan utcOffset)
    {
        this.holidays = [.. holidays];
        this.makeUpWorkingDays = [.. makeUpWorkingDays];
        UtcOffset = utcOffset;
        var both = this.holidays.Intersect(this.makeUpWorkingDays).Order().ToList();
        if (both.Count > 0)
        {
            throw new ArgumentException($"{both[0]:yyyy-MM-dd} is listed both as a holiday and as a make-up working day.");
        }
    }

    /// <summary>The offset of the local time in which dates are counted.</summary>
    public TimeSpan UtcOffset { get; }

    /// <exception cref="FormatException">A date is not <c>yyyy-MM-dd</c> or the offset is not <c>±hh:mm</c>.</exception>
    public static WorkingDayCalendar From(CalendarOptions options) => new(
        options.Holidays.Select(d => ParseDate(d, "Holidays")),
        options.MakeUpWorkingDays.Select(d => ParseDate(d, "MakeUpWorkingDays")),
        ParseOffset(options.UtcOffset));

    public bool IsWorkingDay(DateOnly date) =>
        makeUpWorkingDays.Contains(date) || (date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !holidays.Contains(date));

    /// <summary>The local date of an instant.</summary>
    public DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(UtcOffset).DateTime);

    /// <summary>
    /// The <paramref name="days"/>-th working day after <paramref name="date"/>; <paramref name="date"/>
    /// itself never counts, whether or not it is a working day.
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly date, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        while (days > 0)
        {
            date = date.AddDays(1);
            if (IsWorkingDay(date))
            {
                days--;
            }
        }

        return date;
    }

    /// <summary>
    /// The due date of an answer that is due <paramref name="workingDays"/> working days after
    /// <paramref name="submittedAt"/>. The rule: the day of submission never counts — submitted on
    /// a working day at 09:00 or at 23:59, on a Saturday or on a holiday, day one is the next
    /// working day — and the answer is due by the end of the last day (local time).
    /// </summary>
    public DateOnly DueDate(DateTimeOffset submittedAt, int workingDays) => AddWorkingDays(DateOf(submittedAt), workingDays);

    private static DateOnly ParseDate(string text, string list) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new FormatException($"Sharing:Calendar:{list} holds \"{text}\", which is not a date (yyyy-MM-dd).");

    private static TimeSpan ParseOffset(string text)
    {
        var sign = text.StartsWith('-') ? -1 : 1;
        return TimeSpan.TryParseExact(text.TrimStart('+', '-'), @"hh\:mm", CultureInfo.InvariantCulture, out var offset)
            ? sign * offset
            : throw new FormatException($"Sharing:Calendar:UtcOffset is \"{text}\", which is not an offset (+08:00).");
    }
}

/// <summary>The <c>Sharing:Calendar</c> section.</summary>
public sealed class CalendarOptions
{
    /// <summary>Public holidays, <c>yyyy-MM-dd</c>, as the State Council's yearly notice lists them.</summary>
    public List<string> Holidays { get; set; } = [];

    /// <summary>Weekend days that are working days (调休), <c>yyyy-MM-dd</c>.</summary>
    public List<string> MakeUpWorkingDays { get; set; } = [];

    /// <summary>The local time in which days are counted; China Standard Time by default.</summary>
    public string UtcOffset { get; set; } = "+08:00";
}

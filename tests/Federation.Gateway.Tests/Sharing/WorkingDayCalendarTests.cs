using Federation.Gateway.Sharing;

namespace Federation.Gateway.Tests.Sharing;

/// <summary>
/// Working-day arithmetic on a calendar of the tests' own: the holidays and make-up working days
/// below are made up for the tests, not an official year.
/// </summary>
public sealed class WorkingDayCalendarTests
{
    private static readonly TimeSpan ChinaStandardTime = TimeSpan.FromHours(8);

    // 2026-01-05 is a Monday. Made-up holidays: Wed 2026-01-14 and Thu 2026-01-15; made-up
    // make-up working day: Sun 2026-01-18.
    private static readonly WorkingDayCalendar Calendar = new(
        [new DateOnly(2026, 1, 14), new DateOnly(2026, 1, 15)],
        [new DateOnly(2026, 1, 18)],
        ChinaStandardTime);

    private static readonly WorkingDayCalendar Plain = new([], [], ChinaStandardTime);

    [Theory]
    [InlineData("2026-01-05", true)]  // Monday
    [InlineData("2026-01-09", true)]  // Friday
    [InlineData("2026-01-10", false)] // Saturday
    [InlineData("2026-01-11", false)] // Sunday
    [InlineData("2026-01-14", false)] // a holiday on a Wednesday
    [InlineData("2026-01-18", true)]  // a make-up working day on a Sunday
    public void Weekends_and_holidays_are_not_working_days_and_make_up_days_are(string date, bool working) =>
        Assert.Equal(working, Calendar.IsWorkingDay(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("2026-01-05T10:00:00+08:00", "2026-01-19")] // Monday morning: two full weeks
    [InlineData("2026-01-05T23:59:00+08:00", "2026-01-19")] // late evening: the day of submission still does not count
    [InlineData("2026-01-09T17:30:00+08:00", "2026-01-23")] // Friday
    [InlineData("2026-01-10T09:00:00+08:00", "2026-01-23")] // Saturday: day one is Monday
    [InlineData("2026-01-11T09:00:00+08:00", "2026-01-23")] // Sunday
    public void The_due_date_is_ten_working_days_after_the_day_of_submission(string submitted, string due) =>
        Assert.Equal(Date(due), Plain.DueDate(DateTimeOffset.Parse(submitted, System.Globalization.CultureInfo.InvariantCulture), 10));

    [Fact]
    public void Holidays_push_the_due_date_and_make_up_days_pull_it_back()
    {
        // Mon 5th: 6,7,8,9 (4), 12,13 (6), 14,15 holidays, 16 (7), Sun 18 make-up (8), 19 (9), 20 (10).
        Assert.Equal(Date("2026-01-20"), Calendar.DueDate(Instant("2026-01-05T10:00:00+08:00"), 10));
        var holidaysOnly = new WorkingDayCalendar([new DateOnly(2026, 1, 14), new DateOnly(2026, 1, 15)], [], ChinaStandardTime);
        Assert.Equal(Date("2026-01-21"), holidaysOnly.DueDate(Instant("2026-01-05T10:00:00+08:00"), 10));
    }

    [Fact]
    public void Submission_on_a_holiday_counts_from_the_next_working_day()
    {
        // Wed 14th is a holiday: day one is Fri 16th, then Sun 18th (make-up), 19, 20, 21, 22, 23, 26, 27, 28.
        Assert.Equal(Date("2026-01-28"), Calendar.DueDate(Instant("2026-01-14T11:00:00+08:00"), 10));
    }

    [Fact]
    public void Dates_are_counted_in_China_Standard_Time_not_UTC()
    {
        // 16:30 UTC on Thursday the 8th is 00:30 on Friday the 9th in Beijing.
        var instant = new DateTimeOffset(2026, 1, 8, 16, 30, 0, TimeSpan.Zero);
        Assert.Equal(Date("2026-01-09"), Plain.DateOf(instant));
        Assert.Equal(Date("2026-01-23"), Plain.DueDate(instant, 10));
        Assert.Equal(Date("2026-01-22"), new WorkingDayCalendar([], [], TimeSpan.Zero).DueDate(instant, 10));
    }

    [Fact]
    public void The_calendar_is_read_from_configuration()
    {
        var calendar = WorkingDayCalendar.From(new CalendarOptions { Holidays = ["2026-01-14"], MakeUpWorkingDays = ["2026-01-18"], UtcOffset = "+08:00" });

        Assert.False(calendar.IsWorkingDay(Date("2026-01-14")));
        Assert.True(calendar.IsWorkingDay(Date("2026-01-18")));
        Assert.Equal(ChinaStandardTime, calendar.UtcOffset);
        Assert.Equal(TimeSpan.FromHours(-5), WorkingDayCalendar.From(new CalendarOptions { UtcOffset = "-05:00" }).UtcOffset);
    }

    [Theory]
    [InlineData("2026-1-14", "Sharing:Calendar:Holidays holds \"2026-1-14\"")]
    [InlineData("14.01.2026", "Sharing:Calendar:Holidays holds \"14.01.2026\"")]
    public void A_date_that_is_not_yyyy_MM_dd_is_refused_with_where_it_is(string text, string message)
    {
        var error = Assert.Throws<FormatException>(() => WorkingDayCalendar.From(new CalendarOptions { Holidays = [text] }));
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_day_cannot_be_both_a_holiday_and_a_make_up_working_day()
    {
        var error = Assert.Throws<ArgumentException>(() => new WorkingDayCalendar([Date("2026-01-18")], [Date("2026-01-18")], ChinaStandardTime));
        Assert.Contains("2026-01-18", error.Message, StringComparison.Ordinal);
    }

    private static DateOnly Date(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static DateTimeOffset Instant(string text) => DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}

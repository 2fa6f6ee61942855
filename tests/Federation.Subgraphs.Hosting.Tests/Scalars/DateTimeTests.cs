using Federation.Subgraphs.Hosting.Scalars;

namespace Federation.Subgraphs.Hosting.Tests.Scalars;

public sealed class DateTimeTests
{
    [Theory]
    [InlineData("2024-05-01T08:30:00.000+08:00", "2024-05-01T08:30:00.000+08:00", 0)]
    [InlineData("2024-05-01T00:30:00.123Z", "2024-05-01T00:30:00.123Z", 123)]
    [InlineData("2024-05-01t00:30:00.000z", "2024-05-01T00:30:00.000Z", 0)]
    [InlineData("2024-05-01T00:30:00.000+00:00", "2024-05-01T00:30:00.000Z", 0)]
    [InlineData("2024-02-29T23:59:59.999-05:30", "2024-02-29T23:59:59.999-05:30", 999)]
    public void Date_times_parse_and_format_canonically(string text, string canonical, int milliseconds)
    {
        Assert.True(Rfc3339DateTime.TryParse(text, out var instant, out var error), error);
        Assert.Equal(milliseconds, instant.Millisecond);
        Assert.Equal(canonical, Rfc3339DateTime.Format(instant));
    }

    [Fact]
    public void The_offset_is_kept()
    {
        var instant = Rfc3339DateTime.Parse("2024-05-01T08:30:00.000+08:00");
        Assert.Equal(TimeSpan.FromHours(8), instant.Offset);
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 0, 30, 0, TimeSpan.Zero), instant);
    }

    [Theory]
    [InlineData("2024-05-01T08:30:00+08:00", "DateTime 2024-05-01T08:30:00+08:00 is not written YYYY-MM-DDTHH:MM:SS.sss followed by Z or ±HH:MM (RFC 3339 date-time).")]
    [InlineData("2024-05-01T08:30:00.1Z", "DateTime 2024-05-01T08:30:00.1Z is not written YYYY-MM-DDTHH:MM:SS.sss followed by Z or ±HH:MM (RFC 3339 date-time).")]
    [InlineData("2024-05-01T08:30:00.000", "DateTime 2024-05-01T08:30:00.000 is not written YYYY-MM-DDTHH:MM:SS.sss followed by Z or ±HH:MM (RFC 3339 date-time).")]
    [InlineData("2024-05-01 08:30:00.000Z", "DateTime 2024-05-01 08:30:00.000Z is not written YYYY-MM-DDTHH:MM:SS.sss followed by Z or ±HH:MM (RFC 3339 date-time).")]
    [InlineData("2024-05-01T08:30:00.000+0800", "DateTime 2024-05-01T08:30:00.000+0800 is not written YYYY-MM-DDTHH:MM:SS.sss followed by Z or ±HH:MM (RFC 3339 date-time).")]
    [InlineData("2024-05-01", "DateTime 2024-05-01 is not written YYYY-MM-DDTHH:MM:SS.sss followed by Z or ±HH:MM (RFC 3339 date-time).")]
    [InlineData("2023-02-29T08:30:00.000Z", "DateTime 2023-02-29T08:30:00.000Z is not a calendar date (RFC 3339 date-time).")]
    [InlineData("2024-05-01T24:00:00.000Z", "DateTime 2024-05-01T24:00:00.000Z is not a time of day (RFC 3339 date-time).")]
    [InlineData("2024-05-01T08:60:00.000Z", "DateTime 2024-05-01T08:60:00.000Z is not a time of day (RFC 3339 date-time).")]
    [InlineData("2016-12-31T23:59:60.000Z", "DateTime 2016-12-31T23:59:60.000Z is a leap second, which this scalar does not hold.")]
    [InlineData("2024-05-01T08:30:00.000-00:00", "DateTime 2024-05-01T08:30:00.000-00:00 has the unknown local offset -00:00, which this scalar refuses.")]
    [InlineData("2024-05-01T08:30:00.000+15:00", "DateTime 2024-05-01T08:30:00.000+15:00 has an offset beyond ±14:00.")]
    [InlineData("2024-05-01T08:30:00.000+08:60", "DateTime 2024-05-01T08:30:00.000+08:60 has an offset beyond ±14:00.")]
    public void Invalid_date_times_name_the_rule(string text, string message)
    {
        Assert.False(Rfc3339DateTime.TryParse(text, out _, out var error));
        Assert.Equal(message, error);
    }

    [Fact]
    public void Scalar_coerces_strings_to_DateTimeOffset()
    {
        var scalar = new DateTimeScalar();
        Assert.Equal("https://scalars.graphql.org/andimarek/date-time.html", scalar.SpecifiedByUrl);
        var instant = new DateTimeOffset(2024, 5, 1, 8, 30, 0, TimeSpan.FromHours(8));
        Assert.Equal(instant, scalar.ParseValue("2024-05-01T08:30:00.000+08:00"));
        Assert.Equal(instant, ScalarHarness.ParseLiteral(scalar, "\"2024-05-01T08:30:00.000+08:00\""));
        Assert.Equal("2024-05-01T08:30:00.000+08:00", scalar.Serialize(instant));
        Assert.Equal("2024-05-01T00:30:00.000Z", scalar.Serialize(new DateTime(2024, 5, 1, 0, 30, 0, DateTimeKind.Utc)));
        Assert.Equal("2024-05-01T00:30:00.123Z", scalar.Serialize(new DateTimeOffset(2024, 5, 1, 0, 30, 0, 123, TimeSpan.Zero).AddTicks(4567)));
        Assert.Equal(
            "DateTime cannot represent a Unspecified DateTime without an offset: 2024-05-01T00:30:00.0000000",
            ScalarHarness.CoercionError(() => scalar.Serialize(new DateTime(2024, 5, 1, 0, 30, 0))));
        Assert.Equal("DateTime cannot represent a non string value: 1714523400", ScalarHarness.CoercionError(() => ScalarHarness.ParseLiteral(scalar, "1714523400")));
        Assert.Equal("DateTime cannot represent a non string value: 1714523400", ScalarHarness.CoercionError(() => scalar.ParseValue(1714523400)));
    }

    [Fact]
    public async Task End_to_end_literal_variable_and_invalid_value()
    {
        Assert.Equal(
            """{"data":{"dateTime":"2024-05-01T08:30:00.000Z"}}""",
            await ScalarHarness.RunAsync("""{ dateTime(value: "2024-05-01t08:30:00.000z") }"""));
        Assert.Equal(
            """{"data":{"dateTime":"2024-05-01T08:30:00.000+08:00"}}""",
            await ScalarHarness.RunAsync("""query($at: DateTime!) { dateTime(value: $at) }""", """{"at":"2024-05-01T08:30:00.000+08:00"}"""));
        Assert.Equal(
            """{"data":{"stored":{"dateTime":"2024-05-01T00:30:00.000Z"}}}""",
            await ScalarHarness.RunAsync("""{ stored { dateTime } }"""));
        Assert.Equal(
            """{"errors":[{"message":"DateTime 2024-05-01T08:30:00.000-00:00 has the unknown local offset -00:00, which this scalar refuses.","locations":[{"line":1,"column":19}]}]}""",
            await ScalarHarness.RunAsync("""{ dateTime(value: "2024-05-01T08:30:00.000-00:00") }"""));
        Assert.Equal(
            """{"errors":[{"message":"Variable \"$at\" has invalid value: DateTime cannot represent a non string value: 1714523400","locations":[{"line":1,"column":7}]}]}""",
            await ScalarHarness.RunAsync("""query($at: DateTime!) { dateTime(value: $at) }""", """{"at":1714523400}"""));
    }
}

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
    [InlineData("2024-05-01T08:30:00Z", "2024-05-01T08:30:00.000Z", 0)]
    [InlineData("2024-05-01T08:30:00+08:00", "2024-05-01T08:30:00.000+08:00", 0)]
    [InlineData("2024-05-01t08:30:59z", "2024-05-01T08:30:59.000Z", 0)]
    [InlineData("2024-05-01T08:30:00.5+08:00", "2024-05-01T08:30:00.500+08:00", 500)]
    [InlineData("2024-05-01T08:30:00.12Z", "2024-05-01T08:30:00.120Z", 120)]
    [InlineData("2024-05-01T08:30:00.1239-14:00", "2024-05-01T08:30:00.123-14:00", 123)]
    [InlineData("2024-05-01T08:30:00.9999999Z", "2024-05-01T08:30:00.999Z", 999)]
    public void Date_times_parse_and_format_canonically(string text, string canonical, int milliseconds)
    {
        Assert.True(Rfc3339DateTime.TryParse(text, out var instant, out var error), error);
        Assert.Equal(milliseconds, instant.Millisecond);
        Assert.Equal(canonical, Rfc3339DateTime.Format(instant));
    }

    [Theory]
    [InlineData("2024-05-01T08:30:00Z", 0)]
    [InlineData("2024-05-01T08:30:00.5Z", 5_000_000)]
    [InlineData("2024-05-01T08:30:00.0000001Z", 1)]
    [InlineData("2024-05-01T08:30:00.1234567+08:00", 1_234_567)]
    public void Every_fraction_digit_up_to_seven_is_kept(string text, long ticksIntoTheSecond)
    {
        var instant = Rfc3339DateTime.Parse(text);
        Assert.Equal(ticksIntoTheSecond, instant.Ticks % TimeSpan.TicksPerSecond);
    }

    [Fact]
    public void The_offset_is_kept()
    {
        var instant = Rfc3339DateTime.Parse("2024-05-01T08:30:00.000+08:00");
        Assert.Equal(TimeSpan.FromHours(8), instant.Offset);
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 0, 30, 0, TimeSpan.Zero), instant);
    }

    [Theory]
    [InlineData("2024-05-01T08:30:00.Z", "DateTime 2024-05-01T08:30:00.Z is not written YYYY-MM-DDTHH:MM:SS, an optional fraction .s to .sssssss, then Z or ±HH:MM (RFC 3339 date-time).")]
    [InlineData("2024-05-01T08:30:00.+08:00", "DateTime 2024-05-01T08:30:00.+08:00 is not written YYYY-MM-DDTHH:MM:SS, an optional fraction .s to .sssssss, then Z or ±HH:MM (RFC 3339 date-time).")]
    [InlineData("2024-05-01T08:30Z", "DateTime 2024-05-01T08:30Z is not written YYYY-MM-DDTHH:MM:SS, an optional fraction .s to .sssssss, then Z or ±HH:MM (RFC 3339 date-time).")]
    [InlineData("2024-05-01T08:30:00", "DateTime 2024-05-01T08:30:00 is not written YYYY-MM-DDTHH:MM:SS, an optional fraction .s to .sssssss, then Z or ±HH:MM (RFC 3339 date-time).")]
    [InlineData("2024-05-01T08:30:00.5", "DateTime 2024-05-01T08:30:00.5 is not written YYYY-MM-DDTHH:MM:SS, an optional fraction .s to .sssssss, then Z or ±HH:MM (RFC 3339 date-time).")]
    [InlineData("2024-05-01T08:30:00.5ZZ", "DateTime 2024-05-01T08:30:00.5ZZ is not written YYYY-MM-DDTHH:MM:SS, an optional fraction .s to .sssssss, then Z or ±HH:MM (RFC 3339 date-time).")]
    [InlineData("2024-05-01T08:30:00,5Z", "DateTime 2024-05-01T08:30:00,5Z is not written YYYY-MM-DDTHH:MM:SS, an optional fraction .s to .sssssss, then Z or ±HH:MM (RFC 3339 date-time).")]
    [InlineData("2024-05-01T08:30:00.12345678Z", "DateTime 2024-05-01T08:30:00.12345678Z has 8 fraction digits; at most 7 (100 ns) are held.")]
    [InlineData("2024-05-01T08:30:00.000000000+08:00", "DateTime 2024-05-01T08:30:00.000000000+08:00 has 9 fraction digits; at most 7 (100 ns) are held.")]
    [InlineData("2024-05-01T08:30:00.000", "DateTime 2024-05-01T08:30:00.000 is not written YYYY-MM-DDTHH:MM:SS, an optional fraction .s to .sssssss, then Z or ±HH:MM (RFC 3339 date-time).")]
    [InlineData("2024-05-01 08:30:00.000Z", "DateTime 2024-05-01 08:30:00.000Z is not written YYYY-MM-DDTHH:MM:SS, an optional fraction .s to .sssssss, then Z or ±HH:MM (RFC 3339 date-time).")]
    [InlineData("2024-05-01T08:30:00.000+0800", "DateTime 2024-05-01T08:30:00.000+0800 is not written YYYY-MM-DDTHH:MM:SS, an optional fraction .s to .sssssss, then Z or ±HH:MM (RFC 3339 date-time).")]
    [InlineData("2024-05-01", "DateTime 2024-05-01 is not written YYYY-MM-DDTHH:MM:SS, an optional fraction .s to .sssssss, then Z or ±HH:MM (RFC 3339 date-time).")]
    [InlineData("2023-02-29T08:30:00.000Z", "DateTime 2023-02-29T08:30:00.000Z is not a calendar date (RFC 3339 date-time).")]
    [InlineData("2024-05-01T24:00:00.000Z", "DateTime 2024-05-01T24:00:00.000Z is not a time of day (RFC 3339 date-time).")]
    [InlineData("2024-05-01T08:60:00.000Z", "DateTime 2024-05-01T08:60:00.000Z is not a time of day (RFC 3339 date-time).")]
    [InlineData("2016-12-31T23:59:60.000Z", "DateTime 2016-12-31T23:59:60.000Z is a leap second, which this scalar does not hold.")]
    [InlineData("2024-05-01T08:30:00.000-00:00", "DateTime 2024-05-01T08:30:00.000-00:00 has the unknown local offset -00:00, which this scalar refuses.")]
    [InlineData("2024-05-01T08:30:00.000+15:00", "DateTime 2024-05-01T08:30:00.000+15:00 has an offset beyond ±14:00.")]
    [InlineData("2024-05-01T08:30:00.000+08:60", "DateTime 2024-05-01T08:30:00.000+08:60 has an offset beyond ±14:00.")]
    [InlineData("2016-12-31T23:59:60Z", "DateTime 2016-12-31T23:59:60Z is a leap second, which this scalar does not hold.")]
    [InlineData("2024-05-01T08:30:00-00:00", "DateTime 2024-05-01T08:30:00-00:00 has the unknown local offset -00:00, which this scalar refuses.")]
    [InlineData("2024-05-01T08:30:00.5-14:01", "DateTime 2024-05-01T08:30:00.5-14:01 has an offset beyond ±14:00.")]
    [InlineData("2024-05-01T08:30:00.5-00:00", "DateTime 2024-05-01T08:30:00.5-00:00 has the unknown local offset -00:00, which this scalar refuses.")]
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
            """{"data":{"dateTime":"2024-05-01T08:30:00.000+08:00"}}""",
            await ScalarHarness.RunAsync("""{ dateTime(value: "2024-05-01T08:30:00+08:00") }"""));
        Assert.Equal(
            """{"data":{"dateTime":"2024-05-01T08:30:00.500Z"}}""",
            await ScalarHarness.RunAsync("""query($at: DateTime!) { dateTime(value: $at) }""", """{"at":"2024-05-01T08:30:00.5Z"}"""));
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

using Federation.Subgraphs.Hosting.Scalars;

namespace Federation.Subgraphs.Hosting.Tests.Scalars;

public sealed class DateTests
{
    [Theory]
    [InlineData("2024-02-29")]
    [InlineData("1900-01-01")]
    [InlineData("0001-01-01")]
    [InlineData("9999-12-31")]
    public void Full_dates_parse(string text)
    {
        Assert.True(FullDate.TryParse(text, out var date, out var error), error);
        Assert.Equal(text, FullDate.Format(date));
    }

    [Theory]
    [InlineData("2024-5-01", "Date 2024-5-01 is not written YYYY-MM-DD (RFC 3339 full-date).")]
    [InlineData("20240501", "Date 20240501 is not written YYYY-MM-DD (RFC 3339 full-date).")]
    [InlineData("2024/05/01", "Date 2024/05/01 is not written YYYY-MM-DD (RFC 3339 full-date).")]
    [InlineData("2024-05-01T00:00:00Z", "Date 2024-05-01T00:00:00Z is not written YYYY-MM-DD (RFC 3339 full-date).")]
    [InlineData("+2024-05-01", "Date +2024-05-01 is not written YYYY-MM-DD (RFC 3339 full-date).")]
    [InlineData("2024-W18-3", "Date 2024-W18-3 is not written YYYY-MM-DD (RFC 3339 full-date).")]
    [InlineData("2023-02-29", "Date 2023-02-29 is not a calendar date (RFC 3339 full-date).")]
    [InlineData("2024-13-01", "Date 2024-13-01 is not a calendar date (RFC 3339 full-date).")]
    [InlineData("2024-04-31", "Date 2024-04-31 is not a calendar date (RFC 3339 full-date).")]
    [InlineData("0000-01-01", "Date 0000-01-01 is not a calendar date (RFC 3339 full-date).")]
    public void Invalid_dates_name_the_rule(string text, string message)
    {
        Assert.False(FullDate.TryParse(text, out _, out var error));
        Assert.Equal(message, error);
    }

    [Fact]
    public void Scalar_coerces_strings_to_DateOnly()
    {
        var scalar = new DateScalar();
        Assert.Equal("https://www.rfc-editor.org/rfc/rfc3339#section-5.6", scalar.SpecifiedByUrl);
        Assert.Equal(new DateOnly(2024, 5, 1), scalar.ParseValue("2024-05-01"));
        Assert.Equal(new DateOnly(2024, 5, 1), ScalarHarness.ParseLiteral(scalar, "\"2024-05-01\""));
        Assert.Equal("2024-05-01", scalar.Serialize(new DateOnly(2024, 5, 1)));
        Assert.Equal("Date cannot represent a non string value: 20240501", ScalarHarness.CoercionError(() => ScalarHarness.ParseLiteral(scalar, "20240501")));
        Assert.Equal("Date cannot represent a non string value: 20240501", ScalarHarness.CoercionError(() => scalar.ParseValue(20240501)));
        Assert.Equal("Date 2023-02-29 is not a calendar date (RFC 3339 full-date).", ScalarHarness.CoercionError(() => scalar.Serialize("2023-02-29")));
    }

    [Fact]
    public async Task End_to_end_literal_variable_and_invalid_value()
    {
        Assert.Equal("""{"data":{"date":"2024-02-29"}}""", await ScalarHarness.RunAsync("""{ date(value: "2024-02-29") }"""));
        Assert.Equal(
            """{"data":{"date":"2024-05-01"}}""",
            await ScalarHarness.RunAsync("""query($d: Date!) { date(value: $d) }""", """{"d":"2024-05-01"}"""));
        Assert.Equal(
            """{"errors":[{"message":"Date 2023-02-29 is not a calendar date (RFC 3339 full-date).","locations":[{"line":1,"column":15}]}]}""",
            await ScalarHarness.RunAsync("""{ date(value: "2023-02-29") }"""));
        Assert.Equal(
            """{"errors":[{"message":"Variable \"$d\" has invalid value: Date 2024-5-1 is not written YYYY-MM-DD (RFC 3339 full-date).","locations":[{"line":1,"column":7}]}]}""",
            await ScalarHarness.RunAsync("""query($d: Date!) { date(value: $d) }""", """{"d":"2024-5-1"}"""));
    }
}

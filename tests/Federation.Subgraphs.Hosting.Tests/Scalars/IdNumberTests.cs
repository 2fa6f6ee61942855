using Federation.Subgraphs.Hosting.Scalars;

namespace Federation.Subgraphs.Hosting.Tests.Scalars;

public sealed class IdNumberTests
{
    private static readonly DateOnly Today = new(2026, 11, 21);

    [Theory]
    [InlineData("11010519491231002X", "11010519491231002X")] // GB 11643-1999's own example
    [InlineData("11010519491231002x", "11010519491231002X")]
    [InlineData("110101199003074477", "110101199003074477")]
    [InlineData("110101202611210019", "110101202611210019")] // born today
    public void Valid_numbers_parse_to_their_upper_case_form(string text, string value)
    {
        Assert.True(IdNumber.TryParse(text, out var idNumber, out var error, Today), error);
        Assert.Equal(value, idNumber.Value);
    }

    [Theory]
    [InlineData(null, "IdNumber must be 18 characters (GB 11643).")]
    [InlineData("11010519491231002", "IdNumber must be 18 characters (GB 11643).")]
    [InlineData("11010519491231002XX", "IdNumber must be 18 characters (GB 11643).")]
    [InlineData("11010519491231002A", "IdNumber must be 17 digits followed by a digit or X (GB 11643).")]
    [InlineData("1101051949123100X2", "IdNumber must be 17 digits followed by a digit or X (GB 11643).")]
    [InlineData("990101199003074477", "IdNumber division code 990101 is not valid: DivisionCode province 99 is not a province of GB/T 2260.")]
    [InlineData("110101199002300012", "IdNumber birth date 19900230 is not a calendar date (GB 11643).")]
    [InlineData("110101199013010012", "IdNumber birth date 19901301 is not a calendar date (GB 11643).")]
    [InlineData("440524188001010014", "IdNumber birth date 18800101 is before 1900.")] // the standard's second example, valid but for the age rule
    [InlineData("110101202611220011", "IdNumber birth date 20261122 is in the future.")]
    [InlineData("110101199003074475", "IdNumber check digit is 5, expected 7 (GB 11643, ISO 7064 MOD 11-2).")]
    [InlineData("110105194912310021", "IdNumber check digit is 1, expected X (GB 11643, ISO 7064 MOD 11-2).")]
    public void Invalid_numbers_name_the_rule(string? text, string message)
    {
        Assert.False(IdNumber.TryParse(text, out _, out var error, Today));
        Assert.Equal(message, error);
    }

    [Theory]
    [InlineData("11010519491231002", 'X')]
    [InlineData("44052418800101001", '4')]
    [InlineData("11010119900307447", '7')]
    public void Check_digit_is_ISO_7064_MOD_11_2(string first17, char check) =>
        Assert.Equal(check, IdNumber.CheckDigit(first17));

    [Fact]
    public void Check_digit_needs_17_digits() =>
        Assert.Throws<ArgumentException>(() => IdNumber.CheckDigit("1101051949123100"));

    [Fact]
    public void Parts_are_read_from_the_number()
    {
        var idNumber = IdNumber.Parse("11010519491231002X", Today);
        Assert.Equal("110105", idNumber.DivisionCode);
        Assert.Equal(new DateOnly(1949, 12, 31), idNumber.BirthDate);
        Assert.Equal(2, idNumber.Sequence);
        Assert.False(idNumber.IsMale);
    }

    [Fact]
    public void Parse_throws_the_rule() =>
        Assert.Equal("IdNumber must be 18 characters (GB 11643).", Assert.Throws<FormatException>(() => IdNumber.Parse("1")).Message);

    [Fact]
    public void Scalar_coerces_strings_only()
    {
        var scalar = new IdNumberScalar();
        Assert.Equal(IdNumber.Parse("11010519491231002X"), scalar.ParseValue("11010519491231002x"));
        Assert.Equal(IdNumber.Parse("11010519491231002X"), ScalarHarness.ParseLiteral(scalar, "\"11010519491231002x\""));
        Assert.Equal("11010519491231002X", scalar.Serialize(IdNumber.Parse("11010519491231002X")));
        Assert.Equal("11010519491231002X", scalar.Serialize("11010519491231002x"));

        Assert.Equal("IdNumber cannot represent a non string value: 5", ScalarHarness.CoercionError(() => ScalarHarness.ParseLiteral(scalar, "5")));
        Assert.Equal("IdNumber cannot represent a non string value: 110105", ScalarHarness.CoercionError(() => scalar.ParseValue(110105)));
        Assert.Equal("IdNumber cannot represent a non string value: true", ScalarHarness.CoercionError(() => scalar.Serialize(true)));
        Assert.Equal("IdNumber must be 18 characters (GB 11643).", ScalarHarness.CoercionError(() => scalar.ParseValue("123")));
        Assert.Equal(
            "IdNumber check digit is 5, expected 7 (GB 11643, ISO 7064 MOD 11-2).",
            ScalarHarness.CoercionError(() => scalar.Serialize("110101199003074475")));
    }

    [Fact]
    public async Task End_to_end_literal_variable_and_invalid_value()
    {
        Assert.Equal(
            """{"data":{"idNumber":"11010519491231002X","birthDate":"1949-12-31"}}""",
            await ScalarHarness.RunAsync("""{ idNumber(value: "11010519491231002x") birthDate(value: "11010519491231002X") }"""));
        Assert.Equal(
            """{"data":{"idNumber":"110101199003074477"}}""",
            await ScalarHarness.RunAsync("""query($id: IdNumber!) { idNumber(value: $id) }""", """{"id":"110101199003074477"}"""));
        Assert.Equal(
            """{"errors":[{"message":"IdNumber check digit is 5, expected 7 (GB 11643, ISO 7064 MOD 11-2).","locations":[{"line":1,"column":19}]}]}""",
            await ScalarHarness.RunAsync("""{ idNumber(value: "110101199003074475") }"""));
        Assert.Equal(
            """{"errors":[{"message":"IdNumber cannot represent a non string value: 5","locations":[{"line":1,"column":19}]}]}""",
            await ScalarHarness.RunAsync("""{ idNumber(value: 5) }"""));
        Assert.Equal(
            """{"errors":[{"message":"Variable \"$id\" has invalid value: IdNumber must be 18 characters (GB 11643).","locations":[{"line":1,"column":7}]}]}""",
            await ScalarHarness.RunAsync("""query($id: IdNumber!) { idNumber(value: $id) }""", """{"id":"1"}"""));
    }

    [Fact]
    public async Task A_stored_value_is_checked_on_the_way_out()
    {
        var json = await ScalarHarness.RunAsync("""{ stored { idNumber badIdNumber } }""");
        Assert.Equal(
            """{"errors":[{"message":"IdNumber check digit is 5, expected 7 (GB 11643, ISO 7064 MOD 11-2).","locations":[{"line":1,"column":21}],"path":["stored","badIdNumber"]}],"data":{"stored":{"idNumber":"11010519491231002X","badIdNumber":null}}}""",
            json);
    }
}

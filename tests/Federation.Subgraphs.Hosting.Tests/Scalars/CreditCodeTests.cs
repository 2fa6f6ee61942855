using Federation.Protocol.Agencies;
using Federation.Subgraphs.Hosting.Scalars;

namespace Federation.Subgraphs.Hosting.Tests.Scalars;

public sealed class CreditCodeTests
{
    [Theory]
    [InlineData("91350100M000100Y43", "91350100M000100Y43")] // the example printed in GB 32100-2015
    [InlineData("91440300708461136T", "91440300708461136T")] // published codes of listed companies
    [InlineData("91330100716105852F", "91330100716105852F")]
    [InlineData("914403001922038216", "914403001922038216")]
    [InlineData("91110000600037341L", "91110000600037341L")]
    [InlineData("91350100m000100y43", "91350100M000100Y43")]
    [InlineData("12100000000013127A", "12100000000013127A")] // national division 100000; checks computed by hand
    [InlineData("51110105MA1FL6HP61", "51110105MA1FL6HP61")]
    [InlineData("9333010010000018X6", "9333010010000018X6")] // organisation check 10 is written X
    [InlineData("933301001000000830", "933301001000000830")] // check 31 is written 0
    public void Valid_codes_parse_to_their_upper_case_form(string text, string value)
    {
        Assert.True(CreditCode.TryParse(text, out var code, out var error), error);
        Assert.Equal(value, code.Value);
    }

    [Theory]
    [InlineData(null, "CreditCode must be 18 characters (GB 32100).")]
    [InlineData("91440300708461136", "CreditCode must be 18 characters (GB 32100).")]
    [InlineData("91440300708461I36T", "CreditCode character I at position 15 is not in the code set 0-9 A-H J-N P-R T-U W-Y (GB 32100).")]
    [InlineData("9144030070846113OT", "CreditCode character O at position 17 is not in the code set 0-9 A-H J-N P-R T-U W-Y (GB 32100).")]
    [InlineData("91440300708461-36T", "CreditCode character - at position 15 is not in the code set 0-9 A-H J-N P-R T-U W-Y (GB 32100).")]
    [InlineData("B1440300708461136T", "CreditCode registration authority code B is not one of 1-9, A, N, Y (GB 32100).")]
    [InlineData("94440300708461136T", "CreditCode kind code 4 is not a kind registered by authority 9 (GB 32100).")]
    [InlineData("Y2440300708461136T", "CreditCode kind code 2 is not a kind registered by authority Y (GB 32100).")]
    [InlineData("91990300708461136T", "CreditCode division code 990300 is not valid: DivisionCode province 99 is not a province of GB/T 2260.")]
    [InlineData("9144030070846113AT", "CreditCode organisation code check character is A, expected 6 (GB 11714).")]
    [InlineData("91440300708461137T", "CreditCode organisation code check character is 7, expected 6 (GB 11714).")]
    [InlineData("91440300708461136A", "CreditCode check character is A, expected T (GB 32100, MOD 31).")]
    public void Invalid_codes_name_the_rule(string? text, string message)
    {
        Assert.False(CreditCode.TryParse(text, out _, out var error));
        Assert.Equal(message, error);
    }

    [Theory]
    [InlineData("91440300708461136", 'T')]
    [InlineData("91350100M000100Y4", '3')]
    [InlineData("93330100100000083", '0')]
    public void Check_character_is_MOD_31(string first17, char check) =>
        Assert.Equal(check, CreditCode.CheckCharacter(first17));

    [Theory]
    [InlineData("70846113", '6')]
    [InlineData("M000100Y", '4')]
    [InlineData("10000018", 'X')]
    [InlineData("10000004", '0')] // 3 + 4 × 2 = 11: 11 − 0 is written 0
    public void Organisation_check_character_is_GB_11714(string first8, char check) =>
        Assert.Equal(check, CreditCode.OrganisationCheckCharacter(first8));

    [Fact]
    public void Check_character_needs_17_characters_of_the_code_set()
    {
        Assert.Throws<ArgumentException>(() => CreditCode.CheckCharacter("9144030070846113"));
        Assert.Throws<ArgumentException>(() => CreditCode.CheckCharacter("9144030070846113I"));
    }

    [Fact]
    public void Parts_are_read_from_the_code()
    {
        var code = CreditCode.Parse("91440300708461136T");
        Assert.Equal('9', code.RegistrationAuthority);
        Assert.Equal('1', code.Kind);
        Assert.Equal("440300", code.DivisionCode);
        Assert.Equal("708461136", code.OrganisationCode);
    }

    [Fact]
    public void Scalar_coerces_strings_only()
    {
        var scalar = new CreditCodeScalar();
        Assert.Equal(CreditCode.Parse("91350100M000100Y43"), scalar.ParseValue("91350100m000100y43"));
        Assert.Equal(CreditCode.Parse("91350100M000100Y43"), ScalarHarness.ParseLiteral(scalar, "\"91350100M000100Y43\""));
        Assert.Equal("91350100M000100Y43", scalar.Serialize(CreditCode.Parse("91350100M000100Y43")));
        Assert.Equal("CreditCode cannot represent a non string value: [\"91350100M000100Y43\"]",
            ScalarHarness.CoercionError(() => ScalarHarness.ParseLiteral(scalar, "[\"91350100M000100Y43\"]")));
        Assert.Equal("CreditCode cannot represent a non string value: null", ScalarHarness.CoercionError(() => scalar.ParseValue(null)));
        Assert.Equal("CreditCode check character is A, expected T (GB 32100, MOD 31).",
            ScalarHarness.CoercionError(() => scalar.ParseValue("91440300708461136A")));
    }

    [Fact]
    public async Task End_to_end_literal_variable_and_invalid_value()
    {
        Assert.Equal(
            """{"data":{"creditCode":"91350100M000100Y43"}}""",
            await ScalarHarness.RunAsync("""{ creditCode(value: "91350100m000100y43") }"""));
        Assert.Equal(
            """{"data":{"creditCode":"91440300708461136T"}}""",
            await ScalarHarness.RunAsync("""query($code: CreditCode!) { creditCode(value: $code) }""", """{"code":"91440300708461136T"}"""));
        Assert.Equal(
            """{"errors":[{"message":"CreditCode check character is A, expected T (GB 32100, MOD 31).","locations":[{"line":1,"column":21}]}]}""",
            await ScalarHarness.RunAsync("""{ creditCode(value: "91440300708461136A") }"""));
        Assert.Equal(
            """{"errors":[{"message":"Variable \"$code\" has invalid value: CreditCode character I at position 15 is not in the code set 0-9 A-H J-N P-R T-U W-Y (GB 32100).","locations":[{"line":1,"column":7}]}]}""",
            await ScalarHarness.RunAsync("""query($code: CreditCode!) { creditCode(value: $code) }""", """{"code":"91440300708461I36T"}"""));
    }
}

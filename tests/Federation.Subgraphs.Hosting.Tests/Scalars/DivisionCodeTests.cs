using Federation.Protocol.Agencies;
using Federation.Subgraphs.Hosting.Scalars;

namespace Federation.Subgraphs.Hosting.Tests.Scalars;

public sealed class DivisionCodeTests
{
    [Theory]
    [InlineData("110000", DivisionLevel.Province, null)]
    [InlineData("820000", DivisionLevel.Province, null)]
    [InlineData("330100", DivisionLevel.Prefecture, "330000")]
    [InlineData("330106", DivisionLevel.County, "330100")]
    [InlineData("419001", DivisionLevel.County, "419000")] // a county-level city under the province: structural parent
    public void Valid_codes_have_a_level_and_a_parent(string text, DivisionLevel level, string? parent)
    {
        Assert.True(DivisionCode.TryParse(text, out var code, out var error), error);
        Assert.Equal(level, code.Level);
        Assert.Equal(parent, code.Parent?.Value);
        Assert.Equal(text[..2] + "0000", code.Province.Value);
    }

    [Theory]
    [InlineData("11", "15", "21", "23", "31", "37", "41", "46", "50", "54", "61", "65", "71", "81", "82")]
    public void Every_province_of_the_standard_is_accepted(params string[] provinces)
    {
        foreach (var province in provinces)
        {
            Assert.True(DivisionCode.TryParse(province + "0000", out _, out var error), error);
        }
    }

    [Theory]
    [InlineData(null, "DivisionCode must be 6 digits (GB/T 2260).")]
    [InlineData("11000", "DivisionCode must be 6 digits (GB/T 2260).")]
    [InlineData("110000000", "DivisionCode must be 6 digits (GB/T 2260).")]
    [InlineData("11010A", "DivisionCode must be 6 digits (GB/T 2260).")]
    [InlineData("100000", "DivisionCode province 10 is not a province of GB/T 2260.")]
    [InlineData("160000", "DivisionCode province 16 is not a province of GB/T 2260.")]
    [InlineData("380000", "DivisionCode province 38 is not a province of GB/T 2260.")]
    [InlineData("720000", "DivisionCode province 72 is not a province of GB/T 2260.")]
    [InlineData("830000", "DivisionCode province 83 is not a province of GB/T 2260.")]
    [InlineData("110001", "DivisionCode 110001 has a county part without a prefecture part (GB/T 2260).")]
    public void Invalid_codes_name_the_rule(string? text, string message)
    {
        Assert.False(DivisionCode.TryParse(text, out _, out var error));
        Assert.Equal(message, error);
    }

    [Fact]
    public void Within_follows_the_hierarchy()
    {
        var xihu = DivisionCode.Parse("330106");
        Assert.True(xihu.IsWithin(DivisionCode.Parse("330000")));
        Assert.True(xihu.IsWithin(DivisionCode.Parse("330100")));
        Assert.True(xihu.IsWithin(xihu));
        Assert.False(xihu.IsWithin(DivisionCode.Parse("330200")));
        Assert.False(xihu.IsWithin(DivisionCode.Parse("330105")));
        Assert.False(DivisionCode.Parse("330100").IsWithin(xihu));
    }

    [Fact]
    public void Scalar_coerces_strings_only()
    {
        var scalar = new DivisionCodeScalar();
        Assert.Equal(DivisionCode.Parse("330106"), scalar.ParseValue("330106"));
        Assert.Equal(DivisionCode.Parse("330106"), ScalarHarness.ParseLiteral(scalar, "\"330106\""));
        Assert.Equal("330106", scalar.Serialize(DivisionCode.Parse("330106")));
        Assert.Equal("330106", scalar.Serialize("330106"));
        Assert.Equal("DivisionCode cannot represent a non string value: 330106", ScalarHarness.CoercionError(() => ScalarHarness.ParseLiteral(scalar, "330106")));
        Assert.Equal("DivisionCode cannot represent a non string value: 330106", ScalarHarness.CoercionError(() => scalar.ParseValue(330106)));
        Assert.Equal("DivisionCode cannot represent a non string value: 330106", ScalarHarness.CoercionError(() => scalar.Serialize(330106)));
    }

    [Fact]
    public async Task End_to_end_literal_variable_and_invalid_value()
    {
        Assert.Equal(
            """{"data":{"divisionCode":"330106","divisionParent":"330100"}}""",
            await ScalarHarness.RunAsync("""{ divisionCode(value: "330106") divisionParent(value: "330106") }"""));
        Assert.Equal(
            """{"data":{"divisionParent":null}}""",
            await ScalarHarness.RunAsync("""query($code: DivisionCode!) { divisionParent(value: $code) }""", """{"code":"330000"}"""));
        Assert.Equal(
            """{"errors":[{"message":"DivisionCode cannot represent a non string value: 330106","locations":[{"line":1,"column":23}]}]}""",
            await ScalarHarness.RunAsync("""{ divisionCode(value: 330106) }"""));
        Assert.Equal(
            """{"errors":[{"message":"Variable \"$code\" has invalid value: DivisionCode province 99 is not a province of GB/T 2260.","locations":[{"line":1,"column":7}]}]}""",
            await ScalarHarness.RunAsync("""query($code: DivisionCode!) { divisionCode(value: $code) }""", """{"code":"990000"}"""));
    }
}

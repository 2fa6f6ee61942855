using Federation.GraphQL.Conformance;
using Xunit;

namespace Federation.GraphQL.Tests.Differential;

/// <summary>The conformance runner's JSON must be JSON.stringify's, byte for byte (expected texts from node).</summary>
public sealed class JsJsonTests
{
    [Theory]
    [InlineData(1e21, "1e+21")]
    [InlineData(1e20, "100000000000000000000")]
    [InlineData(1e16, "10000000000000000")]
    [InlineData(1.5e-7, "1.5e-7")]
    [InlineData(1e-7, "1e-7")]
    [InlineData(0.000001, "0.000001")]
    [InlineData(0.1, "0.1")]
    [InlineData(0.30000000000000004, "0.30000000000000004")]
    [InlineData(123456789.125, "123456789.125")]
    [InlineData(-1000.0, "-1000")]
    [InlineData(-0.0, "0")]
    [InlineData(5e-324, "5e-324")]
    [InlineData(1.7976931348623157e308, "1.7976931348623157e+308")]
    [InlineData(double.PositiveInfinity, "null")]
    public void Numbers_print_as_JavaScript_prints_them(double number, string expected) =>
        Assert.Equal(expected, JsJson.FormatNumber(number));

    [Fact]
    public void Strings_escape_only_what_JSON_stringify_escapes()
    {
        Assert.Equal("\"q\\\" b\\\\ \\n\\t\\u0001 é 😀 \\ud800\"", JsJson.Stringify("q\" b\\ \n\t\u0001 é 😀 \ud800"));
    }

    [Fact]
    public void Integers_beyond_two_to_the_53_lose_precision_as_in_JavaScript()
    {
        Assert.Equal("[9007199254740992,12345678901234567000]", JsJson.Stringify(new object[] { 9007199254740993L, 12345678901234567890UL }));
    }

    [Fact]
    public void Members_keep_their_order()
    {
        var members = new List<KeyValuePair<string, object?>> { new("z", 1), new("a", null), new("m", new Dictionary<string, object?> { ["b"] = true }) };
        Assert.Equal("{\"z\":1,\"a\":null,\"m\":{\"b\":true}}", JsJson.Stringify(members));
    }
}

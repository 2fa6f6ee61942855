using Federation.GraphQL.Language;
using Federation.GraphQL.Types;
using Federation.GraphQL.Types.Scalars;
using Xunit;

namespace Federation.GraphQL.Tests.Types;

/// <summary>
/// The built-in scalars coerce every value as graphql-js 17.1.0 does. Each row was checked
/// against graphql-js: the scalar, the coercion, the value and what graphql-js answers
/// ("OK" and the coerced value as JSON, or "ERR" and the message).
/// </summary>
public sealed class ScalarCoercionTests
{
    public enum Coercion
    {
        Serialize,
        ParseValue,
    }

    [Theory]
    [MemberData(nameof(ValueRows))]
    public void Coerces_values_as_graphql_js(string scalar, Coercion coercion, object? value, string expected)
    {
        var type = SpecifiedScalars.Get(scalar)!;
        Assert.Equal(expected, Outcome(() => coercion == Coercion.Serialize ? type.Serialize(value!) : type.ParseValue(value)));
    }

    [Theory]
    [MemberData(nameof(LiteralRows))]
    public void Coerces_literals_as_graphql_js(string scalar, string literal, string expected)
    {
        var type = SpecifiedScalars.Get(scalar)!;
        Assert.Equal(expected, Outcome(() => type.ParseLiteral(Parser.ParseValue(literal))));
    }

    [Fact]
    public void Int_accepts_every_CLR_integer_type_in_range()
    {
        Assert.Equal(7, SpecifiedScalars.Int.Serialize((byte)7));
        Assert.Equal(7, SpecifiedScalars.Int.Serialize((short)7));
        Assert.Equal(7, SpecifiedScalars.Int.Serialize(7L));
        Assert.Equal(7, SpecifiedScalars.Int.Serialize(7u));
        Assert.Equal(7, SpecifiedScalars.Int.Serialize(7.0m));
        Assert.Equal(-7, SpecifiedScalars.Int.ParseValue(-7L));
        Assert.Equal(
            "Int cannot represent non 32-bit signed integer value: 4294967295",
            Assert.Throws<GraphQLException>(() => SpecifiedScalars.Int.Serialize(uint.MaxValue)).Message);
    }

    [Fact]
    public void Results_are_plain_CLR_values()
    {
        Assert.IsType<int>(SpecifiedScalars.Int.ParseLiteral(Parser.ParseValue("3")));
        Assert.IsType<double>(SpecifiedScalars.Float.ParseLiteral(Parser.ParseValue("3")));
        Assert.IsType<double>(SpecifiedScalars.Float.Serialize(3));
        Assert.IsType<string>(SpecifiedScalars.ID.ParseValue(3));
        Assert.IsType<bool>(SpecifiedScalars.Boolean.Serialize(2.5));
    }

    [Fact]
    public void The_specified_scalars_are_listed_in_graphql_js_order_with_descriptions()
    {
        Assert.Equal(["String", "Int", "Float", "Boolean", "ID"], SpecifiedScalars.All.Select(s => s.Name));
        Assert.Equal("The `Boolean` scalar type represents `true` or `false`.", SpecifiedScalars.Boolean.Description);
        Assert.All(SpecifiedScalars.All, s => Assert.True(SpecifiedScalars.IsSpecified(s)));
        Assert.False(SpecifiedScalars.IsSpecified(new ScalarType("Date")));
    }

    [Fact]
    public void A_custom_scalar_coerces_by_identity_and_reads_literals_untyped()
    {
        var date = new ScalarType("Date");
        var map = Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(date.ParseLiteral(Parser.ParseValue("""{ a: [1, 2.5, "x", E, null] }""")));
        Assert.Equal("[1, 2.5, \"x\", \"E\", null]", ValueInspector.Inspect(map["a"]));
        Assert.Same("2024-01-01", date.Serialize("2024-01-01"));
        Assert.Same("2024-01-01", date.ParseValue("2024-01-01"));
    }

    private static string Outcome(Func<object?> coerce)
    {
        try
        {
            return "OK " + ValueInspector.Inspect(coerce());
        }
        catch (GraphQLException e)
        {
            var at = e.Error.Locations.Count == 0 ? string.Empty : " @" + string.Join(",", e.Error.Locations.Select(l => $"{l.Line}:{l.Column}"));
            return "ERR " + e.Message + at;
        }
    }

    private static object?[] List(params object?[] items) => items;

    private static Dictionary<string, object?> Map(string key, object? value) => new() { [key] = value };

    public static TheoryData<string, Coercion, object?, string> ValueRows => new()
    {
        { "Int", Coercion.Serialize, 1, "OK 1" },
        { "Int", Coercion.Serialize, -1, "OK -1" },
        { "Int", Coercion.Serialize, 1.5d, "ERR Int cannot represent non-integer value: 1.5" },
        { "Int", Coercion.Serialize, 2147483647, "OK 2147483647" },
        { "Int", Coercion.Serialize, 2147483648L, "ERR Int cannot represent non 32-bit signed integer value: 2147483648" },
        { "Int", Coercion.Serialize, -2147483649L, "ERR Int cannot represent non 32-bit signed integer value: -2147483649" },
        { "Int", Coercion.Serialize, 1e21d, "ERR Int cannot represent non 32-bit signed integer value: 1e+21" },
        { "Int", Coercion.Serialize, 0.1d, "ERR Int cannot represent non-integer value: 0.1" },
        { "Int", Coercion.Serialize, 1e-7d, "ERR Int cannot represent non-integer value: 1e-7" },
        { "Int", Coercion.Serialize, -0.000001d, "ERR Int cannot represent non-integer value: -0.000001" },
        { "Int", Coercion.Serialize, 123456789012L, "ERR Int cannot represent non 32-bit signed integer value: 123456789012" },
        { "Int", Coercion.Serialize, double.NaN, "ERR Int cannot represent non-integer value: NaN" },
        { "Int", Coercion.Serialize, double.PositiveInfinity, "ERR Int cannot represent non-integer value: Infinity" },
        { "Int", Coercion.Serialize, double.NegativeInfinity, "ERR Int cannot represent non-integer value: -Infinity" },
        { "Int", Coercion.Serialize, true, "OK 1" },
        { "Int", Coercion.Serialize, false, "OK 0" },
        { "Int", Coercion.Serialize, "1", "OK 1" },
        { "Int", Coercion.Serialize, "-7", "OK -7" },
        { "Int", Coercion.Serialize, "1.5", "ERR Int cannot represent non-integer value: \"1.5\"" },
        { "Int", Coercion.Serialize, "", "ERR Int cannot represent non-integer value: \"\"" },
        { "Int", Coercion.Serialize, " 12 ", "OK 12" },
        { "Int", Coercion.Serialize, "0x10", "OK 16" },
        { "Int", Coercion.Serialize, "abc", "ERR Int cannot represent non-integer value: \"abc\"" },
        { "Int", Coercion.Serialize, "1e3", "OK 1000" },
        { "Int", Coercion.Serialize, "Infinity", "ERR Int cannot represent non-integer value: \"Infinity\"" },
        { "Int", Coercion.Serialize, List(1, 2), "ERR Int cannot represent non-integer value: [1, 2]" },
        { "Int", Coercion.Serialize, Map("a", 1), "ERR Int cannot represent non-integer value: { a: 1 }" },
        { "Int", Coercion.ParseValue, 1, "OK 1" },
        { "Int", Coercion.ParseValue, -1, "OK -1" },
        { "Int", Coercion.ParseValue, 1.5d, "ERR Int cannot represent non-integer value: 1.5" },
        { "Int", Coercion.ParseValue, 2147483647, "OK 2147483647" },
        { "Int", Coercion.ParseValue, 2147483648L, "ERR Int cannot represent non 32-bit signed integer value: 2147483648" },
        { "Int", Coercion.ParseValue, -2147483649L, "ERR Int cannot represent non 32-bit signed integer value: -2147483649" },
        { "Int", Coercion.ParseValue, 1e21d, "ERR Int cannot represent non 32-bit signed integer value: 1e+21" },
        { "Int", Coercion.ParseValue, 0.1d, "ERR Int cannot represent non-integer value: 0.1" },
        { "Int", Coercion.ParseValue, 1e-7d, "ERR Int cannot represent non-integer value: 1e-7" },
        { "Int", Coercion.ParseValue, -0.000001d, "ERR Int cannot represent non-integer value: -0.000001" },
        { "Int", Coercion.ParseValue, 123456789012L, "ERR Int cannot represent non 32-bit signed integer value: 123456789012" },
        { "Int", Coercion.ParseValue, double.NaN, "ERR Int cannot represent non-integer value: NaN" },
        { "Int", Coercion.ParseValue, double.PositiveInfinity, "ERR Int cannot represent non-integer value: Infinity" },
        { "Int", Coercion.ParseValue, double.NegativeInfinity, "ERR Int cannot represent non-integer value: -Infinity" },
        { "Int", Coercion.ParseValue, true, "ERR Int cannot represent non-integer value: true" },
        { "Int", Coercion.ParseValue, false, "ERR Int cannot represent non-integer value: false" },
        { "Int", Coercion.ParseValue, "1", "ERR Int cannot represent non-integer value: \"1\"" },
        { "Int", Coercion.ParseValue, "-7", "ERR Int cannot represent non-integer value: \"-7\"" },
        { "Int", Coercion.ParseValue, "1.5", "ERR Int cannot represent non-integer value: \"1.5\"" },
        { "Int", Coercion.ParseValue, "", "ERR Int cannot represent non-integer value: \"\"" },
        { "Int", Coercion.ParseValue, " 12 ", "ERR Int cannot represent non-integer value: \" 12 \"" },
        { "Int", Coercion.ParseValue, "0x10", "ERR Int cannot represent non-integer value: \"0x10\"" },
        { "Int", Coercion.ParseValue, "abc", "ERR Int cannot represent non-integer value: \"abc\"" },
        { "Int", Coercion.ParseValue, "1e3", "ERR Int cannot represent non-integer value: \"1e3\"" },
        { "Int", Coercion.ParseValue, "Infinity", "ERR Int cannot represent non-integer value: \"Infinity\"" },
        { "Int", Coercion.ParseValue, List(1, 2), "ERR Int cannot represent non-integer value: [1, 2]" },
        { "Int", Coercion.ParseValue, Map("a", 1), "ERR Int cannot represent non-integer value: { a: 1 }" },
        { "Int", Coercion.ParseValue, null, "ERR Int cannot represent non-integer value: null" },
        { "Float", Coercion.Serialize, 1, "OK 1" },
        { "Float", Coercion.Serialize, -1, "OK -1" },
        { "Float", Coercion.Serialize, 1.5d, "OK 1.5" },
        { "Float", Coercion.Serialize, 2147483647, "OK 2147483647" },
        { "Float", Coercion.Serialize, 2147483648L, "OK 2147483648" },
        { "Float", Coercion.Serialize, -2147483649L, "OK -2147483649" },
        { "Float", Coercion.Serialize, 1e21d, "OK 1e+21" },
        { "Float", Coercion.Serialize, 0.1d, "OK 0.1" },
        { "Float", Coercion.Serialize, 1e-7d, "OK 1e-7" },
        { "Float", Coercion.Serialize, -0.000001d, "OK -0.000001" },
        { "Float", Coercion.Serialize, 123456789012L, "OK 123456789012" },
        { "Float", Coercion.Serialize, double.NaN, "ERR Float cannot represent non numeric value: NaN" },
        { "Float", Coercion.Serialize, double.PositiveInfinity, "ERR Float cannot represent non numeric value: Infinity" },
        { "Float", Coercion.Serialize, double.NegativeInfinity, "ERR Float cannot represent non numeric value: -Infinity" },
        { "Float", Coercion.Serialize, true, "OK 1" },
        { "Float", Coercion.Serialize, false, "OK 0" },
        { "Float", Coercion.Serialize, "1", "OK 1" },
        { "Float", Coercion.Serialize, "-7", "OK -7" },
        { "Float", Coercion.Serialize, "1.5", "OK 1.5" },
        { "Float", Coercion.Serialize, "", "ERR Float cannot represent non numeric value: \"\"" },
        { "Float", Coercion.Serialize, " 12 ", "OK 12" },
        { "Float", Coercion.Serialize, "0x10", "OK 16" },
        { "Float", Coercion.Serialize, "abc", "ERR Float cannot represent non numeric value: \"abc\"" },
        { "Float", Coercion.Serialize, "1e3", "OK 1000" },
        { "Float", Coercion.Serialize, "Infinity", "ERR Float cannot represent non numeric value: \"Infinity\"" },
        { "Float", Coercion.Serialize, List(1, 2), "ERR Float cannot represent non numeric value: [1, 2]" },
        { "Float", Coercion.Serialize, Map("a", 1), "ERR Float cannot represent non numeric value: { a: 1 }" },
        { "Float", Coercion.ParseValue, 1, "OK 1" },
        { "Float", Coercion.ParseValue, -1, "OK -1" },
        { "Float", Coercion.ParseValue, 1.5d, "OK 1.5" },
        { "Float", Coercion.ParseValue, 2147483647, "OK 2147483647" },
        { "Float", Coercion.ParseValue, 2147483648L, "OK 2147483648" },
        { "Float", Coercion.ParseValue, -2147483649L, "OK -2147483649" },
        { "Float", Coercion.ParseValue, 1e21d, "OK 1e+21" },
        { "Float", Coercion.ParseValue, 0.1d, "OK 0.1" },
        { "Float", Coercion.ParseValue, 1e-7d, "OK 1e-7" },
        { "Float", Coercion.ParseValue, -0.000001d, "OK -0.000001" },
        { "Float", Coercion.ParseValue, 123456789012L, "OK 123456789012" },
        { "Float", Coercion.ParseValue, double.NaN, "ERR Float cannot represent non numeric value: NaN" },
        { "Float", Coercion.ParseValue, double.PositiveInfinity, "ERR Float cannot represent non numeric value: Infinity" },
        { "Float", Coercion.ParseValue, double.NegativeInfinity, "ERR Float cannot represent non numeric value: -Infinity" },
        { "Float", Coercion.ParseValue, true, "ERR Float cannot represent non numeric value: true" },
        { "Float", Coercion.ParseValue, false, "ERR Float cannot represent non numeric value: false" },
        { "Float", Coercion.ParseValue, "1", "ERR Float cannot represent non numeric value: \"1\"" },
        { "Float", Coercion.ParseValue, "-7", "ERR Float cannot represent non numeric value: \"-7\"" },
        { "Float", Coercion.ParseValue, "1.5", "ERR Float cannot represent non numeric value: \"1.5\"" },
        { "Float", Coercion.ParseValue, "", "ERR Float cannot represent non numeric value: \"\"" },
        { "Float", Coercion.ParseValue, " 12 ", "ERR Float cannot represent non numeric value: \" 12 \"" },
        { "Float", Coercion.ParseValue, "0x10", "ERR Float cannot represent non numeric value: \"0x10\"" },
        { "Float", Coercion.ParseValue, "abc", "ERR Float cannot represent non numeric value: \"abc\"" },
        { "Float", Coercion.ParseValue, "1e3", "ERR Float cannot represent non numeric value: \"1e3\"" },
        { "Float", Coercion.ParseValue, "Infinity", "ERR Float cannot represent non numeric value: \"Infinity\"" },
        { "Float", Coercion.ParseValue, List(1, 2), "ERR Float cannot represent non numeric value: [1, 2]" },
        { "Float", Coercion.ParseValue, Map("a", 1), "ERR Float cannot represent non numeric value: { a: 1 }" },
        { "Float", Coercion.ParseValue, null, "ERR Float cannot represent non numeric value: null" },
        { "String", Coercion.Serialize, 1, "OK \"1\"" },
        { "String", Coercion.Serialize, -1, "OK \"-1\"" },
        { "String", Coercion.Serialize, 1.5d, "OK \"1.5\"" },
        { "String", Coercion.Serialize, 2147483647, "OK \"2147483647\"" },
        { "String", Coercion.Serialize, 2147483648L, "OK \"2147483648\"" },
        { "String", Coercion.Serialize, -2147483649L, "OK \"-2147483649\"" },
        { "String", Coercion.Serialize, 1e21d, "OK \"1e+21\"" },
        { "String", Coercion.Serialize, 0.1d, "OK \"0.1\"" },
        { "String", Coercion.Serialize, 1e-7d, "OK \"1e-7\"" },
        { "String", Coercion.Serialize, -0.000001d, "OK \"-0.000001\"" },
        { "String", Coercion.Serialize, 123456789012L, "OK \"123456789012\"" },
        { "String", Coercion.Serialize, double.NaN, "ERR String cannot represent value: NaN" },
        { "String", Coercion.Serialize, double.PositiveInfinity, "ERR String cannot represent value: Infinity" },
        { "String", Coercion.Serialize, double.NegativeInfinity, "ERR String cannot represent value: -Infinity" },
        { "String", Coercion.Serialize, true, "OK \"true\"" },
        { "String", Coercion.Serialize, false, "OK \"false\"" },
        { "String", Coercion.Serialize, "1", "OK \"1\"" },
        { "String", Coercion.Serialize, "-7", "OK \"-7\"" },
        { "String", Coercion.Serialize, "1.5", "OK \"1.5\"" },
        { "String", Coercion.Serialize, "", "OK \"\"" },
        { "String", Coercion.Serialize, " 12 ", "OK \" 12 \"" },
        { "String", Coercion.Serialize, "0x10", "OK \"0x10\"" },
        { "String", Coercion.Serialize, "abc", "OK \"abc\"" },
        { "String", Coercion.Serialize, "1e3", "OK \"1e3\"" },
        { "String", Coercion.Serialize, "Infinity", "OK \"Infinity\"" },
        { "String", Coercion.Serialize, List(1, 2), "ERR String cannot represent value: [1, 2]" },
        { "String", Coercion.Serialize, Map("a", 1), "ERR String cannot represent value: { a: 1 }" },
        { "String", Coercion.ParseValue, 1, "ERR String cannot represent a non string value: 1" },
        { "String", Coercion.ParseValue, -1, "ERR String cannot represent a non string value: -1" },
        { "String", Coercion.ParseValue, 1.5d, "ERR String cannot represent a non string value: 1.5" },
        { "String", Coercion.ParseValue, 2147483647, "ERR String cannot represent a non string value: 2147483647" },
        { "String", Coercion.ParseValue, 2147483648L, "ERR String cannot represent a non string value: 2147483648" },
        { "String", Coercion.ParseValue, -2147483649L, "ERR String cannot represent a non string value: -2147483649" },
        { "String", Coercion.ParseValue, 1e21d, "ERR String cannot represent a non string value: 1e+21" },
        { "String", Coercion.ParseValue, 0.1d, "ERR String cannot represent a non string value: 0.1" },
        { "String", Coercion.ParseValue, 1e-7d, "ERR String cannot represent a non string value: 1e-7" },
        { "String", Coercion.ParseValue, -0.000001d, "ERR String cannot represent a non string value: -0.000001" },
        { "String", Coercion.ParseValue, 123456789012L, "ERR String cannot represent a non string value: 123456789012" },
        { "String", Coercion.ParseValue, double.NaN, "ERR String cannot represent a non string value: NaN" },
        { "String", Coercion.ParseValue, double.PositiveInfinity, "ERR String cannot represent a non string value: Infinity" },
        { "String", Coercion.ParseValue, double.NegativeInfinity, "ERR String cannot represent a non string value: -Infinity" },
        { "String", Coercion.ParseValue, true, "ERR String cannot represent a non string value: true" },
        { "String", Coercion.ParseValue, false, "ERR String cannot represent a non string value: false" },
        { "String", Coercion.ParseValue, "1", "OK \"1\"" },
        { "String", Coercion.ParseValue, "-7", "OK \"-7\"" },
        { "String", Coercion.ParseValue, "1.5", "OK \"1.5\"" },
        { "String", Coercion.ParseValue, "", "OK \"\"" },
        { "String", Coercion.ParseValue, " 12 ", "OK \" 12 \"" },
        { "String", Coercion.ParseValue, "0x10", "OK \"0x10\"" },
        { "String", Coercion.ParseValue, "abc", "OK \"abc\"" },
        { "String", Coercion.ParseValue, "1e3", "OK \"1e3\"" },
        { "String", Coercion.ParseValue, "Infinity", "OK \"Infinity\"" },
        { "String", Coercion.ParseValue, List(1, 2), "ERR String cannot represent a non string value: [1, 2]" },
        { "String", Coercion.ParseValue, Map("a", 1), "ERR String cannot represent a non string value: { a: 1 }" },
        { "String", Coercion.ParseValue, null, "ERR String cannot represent a non string value: null" },
        { "Boolean", Coercion.Serialize, 1, "OK true" },
        { "Boolean", Coercion.Serialize, -1, "OK true" },
        { "Boolean", Coercion.Serialize, 1.5d, "OK true" },
        { "Boolean", Coercion.Serialize, 2147483647, "OK true" },
        { "Boolean", Coercion.Serialize, 2147483648L, "OK true" },
        { "Boolean", Coercion.Serialize, -2147483649L, "OK true" },
        { "Boolean", Coercion.Serialize, 1e21d, "OK true" },
        { "Boolean", Coercion.Serialize, 0.1d, "OK true" },
        { "Boolean", Coercion.Serialize, 1e-7d, "OK true" },
        { "Boolean", Coercion.Serialize, -0.000001d, "OK true" },
        { "Boolean", Coercion.Serialize, 123456789012L, "OK true" },
        { "Boolean", Coercion.Serialize, double.NaN, "ERR Boolean cannot represent a non boolean value: NaN" },
        { "Boolean", Coercion.Serialize, double.PositiveInfinity, "ERR Boolean cannot represent a non boolean value: Infinity" },
        { "Boolean", Coercion.Serialize, double.NegativeInfinity, "ERR Boolean cannot represent a non boolean value: -Infinity" },
        { "Boolean", Coercion.Serialize, true, "OK true" },
        { "Boolean", Coercion.Serialize, false, "OK false" },
        { "Boolean", Coercion.Serialize, "1", "ERR Boolean cannot represent a non boolean value: \"1\"" },
        { "Boolean", Coercion.Serialize, "-7", "ERR Boolean cannot represent a non boolean value: \"-7\"" },
        { "Boolean", Coercion.Serialize, "1.5", "ERR Boolean cannot represent a non boolean value: \"1.5\"" },
        { "Boolean", Coercion.Serialize, "", "ERR Boolean cannot represent a non boolean value: \"\"" },
        { "Boolean", Coercion.Serialize, " 12 ", "ERR Boolean cannot represent a non boolean value: \" 12 \"" },
        { "Boolean", Coercion.Serialize, "0x10", "ERR Boolean cannot represent a non boolean value: \"0x10\"" },
        { "Boolean", Coercion.Serialize, "abc", "ERR Boolean cannot represent a non boolean value: \"abc\"" },
        { "Boolean", Coercion.Serialize, "1e3", "ERR Boolean cannot represent a non boolean value: \"1e3\"" },
        { "Boolean", Coercion.Serialize, "Infinity", "ERR Boolean cannot represent a non boolean value: \"Infinity\"" },
        { "Boolean", Coercion.Serialize, List(1, 2), "ERR Boolean cannot represent a non boolean value: [1, 2]" },
        { "Boolean", Coercion.Serialize, Map("a", 1), "ERR Boolean cannot represent a non boolean value: { a: 1 }" },
        { "Boolean", Coercion.ParseValue, 1, "ERR Boolean cannot represent a non boolean value: 1" },
        { "Boolean", Coercion.ParseValue, -1, "ERR Boolean cannot represent a non boolean value: -1" },
        { "Boolean", Coercion.ParseValue, 1.5d, "ERR Boolean cannot represent a non boolean value: 1.5" },
        { "Boolean", Coercion.ParseValue, 2147483647, "ERR Boolean cannot represent a non boolean value: 2147483647" },
        { "Boolean", Coercion.ParseValue, 2147483648L, "ERR Boolean cannot represent a non boolean value: 2147483648" },
        { "Boolean", Coercion.ParseValue, -2147483649L, "ERR Boolean cannot represent a non boolean value: -2147483649" },
        { "Boolean", Coercion.ParseValue, 1e21d, "ERR Boolean cannot represent a non boolean value: 1e+21" },
        { "Boolean", Coercion.ParseValue, 0.1d, "ERR Boolean cannot represent a non boolean value: 0.1" },
        { "Boolean", Coercion.ParseValue, 1e-7d, "ERR Boolean cannot represent a non boolean value: 1e-7" },
        { "Boolean", Coercion.ParseValue, -0.000001d, "ERR Boolean cannot represent a non boolean value: -0.000001" },
        { "Boolean", Coercion.ParseValue, 123456789012L, "ERR Boolean cannot represent a non boolean value: 123456789012" },
        { "Boolean", Coercion.ParseValue, double.NaN, "ERR Boolean cannot represent a non boolean value: NaN" },
        { "Boolean", Coercion.ParseValue, double.PositiveInfinity, "ERR Boolean cannot represent a non boolean value: Infinity" },
        { "Boolean", Coercion.ParseValue, double.NegativeInfinity, "ERR Boolean cannot represent a non boolean value: -Infinity" },
        { "Boolean", Coercion.ParseValue, true, "OK true" },
        { "Boolean", Coercion.ParseValue, false, "OK false" },
        { "Boolean", Coercion.ParseValue, "1", "ERR Boolean cannot represent a non boolean value: \"1\"" },
        { "Boolean", Coercion.ParseValue, "-7", "ERR Boolean cannot represent a non boolean value: \"-7\"" },
        { "Boolean", Coercion.ParseValue, "1.5", "ERR Boolean cannot represent a non boolean value: \"1.5\"" },
        { "Boolean", Coercion.ParseValue, "", "ERR Boolean cannot represent a non boolean value: \"\"" },
        { "Boolean", Coercion.ParseValue, " 12 ", "ERR Boolean cannot represent a non boolean value: \" 12 \"" },
        { "Boolean", Coercion.ParseValue, "0x10", "ERR Boolean cannot represent a non boolean value: \"0x10\"" },
        { "Boolean", Coercion.ParseValue, "abc", "ERR Boolean cannot represent a non boolean value: \"abc\"" },
        { "Boolean", Coercion.ParseValue, "1e3", "ERR Boolean cannot represent a non boolean value: \"1e3\"" },
        { "Boolean", Coercion.ParseValue, "Infinity", "ERR Boolean cannot represent a non boolean value: \"Infinity\"" },
        { "Boolean", Coercion.ParseValue, List(1, 2), "ERR Boolean cannot represent a non boolean value: [1, 2]" },
        { "Boolean", Coercion.ParseValue, Map("a", 1), "ERR Boolean cannot represent a non boolean value: { a: 1 }" },
        { "Boolean", Coercion.ParseValue, null, "ERR Boolean cannot represent a non boolean value: null" },
        { "ID", Coercion.Serialize, 1, "OK \"1\"" },
        { "ID", Coercion.Serialize, -1, "OK \"-1\"" },
        { "ID", Coercion.Serialize, 1.5d, "ERR ID cannot represent value: 1.5" },
        { "ID", Coercion.Serialize, 2147483647, "OK \"2147483647\"" },
        { "ID", Coercion.Serialize, 2147483648L, "OK \"2147483648\"" },
        { "ID", Coercion.Serialize, -2147483649L, "OK \"-2147483649\"" },
        { "ID", Coercion.Serialize, 1e21d, "OK \"1e+21\"" },
        { "ID", Coercion.Serialize, 0.1d, "ERR ID cannot represent value: 0.1" },
        { "ID", Coercion.Serialize, 1e-7d, "ERR ID cannot represent value: 1e-7" },
        { "ID", Coercion.Serialize, -0.000001d, "ERR ID cannot represent value: -0.000001" },
        { "ID", Coercion.Serialize, 123456789012L, "OK \"123456789012\"" },
        { "ID", Coercion.Serialize, double.NaN, "ERR ID cannot represent value: NaN" },
        { "ID", Coercion.Serialize, double.PositiveInfinity, "ERR ID cannot represent value: Infinity" },
        { "ID", Coercion.Serialize, double.NegativeInfinity, "ERR ID cannot represent value: -Infinity" },
        { "ID", Coercion.Serialize, true, "ERR ID cannot represent value: true" },
        { "ID", Coercion.Serialize, false, "ERR ID cannot represent value: false" },
        { "ID", Coercion.Serialize, "1", "OK \"1\"" },
        { "ID", Coercion.Serialize, "-7", "OK \"-7\"" },
        { "ID", Coercion.Serialize, "1.5", "OK \"1.5\"" },
        { "ID", Coercion.Serialize, "", "OK \"\"" },
        { "ID", Coercion.Serialize, " 12 ", "OK \" 12 \"" },
        { "ID", Coercion.Serialize, "0x10", "OK \"0x10\"" },
        { "ID", Coercion.Serialize, "abc", "OK \"abc\"" },
        { "ID", Coercion.Serialize, "1e3", "OK \"1e3\"" },
        { "ID", Coercion.Serialize, "Infinity", "OK \"Infinity\"" },
        { "ID", Coercion.Serialize, List(1, 2), "ERR ID cannot represent value: [1, 2]" },
        { "ID", Coercion.Serialize, Map("a", 1), "ERR ID cannot represent value: { a: 1 }" },
        { "ID", Coercion.ParseValue, 1, "OK \"1\"" },
        { "ID", Coercion.ParseValue, -1, "OK \"-1\"" },
        { "ID", Coercion.ParseValue, 1.5d, "ERR ID cannot represent value: 1.5" },
        { "ID", Coercion.ParseValue, 2147483647, "OK \"2147483647\"" },
        { "ID", Coercion.ParseValue, 2147483648L, "OK \"2147483648\"" },
        { "ID", Coercion.ParseValue, -2147483649L, "OK \"-2147483649\"" },
        { "ID", Coercion.ParseValue, 1e21d, "OK \"1e+21\"" },
        { "ID", Coercion.ParseValue, 0.1d, "ERR ID cannot represent value: 0.1" },
        { "ID", Coercion.ParseValue, 1e-7d, "ERR ID cannot represent value: 1e-7" },
        { "ID", Coercion.ParseValue, -0.000001d, "ERR ID cannot represent value: -0.000001" },
        { "ID", Coercion.ParseValue, 123456789012L, "OK \"123456789012\"" },
        { "ID", Coercion.ParseValue, double.NaN, "ERR ID cannot represent value: NaN" },
        { "ID", Coercion.ParseValue, double.PositiveInfinity, "ERR ID cannot represent value: Infinity" },
        { "ID", Coercion.ParseValue, double.NegativeInfinity, "ERR ID cannot represent value: -Infinity" },
        { "ID", Coercion.ParseValue, true, "ERR ID cannot represent value: true" },
        { "ID", Coercion.ParseValue, false, "ERR ID cannot represent value: false" },
        { "ID", Coercion.ParseValue, "1", "OK \"1\"" },
        { "ID", Coercion.ParseValue, "-7", "OK \"-7\"" },
        { "ID", Coercion.ParseValue, "1.5", "OK \"1.5\"" },
        { "ID", Coercion.ParseValue, "", "OK \"\"" },
        { "ID", Coercion.ParseValue, " 12 ", "OK \" 12 \"" },
        { "ID", Coercion.ParseValue, "0x10", "OK \"0x10\"" },
        { "ID", Coercion.ParseValue, "abc", "OK \"abc\"" },
        { "ID", Coercion.ParseValue, "1e3", "OK \"1e3\"" },
        { "ID", Coercion.ParseValue, "Infinity", "OK \"Infinity\"" },
        { "ID", Coercion.ParseValue, List(1, 2), "ERR ID cannot represent value: [1, 2]" },
        { "ID", Coercion.ParseValue, Map("a", 1), "ERR ID cannot represent value: { a: 1 }" },
        { "ID", Coercion.ParseValue, null, "ERR ID cannot represent value: null" },
    };

    public static TheoryData<string, string, string> LiteralRows => new()
    {
        { "Int", "1", "OK 1" },
        { "Int", "-2147483648", "OK -2147483648" },
        { "Int", "-2147483649", "ERR Int cannot represent non 32-bit signed integer value: -2147483649 @1:1" },
        { "Int", "2147483648", "ERR Int cannot represent non 32-bit signed integer value: 2147483648 @1:1" },
        { "Int", "1.5", "ERR Int cannot represent non-integer value: 1.5 @1:1" },
        { "Int", "1e3", "ERR Int cannot represent non-integer value: 1e3 @1:1" },
        { "Int", "\"x\"", "ERR Int cannot represent non-integer value: \"x\" @1:1" },
        { "Int", "\"\"", "ERR Int cannot represent non-integer value: \"\" @1:1" },
        { "Int", "\"\"\"block\"\"\"", "ERR Int cannot represent non-integer value: \"\"\"block\"\"\" @1:1" },
        { "Int", "true", "ERR Int cannot represent non-integer value: true @1:1" },
        { "Int", "null", "ERR Int cannot represent non-integer value: null @1:1" },
        { "Int", "ENUM", "ERR Int cannot represent non-integer value: ENUM @1:1" },
        { "Int", "[1, 2]", "ERR Int cannot represent non-integer value: [1, 2] @1:1" },
        { "Int", "{a: 1, b: \"c\"}", "ERR Int cannot represent non-integer value: { a: 1, b: \"c\" } @1:1" },
        { "Int", "{}", "ERR Int cannot represent non-integer value: {  } @1:1" },
        { "Int", "[]", "ERR Int cannot represent non-integer value: [] @1:1" },
        { "Float", "1", "OK 1" },
        { "Float", "-2147483648", "OK -2147483648" },
        { "Float", "-2147483649", "OK -2147483649" },
        { "Float", "2147483648", "OK 2147483648" },
        { "Float", "1.5", "OK 1.5" },
        { "Float", "1e3", "OK 1000" },
        { "Float", "\"x\"", "ERR Float cannot represent non numeric value: \"x\" @1:1" },
        { "Float", "\"\"", "ERR Float cannot represent non numeric value: \"\" @1:1" },
        { "Float", "\"\"\"block\"\"\"", "ERR Float cannot represent non numeric value: \"\"\"block\"\"\" @1:1" },
        { "Float", "true", "ERR Float cannot represent non numeric value: true @1:1" },
        { "Float", "null", "ERR Float cannot represent non numeric value: null @1:1" },
        { "Float", "ENUM", "ERR Float cannot represent non numeric value: ENUM @1:1" },
        { "Float", "[1, 2]", "ERR Float cannot represent non numeric value: [1, 2] @1:1" },
        { "Float", "{a: 1, b: \"c\"}", "ERR Float cannot represent non numeric value: { a: 1, b: \"c\" } @1:1" },
        { "Float", "{}", "ERR Float cannot represent non numeric value: {  } @1:1" },
        { "Float", "[]", "ERR Float cannot represent non numeric value: [] @1:1" },
        { "String", "1", "ERR String cannot represent a non string value: 1 @1:1" },
        { "String", "-2147483648", "ERR String cannot represent a non string value: -2147483648 @1:1" },
        { "String", "-2147483649", "ERR String cannot represent a non string value: -2147483649 @1:1" },
        { "String", "2147483648", "ERR String cannot represent a non string value: 2147483648 @1:1" },
        { "String", "1.5", "ERR String cannot represent a non string value: 1.5 @1:1" },
        { "String", "1e3", "ERR String cannot represent a non string value: 1e3 @1:1" },
        { "String", "\"x\"", "OK \"x\"" },
        { "String", "\"\"", "OK \"\"" },
        { "String", "\"\"\"block\"\"\"", "OK \"block\"" },
        { "String", "true", "ERR String cannot represent a non string value: true @1:1" },
        { "String", "null", "ERR String cannot represent a non string value: null @1:1" },
        { "String", "ENUM", "ERR String cannot represent a non string value: ENUM @1:1" },
        { "String", "[1, 2]", "ERR String cannot represent a non string value: [1, 2] @1:1" },
        { "String", "{a: 1, b: \"c\"}", "ERR String cannot represent a non string value: { a: 1, b: \"c\" } @1:1" },
        { "String", "{}", "ERR String cannot represent a non string value: {  } @1:1" },
        { "String", "[]", "ERR String cannot represent a non string value: [] @1:1" },
        { "Boolean", "1", "ERR Boolean cannot represent a non boolean value: 1 @1:1" },
        { "Boolean", "-2147483648", "ERR Boolean cannot represent a non boolean value: -2147483648 @1:1" },
        { "Boolean", "-2147483649", "ERR Boolean cannot represent a non boolean value: -2147483649 @1:1" },
        { "Boolean", "2147483648", "ERR Boolean cannot represent a non boolean value: 2147483648 @1:1" },
        { "Boolean", "1.5", "ERR Boolean cannot represent a non boolean value: 1.5 @1:1" },
        { "Boolean", "1e3", "ERR Boolean cannot represent a non boolean value: 1e3 @1:1" },
        { "Boolean", "\"x\"", "ERR Boolean cannot represent a non boolean value: \"x\" @1:1" },
        { "Boolean", "\"\"", "ERR Boolean cannot represent a non boolean value: \"\" @1:1" },
        { "Boolean", "\"\"\"block\"\"\"", "ERR Boolean cannot represent a non boolean value: \"\"\"block\"\"\" @1:1" },
        { "Boolean", "true", "OK true" },
        { "Boolean", "null", "ERR Boolean cannot represent a non boolean value: null @1:1" },
        { "Boolean", "ENUM", "ERR Boolean cannot represent a non boolean value: ENUM @1:1" },
        { "Boolean", "[1, 2]", "ERR Boolean cannot represent a non boolean value: [1, 2] @1:1" },
        { "Boolean", "{a: 1, b: \"c\"}", "ERR Boolean cannot represent a non boolean value: { a: 1, b: \"c\" } @1:1" },
        { "Boolean", "{}", "ERR Boolean cannot represent a non boolean value: {  } @1:1" },
        { "Boolean", "[]", "ERR Boolean cannot represent a non boolean value: [] @1:1" },
        { "ID", "1", "OK \"1\"" },
        { "ID", "-2147483648", "OK \"-2147483648\"" },
        { "ID", "-2147483649", "OK \"-2147483649\"" },
        { "ID", "2147483648", "OK \"2147483648\"" },
        { "ID", "1.5", "ERR ID cannot represent a non-string and non-integer value: 1.5 @1:1" },
        { "ID", "1e3", "ERR ID cannot represent a non-string and non-integer value: 1e3 @1:1" },
        { "ID", "\"x\"", "OK \"x\"" },
        { "ID", "\"\"", "OK \"\"" },
        { "ID", "\"\"\"block\"\"\"", "OK \"block\"" },
        { "ID", "true", "ERR ID cannot represent a non-string and non-integer value: true @1:1" },
        { "ID", "null", "ERR ID cannot represent a non-string and non-integer value: null @1:1" },
        { "ID", "ENUM", "ERR ID cannot represent a non-string and non-integer value: ENUM @1:1" },
        { "ID", "[1, 2]", "ERR ID cannot represent a non-string and non-integer value: [1, 2] @1:1" },
        { "ID", "{a: 1, b: \"c\"}", "ERR ID cannot represent a non-string and non-integer value: { a: 1, b: \"c\" } @1:1" },
        { "ID", "{}", "ERR ID cannot represent a non-string and non-integer value: {  } @1:1" },
        { "ID", "[]", "ERR ID cannot represent a non-string and non-integer value: [] @1:1" },
    };
}

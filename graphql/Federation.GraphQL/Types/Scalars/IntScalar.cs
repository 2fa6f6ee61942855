using System.Globalization;
using System.Numerics;
using Federation.GraphQL.Language;
using Federation.GraphQL.Language.Syntax;

namespace Federation.GraphQL.Types.Scalars;

/// <summary>
/// https://spec.graphql.org/September2025/#sec-Int — "The Int scalar type represents a signed
/// 32-bit numeric non-fractional value." Coerces as graphql-js 17.1.0 does: results accept
/// integral numbers, booleans and numeric strings; inputs accept integral numbers only.
/// </summary>
internal sealed class IntScalar() : ScalarType("Int")
{
    public override object? Serialize(object value)
    {
        switch (value)
        {
            case int i:
                return i;
            case bool b:
                return b ? 1 : 0;
            case string s:
                return FromString(s);
            case BigInteger big:
                return FromBigInteger(big);
        }

        if (ValueInspector.AsJsNumber(value) is { } number)
        {
            return FromNumber(number);
        }

        CoercionError.Throw($"Int cannot represent non-integer value: {ValueInspector.Inspect(value)}");
        return null;
    }

    public override object? ParseValue(object? value)
    {
        switch (value)
        {
            case int i:
                return i;
            case BigInteger big:
                return FromBigInteger(big);
        }

        if (ValueInspector.AsJsNumber(value) is { } number)
        {
            return FromNumber(number);
        }

        CoercionError.Throw($"Int cannot represent non-integer value: {ValueInspector.Inspect(value)}");
        return null;
    }

    public override object? ParseLiteral(ValueNode literal)
    {
        if (literal is not IntValueNode intLiteral)
        {
            CoercionError.Throw($"Int cannot represent non-integer value: {Printer.PrintForError(literal)}", literal);
            return null;
        }

        if (!int.TryParse(intLiteral.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var result))
        {
            CoercionError.Throw($"Int cannot represent non 32-bit signed integer value: {intLiteral.Value}", literal);
        }

        return result;
    }

    /// <param name="text">The string the number was read from, if any: messages quote it rather than the number.</param>
    private static int FromNumber(double number, string? text = null)
    {
        if (!JsNumber.IsInteger(number))
        {
            CoercionError.Throw($"Int cannot represent non-integer value: {Shown(number, text)}");
        }

        if (number is > int.MaxValue or < int.MinValue)
        {
            CoercionError.Throw($"Int cannot represent non 32-bit signed integer value: {Shown(number, text)}");
        }

        return (int)number;
    }

    private static int FromString(string text) => FromNumber(text.Length == 0 ? double.NaN : JsNumber.Parse(text), text);

    private static string Shown(double number, string? text) => text is null ? JsNumber.Format(number) : ValueInspector.Quote(text);

    private static int FromBigInteger(BigInteger value)
    {
        if (value > int.MaxValue || value < int.MinValue)
        {
            CoercionError.Throw($"Int cannot represent non 32-bit signed integer value: {value.ToString(CultureInfo.InvariantCulture)}");
        }

        return (int)value;
    }
}

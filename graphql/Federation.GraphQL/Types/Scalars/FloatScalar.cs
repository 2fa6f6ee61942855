using System.Globalization;
using System.Numerics;
using Federation.GraphQL.Language;
using Federation.GraphQL.Language.Syntax;

namespace Federation.GraphQL.Types.Scalars;

/// <summary>
/// https://spec.graphql.org/September2025/#sec-Float — "The Float scalar type represents signed
/// double-precision finite values as specified by IEEE 754." Coerces as graphql-js 17.1.0 does:
/// results accept finite numbers, booleans and numeric strings; inputs accept finite numbers,
/// literals accept Int and Float.
/// </summary>
internal sealed class FloatScalar() : ScalarType("Float")
{
    public override object? Serialize(object value)
    {
        switch (value)
        {
            case bool b:
                return b ? 1.0 : 0.0;
            case string s:
                return FromString(s);
            case BigInteger big:
                return FromBigInteger(big);
        }

        if (ValueInspector.AsJsNumber(value) is { } number)
        {
            return FromNumber(number);
        }

        CoercionError.Throw($"Float cannot represent non numeric value: {ValueInspector.Inspect(value)}");
        return null;
    }

    public override object? ParseValue(object? value)
    {
        if (value is BigInteger big)
        {
            return FromBigInteger(big);
        }

        if (ValueInspector.AsJsNumber(value) is { } number)
        {
            return FromNumber(number);
        }

        CoercionError.Throw($"Float cannot represent non numeric value: {ValueInspector.Inspect(value)}");
        return null;
    }

    public override object? ParseLiteral(ValueNode literal)
    {
        switch (literal)
        {
            case FloatValueNode f:
                return double.Parse(f.Value, NumberStyles.Float, CultureInfo.InvariantCulture);
            case IntValueNode i:
                return double.Parse(i.Value, NumberStyles.Float, CultureInfo.InvariantCulture);
        }

        CoercionError.Throw($"Float cannot represent non numeric value: {Printer.PrintForError(literal)}", literal);
        return null;
    }

    private static double FromNumber(double number)
    {
        if (!double.IsFinite(number))
        {
            CoercionError.Throw($"Float cannot represent non numeric value: {JsNumber.Format(number)}");
        }

        return number;
    }

    private static double FromString(string text)
    {
        var number = text.Length == 0 ? double.NaN : JsNumber.Parse(text);
        if (!double.IsFinite(number))
        {
            CoercionError.Throw($"Float cannot represent non numeric value: {ValueInspector.Quote(text)}");
        }

        return number;
    }

    private static double FromBigInteger(BigInteger value)
    {
        var number = (double)value;
        if (!double.IsFinite(number))
        {
            CoercionError.Throw($"Float cannot represent non numeric value: {value.ToString(CultureInfo.InvariantCulture)} (value is too large)");
        }

        if (new BigInteger(number) != value)
        {
            CoercionError.Throw($"Float cannot represent non numeric value: {value.ToString(CultureInfo.InvariantCulture)} (value would lose precision)");
        }

        return number;
    }
}

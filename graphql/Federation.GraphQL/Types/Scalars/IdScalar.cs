using System.Globalization;
using System.Numerics;
using Federation.GraphQL.Language;
using Federation.GraphQL.Language.Syntax;

namespace Federation.GraphQL.Types.Scalars;

/// <summary>
/// https://spec.graphql.org/September2025/#sec-ID — "The ID scalar type represents a unique
/// identifier ... serialized in the same way as a String"; "any string (such as "4") or integer
/// (such as 4) input value should be coerced to ID". Coerces as graphql-js 17.1.0 does: strings
/// and integral numbers, always to a string.
/// </summary>
internal sealed class IdScalar() : ScalarType("ID")
{
    public override object? Serialize(object value) => Coerce(value);

    public override object? ParseValue(object? value) => Coerce(value);

    public override object? ParseLiteral(ValueNode literal)
    {
        switch (literal)
        {
            case StringValueNode s:
                return s.Value;
            case IntValueNode i:
                return i.Value;
        }

        CoercionError.Throw($"ID cannot represent a non-string and non-integer value: {Printer.PrintForError(literal)}", literal);
        return null;
    }

    private static string Coerce(object? value)
    {
        switch (value)
        {
            case string s:
                return s;
            case BigInteger big:
                return big.ToString(CultureInfo.InvariantCulture);
            case int i:
                return i.ToString(CultureInfo.InvariantCulture);
            case long l:
                return l.ToString(CultureInfo.InvariantCulture);
        }

        if (ValueInspector.AsJsNumber(value) is { } number && JsNumber.IsInteger(number))
        {
            return JsNumber.Format(number);
        }

        CoercionError.Throw($"ID cannot represent value: {ValueInspector.Inspect(value)}");
        return null!;
    }
}

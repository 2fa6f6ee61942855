using System.Globalization;
using System.Numerics;
using Federation.GraphQL.Language;
using Federation.GraphQL.Language.Syntax;

namespace Federation.GraphQL.Types.Scalars;

/// <summary>
/// https://spec.graphql.org/September2025/#sec-String — "The String scalar type represents
/// textual data, represented as a sequence of Unicode code points." Coerces as graphql-js
/// 17.1.0 does: results accept strings, booleans and finite numbers; inputs accept strings only.
/// </summary>
internal sealed class StringScalar() : ScalarType("String")
{
    public override object? Serialize(object value)
    {
        switch (value)
        {
            case string s:
                return s;
            case bool b:
                return b ? "true" : "false";
            case BigInteger big:
                return big.ToString(CultureInfo.InvariantCulture);
        }

        if (ValueInspector.AsJsNumber(value) is { } number && double.IsFinite(number))
        {
            return JsNumber.Format(number);
        }

        CoercionError.Throw($"String cannot represent value: {ValueInspector.Inspect(value)}");
        return null;
    }

    public override object? ParseValue(object? value)
    {
        if (value is not string text)
        {
            CoercionError.Throw($"String cannot represent a non string value: {ValueInspector.Inspect(value)}");
            return null;
        }

        return text;
    }

    public override object? ParseLiteral(ValueNode literal)
    {
        if (literal is not StringValueNode text)
        {
            CoercionError.Throw($"String cannot represent a non string value: {Printer.PrintForError(literal)}", literal);
            return null;
        }

        return text.Value;
    }
}

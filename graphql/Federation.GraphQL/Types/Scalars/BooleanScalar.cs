using System.Numerics;
using Federation.GraphQL.Language;
using Federation.GraphQL.Language.Syntax;

namespace Federation.GraphQL.Types.Scalars;

/// <summary>
/// https://spec.graphql.org/September2025/#sec-Boolean — "The Boolean scalar type represents
/// true or false." Coerces as graphql-js 17.1.0 does: results accept booleans and finite numbers
/// (non-zero is true); inputs accept booleans only.
/// </summary>
internal sealed class BooleanScalar() : ScalarType("Boolean")
{
    public override object? Serialize(object value)
    {
        switch (value)
        {
            case bool b:
                return b;
            case BigInteger big:
                return !big.IsZero;
        }

        if (ValueInspector.AsJsNumber(value) is { } number && double.IsFinite(number))
        {
            return number != 0;
        }

        CoercionError.Throw($"Boolean cannot represent a non boolean value: {ValueInspector.Inspect(value)}");
        return null;
    }

    public override object? ParseValue(object? value)
    {
        if (value is not bool b)
        {
            CoercionError.Throw($"Boolean cannot represent a non boolean value: {ValueInspector.Inspect(value)}");
            return null;
        }

        return b;
    }

    public override object? ParseLiteral(ValueNode literal)
    {
        if (literal is not BooleanValueNode b)
        {
            CoercionError.Throw($"Boolean cannot represent a non boolean value: {Printer.PrintForError(literal)}", literal);
            return null;
        }

        return b.Value;
    }
}

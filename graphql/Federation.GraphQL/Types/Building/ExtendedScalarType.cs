using Federation.GraphQL.Language.Syntax;

namespace Federation.GraphQL.Types.Building;

/// <summary>A scalar given more directives by an extension; it coerces as the scalar it extends.</summary>
internal sealed class ExtendedScalarType(ScalarType extended) : ScalarType(extended.Name)
{
    public override object? Serialize(object value) => extended.Serialize(value);

    public override object? ParseValue(object? value) => extended.ParseValue(value);

    public override object? ParseLiteral(ValueNode literal) => extended.ParseLiteral(literal);
}

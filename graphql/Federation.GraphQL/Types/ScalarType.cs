using Federation.GraphQL.Language.Syntax;

namespace Federation.GraphQL.Types;

/// <summary>
/// https://spec.graphql.org/September2025/#sec-Scalars — a leaf type with its three coercions.
/// Input values arrive as plain CLR values: null, bool, int, long, double, decimal, string,
/// <c>IReadOnlyList&lt;object?&gt;</c> and <c>IReadOnlyDictionary&lt;string, object?&gt;</c>.
/// Each coercion throws <see cref="GraphQLException"/> when the value does not fit.
/// </summary>
public class ScalarType(string name) : NamedType(name)
{
    /// <summary>https://spec.graphql.org/September2025/#sec-Scalars.Custom-Scalars</summary>
    public string? SpecifiedByUrl { get; init; }

    /// <summary>Result coercion: from an internal value to what is written in the response.</summary>
    public virtual object? Serialize(object value) => value;

    /// <summary>Input coercion of a value given in variables.</summary>
    public virtual object? ParseValue(object? value) => value;

    /// <summary>Input coercion of a literal. Variables inside lists and objects are already substituted.</summary>
    public virtual object? ParseLiteral(ValueNode literal) => ValueFromLiteral.Untyped(literal);
}

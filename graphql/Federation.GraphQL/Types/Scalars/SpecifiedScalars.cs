namespace Federation.GraphQL.Types.Scalars;

/// <summary>https://spec.graphql.org/September2025/#sec-Scalars.Built-in-Scalars — the five built-in scalars.</summary>
public static class SpecifiedScalars
{
    public static ScalarType Int { get; } = new IntScalar
    {
        Description = "The `Int` scalar type represents non-fractional signed whole numeric values. Int can represent values between -(2^31) and 2^31 - 1.",
    };

    public static ScalarType Float { get; } = new FloatScalar
    {
        Description = "The `Float` scalar type represents signed double-precision fractional values as specified by [IEEE 754](https://en.wikipedia.org/wiki/IEEE_floating_point).",
    };

    public static ScalarType String { get; } = new StringScalar
    {
        Description = "The `String` scalar type represents textual data, represented as UTF-8 character sequences. The String type is most often used by GraphQL to represent free-form human-readable text.",
    };

    public static ScalarType Boolean { get; } = new BooleanScalar
    {
        Description = "The `Boolean` scalar type represents `true` or `false`.",
    };

    public static ScalarType ID { get; } = new IdScalar
    {
        Description = "The `ID` scalar type represents a unique identifier, often used to refetch an object or as key for a cache. The ID type appears in a JSON response as a String; however, it is not intended to be human-readable. When expected as an input type, any string (such as `\"4\"`) or integer (such as `4`) input value will be accepted as an ID.",
    };

    /// <summary>In graphql-js's order (<c>specifiedScalarTypes</c>).</summary>
    public static IReadOnlyList<ScalarType> All { get; } = [String, Int, Float, Boolean, ID];

    public static bool IsSpecified(NamedType type) => type is ScalarType && Get(type.Name) is not null;

    public static ScalarType? Get(string name) => name switch
    {
        "Int" => Int,
        "Float" => Float,
        "String" => String,
        "Boolean" => Boolean,
        "ID" => ID,
        _ => null,
    };
}

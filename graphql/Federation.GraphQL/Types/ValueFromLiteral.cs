using System.Globalization;
using Federation.GraphQL.Language.Syntax;

namespace Federation.GraphQL.Types;

/// <summary>Turns literals into plain CLR values (the shape <see cref="ScalarType"/> documents).</summary>
public static class ValueFromLiteral
{
    /// <summary>
    /// A literal without a type to guide it (graphql-js <c>valueFromASTUntyped</c>).
    /// Variables are looked up in <paramref name="variables"/>; unknown ones are null.
    /// </summary>
    public static object? Untyped(ValueNode literal, IReadOnlyDictionary<string, object?>? variables = null) => literal switch
    {
        NullValueNode => null,
        IntValueNode i => int.TryParse(i.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : double.Parse(i.Value, CultureInfo.InvariantCulture),
        FloatValueNode f => double.Parse(f.Value, CultureInfo.InvariantCulture),
        StringValueNode s => s.Value,
        BooleanValueNode b => b.Value,
        EnumValueNode e => e.Value,
        ListValueNode l => l.Values.Select(v => Untyped(v, variables)).ToArray(),
        ObjectValueNode o => ObjectOf(o, variables),
        VariableNode v => variables is not null && variables.TryGetValue(v.Name.Value, out var value) ? value : null,
        _ => throw new ArgumentOutOfRangeException(nameof(literal), literal.Kind, "Not a value literal."),
    };

    private static Dictionary<string, object?> ObjectOf(ObjectValueNode node, IReadOnlyDictionary<string, object?>? variables)
    {
        var result = new Dictionary<string, object?>(node.Fields.Count);
        foreach (var field in node.Fields)
        {
            result[field.Name.Value] = Untyped(field.Value, variables);
        }

        return result;
    }
}

using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Federation.GraphQL.Language.Syntax;

namespace Federation.Gateway.Composition;

/// <summary>
/// Values as Apollo's supergraph printer writes them (<c>valueToString</c>): strings as
/// <c>JSON.stringify</c> does, lists and objects on one line, numbers as JavaScript numbers.
/// </summary>
internal static partial class SupergraphValues
{
    /// <summary>
    /// The value as Apollo prints it; with its <paramref name="expectedType"/> known, an <c>ID</c>
    /// given as a string of digits prints as a number, as Apollo's <c>valueToString</c> does.
    /// </summary>
    public static string Print(ValueNode value, TypeNode? expectedType) => (value, expectedType) switch
    {
        (_, NonNullTypeNode nonNull) => Print(value, nonNull.Type),
        (ListValueNode list, ListTypeNode listType) => "[" + string.Join(", ", list.Values.Select(v => Print(v, listType.Type))) + "]",
        (_, ListTypeNode listType) => Print(value, listType.Type),
        (StringValueNode text, NamedTypeNode { Name.Value: "ID" }) when IntegerString().IsMatch(text.Value) => text.Value,
        _ => Print(value),
    };

    public static string Print(ValueNode value) => value switch
    {
        StringValueNode text => Quote(text.Value),
        IntValueNode number => number.Value,
        FloatValueNode number => JsNumber(number.Value),
        BooleanValueNode boolean => boolean.Value ? "true" : "false",
        NullValueNode => "null",
        EnumValueNode enumValue => enumValue.Value,
        ListValueNode list => "[" + string.Join(", ", list.Values.Select(Print)) + "]",
        ObjectValueNode obj => "{" + string.Join(", ", obj.Fields.Select(f => f.Name.Value + ": " + Print(f.Value))) + "}",
        VariableNode variable => "$" + variable.Name.Value,
        _ => "",
    };

    public static string PrintArguments(IReadOnlyList<ArgumentNode> arguments) =>
        arguments.Count == 0 ? "" : "(" + string.Join(", ", arguments.Select(a => a.Name.Value + ": " + Print(a.Value))) + ")";

    public static bool Equal(ValueNode? a, ValueNode? b) =>
        a is null ? b is null : b is not null && Print(a) == Print(b);

    /// <summary>A string literal as <c>JSON.stringify</c> writes it.</summary>
    public static string Quote(string text)
    {
        var quoted = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            _ = c switch
            {
                '"' => quoted.Append("\\\""),
                '\\' => quoted.Append("\\\\"),
                '\n' => quoted.Append("\\n"),
                '\r' => quoted.Append("\\r"),
                '\t' => quoted.Append("\\t"),
                '\b' => quoted.Append("\\b"),
                '\f' => quoted.Append("\\f"),
                < ' ' => quoted.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)),
                _ => quoted.Append(c),
            };
        }

        return quoted.Append('"').ToString();
    }

    [GeneratedRegex("^-?(?:0|[1-9][0-9]*)$")]
    private static partial Regex IntegerString();

    private static string JsNumber(string literal)
    {
        var number = double.Parse(literal, CultureInfo.InvariantCulture);
        if (number == Math.Floor(number) && Math.Abs(number) < 1e21)
        {
            return number.ToString("0", CultureInfo.InvariantCulture);
        }

        return number.ToString("R", CultureInfo.InvariantCulture);
    }
}

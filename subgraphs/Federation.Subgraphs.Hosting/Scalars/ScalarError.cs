using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Federation.GraphQL;
using Federation.GraphQL.Language;
using Federation.GraphQL.Language.Syntax;

namespace Federation.Subgraphs.Hosting.Scalars;

/// <summary>
/// Where the agency scalars throw. Coercion errors are <see cref="GraphQLException"/>s, as the
/// built-in scalars throw them, so that validation words them
/// <c>Expected value of type "IdNumber", found "…"; &lt;message&gt;</c> like any other scalar.
/// </summary>
internal static class ScalarError
{
    [DoesNotReturn]
    public static void Throw(string message) => throw new GraphQLException(new GraphQLError(message));

    /// <summary>A literal that does not fit: the error points at it.</summary>
    [DoesNotReturn]
    public static void Throw(string message, ValueNode literal) => throw new GraphQLException(new GraphQLError(message, literal));

    /// <summary><c>IdNumber cannot represent a non string value: 5</c>, as graphql-js words a literal of the wrong kind.</summary>
    [DoesNotReturn]
    public static void NotAString(string scalar, ValueNode literal) =>
        Throw($"{scalar} cannot represent a non string value: {Printer.Print(literal)}", literal);

    /// <summary>The same for a variable value or a resolved value of the wrong CLR type.</summary>
    [DoesNotReturn]
    public static void NotAString(string scalar, object? value) =>
        Throw($"{scalar} cannot represent a non string value: {Inspect(value)}");

    /// <summary>A value as graphql-js's <c>inspect</c> prints it, enough for the messages above.</summary>
    public static string Inspect(object? value)
    {
        var text = new StringBuilder();
        Append(text, value, depth: 0);
        return text.ToString();
    }

    private static void Append(StringBuilder text, object? value, int depth)
    {
        switch (value)
        {
            case null:
                text.Append("null");
                return;
            case string s:
                text.Append(JsonSerializer.Serialize(s));
                return;
            case bool b:
                text.Append(b ? "true" : "false");
                return;
            case IFormattable number and (int or long or double or decimal or float):
                text.Append(number.ToString(null, CultureInfo.InvariantCulture));
                return;
            case IReadOnlyDictionary<string, object?> map when depth >= 2:
                text.Append("[Object]");
                return;
            case IReadOnlyDictionary<string, object?> map:
                if (map.Count == 0)
                {
                    text.Append("{}");
                    return;
                }

                text.Append("{ ");
                var first = true;
                foreach (var (key, item) in map)
                {
                    text.Append(first ? "" : ", ").Append(key).Append(": ");
                    Append(text, item, depth + 1);
                    first = false;
                }

                text.Append(" }");
                return;
            case IEnumerable when depth >= 2:
                text.Append("[Array]");
                return;
            case IEnumerable list:
                text.Append('[');
                var separator = "";
                foreach (var item in list)
                {
                    text.Append(separator);
                    Append(text, item, depth + 1);
                    separator = ", ";
                }

                text.Append(']');
                return;
            default:
                text.Append(value);
                return;
        }
    }
}

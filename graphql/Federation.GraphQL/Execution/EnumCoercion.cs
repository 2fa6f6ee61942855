using System.Collections.Concurrent;
using Federation.GraphQL.Language;
using Federation.GraphQL.Language.Syntax;
using Federation.GraphQL.Types;
using Suggestions = Federation.GraphQL.Validation.Suggestions;

namespace Federation.GraphQL.Execution;

/// <summary>
/// Result and input coercion of enum values: https://spec.graphql.org/September2025/#sec-Enums
/// Messages as graphql-js 17's GraphQLEnumType words them.
/// </summary>
internal static class EnumCoercion
{
    private static readonly ConcurrentDictionary<EnumType, Dictionary<object, EnumValue>> ByInternalValue = new();

    /// <summary>Result coercion: the internal value to the name written in the response.</summary>
    public static string Serialize(EnumType type, object value)
    {
        // Fast path: internal values default to the value's name.
        if (value is string name && type.GetValue(name) is { } named && Equals(named.Value, name))
        {
            return named.Name;
        }

        var map = ByInternalValue.GetOrAdd(type, static t =>
        {
            var byValue = new Dictionary<object, EnumValue>();
            foreach (var enumValue in t.Values)
            {
                byValue.TryAdd(enumValue.Value, enumValue);
            }

            return byValue;
        });
        if (map.TryGetValue(value, out var found))
        {
            return found.Name;
        }

        throw new GraphQLException(new GraphQLError($"Enum \"{type.Name}\" cannot represent value: {ErrorText.Inspect(value)}"));
    }

    public static bool TryParseValue(EnumType type, object value, out object? result)
    {
        if (value is string name && type.GetValue(name) is { } enumValue)
        {
            result = enumValue.Value;
            return true;
        }

        result = null;
        return false;
    }

    public static bool TryParseLiteral(EnumType type, ValueNode node, out object? result)
    {
        if (node is EnumValueNode literal && type.GetValue(literal.Value) is { } enumValue)
        {
            result = enumValue.Value;
            return true;
        }

        result = null;
        return false;
    }

    /// <summary>Why <paramref name="value"/> is not a value of the enum.</summary>
    public static string ValueError(EnumType type, object value)
    {
        if (value is not string name)
        {
            var text = ErrorText.Inspect(value);
            return $"Enum \"{type.Name}\" cannot represent non-string value: {text}." + DidYouMean(type, text);
        }

        return $"Value \"{name}\" does not exist in \"{type.Name}\" enum." + DidYouMean(type, name);
    }

    /// <summary>Why <paramref name="node"/> is not a literal of the enum.</summary>
    public static string LiteralError(EnumType type, ValueNode node, bool hideSuggestions = false)
    {
        var text = Printer.PrintForError(node);
        var suggestion = hideSuggestions ? "" : DidYouMean(type, text);
        return node is EnumValueNode
            ? $"Value \"{text}\" does not exist in \"{type.Name}\" enum." + suggestion
            : $"Enum \"{type.Name}\" cannot represent non-enum value: {text}." + suggestion;
    }

    private static string DidYouMean(EnumType type, string input)
    {
        var names = new List<string>(type.Values.Count);
        foreach (var value in type.Values)
        {
            names.Add(value.Name);
        }

        return Suggestions.DidYouMean(Suggestions.List(input, names), "the enum value");
    }
}

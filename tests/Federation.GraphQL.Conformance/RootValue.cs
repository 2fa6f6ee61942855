using System.Text.Json;

namespace Federation.GraphQL.Conformance;

/// <summary>The field error a <c>{"$error": "msg"}</c> value of the root JSON stands for.</summary>
internal sealed class RootValueError(string message) : GraphQLException(new GraphQLError(message));

/// <summary>Stands for <c>{"$args": true}</c>: the field resolves to its coerced arguments as JSON.</summary>
internal sealed class ArgumentsEcho
{
    public static readonly ArgumentsEcho Instance = new();

    private ArgumentsEcho()
    {
    }
}

/// <summary>
/// The root JSON of a corpus schema as the plain values a JavaScript engine would hold after
/// <c>JSON.parse</c>: objects keep their member order, numbers are int when they fit, long when
/// integral, else double. <c>{"$error"}</c> objects become <see cref="RootValueError"/>
/// (also as list items, where graphql-js reports an Error item as that item's field error) and
/// <c>{"$args": true}</c> becomes <see cref="ArgumentsEcho"/>.
/// </summary>
internal static class RootValue
{
    public static object? FromJson(JsonElement element) => Convert(element, markers: true);

    /// <summary>Variables: plain values, no markers.</summary>
    public static object? PlainFromJson(JsonElement element) => Convert(element, markers: false);

    private static object? Convert(JsonElement element, bool markers)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                if (markers && element.TryGetProperty("$error", out var message))
                {
                    return new RootValueError(message.ValueKind == JsonValueKind.String ? message.GetString()! : message.GetRawText());
                }

                if (markers && element.TryGetProperty("$args", out var echo) && echo.ValueKind == JsonValueKind.True)
                {
                    return ArgumentsEcho.Instance;
                }

                var members = new Dictionary<string, object?>();
                foreach (var property in element.EnumerateObject())
                {
                    // JSON.parse keeps the last of duplicate keys, in the position of the first.
                    members[property.Name] = Convert(property.Value, markers);
                }

                return members;
            case JsonValueKind.Array:
                var items = new List<object?>(element.GetArrayLength());
                foreach (var item in element.EnumerateArray())
                {
                    items.Add(Convert(item, markers));
                }

                return items;
            case JsonValueKind.String:
                return element.GetString();
            case JsonValueKind.Number:
                return Number(element);
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            default:
                return null;
        }
    }

    /// <summary>-0 becomes 0: JSON.stringify prints both as 0, and Int accepts both.</summary>
    private static object Number(JsonElement element)
    {
        var value = element.GetDouble();
        if (value == Math.Floor(value) && !double.IsInfinity(value))
        {
            if (value is >= int.MinValue and <= int.MaxValue)
            {
                return (int)value;
            }

            if (Math.Abs(value) <= 9007199254740992d)
            {
                return (long)value;
            }
        }

        return value;
    }
}

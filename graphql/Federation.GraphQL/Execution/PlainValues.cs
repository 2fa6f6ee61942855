using System.Text.Json;

namespace Federation.GraphQL.Execution;

/// <summary>
/// JSON as the plain CLR values the engine takes as input (variables, root values): dictionaries,
/// lists, and leaves — strings, booleans, null, and numbers as int when they fit, else long, else double.
/// </summary>
public static class PlainValues
{
    public static object? FromJson(string json)
    {
        using var document = JsonDocument.Parse(json);
        return FromJson(document.RootElement);
    }

    public static object? FromJson(JsonElement json)
    {
        switch (json.ValueKind)
        {
            case JsonValueKind.Object:
                var map = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (var property in json.EnumerateObject())
                {
                    map[property.Name] = FromJson(property.Value);
                }

                return map;
            case JsonValueKind.Array:
                var items = new List<object?>();
                foreach (var item in json.EnumerateArray())
                {
                    items.Add(FromJson(item));
                }

                return items;
            default:
                return JsonText.ToClr(json);
        }
    }
}

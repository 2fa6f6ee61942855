using System.Text.Json;
using Federation.GraphQL.Types;

namespace Federation.GraphQL.Execution;

/// <summary>Values quoted in error messages, as graphql-js's inspect quotes them.</summary>
internal static class ErrorText
{
    /// <summary>Like <see cref="ValueInspector.Inspect"/>, reading JSON values as the JavaScript values they stand for.</summary>
    public static string Inspect(object? value) => ValueInspector.Inspect(value is JsonElement json ? Plain(json) : value);

    private static object? Plain(JsonElement json)
    {
        switch (json.ValueKind)
        {
            case JsonValueKind.Object:
                var map = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (var property in json.EnumerateObject())
                {
                    map[property.Name] = Plain(property.Value);
                }

                return map;
            case JsonValueKind.Array:
                var items = new List<object?>();
                foreach (var item in json.EnumerateArray())
                {
                    items.Add(Plain(item));
                }

                return items;
            default:
                return JsonText.ToClr(json);
        }
    }
}

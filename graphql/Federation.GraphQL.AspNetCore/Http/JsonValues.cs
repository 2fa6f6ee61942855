using System.Text.Json;

namespace Federation.GraphQL.AspNetCore.Http;

/// <summary>
/// JSON as the engine's plain input values: null, bool, int (else long, else double), string,
/// lists and string-keyed maps. A repeated key keeps its last value, as JSON.parse does.
/// </summary>
internal static class JsonValues
{
    public static object? Read(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                return ReadObject(ref reader);
            case JsonTokenType.StartArray:
                var list = new List<object?>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    list.Add(Read(ref reader));
                }

                return list;
            case JsonTokenType.String:
                return reader.GetString();
            case JsonTokenType.Number:
                return reader.TryGetInt32(out var i) ? i
                    : reader.TryGetInt64(out var l) ? l
                    : reader.TryGetDouble(out var d) && double.IsFinite(d) ? d
                    : throw new JsonException("A number is too large to be a value (beyond ±1.8e308).");
            case JsonTokenType.True:
                return true;
            case JsonTokenType.False:
                return false;
            default:
                return null;
        }
    }

    public static Dictionary<string, object?> ReadObject(ref Utf8JsonReader reader)
    {
        var map = new Dictionary<string, object?>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString()!;
            reader.Read();
            map[name] = Read(ref reader);
        }

        return map;
    }

    /// <summary>Kinds as the error messages name them.</summary>
    public static string KindOf(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        _ => "null",
    };
}

using System.Text.Encodings.Web;
using System.Text.Json;

namespace Federation.GraphQL.Execution;

/// <summary>JSON as graphql-js's callers see it: JSON.stringify escaping, JSON parse numbers.</summary>
internal static class JsonText
{
    /// <summary>JSON.stringify escapes only quotes, backslashes and control characters.</summary>
    public static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    public static readonly JsonSerializerOptions Options = new() { Encoder = Encoder };

    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = Encoder, SkipValidation = true };

    /// <summary>
    /// A JSON leaf as the plain CLR value a JavaScript engine would hold: numbers become int when
    /// they fit, else long, else double. Objects and arrays stay <see cref="JsonElement"/>.
    /// </summary>
    public static object? ToClr(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.TryGetInt32(out var i) ? i : element.TryGetInt64(out var l) ? l : element.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => element,
    };
}

using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Federation.GraphQL.Conformance;

/// <summary>One entry of a queries file: <c>{name, query, variables?, operationName?}</c>.</summary>
internal sealed record ConformanceQuery(string Name, string Query, JsonElement? Variables, string? OperationName)
{
    public static IReadOnlyList<ConformanceQuery> ListFromJson(string json)
    {
        using var document = JsonDocument.Parse(json);
        var queries = new List<ConformanceQuery>();
        foreach (var entry in document.RootElement.EnumerateArray())
        {
            JsonElement? variables = entry.TryGetProperty("variables", out var v) && v.ValueKind != JsonValueKind.Null ? v.Clone() : null;
            var operationName = entry.TryGetProperty("operationName", out var o) && o.ValueKind == JsonValueKind.String ? o.GetString() : null;
            queries.Add(new ConformanceQuery(entry.GetProperty("name").GetString()!, StringOf(entry.GetProperty("query")), variables, operationName));
        }

        return queries;
    }

    /// <summary>
    /// A JSON string as JavaScript reads it: lone surrogates (which a document may hold to test
    /// the lexer) are kept, where System.Text.Json refuses them.
    /// </summary>
    private static string StringOf(JsonElement element)
    {
        var raw = element.GetRawText();
        var text = new StringBuilder(raw.Length);
        for (var i = 1; i < raw.Length - 1; i++)
        {
            var c = raw[i];
            if (c != '\\')
            {
                text.Append(c);
                continue;
            }

            c = raw[++i];
            switch (c)
            {
                case 'b': text.Append('\b'); break;
                case 'f': text.Append('\f'); break;
                case 'n': text.Append('\n'); break;
                case 'r': text.Append('\r'); break;
                case 't': text.Append('\t'); break;
                case 'u':
                    text.Append((char)int.Parse(raw.AsSpan(i + 1, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                    i += 4;
                    break;
                default: text.Append(c); break;
            }
        }

        return text.ToString();
    }
}

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
            queries.Add(new ConformanceQuery(entry.GetProperty("name").GetString()!, entry.GetProperty("query").GetString()!, variables, operationName));
        }

        return queries;
    }
}

using System.Text.Json;
using Federation.GraphQL.Introspection;
using Federation.GraphQL.Types;
using Federation.GraphQL.Types.Building;

namespace Federation.Benchmarks;

/// <summary>
/// One operation to measure, read from <c>Workloads/</c>: the same files the graphql-js side
/// (tests/peer/bench-graphql-js.mjs) reads, so both engines do the same work.
/// </summary>
internal sealed record Workload(string Name, string Text, IReadOnlyDictionary<string, object?> Variables)
{
    public static readonly string Directory = Path.Combine(AppContext.BaseDirectory, "Workloads");

    public static Schema Schema { get; } = SchemaBuilder.FromSdl(File.ReadAllText(Path.Combine(Directory, "schema.graphql")));

    /// <summary>The root value as plain dictionaries and lists, like the JavaScript objects graphql-js reads.</summary>
    public static object? RootValue { get; } = PlainJson.Read(File.ReadAllText(Path.Combine(Directory, "root.json")));

    public static Workload Get(string name) => name switch
    {
        "KitchenSink" => new(
            name,
            File.ReadAllText(Path.Combine(Directory, "kitchen-sink.graphql")),
            (IReadOnlyDictionary<string, object?>)PlainJson.Read(File.ReadAllText(Path.Combine(Directory, "kitchen-sink.variables.json")))!),
        "Introspection" => new(name, IntrospectionQuery.Text, new Dictionary<string, object?>()),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown workload."),
    };
}

/// <summary>JSON to the plain CLR values the engine takes as input: dictionaries, arrays, leaves.</summary>
internal static class PlainJson
{
    public static object? Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Convert(document.RootElement);
    }

    private static object? Convert(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().ToDictionary(p => p.Name, p => Convert(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().Select(Convert).ToArray(),
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.TryGetInt32(out var i) ? i : element.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };
}

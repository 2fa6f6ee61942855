using Federation.GraphQL.Execution;
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
    public static object? RootValue { get; } = PlainValues.FromJson(File.ReadAllText(Path.Combine(Directory, "root.json")));

    public static Workload Get(string name) => name switch
    {
        "KitchenSink" => new(
            name,
            File.ReadAllText(Path.Combine(Directory, "kitchen-sink.graphql")),
            (IReadOnlyDictionary<string, object?>)PlainValues.FromJson(File.ReadAllText(Path.Combine(Directory, "kitchen-sink.variables.json")))!),
        "Introspection" => new(name, IntrospectionQuery.Text, new Dictionary<string, object?>()),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown workload."),
    };
}

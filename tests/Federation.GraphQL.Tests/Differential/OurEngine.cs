using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Federation.GraphQL.Conformance;

namespace Federation.GraphQL.Tests.Differential;

/// <summary>Our engine through <see cref="ConformanceRunner"/>, in-process, one runner per corpus schema.</summary>
internal static class OurEngine
{
    private static readonly ConcurrentDictionary<string, Lazy<ConformanceRunner>> Runners = new();

    public static async Task<JsonObject> ResultAsync(CorpusSchema schema, string queryName, CancellationToken cancellationToken)
    {
        var runner = Runners.GetOrAdd(schema.Name, _ => new(() => Create(schema))).Value;
        var query = schema.Queries.Single(q => q.Name == queryName);
        return JsonNode.Parse(await runner.RunAsync(query, cancellationToken))!.AsObject();
    }

    private static ConformanceRunner Create(CorpusSchema schema) =>
        ConformanceRunner.Create(File.ReadAllText(schema.SchemaPath), File.ReadAllText(schema.RootPath), out var schemaErrors)
        ?? throw new InvalidOperationException($"Our engine rejects the {schema.Name} schema: {schemaErrors}");
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace Federation.Subgraphs.Hosting.Changes;

/// <summary>
/// A providing agency changed one of its records: which subgraph, the entity type and key (what a
/// cache evicts), the fields that changed, why, and when. Published after the change is committed.
/// </summary>
public sealed record ChangeEvent(
    [property: JsonPropertyName("subgraph")] string Subgraph,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("key")] string Key,
    [property: JsonPropertyName("fields")] IReadOnlyList<string> ChangedFields,
    [property: JsonPropertyName("reason")] string? Reason,
    [property: JsonPropertyName("occurredAt")] DateTimeOffset OccurredAt)
{
    /// <summary>The Redis channel change events are published on.</summary>
    public const string Channel = "federation:changes";

    public string ToJson() => JsonSerializer.Serialize(this, ChangeEventJson.Default.ChangeEvent);

    public static ChangeEvent? FromJson(string json) => JsonSerializer.Deserialize(json, ChangeEventJson.Default.ChangeEvent);
}

[JsonSerializable(typeof(ChangeEvent))]
internal sealed partial class ChangeEventJson : JsonSerializerContext;

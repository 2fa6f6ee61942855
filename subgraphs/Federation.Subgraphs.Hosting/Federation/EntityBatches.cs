namespace Federation.Subgraphs.Hosting;

/// <summary>The representations of one entity type within one <c>_entities</c> call.</summary>
internal sealed record EntityBatch(Subgraph.EntityType Type, List<Representation> Representations);

/// <summary>
/// Groups <c>_entities</c> representations by <c>__typename</c>, in order of first appearance;
/// a representation that is not valid gets its error in <c>results</c> and joins no batch.
/// https://www.apollographql.com/docs/graphos/schema-design/federated-schemas/reference/subgraph-spec#resolve-requests-for-entities
/// </summary>
internal static class EntityBatches
{
    public static List<EntityBatch> Group(
        IReadOnlyDictionary<string, Subgraph.EntityType> entities,
        IReadOnlyList<object?> representations,
        object?[] results)
    {
        var batches = new List<EntityBatch>();
        var byType = new Dictionary<string, EntityBatch>(StringComparer.Ordinal);
        for (var index = 0; index < representations.Count; index++)
        {
            if (representations[index] is not IReadOnlyDictionary<string, object?> fields
                || !fields.TryGetValue("__typename", out var typename) || typename is not string typeName)
            {
                results[index] = FederationErrorCodes.Error(
                    FederationErrorCodes.InvalidRepresentation,
                    "A representation must be an object with a string \"__typename\".");
                continue;
            }

            if (!entities.TryGetValue(typeName, out var type))
            {
                results[index] = FederationErrorCodes.Error(
                    FederationErrorCodes.UnknownEntityType,
                    $"The representation's __typename \"{typeName}\" is not an entity type of this subgraph.");
                continue;
            }

            if (Match(type, index, typeName, fields) is not { } representation)
            {
                results[index] = FederationErrorCodes.Error(
                    FederationErrorCodes.MissingKeyFields,
                    type.Resolvable
                        ? $"The representation of \"{typeName}\" lacks the fields of every @key: {string.Join(", ", type.Keys.Select(k => "\"" + k.Text + "\""))}."
                        : $"\"{typeName}\" has no resolvable @key in this subgraph.");
                continue;
            }

            if (!byType.TryGetValue(typeName, out var batch))
            {
                byType[typeName] = batch = new EntityBatch(type, []);
                batches.Add(batch);
            }

            batch.Representations.Add(representation);
        }

        return batches;
    }

    private static Representation? Match(Subgraph.EntityType type, int index, string typeName, IReadOnlyDictionary<string, object?> fields)
    {
        foreach (var key in type.Keys)
        {
            if (key.Extract(fields) is { } values)
            {
                return new Representation(index, typeName, fields, key.Text, values);
            }
        }

        return null;
    }
}

using System.Text.Json;
using Federation.Gateway.Composition;

namespace Federation.Gateway.Caching.Changes;

/// <summary>
/// A providing agency's change event as the gateway reads it from <c>federation:changes</c>: the
/// subgraph, the entity type and the key (what is evicted) and the fields that changed. The JSON is
/// the subgraphs' <c>ChangeEvent</c> (<c>subgraph/Federation.Subgraphs.Hosting/Changes/</c>):
/// <c>{"subgraph":…,"type":…,"key":…,"fields":[…],"reason":…,"occurredAt":…}</c>.
/// </summary>
internal sealed record ChangeNotice(string Subgraph, string Type, string Key, IReadOnlyList<string> Fields)
{
    /// <summary>The Redis channel the subgraphs' outbox relays publish on.</summary>
    public const string Channel = "federation:changes";

    /// <summary>A real event is a few hundred bytes; anything much larger is not one.</summary>
    public const int MaxBytes = 16 * 1024;

    public const int MaxKeyLength = 128;

    private const int MaxFields = 256;

    private static readonly JsonDocumentOptions Strict = new() { MaxDepth = 3, AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow };

    /// <summary>
    /// Reads <paramref name="message"/> against the supergraph served: the notice, or why it is
    /// dropped (a code of <see cref="ChangeEventCodes"/> and a short reason that quotes at most a
    /// clipped name). The subgraph must be one of <paramref name="supergraph"/>'s and the type an
    /// entity it resolves by a one-field key, so an event can only ever name one entity the cache may hold.
    /// </summary>
    public static ChangeReading Read(ReadOnlySpan<byte> message, Supergraph supergraph)
    {
        if (message.Length > MaxBytes)
        {
            return ChangeReading.Drop(ChangeEventCodes.TooLarge, $"{message.Length} bytes, more than {MaxBytes}");
        }

        string? subgraph = null, type = null, key = null;
        List<string>? fields = null;
        try
        {
            var reader = new Utf8JsonReader(message, new JsonReaderOptions { MaxDepth = Strict.MaxDepth, AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow });
            using var document = JsonDocument.ParseValue(ref reader);
            if (reader.BytesConsumed != message.Length && !IsWhiteSpace(message[(int)reader.BytesConsumed..]))
            {
                return ChangeReading.Drop(ChangeEventCodes.Malformed, "text after the JSON value");
            }

            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return ChangeReading.Drop(ChangeEventCodes.Malformed, "not a JSON object");
            }

            foreach (var member in document.RootElement.EnumerateObject())
            {
                // A member given twice could make two readers of one message see two events.
                switch (member.Name)
                {
                    case "subgraph" when subgraph is null:
                        subgraph = member.Value.ValueKind == JsonValueKind.String ? member.Value.GetString() : null;
                        if (subgraph is null)
                        {
                            return ChangeReading.Drop(ChangeEventCodes.Malformed, "subgraph is not a string");
                        }

                        break;
                    case "type" when type is null:
                        type = member.Value.ValueKind == JsonValueKind.String ? member.Value.GetString() : null;
                        if (type is null)
                        {
                            return ChangeReading.Drop(ChangeEventCodes.Malformed, "type is not a string");
                        }

                        break;
                    case "key" when key is null:
                        key = member.Value.ValueKind == JsonValueKind.String ? member.Value.GetString() : null;
                        if (key is null)
                        {
                            return ChangeReading.Drop(ChangeEventCodes.Malformed, "key is not a string");
                        }

                        break;
                    case "fields" when fields is null:
                        if (member.Value.ValueKind != JsonValueKind.Array || member.Value.GetArrayLength() > MaxFields)
                        {
                            return ChangeReading.Drop(ChangeEventCodes.Malformed, $"fields is not an array of at most {MaxFields} strings");
                        }

                        fields = [];
                        foreach (var field in member.Value.EnumerateArray())
                        {
                            if (field.ValueKind != JsonValueKind.String)
                            {
                                return ChangeReading.Drop(ChangeEventCodes.Malformed, "fields holds a value that is not a string");
                            }

                            fields.Add(field.GetString()!);
                        }

                        break;
                    case "subgraph" or "type" or "key" or "fields":
                        return ChangeReading.Drop(ChangeEventCodes.Malformed, $"{member.Name} is given twice");
                    default:
                        // reason, occurredAt and whatever a later version adds: not needed to evict.
                        break;
                }
            }
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            // Invalid UTF-8, invalid JSON, nested deeper than an event is, or a string escaping half a surrogate pair.
            return ChangeReading.Drop(ChangeEventCodes.Malformed, "not valid JSON of at most three levels");
        }

        if (subgraph is null || type is null || key is null)
        {
            return ChangeReading.Drop(ChangeEventCodes.Malformed, "subgraph, type and key are required");
        }

        if (supergraph.Subgraph(subgraph) is null)
        {
            return ChangeReading.Drop(ChangeEventCodes.UnknownSubgraph, $"no subgraph {Clip(subgraph)} is served");
        }

        if (!IsCacheableEntity(supergraph, subgraph, type))
        {
            return ChangeReading.Drop(ChangeEventCodes.UnknownType, $"{Clip(subgraph)} resolves no entity {Clip(type)} by a one-field key");
        }

        if (KeyProblem(key) is { } problem)
        {
            return ChangeReading.Drop(ChangeEventCodes.InvalidKey, problem);
        }

        return new ChangeReading(new ChangeNotice(subgraph, type, key, fields ?? []), null, null);
    }

    /// <summary>
    /// Whether <paramref name="subgraph"/> resolves <paramref name="type"/> as an entity by a key of
    /// one field — the entries of the entity cache, and what a change event's single key can name.
    /// </summary>
    public static bool IsCacheableEntity(Supergraph supergraph, string subgraph, string type) =>
        supergraph.Type(type) is { Kind: SupergraphTypeKind.Object } entity
        && entity.ResolvableKeysIn(subgraph).Any(k => !k.Trim().Contains(' ', StringComparison.Ordinal) && !k.Contains('{', StringComparison.Ordinal));

    /// <summary>Why <paramref name="key"/> cannot be an entity key; null when it can.</summary>
    public static string? KeyProblem(string key)
    {
        if (key.Length == 0)
        {
            return "the key is empty";
        }

        if (key.Length > MaxKeyLength)
        {
            return $"the key is {key.Length} characters, more than {MaxKeyLength}";
        }

        if (key[0] == '{')
        {
            // The cache reads a key in braces as the fields of a compound key, and evicts the whole type
            // when it cannot: a one-field key's value never starts so, and one event names one entity.
            return "the key starts with '{', as no one-field key's value does";
        }

        for (var i = 0; i < key.Length; i++)
        {
            if (char.IsHighSurrogate(key[i]) && i + 1 < key.Length && char.IsLowSurrogate(key[i + 1]))
            {
                i++;
            }
            else if (char.IsControl(key[i]) || char.IsSurrogate(key[i]))
            {
                return $"the key holds a control character or half of a surrogate pair at position {i}";
            }
        }

        return null;
    }

    /// <summary>At most 64 characters of a name the message gave, for the log.</summary>
    public static string Clip(string value) => value.Length <= 64 ? value : value[..64] + "…";

    private static bool IsWhiteSpace(ReadOnlySpan<byte> rest)
    {
        foreach (var b in rest)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>What <see cref="ChangeNotice.Read"/> made of a message: a notice, or the code and reason it is dropped for.</summary>
internal readonly record struct ChangeReading(ChangeNotice? Notice, string? Code, string? Reason)
{
    public static ChangeReading Drop(string code, string reason) => new(null, code, reason);
}

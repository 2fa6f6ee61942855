using System.Collections.Concurrent;
using Federation.GraphQL.Language.Syntax;

namespace Federation.GraphQL.AspNetCore.Caching;

/// <summary>A document that parsed, with the validation errors it has against the endpoint's schema.</summary>
internal sealed record PreparedDocument(string Text, DocumentNode Document, IReadOnlyList<GraphQLError> ValidationErrors)
{
    public bool IsValid => ValidationErrors.Count == 0;

    /// <summary>
    /// The cost of the last operation analysed without variables, which cannot change between
    /// requests; so a repeated operation skips cost analysis too.
    /// </summary>
    public StaticCost? CostWithoutVariables { get; set; }
}

internal sealed record StaticCost(OperationDefinitionNode Operation, double Cost, Http.RequestFailure? Failure);

/// <summary>
/// Parsed and validated documents keyed by their text, so a repeated operation skips parsing and
/// validation. The dictionary finds an entry by the text's hash (.NET's per-process randomized
/// string hash, which costs far less than SHA-256 and cannot be flooded with chosen collisions)
/// and confirms it by comparing the text, so two documents can never share an entry.
/// Bounded: when full, the least recently used quarter is dropped. Documents that fail to parse
/// are never kept, so garbage cannot fill the cache.
/// </summary>
internal sealed class DocumentCache(int capacity)
{
    private readonly ConcurrentDictionary<string, Entry> entries = new();
    private readonly Lock evictionLock = new();
    private long clock;

    public int Count => entries.Count;

    public bool TryGet(string key, out PreparedDocument document)
    {
        if (entries.TryGetValue(key, out var entry))
        {
            entry.LastUsed = Interlocked.Increment(ref clock);
            document = entry.Document;
            return true;
        }

        document = null!;
        return false;
    }

    public void Add(string key, PreparedDocument document)
    {
        if (capacity <= 0)
        {
            return;
        }

        if (entries.Count >= capacity)
        {
            Evict();
        }

        entries[key] = new Entry(document) { LastUsed = Interlocked.Increment(ref clock) };
    }

    private void Evict()
    {
        lock (evictionLock)
        {
            if (entries.Count < capacity)
            {
                return;
            }

            var snapshot = entries.ToArray();
            Array.Sort(snapshot, static (x, y) => x.Value.LastUsed.CompareTo(y.Value.LastUsed));
            var drop = Math.Max(1, snapshot.Length / 4);
            for (var i = 0; i < drop; i++)
            {
                entries.TryRemove(snapshot[i].Key, out _);
            }
        }
    }

    private sealed class Entry(PreparedDocument document)
    {
        public PreparedDocument Document { get; } = document;

        public long LastUsed;
    }
}

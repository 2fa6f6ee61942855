using System.Security.Cryptography;
using System.Text;

namespace Federation.Gateway.Planning;

/// <summary>
/// Plans by operation: keyed by the SHA-256 of the document text and the operation name, so a
/// plan serves every variable value (conditions on variables stay in the plan). Bounded: past
/// <see cref="Capacity"/> the least recently used plan goes.
/// </summary>
internal sealed class QueryPlanCache(int capacity = 1000)
{
    private readonly Dictionary<(string Hash, string? Operation), LinkedListNode<Entry>> entries = [];
    private readonly LinkedList<Entry> recency = [];
    private readonly Lock gate = new();

    public int Capacity { get; } = capacity > 0 ? capacity : throw new ArgumentOutOfRangeException(nameof(capacity));

    public int Count
    {
        get
        {
            lock (gate)
            {
                return entries.Count;
            }
        }
    }

    public static string Hash(string documentText) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(documentText)));

    /// <summary>The cached plan, or <paramref name="plan"/>'s, cached. Planning runs outside the lock; two requests racing may both plan.</summary>
    public QueryPlan GetOrAdd(string documentHash, string? operationName, Func<QueryPlan> plan)
    {
        var key = (documentHash, operationName);
        lock (gate)
        {
            if (entries.TryGetValue(key, out var node))
            {
                recency.Remove(node);
                recency.AddFirst(node);
                return node.Value.Plan;
            }
        }

        var planned = plan();
        lock (gate)
        {
            if (entries.TryGetValue(key, out var node))
            {
                return node.Value.Plan;
            }

            entries[key] = recency.AddFirst(new Entry(key, planned));
            if (entries.Count > Capacity)
            {
                var oldest = recency.Last!;
                recency.RemoveLast();
                entries.Remove(oldest.Value.Key);
            }
        }

        return planned;
    }

    private sealed record Entry((string Hash, string? Operation) Key, QueryPlan Plan);
}

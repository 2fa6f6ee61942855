using System.Collections.Concurrent;
using System.Globalization;

namespace Federation.Protocol.Signing;

/// <summary>
/// The signatures accepted within the window, each kept until its timestamp leaves the window
/// (after which the timestamp check refuses it anyway). Signatures are grouped by the second they
/// expire in — a replay carries the same timestamp, so only its own group is searched — and a group
/// is dropped whole once it expires. Each entry keeps 128 bits of the MAC, not the text. Bounded:
/// when full of live entries, it refuses new ones rather than forget and let a replay through.
/// </summary>
internal sealed class ReplayMemory(int capacity)
{
    private readonly ConcurrentDictionary<long, ConcurrentDictionary<UInt128, byte>> byExpiry = new();
    private int count;
    private long prunedAt = long.MinValue;

    public enum Outcome { Accepted, Replayed, Full }

    /// <summary>How many signatures are remembered.</summary>
    public int Count => Volatile.Read(ref count);

    /// <param name="signatureHex">The presented signature's hex digits (either case), at least 32.</param>
    /// <param name="forgetAfter">Unix seconds after which the entry can go.</param>
    /// <param name="now">Unix seconds now.</param>
    public Outcome Record(ReadOnlySpan<char> signatureHex, long forgetAfter, long now)
    {
        Prune(now);
        var key = UInt128.Parse(signatureHex[..32], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
        var group = byExpiry.GetOrAdd(forgetAfter, static _ => new ConcurrentDictionary<UInt128, byte>());
        if (group.ContainsKey(key))
        {
            return Outcome.Replayed;
        }

        if (Interlocked.Increment(ref count) > capacity)
        {
            Interlocked.Decrement(ref count);
            return Outcome.Full;
        }

        if (group.TryAdd(key, 0))
        {
            return Outcome.Accepted;
        }

        Interlocked.Decrement(ref count);
        return Outcome.Replayed;
    }

    private void Prune(long now)
    {
        var last = Volatile.Read(ref prunedAt);
        if (last >= now || Interlocked.CompareExchange(ref prunedAt, now, last) != last)
        {
            return;
        }

        foreach (var expiry in byExpiry.Keys)
        {
            if (expiry < now && byExpiry.TryRemove(expiry, out var expired))
            {
                Interlocked.Add(ref count, -expired.Count);
            }
        }
    }
}

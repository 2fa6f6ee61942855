using System.Collections.Concurrent;

namespace Federation.Subgraphs.Hosting;

/// <summary>
/// The signatures accepted within the window, each kept until its timestamp leaves the window
/// (after which the timestamp check refuses it anyway). Bounded: when full of live entries, it
/// refuses new ones rather than forget and let a replay through.
/// </summary>
internal sealed class ReplayMemory(int capacity)
{
    private readonly ConcurrentDictionary<string, long> seen = new(StringComparer.Ordinal);

    public enum Outcome { Accepted, Replayed, Full }

    /// <param name="signature">The presented signature.</param>
    /// <param name="forgetAfter">Unix seconds after which the entry can go.</param>
    /// <param name="now">Unix seconds now.</param>
    public Outcome Record(string signature, long forgetAfter, long now)
    {
        if (seen.Count >= capacity)
        {
            foreach (var (key, expiry) in seen)
            {
                if (expiry < now)
                {
                    seen.TryRemove(key, out _);
                }
            }

            if (seen.Count >= capacity)
            {
                return seen.ContainsKey(signature) ? Outcome.Replayed : Outcome.Full;
            }
        }

        return seen.TryAdd(signature, forgetAfter) ? Outcome.Accepted : Outcome.Replayed;
    }
}

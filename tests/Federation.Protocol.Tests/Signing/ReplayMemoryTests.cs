using Federation.Protocol.Signing;

namespace Federation.Protocol.Tests.Signing;

public sealed class ReplayMemoryTests
{
    private static string Mac(int i) => i.ToString("x8", System.Globalization.CultureInfo.InvariantCulture) + new string('0', 56);

    [Fact]
    public void A_signature_seen_again_before_it_expires_is_a_replay_in_either_case()
    {
        var memory = new ReplayMemory(10);
        Assert.Equal(ReplayMemory.Outcome.Accepted, memory.Record("abcdef01" + Mac(1)[8..], 160, 100));
        Assert.Equal(ReplayMemory.Outcome.Replayed, memory.Record("ABCDEF01" + Mac(1)[8..], 160, 101));
        Assert.Equal(1, memory.Count);
    }

    [Fact]
    public void Expired_groups_are_forgotten_and_free_their_room()
    {
        var memory = new ReplayMemory(2);
        Assert.Equal(ReplayMemory.Outcome.Accepted, memory.Record(Mac(1), 160, 100));
        Assert.Equal(ReplayMemory.Outcome.Accepted, memory.Record(Mac(2), 161, 100));
        Assert.Equal(ReplayMemory.Outcome.Full, memory.Record(Mac(3), 161, 100));

        Assert.Equal(ReplayMemory.Outcome.Accepted, memory.Record(Mac(3), 200, 161));
        Assert.Equal(2, memory.Count);
        Assert.Equal(ReplayMemory.Outcome.Accepted, memory.Record(Mac(4), 230, 170));
        Assert.Equal(2, memory.Count);
    }

    [Fact]
    public void Concurrent_records_of_one_signature_accept_it_once()
    {
        var memory = new ReplayMemory(1000);
        var accepted = 0;
        Parallel.For(0, 64, _ =>
        {
            if (memory.Record(Mac(7), 160, 100) == ReplayMemory.Outcome.Accepted)
            {
                Interlocked.Increment(ref accepted);
            }
        });

        Assert.Equal(1, accepted);
        Assert.Equal(1, memory.Count);
    }
}

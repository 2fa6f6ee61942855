using System.Collections.Concurrent;

namespace Federation.GraphQL.AspNetCore.Http;

/// <summary>
/// Cancellation for one operation: when the client goes away or the timeout passes. The sources
/// are reused (a source whose timer did not fire resets), so a request allocates no new source
/// and timer — a measurable share of a trivial query's cost.
/// </summary>
internal sealed class TimeoutSources(TimeSpan timeout)
{
    private const int MaxPooled = 256;
    private readonly ConcurrentQueue<CancellationTokenSource> pool = new();

    public Lease Rent(CancellationToken requestAborted)
    {
        if (!pool.TryDequeue(out var source))
        {
            source = new CancellationTokenSource();
        }

        source.CancelAfter(timeout);
        var registration = requestAborted.UnsafeRegister(static state => ((CancellationTokenSource)state!).Cancel(), source);
        return new Lease(this, source, registration);
    }

    private void Return(CancellationTokenSource source, CancellationTokenRegistration registration)
    {
        registration.Dispose();
        if (pool.Count < MaxPooled && source.TryReset())
        {
            pool.Enqueue(source);
        }
        else
        {
            source.Dispose();
        }
    }

    public readonly struct Lease(TimeoutSources owner, CancellationTokenSource source, CancellationTokenRegistration registration) : IDisposable
    {
        public CancellationToken Token => source.Token;

        public bool IsCancellationRequested => source.IsCancellationRequested;

        public void Dispose() => owner.Return(source, registration);
    }
}

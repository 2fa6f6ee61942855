using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Federation.Subgraphs.Hosting.Changes;

/// <summary>
/// Publishes the outbox's events in the background: at once after a change (the store wakes it) and
/// every <see cref="Interval"/> otherwise, backing off while the publisher fails.
/// </summary>
public sealed partial class ChangeOutboxRelay(ChangeOutbox outbox, IChangeEventPublisher publisher, ILogger<ChangeOutboxRelay> logger) : BackgroundService
{
    private readonly SemaphoreSlim wake = new(0, 1);

    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Asks the relay to publish now (after a committed change).</summary>
    public void Wake()
    {
        if (wake.CurrentCount == 0)
        {
            try
            {
                wake.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already woken.
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await outbox.RelayAsync(publisher, cancellationToken: stoppingToken).ConfigureAwait(false) > 0)
                {
                }

                failures = 0;
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                failures++;
                LogRelayFailed(logger, exception, outbox.Schema, failures);
            }

            var delay = failures == 0 ? Interval : TimeSpan.FromSeconds(Math.Min(30, 1 << Math.Min(failures, 5)));
            try
            {
                await wake.WaitAsync(delay, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing change events of {Schema} failed ({Failures} in a row); they stay in the outbox")]
    private static partial void LogRelayFailed(ILogger logger, Exception exception, string schema, int failures);
}

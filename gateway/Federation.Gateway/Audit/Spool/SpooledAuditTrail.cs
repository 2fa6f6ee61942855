using Federation.Gateway.Audit.Keys;
using Federation.Gateway.Audit.Shipping;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Federation.Gateway.Audit.Spool;

/// <summary>
/// The audit trail: records go into this instance's spool, fsync'd, chained, and an append completes
/// once its record is durable (<see cref="AuditSpool"/>). As a hosted service it asks for a checkpoint every
/// <see cref="AuditOptions.CheckpointInterval"/> (written when records came since the last), and at a
/// graceful stop writes the closing checkpoint after every queued record and closes the spool — once every
/// hosted service has stopped (<see cref="StoppedAsync"/>), the web server's drain of the requests in flight
/// included, so none of them is refused for a closed trail. The spool is opened when the trail is made (at
/// the start, before a request comes): its recovery runs first.
/// </summary>
internal sealed partial class SpooledAuditTrail : IAuditTrail, IHostedLifecycleService, IAsyncDisposable
{
    private readonly TimeSpan interval;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private ITimer? timer;
    private int checkpointFailing;

    public SpooledAuditTrail(AuditOptions options, AuditKeys keys, TimeProvider time, ILogger<SpooledAuditTrail> logger, IAuditSink? sink = null, ISpoolStorage? storage = null)
    {
        interval = options.CheckpointInterval;
        this.time = time;
        this.logger = logger;
        Spool = Open(options, keys, time, logger, sink, storage);
    }

    /// <summary>How many gateway processes on one host may share the host's default chain names.</summary>
    internal const int HostInstances = 16;

    public AuditSpool Spool { get; }

    /// <summary>
    /// The spool of the configured instance; without one (<c>Audit:Instance</c> unset), of the host's
    /// name, or — while other gateway processes of this host hold that — of the first of
    /// <c>host-2</c> … <c>host-16</c> no process holds: each process keeps its own chain, and a process
    /// restarted alone gets its chain back. A configured instance is never replaced by another.
    /// </summary>
    private static AuditSpool Open(AuditOptions options, AuditKeys keys, TimeProvider time, ILogger logger, IAuditSink? sink, ISpoolStorage? storage)
    {
        var configured = !string.IsNullOrWhiteSpace(options.Instance);
        var host = options.InstanceName;
        for (var n = 1; ; n++)
        {
            var instance = n == 1 ? host : $"{(host.Length > 59 ? host[..59] : host)}-{n}";
            try
            {
                return AuditSpool.Open(
                    new AuditSpoolSettings(options.SpoolRoot, instance, options.CheckpointEvery, options.CheckpointInterval, KeepShipped: options.Store == AuditStore.Spool),
                    keys.Checkpoints,
                    time,
                    logger,
                    options.Store == AuditStore.Postgres && sink is not null ? cancellationToken => sink.TailAsync(instance, cancellationToken) : null,
                    storage);
            }
            catch (AuditConfigurationException exception) when (exception.SpoolInUse && !configured && n < HostInstances)
            {
                SpoolTaken(logger, instance);
            }
        }
    }

    public ValueTask<ChainedRecord> AppendAsync(AuditEntry entry, CancellationToken cancellationToken) => Spool.AppendAsync(entry, cancellationToken);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        timer = time.CreateTimer(_ => _ = CheckpointAsync(), null, interval, interval);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StoppedAsync(CancellationToken cancellationToken)
    {
        if (timer is not null)
        {
            await timer.DisposeAsync().ConfigureAwait(false);
        }

        await Spool.CloseAsync(closing: true).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (timer is not null)
        {
            await timer.DisposeAsync().ConfigureAwait(false);
        }

        await Spool.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>The interval's checkpoint: written when records came since the last.</summary>
    private async Task CheckpointAsync()
    {
        try
        {
            await Spool.CheckpointAsync(closing: false, CancellationToken.None).ConfigureAwait(false);
            Interlocked.Exchange(ref checkpointFailing, 0);
        }
        catch (AuditUnavailableException exception)
        {
            // The spool logs its outage; once more here would say nothing new, except that a checkpoint is late.
            if (Interlocked.Exchange(ref checkpointFailing, 1) == 0)
            {
                CheckpointLate(logger, Spool.Instance, exception);
            }
        }
    }

    [LoggerMessage(EventId = 6214, EventName = "AuditSpoolTaken", Level = LogLevel.Information,
        Message = "The audit chain {Instance} is kept by another gateway process on this host; this process keeps the next free one")]
    private static partial void SpoolTaken(ILogger logger, string instance);

    [LoggerMessage(EventId = 6209, EventName = "AuditCheckpointLate", Level = LogLevel.Warning,
        Message = "The audit chain of instance {Instance} could not be checkpointed on time; the next interval tries again")]
    private static partial void CheckpointLate(ILogger logger, string instance, Exception exception);
}

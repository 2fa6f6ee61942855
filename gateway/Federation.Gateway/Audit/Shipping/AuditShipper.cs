using Federation.Gateway.Audit.Spool;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Federation.Gateway.Audit.Shipping;

/// <summary>
/// Ships the spool to the sink, off the request path: from the shipped offset, batches of up to
/// <c>Audit:BatchSize</c> records (with the checkpoints among and right after them, so a record and its
/// checkpoint are stored together), in spool order — handed over in memory by the spool's writer once
/// durable (<see cref="DurableHandoff"/>), or read back from the spool file when they are not held there
/// (after a restart, an overflow of the handoff, a long outage of the sink). A batch stored moves the shipped offset (fsync'd) and
/// lets wholly shipped segments go. When the sink fails the shipper backs off (doubling, bounded), logs the
/// outage once and its end once, and tries again from the same place: what comes meanwhile waits in the
/// spool. On every (re)connection it asks the sink where the chain ends and skips what is stored — the
/// batch a crash between the sink's commit and the offset's fsync left stored is not stored twice. After a
/// batch that was not full it waits <c>Audit:ShipInterval</c> for more records to come, so a gateway under
/// moderate load ships a few large batches a second rather than one transaction (and one fsync of the
/// shipped offset) per group commit; the records wait in the spool, durable already. A sink
/// that holds another hash at that place holds another chain under this instance's name: nothing is
/// shipped over it. It ships until every hosted service has stopped and the trail has closed its chain
/// (<see cref="StoppedAsync"/>), then ships what is left for a few seconds at most.
/// </summary>
internal sealed partial class AuditShipper : BackgroundService, IHostedLifecycleService
{
    private readonly AuditSpool spool;
    private readonly IAuditSink sink;
    private readonly int batchSize;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly TimeSpan firstBackoff;
    private readonly TimeSpan maximumBackoff;
    private readonly TimeSpan drainLimit;
    private readonly TimeSpan interval;
    private readonly CancellationTokenSource draining = new();
    private readonly List<SpoolItem> taken = [];
    private long offset;
    private long readBack;
    private volatile bool outage;

    public AuditShipper(SpooledAuditTrail trail, IAuditSink sink, AuditOptions options, TimeProvider time, ILogger<AuditShipper> logger)
        : this(trail.Spool, sink, options.BatchSize, time, logger, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(5), options.ShipInterval)
    {
    }

    internal AuditShipper(AuditSpool spool, IAuditSink sink, int batchSize, TimeProvider time, ILogger logger, TimeSpan firstBackoff, TimeSpan maximumBackoff, TimeSpan drainLimit, TimeSpan interval = default)
    {
        this.spool = spool;
        this.sink = sink;
        this.batchSize = batchSize;
        this.time = time;
        this.logger = logger;
        this.firstBackoff = firstBackoff;
        this.maximumBackoff = maximumBackoff;
        this.drainLimit = drainLimit;
        this.interval = interval;
        offset = spool.ShippedOffset;
    }

    /// <summary>The global offset up to which the sink has everything.</summary>
    public long Shipped => Interlocked.Read(ref offset);

    /// <summary>How many batches were read back from the spool file rather than handed over in memory (after a restart, an overflow, an outage).</summary>
    public long BatchesReadBack => Interlocked.Read(ref readBack);

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Shipping goes on while the requests in flight finish and the trail closes its chain (<see cref="StoppedAsync"/>).</summary>
    public override Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>At a graceful stop, after the trail closed its chain, the shipper ships what the spool has (the closing checkpoint too), for a few seconds at most.</summary>
    public async Task StoppedAsync(CancellationToken cancellationToken)
    {
        // What is left goes now, without waiting for batches to fill.
        await draining.CancelAsync().ConfigureAwait(false);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(drainLimit);
        try
        {
            while (!outage && Shipped < spool.DurableEnd)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(20), limit.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // What is left stays in the spool for the next start.
        }

        await base.StopAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        AuditSinkTail? tail = null;
        var backoff = firstBackoff;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await spool.WaitBeyondAsync(Shipped, stoppingToken).ConfigureAwait(false);
                tail ??= await sink.TailAsync(spool.Instance, stoppingToken).ConfigureAwait(false);
                (tail, var full) = await ShipBatchAsync(tail, stoppingToken).ConfigureAwait(false);
                if (outage)
                {
                    outage = false;
                    SinkBack(logger, spool.Instance);
                }

                backoff = firstBackoff;
                if (!full)
                {
                    await GatherAsync(stoppingToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                if (!outage)
                {
                    outage = true;
                    SinkFailed(logger, spool.Instance, exception);
                }

                // After a failure nobody knows what the sink kept: ask again before the next batch.
                tail = null;
                try
                {
                    await Task.Delay(backoff, time, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, maximumBackoff.Ticks));
            }
        }
    }

    /// <summary>Waits <see cref="interval"/> for more records, unless the shipper is draining at a stop.</summary>
    private async Task GatherAsync(CancellationToken stoppingToken)
    {
        if (interval <= TimeSpan.Zero || draining.IsCancellationRequested)
        {
            return;
        }

        using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, draining.Token);
        try
        {
            await Task.Delay(interval, time, wait.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            // Draining: ship at once.
        }
    }

    /// <summary>Ships the next batch after <see cref="Shipped"/>; gives the sink's tail after it, and whether the batch was full (more may wait).</summary>
    private async Task<(AuditSinkTail Tail, bool Full)> ShipBatchAsync(AuditSinkTail tail, CancellationToken cancellationToken)
    {
        var records = new List<ChainedRecord>();
        var checkpoints = new List<AuditCheckpoint>();
        var from = Shipped;
        var end = from;
        var full = false;
        // What the writer just made durable comes in memory; what is before the handoff's start only from the file.
        taken.Clear();
        IEnumerable<SpoolItem> items;
        if (spool.Handoff.TryTake(from, batchSize, taken, out var more))
        {
            items = taken;
            full = more;
        }
        else
        {
            items = AuditSpoolReader.Read(spool.Directory, from, spool.DurableEnd);
            Interlocked.Increment(ref readBack);
        }

        foreach (var item in items)
        {
            if (item.Record is { } record)
            {
                if (records.Count == batchSize)
                {
                    full = true;
                    break;
                }

                end = item.End;
                if (record.Sequence < tail.Sequence)
                {
                    continue;
                }

                if (record.Sequence == tail.Sequence)
                {
                    if (tail.Hash.Length > 0 && !tail.Hash.Span.SequenceEqual(record.Hash.Span))
                    {
                        throw new InvalidOperationException(
                            $"The audit store holds another record {record.Sequence} of instance {record.Instance} than this spool: two chains under one instance name. Nothing is shipped over it.");
                    }

                    continue;
                }

                if (record.Sequence != tail.Sequence + 1 && records.Count == 0)
                {
                    RecordsMissing(logger, record.Instance, tail.Sequence + 1, record.Sequence - 1);
                }

                records.Add(record);
            }
            else
            {
                end = item.End;
                var checkpoint = item.Checkpoint!;
                if (tail.LastCheckpointAt is { } stored && checkpoint.At <= stored)
                {
                    continue;
                }

                checkpoints.Add(checkpoint);
            }
        }

        if (records.Count > 0 || checkpoints.Count > 0)
        {
            await sink.WriteAsync(records, checkpoints, cancellationToken).ConfigureAwait(false);
            var last = records.Count > 0 ? records[^1] : null;
            tail = new AuditSinkTail(
                last?.Sequence ?? tail.Sequence,
                last?.Hash ?? tail.Hash,
                checkpoints.Count > 0 ? checkpoints[^1].At : tail.LastCheckpointAt);
        }

        if (end > from)
        {
            spool.MarkShipped(end);
            Interlocked.Exchange(ref offset, end);
            spool.Handoff.Shipped(end);
        }

        return (tail, full);
    }

    [LoggerMessage(EventId = 6211, EventName = "AuditStoreUnavailable", Level = LogLevel.Error,
        Message = "The audit store does not take the records of instance {Instance}: they wait in the spool, and shipping retries with backoff")]
    private static partial void SinkFailed(ILogger logger, string instance, Exception exception);

    [LoggerMessage(EventId = 6212, EventName = "AuditStoreBack", Level = LogLevel.Information,
        Message = "The audit store takes the records of instance {Instance} again; the spool is replayed in order")]
    private static partial void SinkBack(ILogger logger, string instance);

    [LoggerMessage(EventId = 6213, EventName = "AuditRecordsMissing", Level = LogLevel.Warning,
        Message = "The audit store ends before the spool of instance {Instance} begins: records {From} to {To} are in neither (a spool lost); the verifier will name the gap")]
    private static partial void RecordsMissing(ILogger logger, string instance, long from, long to);

    public override void Dispose()
    {
        draining.Dispose();
        base.Dispose();
    }
}

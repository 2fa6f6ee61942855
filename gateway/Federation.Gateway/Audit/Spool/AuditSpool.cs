using System.Globalization;
using System.Security.Cryptography;
using System.Threading.Channels;
using Federation.Gateway.Audit.Chain;
using Federation.Gateway.Audit.Keys;
using Federation.Gateway.Audit.Shipping;
using Microsoft.Extensions.Logging;

namespace Federation.Gateway.Audit.Spool;

/// <summary>How one instance's spool is kept.</summary>
/// <param name="Directory">The spool root (<c>Audit:SpoolDirectory</c>); the instance's spool is its sub-directory named after the instance.</param>
/// <param name="KeepShipped">Spool store: the spool is the trail, nothing is deleted. Postgres store: segments wholly shipped are deleted.</param>
internal sealed record AuditSpoolSettings(
    string Directory,
    string Instance,
    int CheckpointEvery,
    TimeSpan CheckpointInterval,
    bool KeepShipped,
    long SegmentBytes = 64L * 1024 * 1024,
    int MaximumBatch = 8192,
    int Capacity = 65_536,
    int HandoffCapacity = 16_384,
    int PreallocateBytes = 4 * 1024 * 1024)
{
    public string InstanceDirectory => Path.Combine(Directory, Instance);
}

/// <summary>
/// The durable local spool of one instance's chain (README.md in Audit/ has the format). One writer loop
/// takes what the appenders queued (a <see cref="Channel"/>; each appender wrote its entry's JSON on its
/// own thread), numbers each record, completes its canonical body, chains it, frames a batch, writes it with one call and fsyncs once, and only then completes every
/// append of the batch (group commit): a request waits for one fsync, not for the others'. Checkpoints,
/// signed, go into the same batches. At open it recovers: a torn last frame is cut off (kept aside in a
/// <c>.torn</c> file and logged) and the chain continues from the last whole record; a spool with no
/// segment continues the sink's chain (<see cref="IAuditSink.TailAsync"/>), asked before the first record
/// is numbered. A write or fsync that fails fails the appends of its batch with
/// <see cref="AuditUnavailableException"/> and leaves the chain where it was: the next batch first cuts the
/// file back to its durable length (after a failed fsync the kernel may have dropped the pages, so they are
/// written again, not trusted).
/// </summary>
internal sealed partial class AuditSpool : IAsyncDisposable
{
    private const string ShippedFile = "shipped";
    private const string LockFile = "lock";

    private readonly AuditSpoolSettings settings;
    private readonly CheckpointSigner signer;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly Func<CancellationToken, Task<AuditSinkTail>>? sinkTail;
    private readonly ISpoolStorage storage;
    private readonly FileStream lockFile;
    private readonly Channel<SpoolRequest> requests;
    private readonly SpoolBuffer frames = new();
    private readonly byte[] prefix;
    private readonly IncrementalHash sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly List<SpoolRequest> batch = [];
    private readonly List<(int Start, int End, ChainedRecord? Record, AuditCheckpoint? Checkpoint)> written = [];
    private readonly List<SpoolItem> handed = [];
    private readonly TaskCompletionSource writerDone = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ManualResetEventSlim wake = new(initialState: false, spinCount: 1);

    // The writer loop's own state: the chain's tail and the segment written to.
    private bool started;
    private long sequence;
    private byte[] hash = AuditChain.Genesis;
    private long checkpointSequence = -1;
    private DateTimeOffset? checkpointAt;
    private DateTimeOffset checkpointDue;
    private ISpoolFile? segment;
    private long segmentStart;
    private long segmentLength;
    // The segment's bytes up to here are allocated and written (zeros past segmentLength), and the file's length says so, fsync'd:
    // a batch written below it changes no metadata, so fdatasync makes it durable without a journal commit.
    private long preparedEnd;
    private bool needsRepair;
    private bool failing;

    private long durableEnd;
    private long batches;
    private long shipped;
    private TaskCompletionSource durable = NewSignal();
    private DurableHandoff handoff = null!;
    private int closed;

    private AuditSpool(
        AuditSpoolSettings settings,
        CheckpointSigner signer,
        TimeProvider time,
        ILogger logger,
        Func<CancellationToken, Task<AuditSinkTail>>? sinkTail,
        ISpoolStorage storage,
        FileStream lockFile)
    {
        this.settings = settings;
        this.signer = signer;
        this.time = time;
        this.logger = logger;
        this.sinkTail = sinkTail;
        this.storage = storage;
        this.lockFile = lockFile;
        requests = Channel.CreateBounded<SpoolRequest>(new BoundedChannelOptions(settings.Capacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        checkpointDue = time.GetUtcNow() + settings.CheckpointInterval;
        prefix = AuditCanonicalForm.InstancePrefix(settings.Instance);
        // The writer has a thread of its own: it spends its life in write and fsync calls, which on a
        // thread-pool thread would take one of the few the requests run on (a 2-core machine has 2), and its
        // next batch would wait in the pool's queue behind the requests' work.
        new Thread(WriteLoop) { IsBackground = true, Name = "Audit spool writer" }.Start();
    }

    public string Instance => settings.Instance;

    public string Directory => settings.InstanceDirectory;

    /// <summary>The global offset up to which the spool is durable (fsync'd).</summary>
    public long DurableEnd => Interlocked.Read(ref durableEnd);

    /// <summary>How many batches were made durable, each with one fsync (for the benchmark).</summary>
    public long Batches => Interlocked.Read(ref batches);

    /// <summary>What the writer has just made durable, in memory, for the shipper (<see cref="DurableHandoff"/>).</summary>
    public DurableHandoff Handoff => handoff;

    /// <summary>The global offset up to which the sink has everything (the fsync'd state file).</summary>
    public long ShippedOffset => Interlocked.Read(ref shipped);

    /// <summary>
    /// Opens (making it when new) and recovers the spool of <paramref name="settings"/>' instance, and starts its writer.
    /// <paramref name="sinkTail"/> gives the sink's end of the chain, for a spool that has none (Postgres store only).
    /// </summary>
    /// <exception cref="AuditConfigurationException">Another process has the spool open, or it holds another instance's chain.</exception>
    public static AuditSpool Open(
        AuditSpoolSettings settings,
        CheckpointSigner signer,
        TimeProvider time,
        ILogger logger,
        Func<CancellationToken, Task<AuditSinkTail>>? sinkTail = null,
        ISpoolStorage? storage = null)
    {
        var directory = settings.InstanceDirectory;
        if (OperatingSystem.IsWindows())
        {
            System.IO.Directory.CreateDirectory(directory);
        }
        else
        {
            System.IO.Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        FileStream lockFile;
        try
        {
            // One writer per chain: two processes appending to one spool would fork the chain.
            lockFile = new FileStream(Path.Combine(directory, LockFile), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException exception)
        {
            throw new AuditConfigurationException(
                $"The audit spool {directory} is in use by another gateway process ({exception.Message}); give each instance its own Audit:Instance or Audit:SpoolDirectory.",
                spoolInUse: true);
        }

        var spool = new AuditSpool(settings, signer, time, logger, sinkTail, storage ?? FileSpoolStorage.Instance, lockFile);
        try
        {
            spool.Recover();
        }
        catch
        {
            // The writer loop ends at once: nothing was queued, and the channel is closed.
            spool.requests.Writer.TryComplete();
            spool.wake.Set();
            spool.recovered.TrySetResult();
            lockFile.Dispose();
            throw;
        }

        // What the recovery found is in the file only; the handoff holds what this run makes durable.
        spool.handoff = new DurableHandoff(settings.HandoffCapacity, spool.durableEnd);
        // The writer waits on the channel only; the recovery above ran before it took anything.
        spool.recovered.TrySetResult();
        return spool;
    }

    private readonly TaskCompletionSource recovered = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>
    /// Every instance's records, ordered by (instance, sequence), and checkpoints under the spool root
    /// <paramref name="spoolDirectory"/>: the one-command run's trail, for the reading API and the verifier.
    /// </summary>
    public static AuditSpoolContents ReadAll(string spoolDirectory) => AuditSpoolReader.ReadAll(spoolDirectory);

    /// <summary>Numbers, chains and spools <paramref name="entry"/>; completes once it is fsync'd.</summary>
    /// <exception cref="AuditUnavailableException">It could not be made durable.</exception>
    public async ValueTask<ChainedRecord> AppendAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        entry = AuditCanonicalForm.Normalize(entry);
        byte[] part;
        try
        {
            // The entry's JSON is written here, on the appender's thread, in parallel; the one writer loop only numbers, joins and hashes.
            part = AuditCanonicalForm.EntryPart(entry, out var replaced);
            if (replaced)
            {
                // The record's entry is what its body reads back as — what the shipper hands the sink from memory,
                // and what a reader of the file gets —, not the string the body could not hold.
                entry = AuditCanonicalForm.Read(AuditCanonicalForm.Compose(prefix, 0, part)).Entry;
            }
        }
        catch (Exception exception) when (exception is ArgumentException or InvalidOperationException or FormatException)
        {
            throw new AuditUnavailableException("The audit record has no canonical form: " + exception.Message, exception);
        }

        var request = new AppendRequest(entry, part);
        await EnqueueAsync(request, cancellationToken).ConfigureAwait(false);
        return await request.Task.ConfigureAwait(false);
    }

    /// <summary>
    /// Writes a checkpoint of the chain's tail when records came since the last one (or always when
    /// <paramref name="closing"/>); gives it, or null when there was nothing to pin.
    /// </summary>
    public async Task<AuditCheckpoint?> CheckpointAsync(bool closing, CancellationToken cancellationToken)
    {
        var request = new CheckpointRequest(closing);
        await EnqueueAsync(request, cancellationToken).ConfigureAwait(false);
        return await request.Task.ConfigureAwait(false);
    }

    /// <summary>Completes when the spool is durable beyond <paramref name="offset"/>.</summary>
    public async Task WaitBeyondAsync(long offset, CancellationToken cancellationToken)
    {
        while (true)
        {
            var signal = Volatile.Read(ref durable);
            if (DurableEnd > offset)
            {
                return;
            }

            await signal.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The sink has everything before <paramref name="offset"/>: kept in the fsync'd state file (written aside
    /// and renamed), and — Postgres store — segments wholly before it are deleted.
    /// </summary>
    public void MarkShipped(long offset)
    {
        var path = Path.Combine(Directory, ShippedFile);
        var aside = path + ".tmp";
        var bytes = System.Text.Encoding.ASCII.GetBytes(offset.ToString(CultureInfo.InvariantCulture) + "\n");
        File.Delete(aside);
        using (var file = storage.Open(aside, create: true))
        {
            file.Write(bytes, 0);
            file.Flush();
        }

        File.Move(aside, path, overwrite: true);
        storage.SyncDirectory(Directory);
        Interlocked.Exchange(ref shipped, offset);
        if (settings.KeepShipped)
        {
            return;
        }

        var segments = AuditSpoolReader.Segments(Directory);
        var current = Interlocked.Read(ref segmentStart);
        for (var i = 0; i < segments.Count - 1; i++)
        {
            if (segments[i + 1].Start <= offset && segments[i].Start < current)
            {
                File.Delete(segments[i].Path);
            }
        }
    }

    /// <summary>
    /// Stops taking records, writes the closing checkpoint after what was queued (when
    /// <paramref name="closing"/> and the chain has a record), and waits for the writer to finish.
    /// </summary>
    public async Task CloseAsync(bool closing)
    {
        if (Interlocked.Exchange(ref closed, 1) == 1)
        {
            await writerDone.Task.ConfigureAwait(false);
            return;
        }

        var last = closing ? new CheckpointRequest(closing: true) : null;
        if (last is not null)
        {
            await requests.Writer.WriteAsync(last).ConfigureAwait(false);
        }

        requests.Writer.TryComplete();
        wake.Set();
        // The wake event is not disposed: an append that got its record in just before the close still sets it.
        await writerDone.Task.ConfigureAwait(false);
        if (last is not null)
        {
            try
            {
                await last.Task.ConfigureAwait(false);
            }
            catch (AuditUnavailableException exception)
            {
                ClosingFailed(logger, settings.Instance, exception);
            }
        }

        segment?.Dispose();
        sha.Dispose();
        await lockFile.DisposeAsync().ConfigureAwait(false);
    }

    public ValueTask DisposeAsync() => new(CloseAsync(closing: false));

    private async ValueTask EnqueueAsync(SpoolRequest request, CancellationToken cancellationToken)
    {
        if (!requests.Writer.TryWrite(request))
        {
            try
            {
                await requests.Writer.WriteAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (ChannelClosedException exception)
            {
                throw new AuditUnavailableException("The audit spool is closed: the gateway is stopping.", exception);
            }
        }

        wake.Set();
    }

    /// <summary>
    /// The writer thread: takes what is queued as one batch and writes it, until the spool is closed and
    /// drained. It sleeps on <see cref="wake"/>, which every enqueue sets, rather than on the channel's
    /// asynchronous wait, whose completion would again go through the thread pool's queue.
    /// </summary>
    private void WriteLoop()
    {
        try
        {
            recovered.Task.GetAwaiter().GetResult();
            var reader = requests.Reader;
            while (true)
            {
                // Reset before looking: an enqueue after the look sets it again, so no record is left asleep.
                wake.Reset();
                if (!reader.TryPeek(out _))
                {
                    if (reader.Completion.IsCompleted)
                    {
                        break;
                    }

                    wake.Wait();
                    continue;
                }

                batch.Clear();
                while (batch.Count < settings.MaximumBatch && reader.TryRead(out var request))
                {
                    batch.Add(request);
                }

                try
                {
                    WriteBatchAsync().GetAwaiter().GetResult();
                }
                catch (Exception exception)
                {
                    // Nothing may leave an append waiting forever: a fault here fails the batch, and the loop goes on.
                    foreach (var request in batch)
                    {
                        request.Fail(new AuditUnavailableException("The audit spool failed.", exception));
                    }
                }
            }

            writerDone.TrySetResult();
        }
        catch (Exception exception)
        {
            writerDone.TrySetException(exception);
        }
    }

    private async Task WriteBatchAsync()
    {
        if (!started)
        {
            try
            {
                await StartChainAsync().ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                if (!failing)
                {
                    failing = true;
                    TailUnknown(logger, settings.Instance, exception);
                }

                Fail(new AuditUnavailableException("The audit chain cannot start: its spool is empty and the audit store, whose chain it continues, did not answer.", exception));
                return;
            }
        }

        var before = (sequence, hash, checkpointSequence, checkpointAt, checkpointDue);
        frames.Clear();
        written.Clear();
        foreach (var request in batch)
        {
            switch (request)
            {
                case AppendRequest append:
                    Append(append);
                    break;
                case CheckpointRequest checkpoint:
                    checkpoint.Checkpoint = checkpoint.Closing || sequence > checkpointSequence ? Checkpoint(checkpoint.Closing) : null;
                    break;
            }
        }

        if (sequence > checkpointSequence && time.GetUtcNow() >= checkpointDue)
        {
            Checkpoint(closing: false);
        }

        if (frames.Length == 0)
        {
            Complete();
            return;
        }

        try
        {
            if (needsRepair)
            {
                segment!.SetLength(segmentLength);
                segment.Flush();
                preparedEnd = segmentLength;
                needsRepair = false;
            }

            if (segmentLength >= settings.SegmentBytes)
            {
                Roll(before.sequence, before.hash, before.checkpointSequence, before.checkpointAt);
            }

            if (segmentLength + frames.Length > preparedEnd)
            {
                Prepare(segmentLength + frames.Length);
            }

            segment!.Write(frames.Written, segmentLength);
            segment.FlushData();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            (sequence, hash, checkpointSequence, checkpointAt, checkpointDue) = before;
            needsRepair = true;
            if (!failing)
            {
                failing = true;
                WriteFailed(logger, settings.Instance, Directory, exception);
            }

            Fail(new AuditUnavailableException("The audit record could not be made durable: the spool cannot be written.", exception));
            return;
        }

        if (failing)
        {
            failing = false;
            WritesAgain(logger, settings.Instance);
        }

        // The shipper gets the batch in memory before it can see the new durable end.
        var at = segmentStart + segmentLength;
        handed.Clear();
        foreach (var (start, end, record, checkpoint) in written)
        {
            handed.Add(new SpoolItem(at + start, at + end, record, checkpoint));
        }

        segmentLength += frames.Length;
        handoff.Add(handed, segmentStart + segmentLength);
        Interlocked.Increment(ref batches);
        Interlocked.Exchange(ref durableEnd, segmentStart + segmentLength);
        Complete();
        Interlocked.Exchange(ref durable, NewSignal()).TrySetResult();

        // The next stretch is prepared now, after this batch's appends were released rather than before the next batch's.
        if (preparedEnd - segmentLength < settings.PreallocateBytes / 2 && preparedEnd < settings.SegmentBytes)
        {
            try
            {
                Prepare(segmentLength);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // The next batch prepares its room itself, and fails if it cannot.
                needsRepair = true;
            }
        }
    }

    /// <summary>
    /// Writes zeros from <see cref="preparedEnd"/> so that at least <paramref name="needed"/> bytes of the segment
    /// are allocated (another <see cref="AuditSpoolSettings.PreallocateBytes"/>, up to the segment's size), and
    /// fsyncs the file with its new length. Zeros, not <c>fallocate</c>: an allocated extent not yet written is
    /// marked unwritten, and writing it is again a metadata change the data sync would have to journal.
    /// </summary>
    private void Prepare(long needed)
    {
        var target = Math.Max(needed, Math.Min(preparedEnd + settings.PreallocateBytes, Math.Max(settings.SegmentBytes, needed)));
        target = (target + 4095) / 4096 * 4096;
        ReadOnlySpan<byte> zeros = Zeros;
        for (var at = preparedEnd; at < target; at += zeros.Length)
        {
            segment!.Write(zeros[..(int)Math.Min(zeros.Length, target - at)], at);
        }

        segment!.Flush();
        preparedEnd = target;
    }

    private static readonly byte[] Zeros = new byte[256 * 1024];

    private void Append(AppendRequest request)
    {
        var bytes = AuditCanonicalForm.Compose(prefix, sequence + 1, request.Part);
        var next = new byte[AuditChain.HashBytes];
        sha.AppendData(hash);
        sha.AppendData(bytes);
        sha.GetHashAndReset(next);
        sequence++;
        var start = frames.Length;
        SpoolFrames.WriteRecord(frames, sequence, hash, next, bytes);
        request.Record = new ChainedRecord(settings.Instance, sequence, request.Entry, bytes, hash, next);
        written.Add((start, frames.Length, request.Record, null));
        hash = next;
        if (sequence % settings.CheckpointEvery == 0)
        {
            Checkpoint(closing: false);
        }
    }

    private AuditCheckpoint Checkpoint(bool closing)
    {
        // Checkpoint times only go forward, so a sink told "your newest is at t" knows which it has.
        var now = AuditCanonicalForm.Microseconds(time.GetUtcNow());
        var at = checkpointAt is { } previous && now <= previous ? previous.AddTicks(10) : now;
        var checkpoint = signer.Sign(settings.Instance, sequence, hash, at, closing);
        var start = frames.Length;
        SpoolFrames.WriteCheckpoint(frames, checkpoint);
        written.Add((start, frames.Length, null, checkpoint));
        checkpointSequence = sequence;
        checkpointAt = checkpoint.At;
        checkpointDue = now + settings.CheckpointInterval;
        return checkpoint;
    }

    private void Complete()
    {
        foreach (var request in batch)
        {
            request.Complete();
        }
    }

    private void Fail(AuditUnavailableException exception)
    {
        foreach (var request in batch)
        {
            request.Fail(exception);
        }
    }

    /// <summary>The first segment of a spool that has none: the chain begins, or continues the sink's.</summary>
    private async Task StartChainAsync()
    {
        var tail = AuditSinkTail.Empty;
        if (sinkTail is not null)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            tail = await sinkTail(timeout.Token).ConfigureAwait(false);
            if (tail.Sequence > 0)
            {
                ContinuedFromSink(logger, settings.Instance, tail.Sequence);
            }
        }

        sequence = tail.Sequence;
        hash = tail.Hash.ToArray();
        checkpointAt = tail.LastCheckpointAt;
        checkpointSequence = -1;
        // Offsets only grow, even when the spool was emptied: the state file may say where shipping stood.
        Create(ShippedOffset, sequence, hash, checkpointSequence, checkpointAt);
        started = true;
    }

    private void Roll(long tailSequence, byte[] tailHash, long tailCheckpointSequence, DateTimeOffset? tailCheckpointAt)
    {
        var previous = segment!;
        // A closed segment ends at its last frame: readers take zeros only at the end of the last one.
        if (preparedEnd > segmentLength)
        {
            previous.SetLength(segmentLength);
            previous.Flush();
            preparedEnd = segmentLength;
        }

        Create(segmentStart + segmentLength, tailSequence, tailHash, tailCheckpointSequence, tailCheckpointAt);
        previous.Dispose();
    }

    /// <summary>A new segment at global offset <paramref name="start"/>, its header written and synced, the directory too.</summary>
    private void Create(long start, long tailSequence, byte[] tailHash, long tailCheckpointSequence, DateTimeOffset? tailCheckpointAt)
    {
        var path = Path.Combine(Directory, AuditSpoolReader.SegmentName(start));
        var header = new SpoolBuffer();
        SpoolFrames.WriteSegment(header, settings.Instance, start, tailSequence, tailHash, tailCheckpointSequence, tailCheckpointAt);
        var file = storage.Open(path, create: true);
        try
        {
            file.Write(header.Written, 0);
            file.Flush();
            storage.SyncDirectory(Directory);
        }
        catch
        {
            file.Dispose();
            File.Delete(path);
            throw;
        }

        segment = file;
        Interlocked.Exchange(ref segmentStart, start);
        segmentLength = header.Length;
        preparedEnd = header.Length;
        Interlocked.Exchange(ref durableEnd, start + segmentLength);
    }

    /// <summary>Finds the chain's tail in the last segment, cutting a torn last frame off.</summary>
    private void Recover()
    {
        var statePath = Path.Combine(Directory, ShippedFile);
        if (File.Exists(statePath) && long.TryParse(File.ReadAllText(statePath).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
        {
            shipped = offset;
        }

        var segments = AuditSpoolReader.Segments(Directory);
        while (segments.Count > 0)
        {
            var (start, path) = segments[^1];
            var file = storage.Open(path, create: false);
            var data = new byte[file.Length];
            var read = 0;
            while (read < data.Length)
            {
                var n = file.Read(data.AsSpan(read), read);
                if (n == 0)
                {
                    break;
                }

                read += n;
            }

            var headerLength = SpoolFrames.Measure(data.AsSpan(0, read));
            if (headerLength <= 0 || SpoolFrames.Decode(data.AsMemory(0, headerLength)) is not { Type: SpoolFrameType.Segment } header)
            {
                // A segment whose header never became durable: made by a roll the crash interrupted, it holds nothing.
                file.Dispose();
                TornSegmentRemoved(logger, settings.Instance, path);
                File.Delete(path);
                storage.SyncDirectory(Directory);
                segments.RemoveAt(segments.Count - 1);
                continue;
            }

            if (!string.Equals(header.Instance, settings.Instance, StringComparison.Ordinal))
            {
                file.Dispose();
                throw new AuditConfigurationException($"The audit spool {Directory} holds the chain of instance {header.Instance}, not {settings.Instance}.");
            }

            sequence = header.Sequence;
            hash = header.Hash.ToArray();
            checkpointSequence = header.CheckpointSequence;
            checkpointAt = header.At;
            var position = headerLength;
            while (position < read)
            {
                var length = SpoolFrames.Measure(data.AsSpan(position, read - position));
                if (length <= 0)
                {
                    break;
                }

                var frame = SpoolFrames.Decode(data.AsMemory(position, length));
                if (frame.Type == SpoolFrameType.Record)
                {
                    sequence = frame.Sequence;
                    hash = frame.Hash.ToArray();
                }
                else if (frame.Type == SpoolFrameType.Checkpoint)
                {
                    checkpointSequence = frame.Sequence;
                    checkpointAt = frame.At;
                }

                position += length;
            }

            // Zeros after the last whole frame are the room made ahead of the writes; anything else is a torn write.
            var torn = data.AsSpan(position, read - position).LastIndexOfAnyExcept((byte)0) + 1;
            if (torn > 0)
            {
                Cut(file, path, data.AsSpan(position, torn), position);
                read = position;
            }

            segment = file;
            segmentStart = start;
            segmentLength = position;
            preparedEnd = read;
            durableEnd = start + position;
            started = true;
            Recovered(logger, settings.Instance, sequence, Directory);
            // A chain continued after a crash gets a checkpoint first: the tail the crashed run left unsigned is pinned.
            requests.Writer.TryWrite(new CheckpointRequest(closing: false));
            wake.Set();
            return;
        }
    }

    /// <summary>Cuts the torn end of the last segment off, keeping the bytes aside for whoever investigates.</summary>
    private void Cut(ISpoolFile file, string path, ReadOnlySpan<byte> torn, long position)
    {
        var aside = $"{path}.torn-{time.GetUtcNow().UtcTicks.ToString(CultureInfo.InvariantCulture)}";
        File.WriteAllBytes(aside, torn.ToArray());
        file.SetLength(position);
        file.Flush();
        TornFrameCut(logger, settings.Instance, torn.Length, path, position, aside);
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    [LoggerMessage(EventId = 6201, EventName = "AuditSpoolTornFrameCut", Level = LogLevel.Warning,
        Message = "The audit spool of instance {Instance} ended in a torn frame (a write a crash interrupted, never acknowledged): {Bytes} bytes cut off {Path} at {Position}, kept in {Aside}")]
    private static partial void TornFrameCut(ILogger logger, string instance, int bytes, string path, long position, string aside);

    [LoggerMessage(EventId = 6202, EventName = "AuditSpoolWriteFailed", Level = LogLevel.Error,
        Message = "The audit spool of instance {Instance} in {Directory} cannot be written: requests fail with AUDIT_UNAVAILABLE until it can")]
    private static partial void WriteFailed(ILogger logger, string instance, string directory, Exception exception);

    [LoggerMessage(EventId = 6203, EventName = "AuditSpoolWritesAgain", Level = LogLevel.Information,
        Message = "The audit spool of instance {Instance} is written again")]
    private static partial void WritesAgain(ILogger logger, string instance);

    [LoggerMessage(EventId = 6204, EventName = "AuditChainContinuedFromStore", Level = LogLevel.Information,
        Message = "The audit spool of instance {Instance} was empty: its chain continues the audit store's after record {Sequence}")]
    private static partial void ContinuedFromSink(ILogger logger, string instance, long sequence);

    [LoggerMessage(EventId = 6205, EventName = "AuditChainTailUnknown", Level = LogLevel.Error,
        Message = "The audit spool of instance {Instance} is empty and the audit store did not say where its chain ends: requests fail with AUDIT_UNAVAILABLE until it does")]
    private static partial void TailUnknown(ILogger logger, string instance, Exception exception);

    [LoggerMessage(EventId = 6206, EventName = "AuditSpoolRecovered", Level = LogLevel.Information,
        Message = "The audit chain of instance {Instance} continues after record {Sequence} from its spool {Directory}")]
    private static partial void Recovered(ILogger logger, string instance, long sequence, string directory);

    [LoggerMessage(EventId = 6207, EventName = "AuditSpoolTornSegmentRemoved", Level = LogLevel.Warning,
        Message = "The audit spool of instance {Instance} had a segment with no whole header (a crash while it was made); {Path} removed")]
    private static partial void TornSegmentRemoved(ILogger logger, string instance, string path);

    [LoggerMessage(EventId = 6208, EventName = "AuditClosingCheckpointFailed", Level = LogLevel.Error,
        Message = "The audit chain of instance {Instance} could not be closed: its closing checkpoint was not written")]
    private static partial void ClosingFailed(ILogger logger, string instance, Exception exception);

    /// <summary>What the writer loop is asked to do; completed after the batch's fsync.</summary>
    private abstract class SpoolRequest
    {
        public abstract void Complete();

        public abstract void Fail(Exception exception);
    }

    private sealed class AppendRequest(AuditEntry entry, byte[] part) : SpoolRequest
    {
        private readonly TaskCompletionSource<ChainedRecord> completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public AuditEntry Entry { get; } = entry;

        /// <summary>The entry's part of the canonical body (<see cref="AuditCanonicalForm.EntryPart"/>).</summary>
        public byte[] Part { get; } = part;

        public ChainedRecord? Record { get; set; }

        public Task<ChainedRecord> Task => completion.Task;

        public override void Complete()
        {
            if (Record is { } record)
            {
                completion.TrySetResult(record);
            }
            else
            {
                completion.TrySetException(new AuditUnavailableException("The audit record was not written."));
            }
        }

        public override void Fail(Exception exception) => completion.TrySetException(exception);
    }

    private sealed class CheckpointRequest(bool closing) : SpoolRequest
    {
        private readonly TaskCompletionSource<AuditCheckpoint?> completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool Closing { get; } = closing;

        public AuditCheckpoint? Checkpoint { get; set; }

        public Task<AuditCheckpoint?> Task => completion.Task;

        public override void Complete() => completion.TrySetResult(Checkpoint);

        public override void Fail(Exception exception) => completion.TrySetException(exception);
    }
}

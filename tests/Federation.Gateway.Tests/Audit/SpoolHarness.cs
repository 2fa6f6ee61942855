using System.Security.Cryptography;
using Federation.Gateway.Audit;
using Federation.Gateway.Audit.Keys;
using Federation.Gateway.Audit.Shipping;
using Federation.Gateway.Audit.Spool;
using Federation.Gateway.Audit.Verification;
using Federation.Gateway.Tests.Sharing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Federation.Gateway.Tests.Audit;

/// <summary>A spool of the test's own: a temporary directory, a checkpoint key, a clock, and a disk that fails when told.</summary>
internal sealed class SpoolHarness : IDisposable
{
    private readonly TemporaryDirectory directory = new();

    public SpoolHarness(string instance = "gw-test")
    {
        Instance = instance;
        Signer = new CheckpointSigner(ECDsa.Create(ECCurve.NamedCurves.nistP256));
    }

    public string Instance { get; }

    public string Root => directory.Path;

    public string InstanceDirectory => Path.Combine(Root, Instance);

    public CheckpointSigner Signer { get; }

    public ManualClock Clock { get; } = new(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));

    public FaultyStorage Storage { get; } = new();

    public RecordingLogger Log { get; } = new();

    public AuditSpoolSettings Settings(int checkpointEvery = 1000, bool keepShipped = true, long segmentBytes = 64L * 1024 * 1024, int handoffCapacity = 16_384, int preallocateBytes = 4 * 1024 * 1024) =>
        new(Root, Instance, checkpointEvery, TimeSpan.FromMinutes(1), keepShipped, segmentBytes, HandoffCapacity: handoffCapacity, PreallocateBytes: preallocateBytes);

    public AuditSpool Open(AuditSpoolSettings? settings = null, Func<CancellationToken, Task<AuditSinkTail>>? sinkTail = null) =>
        AuditSpool.Open(settings ?? Settings(), Signer, Clock, Log, sinkTail, Storage);

    public ChainVerifier Verifier() => new([Signer.PublicKey]);

    public AuditSpoolContents Contents() => AuditSpoolReader.ReadAll(Root);

    public ChainVerification Verify()
    {
        var contents = Contents();
        return Verifier().Verify(contents.Records, contents.Checkpoints);
    }

    public List<string> Segments() => [.. AuditSpoolReader.Segments(InstanceDirectory).Select(segment => segment.Path)];

    public void Dispose() => directory.Dispose();
}

/// <summary>The real files, counting fsyncs, with writes, fsyncs or both failing (ENOSPC) while <see cref="Failing"/>.</summary>
internal sealed class FaultyStorage : ISpoolStorage
{
    private int flushes;
    private int dataFlushes;

    public bool Failing { get; set; }

    /// <summary>Fail only the fsync: the write "succeeds" into the page cache and is then lost.</summary>
    public bool FailFlushOnly { get; set; }

    public int Flushes => Volatile.Read(ref flushes);

    /// <summary>Of <see cref="Flushes"/>, the fdatasyncs: writes below a length already made durable.</summary>
    public int DataFlushes => Volatile.Read(ref dataFlushes);

    public ISpoolFile Open(string path, bool create) => new File(this, FileSpoolStorage.Instance.Open(path, create));

    public void SyncDirectory(string path)
    {
        if (Failing && !FailFlushOnly)
        {
            throw NoSpace();
        }

        FileSpoolStorage.Instance.SyncDirectory(path);
    }

    private static IOException NoSpace() => new("No space left on device", unchecked((int)0x8007001C));

    private sealed class File(FaultyStorage storage, ISpoolFile file) : ISpoolFile
    {
        public long Length => file.Length;

        public int Read(Span<byte> buffer, long offset) => file.Read(buffer, offset);

        public void Write(ReadOnlySpan<byte> data, long offset)
        {
            if (storage.Failing && !storage.FailFlushOnly)
            {
                // Half the data reaches the file before the disk is full, as a real ENOSPC leaves it.
                file.Write(data[..(data.Length / 2)], offset);
                throw NoSpace();
            }

            file.Write(data, offset);
        }

        public void Flush()
        {
            if (storage.Failing)
            {
                throw NoSpace();
            }

            Interlocked.Increment(ref storage.flushes);
            file.Flush();
        }

        public void FlushData()
        {
            if (storage.Failing)
            {
                throw NoSpace();
            }

            Interlocked.Increment(ref storage.flushes);
            Interlocked.Increment(ref storage.dataFlushes);
            file.FlushData();
        }

        public void SetLength(long length)
        {
            if (storage.Failing && !storage.FailFlushOnly)
            {
                throw NoSpace();
            }

            file.SetLength(length);
        }

        public void Dispose() => file.Dispose();
    }
}

/// <summary>A logger that keeps what it is told, for tests that check what an operator reads.</summary>
internal sealed class RecordingLogger : ILogger
{
    private readonly List<(LogLevel Level, EventId Event, string Message)> entries = [];

    public IReadOnlyList<(LogLevel Level, EventId Event, string Message)> Entries
    {
        get
        {
            lock (entries)
            {
                return [.. entries];
            }
        }
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => NullLogger.Instance.BeginScope(state);

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (entries)
        {
            entries.Add((logLevel, eventId, formatter(state, exception)));
        }
    }

    public int Count(string eventName) => Entries.Count(entry => entry.Event.Name == eventName);
}

using System.Globalization;
using Federation.Gateway.Audit.Chain;

namespace Federation.Gateway.Audit.Spool;

/// <summary>One thing a spool holds — a chained record or a checkpoint — and where (global offsets: <see cref="Offset"/> to <see cref="End"/>).</summary>
internal readonly record struct SpoolItem(long Offset, long End, ChainedRecord? Record, AuditCheckpoint? Checkpoint);

/// <summary>What a spool directory holds: every instance's records, ordered by (instance, sequence), and checkpoints.</summary>
internal sealed record AuditSpoolContents(IReadOnlyList<ChainedRecord> Records, IReadOnlyList<AuditCheckpoint> Checkpoints);

/// <summary>
/// Reads a spool's segments: the shipper from its shipped offset, the verifier and the one-command run's
/// reading API all of it. A frame that is torn at the end of the last segment is a write in progress (or the
/// crash recovery will cut): reading stops before it. A bad frame anywhere else is damage: <see cref="InvalidDataException"/>.
/// </summary>
internal static class AuditSpoolReader
{
    public const string SegmentExtension = ".seg";

    /// <summary>The segments of <paramref name="directory"/>: their first global offset and path, in order.</summary>
    public static List<(long Start, string Path)> Segments(string directory)
    {
        var segments = new List<(long Start, string Path)>();
        if (!Directory.Exists(directory))
        {
            return segments;
        }

        foreach (var path in Directory.EnumerateFiles(directory, "*" + SegmentExtension))
        {
            var name = Path.GetFileNameWithoutExtension(path);
            if (name.Length == 20 && long.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var start))
            {
                segments.Add((start, path));
            }
        }

        segments.Sort((a, b) => a.Start.CompareTo(b.Start));
        return segments;
    }

    public static string SegmentName(long start) => start.ToString("D20", CultureInfo.InvariantCulture) + SegmentExtension;

    /// <summary>
    /// Every instance's records and checkpoints under <paramref name="spoolDirectory"/> (one directory per
    /// instance, <c>Audit:SpoolDirectory</c>): what the one-command run's reading API and the verifier read.
    /// </summary>
    public static AuditSpoolContents ReadAll(string spoolDirectory)
    {
        var records = new List<ChainedRecord>();
        var checkpoints = new List<AuditCheckpoint>();
        if (Directory.Exists(spoolDirectory))
        {
            foreach (var directory in Directory.EnumerateDirectories(spoolDirectory).Order(StringComparer.Ordinal))
            {
                foreach (var item in Read(directory))
                {
                    if (item.Record is { } record)
                    {
                        records.Add(record);
                    }
                    else
                    {
                        checkpoints.Add(item.Checkpoint!);
                    }
                }
            }
        }

        return new AuditSpoolContents(records, checkpoints);
    }

    /// <summary>The records and checkpoints of one instance's spool <paramref name="directory"/> from global offset <paramref name="from"/> (a frame's start) up to <paramref name="to"/>.</summary>
    public static IEnumerable<SpoolItem> Read(string directory, long from = 0, long to = long.MaxValue)
    {
        var segments = Segments(directory);
        for (var i = 0; i < segments.Count; i++)
        {
            var (start, path) = segments[i];
            var last = i == segments.Count - 1;
            if (!last && segments[i + 1].Start <= from)
            {
                continue;
            }

            if (start >= to)
            {
                yield break;
            }

            foreach (var item in ReadSegment(path, start, Math.Max(from, start), to, last))
            {
                yield return item;
            }
        }
    }

    private static IEnumerable<SpoolItem> ReadSegment(string path, long start, long from, long to, bool last)
    {
        using var file = new FileStream(path, new FileStreamOptions
        {
            Mode = FileMode.Open,
            Access = FileAccess.Read,
            Share = FileShare.ReadWrite | FileShare.Delete,
            BufferSize = 64 * 1024,
        });
        var length = file.Length;
        string? instance = null;
        var position = 0L;
        var header = new byte[SpoolFrames.HeaderBytes];
        while (position < length && start + position < to)
        {
            var frame = ReadFrame(file, position, length, header);
            if (frame is null)
            {
                // The last segment may end in a write in progress and the zeros written ahead of the writes; a closed one ends at its last frame.
                if (last)
                {
                    yield break;
                }

                throw new InvalidDataException($"The audit spool segment {path} is damaged at byte {position}.");
            }

            var decoded = SpoolFrames.Decode(frame);
            var offset = start + position;
            position += frame.Length;
            switch (decoded.Type)
            {
                case SpoolFrameType.Segment:
                    instance = decoded.Instance;
                    if (from > start)
                    {
                        // Read the header for the instance's name, then go to where the caller asked.
                        position = from - start;
                    }

                    break;
                case SpoolFrameType.Record:
                    yield return new SpoolItem(offset, start + position, Record(decoded, instance ?? throw NoHeader(path), path), null);
                    break;
                default:
                    yield return new SpoolItem(offset, start + position, null, new AuditCheckpoint(
                        instance ?? throw NoHeader(path),
                        decoded.Sequence,
                        decoded.Hash,
                        decoded.At!.Value,
                        decoded.Closing,
                        decoded.KeyId!,
                        decoded.Signature));
                    break;
            }
        }
    }

    /// <summary>The whole frame at <paramref name="position"/>, or null when it is torn or damaged.</summary>
    private static byte[]? ReadFrame(FileStream file, long position, long length, byte[] header)
    {
        if (length - position < SpoolFrames.HeaderBytes)
        {
            return null;
        }

        file.Position = position;
        file.ReadExactly(header);
        var payload = System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(header);
        if (payload is 0 or > SpoolFrames.MaximumPayload || length - position - SpoolFrames.HeaderBytes < payload)
        {
            return null;
        }

        var frame = new byte[SpoolFrames.HeaderBytes + (int)payload];
        header.CopyTo(frame, 0);
        file.ReadExactly(frame.AsSpan(SpoolFrames.HeaderBytes));
        return SpoolFrames.Measure(frame) == frame.Length ? frame : null;
    }

    private static ChainedRecord Record(SpoolFrame frame, string instance, string path)
    {
        (string Instance, long Sequence, AuditEntry Entry) body;
        try
        {
            body = AuditCanonicalForm.Read(frame.Body.Span);
        }
        catch (FormatException exception)
        {
            throw new InvalidDataException($"The audit spool segment {path} holds record {frame.Sequence} with an unreadable body.", exception);
        }

        if (body.Sequence != frame.Sequence || !string.Equals(body.Instance, instance, StringComparison.Ordinal))
        {
            throw new InvalidDataException($"The audit spool segment {path} of instance {instance} holds record {frame.Sequence} whose body names record {body.Sequence} of {body.Instance}.");
        }

        return new ChainedRecord(instance, frame.Sequence, body.Entry, frame.Body, frame.PreviousHash, frame.Hash);
    }

    private static InvalidDataException NoHeader(string path) => new($"The audit spool segment {path} does not begin with its header.");
}

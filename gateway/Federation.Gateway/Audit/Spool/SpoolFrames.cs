using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Text;
using Federation.Gateway.Audit.Chain;
using Federation.Gateway.Audit.Keys;

namespace Federation.Gateway.Audit.Spool;

/// <summary>What a spool frame holds (the first byte of its payload).</summary>
internal enum SpoolFrameType : byte
{
    /// <summary>The first frame of every segment: where the chain stood when the segment began.</summary>
    Segment = 1,

    Record = 2,

    Checkpoint = 3,
}

/// <summary>
/// One decoded frame. A segment header has the chain's tail at the segment's start (<see cref="Sequence"/>,
/// <see cref="Hash"/>, <see cref="CheckpointSequence"/>, <see cref="At"/> of the newest checkpoint) so a
/// segment is readable and the chain continuable without the segments before it (shipped and deleted).
/// </summary>
internal readonly record struct SpoolFrame(
    SpoolFrameType Type,
    long Sequence,
    ReadOnlyMemory<byte> PreviousHash,
    ReadOnlyMemory<byte> Hash,
    ReadOnlyMemory<byte> Body,
    DateTimeOffset? At,
    bool Closing,
    string? KeyId,
    ReadOnlyMemory<byte> Signature,
    long FirstOffset,
    long CheckpointSequence,
    string? Instance);

/// <summary>
/// The spool's frames (README.md in Audit/ has the layout): <c>[payload length: u32 LE][CRC-32C of the
/// payload: u32 LE][payload]</c>; the payload begins with its type. A frame whose length runs past the file's
/// end or whose CRC does not match is torn (a write the crash interrupted) or damaged.
/// </summary>
internal static class SpoolFrames
{
    public const int HeaderBytes = 8;

    /// <summary>Larger than any record the gateway makes; a length beyond it is damage, not a frame.</summary>
    public const int MaximumPayload = 16 * 1024 * 1024;

    private const byte Version = 1;
    private const long NoCheckpoint = long.MinValue;

    public const int RecordPrefix = 1 + 8 + AuditChain.HashBytes + AuditChain.HashBytes;

    public static void WriteRecord(SpoolBuffer output, long sequence, ReadOnlySpan<byte> previousHash, ReadOnlySpan<byte> hash, ReadOnlySpan<byte> body)
    {
        var payload = output.Reserve(HeaderBytes + RecordPrefix + body.Length)[HeaderBytes..];
        payload[0] = (byte)SpoolFrameType.Record;
        BinaryPrimitives.WriteInt64LittleEndian(payload[1..], sequence);
        previousHash.CopyTo(payload[9..]);
        hash.CopyTo(payload[(9 + AuditChain.HashBytes)..]);
        body.CopyTo(payload[RecordPrefix..]);
        output.Seal(payload.Length);
    }

    public static void WriteCheckpoint(SpoolBuffer output, AuditCheckpoint checkpoint)
    {
        var keyId = Encoding.ASCII.GetBytes(checkpoint.KeyId);
        var payload = output.Reserve(HeaderBytes + 1 + 8 + AuditChain.HashBytes + 8 + 1 + 1 + keyId.Length + 2 + checkpoint.Signature.Length)[HeaderBytes..];
        payload[0] = (byte)SpoolFrameType.Checkpoint;
        BinaryPrimitives.WriteInt64LittleEndian(payload[1..], checkpoint.Sequence);
        checkpoint.Hash.Span.CopyTo(payload[9..]);
        var rest = payload[(9 + AuditChain.HashBytes)..];
        BinaryPrimitives.WriteInt64LittleEndian(rest, CheckpointSignature.MicrosecondsSinceEpoch(checkpoint.At));
        rest[8] = checkpoint.Closing ? (byte)1 : (byte)0;
        rest[9] = checked((byte)keyId.Length);
        keyId.CopyTo(rest[10..]);
        BinaryPrimitives.WriteUInt16LittleEndian(rest[(10 + keyId.Length)..], checked((ushort)checkpoint.Signature.Length));
        checkpoint.Signature.Span.CopyTo(rest[(12 + keyId.Length)..]);
        output.Seal(payload.Length);
    }

    public static void WriteSegment(SpoolBuffer output, string instance, long firstOffset, long sequence, ReadOnlySpan<byte> hash, long checkpointSequence, DateTimeOffset? checkpointAt)
    {
        var name = Encoding.UTF8.GetBytes(instance);
        var payload = output.Reserve(HeaderBytes + 2 + 8 + 8 + AuditChain.HashBytes + 8 + 8 + 2 + name.Length)[HeaderBytes..];
        payload[0] = (byte)SpoolFrameType.Segment;
        payload[1] = Version;
        BinaryPrimitives.WriteInt64LittleEndian(payload[2..], firstOffset);
        BinaryPrimitives.WriteInt64LittleEndian(payload[10..], sequence);
        hash.CopyTo(payload[18..]);
        var rest = payload[(18 + AuditChain.HashBytes)..];
        BinaryPrimitives.WriteInt64LittleEndian(rest, checkpointSequence);
        BinaryPrimitives.WriteInt64LittleEndian(rest[8..], checkpointAt is { } at ? CheckpointSignature.MicrosecondsSinceEpoch(at) : NoCheckpoint);
        BinaryPrimitives.WriteUInt16LittleEndian(rest[16..], checked((ushort)name.Length));
        name.CopyTo(rest[18..]);
        output.Seal(payload.Length);
    }

    /// <summary>
    /// The length of the whole frame at the start of <paramref name="data"/>, or 0 when it is not all there
    /// or its CRC does not match (torn or damaged); -1 when more bytes are needed to tell (fewer than the header).
    /// </summary>
    public static int Measure(ReadOnlySpan<byte> data)
    {
        if (data.Length < HeaderBytes)
        {
            return -1;
        }

        var length = BinaryPrimitives.ReadUInt32LittleEndian(data);
        if (length is 0 or > MaximumPayload)
        {
            return 0;
        }

        if (data.Length < HeaderBytes + (int)length)
        {
            return -1;
        }

        var crc = BinaryPrimitives.ReadUInt32LittleEndian(data[4..]);
        return Crc32C(data.Slice(HeaderBytes, (int)length)) == crc ? HeaderBytes + (int)length : 0;
    }

    /// <summary>The payload of a whole frame (<see cref="Measure"/> said so), decoded; the memory is kept, not copied.</summary>
    /// <exception cref="InvalidDataException">The payload is not a frame this spool writes.</exception>
    public static SpoolFrame Decode(ReadOnlyMemory<byte> frame)
    {
        var payload = frame[HeaderBytes..];
        var span = payload.Span;
        try
        {
            switch ((SpoolFrameType)span[0])
            {
                case SpoolFrameType.Record:
                    return new SpoolFrame(
                        SpoolFrameType.Record,
                        BinaryPrimitives.ReadInt64LittleEndian(span[1..]),
                        payload.Slice(9, AuditChain.HashBytes),
                        payload.Slice(9 + AuditChain.HashBytes, AuditChain.HashBytes),
                        payload[RecordPrefix..],
                        null, false, null, default, 0, 0, null);
                case SpoolFrameType.Checkpoint:
                {
                    var rest = span[(9 + AuditChain.HashBytes)..];
                    var keyLength = rest[9];
                    var keyId = Encoding.ASCII.GetString(rest.Slice(10, keyLength));
                    var signatureLength = BinaryPrimitives.ReadUInt16LittleEndian(rest[(10 + keyLength)..]);
                    var signatureStart = 9 + AuditChain.HashBytes + 12 + keyLength;
                    if (signatureStart + signatureLength != payload.Length)
                    {
                        throw Damaged("a checkpoint frame of the wrong length");
                    }

                    return new SpoolFrame(
                        SpoolFrameType.Checkpoint,
                        BinaryPrimitives.ReadInt64LittleEndian(span[1..]),
                        default,
                        payload.Slice(9, AuditChain.HashBytes),
                        default,
                        CheckpointSignature.FromMicrosecondsSinceEpoch(BinaryPrimitives.ReadInt64LittleEndian(rest)),
                        rest[8] == 1,
                        keyId,
                        payload.Slice(signatureStart, signatureLength),
                        0, 0, null);
                }

                case SpoolFrameType.Segment:
                {
                    if (span[1] != Version)
                    {
                        throw Damaged($"a segment of version {span[1]}; this gateway reads version {Version}");
                    }

                    var rest = span[(18 + AuditChain.HashBytes)..];
                    var at = BinaryPrimitives.ReadInt64LittleEndian(rest[8..]);
                    var nameLength = BinaryPrimitives.ReadUInt16LittleEndian(rest[16..]);
                    return new SpoolFrame(
                        SpoolFrameType.Segment,
                        BinaryPrimitives.ReadInt64LittleEndian(span[10..]),
                        default,
                        payload.Slice(18, AuditChain.HashBytes),
                        default,
                        at == NoCheckpoint ? null : CheckpointSignature.FromMicrosecondsSinceEpoch(at),
                        false,
                        null,
                        default,
                        BinaryPrimitives.ReadInt64LittleEndian(span[2..]),
                        BinaryPrimitives.ReadInt64LittleEndian(rest),
                        Encoding.UTF8.GetString(rest.Slice(18, nameLength)));
                }

                default:
                    throw Damaged($"a frame of unknown type {span[0]}");
            }
        }
        catch (ArgumentOutOfRangeException exception)
        {
            throw new InvalidDataException("The audit spool holds a frame too short for its type.", exception);
        }
    }

    /// <summary>CRC-32C (Castagnoli), as iSCSI and ext4 use it; the processor's instruction where there is one.</summary>
    public static uint Crc32C(ReadOnlySpan<byte> data)
    {
        var crc = uint.MaxValue;
        var words = MemoryMarshal.Cast<byte, ulong>(data[..(data.Length & ~7)]);
        foreach (var word in words)
        {
            crc = BitOperations.Crc32C(crc, BitConverter.IsLittleEndian ? word : BinaryPrimitives.ReverseEndianness(word));
        }

        foreach (var b in data[(data.Length & ~7)..])
        {
            crc = BitOperations.Crc32C(crc, b);
        }

        return ~crc;
    }

    private static InvalidDataException Damaged(string what) => new($"The audit spool holds {what}.");
}

/// <summary>A growable buffer frames are written into, then written to the file in one call.</summary>
internal sealed class SpoolBuffer
{
    private byte[] array = new byte[64 * 1024];
    private int reserved;

    public int Length { get; private set; }

    public ReadOnlySpan<byte> Written => array.AsSpan(0, Length);

    public void Clear() => Length = 0;

    /// <summary>Room for a frame of <paramref name="bytes"/> (header included) at the end.</summary>
    public Span<byte> Reserve(int bytes)
    {
        if (Length + bytes > array.Length)
        {
            Array.Resize(ref array, Math.Max(array.Length * 2, Length + bytes));
        }

        reserved = bytes;
        return array.AsSpan(Length, bytes);
    }

    /// <summary>Fills in the reserved frame's header (length, CRC) and keeps it.</summary>
    public void Seal(int payloadLength)
    {
        var frame = array.AsSpan(Length, reserved);
        BinaryPrimitives.WriteUInt32LittleEndian(frame, (uint)payloadLength);
        BinaryPrimitives.WriteUInt32LittleEndian(frame[4..], SpoolFrames.Crc32C(frame.Slice(SpoolFrames.HeaderBytes, payloadLength)));
        Length += reserved;
        reserved = 0;
    }
}

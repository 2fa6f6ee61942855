using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Federation.Gateway.Audit;

namespace Federation.Gateway.Auditing;

/// <summary>
/// Opaque page cursors: the position of a page's last record, bound to the filter it was read with
/// and authenticated with this gateway's cursor key (HMAC-SHA-256, truncated to 16 bytes), in
/// base64url. A cursor that does not decode, was altered, or is replayed with another filter is
/// refused (<c>CURSOR_INVALID</c>); the store is never asked with a position a caller made up.
/// The key is made at start: cursors do not outlive the process, which a re-asked first page repairs.
/// </summary>
internal sealed class AuditCursors
{
    private const byte Version = 1;
    private const int MacBytes = 16;
    private const int MaximumLength = 256;

    private readonly byte[] key;

    public AuditCursors(ReadOnlySpan<byte> key) => this.key = key.ToArray();

    public static AuditCursors WithRandomKey() => new(RandomNumberGenerator.GetBytes(32));

    public string Encode(AuditPosition position, AuditFilter filter)
    {
        var instance = Encoding.UTF8.GetBytes(position.Instance);
        var payload = new byte[1 + 8 + 8 + 2 + instance.Length];
        payload[0] = Version;
        BinaryPrimitives.WriteInt64BigEndian(payload.AsSpan(1), position.At.UtcTicks);
        BinaryPrimitives.WriteInt64BigEndian(payload.AsSpan(9), position.Sequence);
        BinaryPrimitives.WriteUInt16BigEndian(payload.AsSpan(17), (ushort)instance.Length);
        instance.CopyTo(payload.AsSpan(19));
        return Base64Url(Concat(payload, Mac(payload, filter)));
    }

    /// <summary>The position <paramref name="cursor"/> holds; <see cref="AuditReadingException"/> (<c>CURSOR_INVALID</c>) when it is not one of ours for <paramref name="filter"/>.</summary>
    public AuditPosition Decode(string cursor, AuditFilter filter)
    {
        if (cursor.Length is 0 or > MaximumLength || !TryBase64Url(cursor, out var bytes) || bytes.Length < 19 + MacBytes)
        {
            throw new AuditReadingException(AuditReadingErrorCodes.BadCursor());
        }

        var payload = bytes.AsSpan(0, bytes.Length - MacBytes);
        if (!CryptographicOperations.FixedTimeEquals(Mac(payload, filter), bytes.AsSpan(bytes.Length - MacBytes))
            || payload[0] != Version
            || BinaryPrimitives.ReadUInt16BigEndian(payload[17..]) != payload.Length - 19)
        {
            throw new AuditReadingException(AuditReadingErrorCodes.BadCursor());
        }

        var ticks = BinaryPrimitives.ReadInt64BigEndian(payload[1..]);
        if (ticks < DateTimeOffset.MinValue.UtcTicks || ticks > DateTimeOffset.MaxValue.UtcTicks)
        {
            throw new AuditReadingException(AuditReadingErrorCodes.BadCursor());
        }

        return new AuditPosition(new DateTimeOffset(ticks, TimeSpan.Zero), Encoding.UTF8.GetString(payload[19..]), BinaryPrimitives.ReadInt64BigEndian(payload[9..]));
    }

    private byte[] Mac(ReadOnlySpan<byte> payload, AuditFilter filter)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
        hmac.AppendData(payload);
        hmac.AppendData(filter.Fingerprint());
        return hmac.GetHashAndReset()[..MacBytes];
    }

    private static byte[] Concat(byte[] first, byte[] second)
    {
        var all = new byte[first.Length + second.Length];
        first.CopyTo(all, 0);
        second.CopyTo(all, first.Length);
        return all;
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static bool TryBase64Url(string text, out byte[] bytes)
    {
        bytes = [];
        foreach (var c in text)
        {
            if (!(c is >= 'A' and <= 'Z' or >= 'a' and <= 'z' or >= '0' and <= '9' or '-' or '_'))
            {
                return false;
            }
        }

        var padded = text.Replace('-', '+').Replace('_', '/');
        padded += (padded.Length % 4) switch { 2 => "==", 3 => "=", 0 => "", _ => "!" };
        try
        {
            bytes = Convert.FromBase64String(padded);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}

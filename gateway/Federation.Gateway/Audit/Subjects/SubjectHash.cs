using System.Security.Cryptography;
using System.Text;

namespace Federation.Gateway.Audit.Subjects;

/// <summary>
/// The keyed hash a data subject's identifier is kept as (HMAC-SHA-256 with the platform's subject
/// key, <c>Audit:SubjectKey</c>): the audit store is not a second copy of personal data, yet an auditor
/// who knows an identifier finds its records, since the reading API hashes it the same way on the way
/// in. The identifier is normalized first — surrounding white space dropped, ASCII letters upper-cased
/// (an identity number's check character <c>x</c> is <c>X</c>) — so the spelling a caller used does not
/// hide a subject. The kind is not hashed in: an auditor searches by identifier alone.
/// </summary>
internal sealed class SubjectHash
{
    public const int MinimumKeyBytes = 32;

    private readonly byte[] key;

    // One HMAC per thread, keyed once: a one-shot HMAC prepares the key's inner and outer pads again for every identifier.
    private readonly ThreadLocal<IncrementalHash> macs;

    public SubjectHash(ReadOnlySpan<byte> key)
    {
        if (key.Length < MinimumKeyBytes)
        {
            throw new ArgumentException($"The audit subject key must be at least {MinimumKeyBytes} bytes.", nameof(key));
        }

        this.key = key.ToArray();
        macs = new ThreadLocal<IncrementalHash>(() => IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, this.key));
    }

    /// <summary>The hash of <paramref name="identifier"/>, 64 lower-case hex digits.</summary>
    public string Of(string identifier)
    {
        Span<byte> hash = stackalloc byte[HMACSHA256.HashSizeInBytes];
        Hash(identifier, hash);
        return Convert.ToHexStringLower(hash);
    }

    /// <summary>The hash of <paramref name="identifier"/>, 32 bytes.</summary>
    public byte[] BytesOf(string identifier)
    {
        var hash = new byte[HMACSHA256.HashSizeInBytes];
        Hash(identifier, hash);
        return hash;
    }

    private void Hash(string identifier, Span<byte> destination)
    {
        var normalized = Normalize(identifier);
        var length = Encoding.UTF8.GetMaxByteCount(normalized.Length);
        var buffer = length <= 256 ? stackalloc byte[length] : new byte[length];
        var written = Encoding.UTF8.GetBytes(normalized, buffer);
        var mac = macs.Value!;
        mac.AppendData(buffer[..written]);
        mac.GetHashAndReset(destination);
    }

    /// <summary>Trimmed, ASCII letters upper-cased; other characters as they are.</summary>
    public static string Normalize(string identifier)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        var trimmed = identifier.AsSpan().Trim();
        return string.Create(trimmed.Length, trimmed, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                span[i] = c is >= 'a' and <= 'z' ? (char)(c - 32) : c;
            }
        });
    }
}

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

    public SubjectHash(ReadOnlySpan<byte> key)
    {
        if (key.Length < MinimumKeyBytes)
        {
            throw new ArgumentException($"The audit subject key must be at least {MinimumKeyBytes} bytes.", nameof(key));
        }

        this.key = key.ToArray();
    }

    /// <summary>The hash of <paramref name="identifier"/>, 64 lower-case hex digits.</summary>
    public string Of(string identifier) => Convert.ToHexStringLower(BytesOf(identifier));

    /// <summary>The hash of <paramref name="identifier"/>, 32 bytes.</summary>
    public byte[] BytesOf(string identifier)
    {
        var normalized = Normalize(identifier);
        var length = Encoding.UTF8.GetMaxByteCount(normalized.Length);
        var buffer = length <= 256 ? stackalloc byte[length] : new byte[length];
        var written = Encoding.UTF8.GetBytes(normalized, buffer);
        return HMACSHA256.HashData(key, buffer[..written]);
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

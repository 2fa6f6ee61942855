using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Federation.Subgraphs.Hosting.Paging;

/// <summary>
/// Seals the cursors of keyset pagination so that they carry nothing a caller can read or forge:
/// the sort key of the last row seen is encrypted and authenticated with AES-256-GCM under a key
/// derived (HKDF-SHA256, its own info label) from the gateway-signature secret, with a random
/// nonce per cursor, and bound — as associated data — to the list it came from and the caller it
/// was handed to (<see cref="CursorScope"/>). A cursor is base64url of
/// <c>version ‖ nonce (12) ‖ tag (16) ‖ ciphertext</c>.
/// </summary>
public sealed class CursorSeal
{
    private const byte Version = 2;
    private const int NonceBytes = 12;
    private const int TagBytes = 16;
    private const int Overhead = 1 + NonceBytes + TagBytes;
    private const int MaxCursorChars = 1024;
    private const char Separator = '\u001f';

    // A label of its own: the same secret keys the request signatures (HMAC), and a key derived for
    // one use must never serve another.
    private static readonly byte[] Info = "federation/subgraph-cursor/aes-256-gcm/v2"u8.ToArray();

    private readonly byte[] key;

    private CursorSeal(byte[] key) => this.key = key;

    /// <summary>The seal of every subgraph that shares <paramref name="secret"/> with the gateway.</summary>
    public static CursorSeal FromSecret(string secret)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        return new CursorSeal(HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secret), 32, salt: [], info: Info));
    }

    /// <summary>A seal with a random key, for a development subgraph without a secret: its cursors die with the process.</summary>
    public static CursorSeal Ephemeral() => new(RandomNumberGenerator.GetBytes(32));

    /// <summary>The sealed cursor of <paramref name="sortKey"/>, bound to <paramref name="associatedData"/> (see <see cref="CursorScope"/>).</summary>
    internal string Seal(ReadOnlySpan<string> sortKey, ReadOnlySpan<byte> associatedData)
    {
        var text = new StringBuilder();
        for (var i = 0; i < sortKey.Length; i++)
        {
            if (sortKey[i].Contains(Separator, StringComparison.Ordinal))
            {
                throw new ArgumentException("A cursor's sort key part cannot hold U+001F.", nameof(sortKey));
            }

            if (i > 0)
            {
                text.Append(Separator);
            }

            text.Append(sortKey[i]);
        }

        var plaintext = Encoding.UTF8.GetBytes(text.ToString());
        var sealedBytes = new byte[Overhead + plaintext.Length];
        sealedBytes[0] = Version;
        var nonce = sealedBytes.AsSpan(1, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using (var aes = new AesGcm(key, TagBytes))
        {
            aes.Encrypt(nonce, plaintext, sealedBytes.AsSpan(Overhead), sealedBytes.AsSpan(1 + NonceBytes, TagBytes), associatedData);
        }

        return Base64Url.EncodeToString(sealedBytes);
    }

    /// <summary>
    /// The sort key sealed in <paramref name="cursor"/>, when it was sealed by this key for the same
    /// associated data and holds exactly <paramref name="parts"/> parts; false for anything else
    /// (garbage, truncation, a flipped bit, another list, another caller), never an exception.
    /// </summary>
    internal bool TryOpen(string? cursor, ReadOnlySpan<byte> associatedData, int parts, out string[] sortKey)
    {
        sortKey = [];
        if (string.IsNullOrEmpty(cursor) || cursor.Length > MaxCursorChars || !Base64Url.IsValid(cursor, out var length) || length < Overhead)
        {
            return false;
        }

        var sealedBytes = new byte[length];
        if (Base64Url.DecodeFromChars(cursor, sealedBytes, out _, out var written) != System.Buffers.OperationStatus.Done
            || written != length
            || sealedBytes[0] != Version)
        {
            return false;
        }

        var plaintext = new byte[length - Overhead];
        try
        {
            using var aes = new AesGcm(key, TagBytes);
            aes.Decrypt(sealedBytes.AsSpan(1, NonceBytes), sealedBytes.AsSpan(Overhead), sealedBytes.AsSpan(1 + NonceBytes, TagBytes), plaintext, associatedData);
        }
        catch (AuthenticationTagMismatchException)
        {
            return false;
        }

        // Sealed by this key: the text is the UTF-8 this class wrote.
        var split = Encoding.UTF8.GetString(plaintext).Split(Separator);
        if (split.Length != parts)
        {
            return false;
        }

        sortKey = split;
        return true;
    }
}

using System.Security.Cryptography;

namespace Federation.Gateway.Audit.Chain;

/// <summary>
/// The hash chain: each record's hash is SHA-256 over the previous record's hash followed by the record's
/// canonical body (<see cref="AuditCanonicalForm"/>); the first record of a chain follows
/// <see cref="Genesis"/>. Changing, inserting or removing a record changes every hash after it, and the
/// signed checkpoints pin the hashes down.
/// </summary>
internal static class AuditChain
{
    public const int HashBytes = 32;

    /// <summary>The "previous hash" of a chain's first record: 32 zero bytes.</summary>
    public static readonly byte[] Genesis = new byte[HashBytes];

    public static byte[] Hash(ReadOnlySpan<byte> previousHash, ReadOnlySpan<byte> body)
    {
        var hash = new byte[HashBytes];
        Hash(previousHash, body, hash);
        return hash;
    }

    public static void Hash(ReadOnlySpan<byte> previousHash, ReadOnlySpan<byte> body, Span<byte> destination)
    {
        if (previousHash.Length != HashBytes)
        {
            throw new ArgumentException($"A previous hash is {HashBytes} bytes.", nameof(previousHash));
        }

        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(previousHash);
        sha.AppendData(body);
        sha.GetHashAndReset(destination);
    }
}

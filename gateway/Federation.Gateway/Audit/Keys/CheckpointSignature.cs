using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Federation.Gateway.Audit.Chain;

namespace Federation.Gateway.Audit.Keys;

/// <summary>
/// What a checkpoint's signature covers and how: ECDSA P-256 with SHA-256 (IEEE P1363, 64 bytes) over
/// <c>federation-audit-checkpoint/1</c>, the instance (length-prefixed UTF-8), the sequence, the hash, the
/// time (UTC microseconds since the epoch) and whether it closes the chain — all of it, so no field of a
/// checkpoint can be changed (a closing flag added to hide a cut, a time moved) without the key. A key is
/// named by the first 16 hex digits of SHA-256 over its public key (SubjectPublicKeyInfo), so the verifier
/// picks the right one of several keys after a rotation.
/// </summary>
internal static class CheckpointSignature
{
    private static readonly byte[] Domain = Encoding.ASCII.GetBytes("federation-audit-checkpoint/1");

    public static byte[] Payload(string instance, long sequence, ReadOnlySpan<byte> hash, DateTimeOffset at, bool closing)
    {
        var name = Encoding.UTF8.GetBytes(instance);
        var payload = new byte[Domain.Length + 4 + name.Length + 8 + 4 + hash.Length + 8 + 1];
        var span = payload.AsSpan();
        Domain.CopyTo(span);
        span = span[Domain.Length..];
        BinaryPrimitives.WriteInt32BigEndian(span, name.Length);
        name.CopyTo(span[4..]);
        span = span[(4 + name.Length)..];
        BinaryPrimitives.WriteInt64BigEndian(span, sequence);
        BinaryPrimitives.WriteInt32BigEndian(span[8..], hash.Length);
        hash.CopyTo(span[12..]);
        span = span[(12 + hash.Length)..];
        BinaryPrimitives.WriteInt64BigEndian(span, MicrosecondsSinceEpoch(at));
        span[8] = closing ? (byte)1 : (byte)0;
        return payload;
    }

    public static long MicrosecondsSinceEpoch(DateTimeOffset at) => (at.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;

    public static DateTimeOffset FromMicrosecondsSinceEpoch(long microseconds) => DateTimeOffset.UnixEpoch.AddTicks(microseconds * 10);

    /// <summary>A checkpoint of <paramref name="instance"/>'s record <paramref name="sequence"/>, signed with <paramref name="key"/>.</summary>
    public static AuditCheckpoint Sign(ECDsa key, string keyId, string instance, long sequence, ReadOnlyMemory<byte> hash, DateTimeOffset at, bool closing)
    {
        at = AuditCanonicalForm.Microseconds(at);
        var signature = key.SignData(Payload(instance, sequence, hash.Span, at, closing), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        return new AuditCheckpoint(instance, sequence, hash.ToArray(), at, closing, keyId, signature);
    }

    public static bool Verify(AuditCheckpoint checkpoint, ECDsa publicKey) =>
        publicKey.VerifyData(
            Payload(checkpoint.Instance, checkpoint.Sequence, checkpoint.Hash.Span, checkpoint.At, checkpoint.Closing),
            checkpoint.Signature.Span,
            HashAlgorithmName.SHA256,
            DSASignatureFormat.IeeeP1363FixedFieldConcatenation);

    /// <summary>The key's id: the first 16 hex digits of SHA-256 over its SubjectPublicKeyInfo.</summary>
    public static string KeyIdOf(ECDsa key) =>
        Convert.ToHexStringLower(SHA256.HashData(key.ExportSubjectPublicKeyInfo()))[..16];
}

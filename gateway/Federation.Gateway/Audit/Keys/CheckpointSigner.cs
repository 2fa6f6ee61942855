using System.Security.Cryptography;

namespace Federation.Gateway.Audit.Keys;

/// <summary>Signs checkpoints with the platform's ECDSA P-256 key (<c>Audit:CheckpointKey</c>).</summary>
internal sealed class CheckpointSigner
{
    private readonly ECDsa key;

    public CheckpointSigner(ECDsa key)
    {
        if (key.KeySize != 256)
        {
            throw new ArgumentException("The audit checkpoint key must be an ECDSA P-256 key.", nameof(key));
        }

        this.key = key;
        KeyId = CheckpointSignature.KeyIdOf(key);
        PublicKey = ECDsa.Create(key.ExportParameters(includePrivateParameters: false));
    }

    public string KeyId { get; }

    /// <summary>The public half, for the verifier.</summary>
    public ECDsa PublicKey { get; }

    public AuditCheckpoint Sign(string instance, long sequence, ReadOnlyMemory<byte> hash, DateTimeOffset at, bool closing) =>
        CheckpointSignature.Sign(key, KeyId, instance, sequence, hash, at, closing);
}

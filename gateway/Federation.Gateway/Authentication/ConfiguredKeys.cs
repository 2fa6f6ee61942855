using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace Federation.Gateway.Authentication;

/// <summary>The configured signing keys as the token validation needs them.</summary>
internal static class ConfiguredKeys
{
    /// <summary>HMAC keys shorter than the hash they key (SHA-256) are guessable; RFC 7518 §3.2 asks for at least as long.</summary>
    public const int MinimumSecretBytes = 32;

    private const string RsaOid = "1.2.840.113549.1.1.1";
    private const string EcOid = "1.2.840.10045.2.1";

    public static IReadOnlyList<SecurityKey> Read(IEnumerable<SigningKeyOptions> keys) => [.. keys.Select(Read)];

    public static SecurityKey Read(SigningKeyOptions key)
    {
        SecurityKey read = key.Secret is { Length: > 0 } secret
            ? new SymmetricSecurityKey(Convert.FromBase64String(secret.Trim()))
            : PublicKey(key.PublicKey!);
        read.KeyId = key.Id;
        return read;
    }

    /// <summary>Why <paramref name="key"/> cannot be read; null when it can.</summary>
    public static string? Check(SigningKeyOptions key, string path)
    {
        if (key.Secret is { Length: > 0 } secret)
        {
            var bytes = new byte[secret.Length];
            if (!Convert.TryFromBase64String(secret.Trim(), bytes, out var length))
            {
                return $"{path}:Secret is not base64.";
            }

            return length < MinimumSecretBytes ? $"{path}:Secret has {length} bytes; a signing secret needs at least {MinimumSecretBytes}." : null;
        }

        try
        {
            PublicKey(key.PublicKey!);
            return null;
        }
        catch (Exception exception) when (exception is ArgumentException or CryptographicException or NotSupportedException)
        {
            return $"{path}:PublicKey is not an RSA or EC public key in PEM (-----BEGIN PUBLIC KEY-----): {exception.Message}";
        }
    }

    private static SecurityKey PublicKey(string pem)
    {
        var fields = PemEncoding.Find(pem);
        if (!pem.AsSpan()[fields.Label].SequenceEqual("PUBLIC KEY"))
        {
            throw new ArgumentException($"the PEM holds a {pem[fields.Label]}, not a PUBLIC KEY (never configure a private key here)");
        }

        var info = System.Security.Cryptography.X509Certificates.PublicKey.CreateFromSubjectPublicKeyInfo(Convert.FromBase64String(pem[fields.Base64Data]), out _);
        return info.Oid.Value switch
        {
            RsaOid => new RsaSecurityKey(info.GetRSAPublicKey()!),
            EcOid => new ECDsaSecurityKey(info.GetECDsaPublicKey()!),
            _ => throw new NotSupportedException($"keys of algorithm {info.Oid.Value} are not supported"),
        };
    }
}

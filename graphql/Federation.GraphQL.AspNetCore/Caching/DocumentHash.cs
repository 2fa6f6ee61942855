using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace Federation.GraphQL.AspNetCore;

/// <summary>SHA-256 of a document's UTF-8 text: the key of the document cache and of trusted documents.</summary>
internal readonly record struct DocumentHash(ulong A, ulong B, ulong C, ulong D)
{
    public static DocumentHash Of(string text)
    {
        var max = Encoding.UTF8.GetMaxByteCount(text.Length);
        byte[]? rented = null;
        var bytes = max <= 1024 ? stackalloc byte[max] : (rented = ArrayPool<byte>.Shared.Rent(max));
        try
        {
            var length = Encoding.UTF8.GetBytes(text, bytes);
            Span<byte> hash = stackalloc byte[32];
            SHA256.HashData(bytes[..length], hash);
            return new DocumentHash(
                BitConverter.ToUInt64(hash[..8]),
                BitConverter.ToUInt64(hash[8..16]),
                BitConverter.ToUInt64(hash[16..24]),
                BitConverter.ToUInt64(hash[24..]));
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    public string ToHex()
    {
        Span<byte> hash = stackalloc byte[32];
        BitConverter.TryWriteBytes(hash[..8], A);
        BitConverter.TryWriteBytes(hash[8..16], B);
        BitConverter.TryWriteBytes(hash[16..24], C);
        BitConverter.TryWriteBytes(hash[24..], D);
        return Convert.ToHexStringLower(hash);
    }
}

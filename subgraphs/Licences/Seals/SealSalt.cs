using System.Buffers.Binary;
using System.Security.Cryptography;
using Federation.Subgraphs.DemoData;

namespace Federation.Subgraphs.Licences.Seals;

/// <summary>
/// The random salt of a seal's canonical content. Without it the public digest would confirm
/// guesses: a marriage certificate's only unknown is the spouse, a household register's address
/// and size take about a million hashes. With <see cref="Bytes"/> random bytes in the content,
/// the digest confirms nothing to whoever cannot read the salt, and only a reader of the
/// licence type's items can (<c>…Items.sealSalt</c>). New at every sealing, so a salt read
/// before a correction says nothing about the content after it.
/// </summary>
internal static class SealSalt
{
    /// <summary>16 bytes: 128 bits, beyond any search.</summary>
    public const int Bytes = 16;

    /// <summary>A fresh salt from the system's cryptographic generator, base64.</summary>
    public static string Fresh() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(Bytes));

    /// <summary>
    /// DEMO ONLY — the salt of a seeded licence, from the world's random stream of the licence's
    /// own number (<c>licences/seal-salt/{number}</c>), so the same seed gives the same library.
    /// Like the demo's seal keys, anyone who knows the seed can compute it; a real library's salts
    /// come from <see cref="Fresh"/>.
    /// </summary>
    public static string Seeded(DemoWorld world, string number)
    {
        var random = world.Random("licences/seal-salt/" + number, 0);
        var bytes = new byte[Bytes];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(0, 8), random.NextUInt64());
        BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(8, 8), random.NextUInt64());
        return Convert.ToBase64String(bytes);
    }
}

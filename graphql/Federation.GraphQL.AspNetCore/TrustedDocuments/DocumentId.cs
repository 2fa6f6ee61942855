using System.Security.Cryptography;
using System.Text;

namespace Federation.GraphQL.AspNetCore.TrustedDocuments;

/// <summary>The id of a trusted document: the lower-case hex SHA-256 of its UTF-8 text.</summary>
internal static class DocumentId
{
    public static string Of(string document) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(document)));
}

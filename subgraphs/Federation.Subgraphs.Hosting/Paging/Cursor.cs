using System.Buffers.Text;
using System.Text;

namespace Federation.Subgraphs.Hosting.Paging;

/// <summary>
/// Opaque cursors of keyset pagination: the sort key of the last row seen, one or more parts,
/// written as base64url of <c>v1</c> and the parts separated by U+001F. Clients pass them back
/// unchanged; anything else is refused, never guessed at.
/// </summary>
public static class Cursor
{
    private const string Version = "v1";
    private const char Separator = '\u001f';

    public static string Encode(params ReadOnlySpan<string> sortKey)
    {
        var text = new StringBuilder(Version);
        foreach (var part in sortKey)
        {
            if (part.Contains(Separator, StringComparison.Ordinal))
            {
                throw new ArgumentException("A cursor part cannot hold U+001F.", nameof(sortKey));
            }

            text.Append(Separator).Append(part);
        }

        return Base64Url.EncodeToString(Encoding.UTF8.GetBytes(text.ToString()));
    }

    /// <summary>The sort key in <paramref name="cursor"/>; throws INVALID_CURSOR unless it has exactly <paramref name="parts"/> parts.</summary>
    public static string[] Decode(string cursor, int parts)
    {
        if (TryDecode(cursor, parts, out var sortKey))
        {
            return sortKey;
        }

        throw PagingErrorCodes.CursorNotRecognised();
    }

    public static bool TryDecode(string? cursor, int parts, out string[] sortKey)
    {
        sortKey = [];
        if (string.IsNullOrEmpty(cursor) || cursor.Length > 1024 || !Base64Url.IsValid(cursor))
        {
            return false;
        }

        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(Base64Url.DecodeFromChars(cursor));
        }
        catch (FormatException)
        {
            return false;
        }
        catch (ArgumentException)
        {
            return false;
        }

        var split = text.Split(Separator);
        if (split.Length != parts + 1 || split[0] != Version)
        {
            return false;
        }

        sortKey = split[1..];
        return true;
    }
}

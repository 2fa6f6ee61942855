using System.Text;
using Federation.Gateway.Authentication;
using Federation.GraphQL;

namespace Federation.Gateway.Sharing;

/// <summary>
/// The bounds of the share workflow's free text, checked before anything is stored: a justification
/// or a reason is read by people in review screens and kept for years, so it is of a length a person
/// writes, and of characters that display as what they are — no control characters but newline and
/// tab (so no NUL, which PostgreSQL text cannot hold), no unpaired surrogates (not text at all), no
/// bidirectional overrides (which make a reason display as something else, CVE-2021-42574). Lengths
/// count Unicode scalar values, as PostgreSQL's <c>char_length</c> does, so the store's checks
/// (migration 2) agree with these.
/// </summary>
internal static class ShareText
{
    /// <summary>A justification: why the agency needs the data, for which duty.</summary>
    public const int MaxJustificationLength = 2000;

    /// <summary>The reason of a refusal or a revocation.</summary>
    public const int MaxReasonLength = 1000;

    /// <summary>The error when <paramref name="text"/> is not free text of at most <paramref name="limit"/> characters; null when it is.</summary>
    public static GraphQLError? Check(string text, int limit, Func<string, GraphQLError> invalid)
    {
        var length = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return invalid($"it holds an unpaired surrogate (U+{(int)c:X4}) at character {length + 1}");
            }
            else if (char.IsControl(c) && c is not '\n' and not '\t')
            {
                return invalid($"it holds the control character U+{(int)c:X4} at character {length + 1}; only newline and tab are allowed");
            }
            else if (c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069')
            {
                return invalid($"it holds the bidirectional formatting character U+{(int)c:X4} at character {length + 1}");
            }

            if (++length > limit)
            {
                return invalid($"it is longer than {limit} characters");
            }
        }

        return null;
    }

    /// <summary>A matter reference, as a request's matter is (<see cref="PurposeDeclaration.IsMatterReference"/>).</summary>
    public static GraphQLError? CheckMatter(string matter) =>
        PurposeDeclaration.IsMatterReference(matter) ? null : SharingErrorCodes.InvalidMatter(matter);

    /// <summary>A value the client sent, cut to a line for a message.</summary>
    public static string Clip(string value) => AuthenticationErrorCodes.Clip(Printable(value));

    private static string Printable(string value)
    {
        var printable = new StringBuilder(Math.Min(value.Length, 65));
        foreach (var c in value.Length > 65 ? value.AsSpan(0, 65) : value)
        {
            printable.Append(char.IsControl(c) || char.IsSurrogate(c) ? '?' : c);
        }

        return printable.ToString();
    }
}

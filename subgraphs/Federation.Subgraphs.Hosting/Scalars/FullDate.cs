using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Federation.Subgraphs.Hosting.Scalars;

/// <summary>
/// A calendar date written <c>YYYY-MM-DD</c> — ISO 8601's extended calendar date, RFC 3339's
/// <c>full-date</c> (https://www.rfc-editor.org/rfc/rfc3339#section-5.6) — and nothing else: no
/// week or ordinal dates, no time, no offset, no missing leading zeros.
/// </summary>
public static class FullDate
{
    /// <summary>Parses <paramref name="text"/>; on failure <paramref name="error"/> names the broken rule.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out DateOnly date, [NotNullWhen(false)] out string? error)
    {
        date = default;
        if (text is null || text.Length != 10 || text[4] != '-' || text[7] != '-'
            || !IsDigits(text.AsSpan(0, 4)) || !IsDigits(text.AsSpan(5, 2)) || !IsDigits(text.AsSpan(8, 2)))
        {
            error = $"Date {text} is not written YYYY-MM-DD (RFC 3339 full-date).";
            return false;
        }

        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            error = $"Date {text} is not a calendar date (RFC 3339 full-date).";
            return false;
        }

        error = null;
        return true;
    }

    public static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    internal static bool IsDigits(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}

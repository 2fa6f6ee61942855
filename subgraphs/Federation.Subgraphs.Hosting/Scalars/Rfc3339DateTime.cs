using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Federation.Subgraphs.Hosting.Scalars;

/// <summary>
/// An instant written as the graphql-scalars DateTime specification
/// (https://scalars.graphql.org/andimarek/date-time.html) refines RFC 3339's <c>date-time</c>:
/// <c>YYYY-MM-DDTHH:MM:SS.sss</c> with exactly three fraction digits, then <c>Z</c> or
/// <c>±HH:MM</c>; lower-case <c>t</c> and <c>z</c> are read as upper-case; the unknown local
/// offset <c>-00:00</c> is refused. Leap seconds (second 60) are refused too, because
/// <see cref="DateTimeOffset"/> cannot hold them, and offsets beyond ±14:00 for the same reason.
/// Written back with <see cref="Format"/>: three fraction digits, <c>Z</c> for a zero offset.
/// </summary>
public static class Rfc3339DateTime
{
    private const string Shape = "YYYY-MM-DDTHH:MM:SS.sss followed by Z or ±HH:MM";

    /// <summary>Parses <paramref name="text"/>; on failure <paramref name="error"/> names the broken rule.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out DateTimeOffset instant, [NotNullWhen(false)] out string? error)
    {
        instant = default;
        error = null;
        if (!HasShape(text))
        {
            error = $"DateTime {text} is not written {Shape} (RFC 3339 date-time).";
            return false;
        }

        if (!DateOnly.TryParseExact(text.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            error = $"DateTime {text} is not a calendar date (RFC 3339 date-time).";
            return false;
        }

        var hour = Number(text, 11);
        var minute = Number(text, 14);
        var second = Number(text, 17);
        if (hour > 23 || minute > 59 || second > 59)
        {
            error = second == 60 && hour <= 23 && minute <= 59
                ? $"DateTime {text} is a leap second, which this scalar does not hold."
                : $"DateTime {text} is not a time of day (RFC 3339 date-time).";
            return false;
        }

        var offset = TimeSpan.Zero;
        if (text.Length == 29)
        {
            if (text.AsSpan(23).SequenceEqual("-00:00"))
            {
                error = $"DateTime {text} has the unknown local offset -00:00, which this scalar refuses.";
                return false;
            }

            var offsetHours = Number(text, 24);
            var offsetMinutes = Number(text, 27);
            offset = new TimeSpan(offsetHours, offsetMinutes, 0);
            if (offsetMinutes > 59 || offset > TimeSpan.FromHours(14))
            {
                error = $"DateTime {text} has an offset beyond ±14:00.";
                return false;
            }

            offset = text[23] == '-' ? -offset : offset;
        }

        var milliseconds = int.Parse(text.AsSpan(20, 3), CultureInfo.InvariantCulture);
        instant = new DateTimeOffset(date.ToDateTime(new TimeOnly(hour, minute, second, milliseconds)), offset);
        return true;
    }

    /// <exception cref="FormatException">It is not such a date-time; the message names the rule.</exception>
    public static DateTimeOffset Parse(string text) =>
        TryParse(text, out var instant, out var error) ? instant : throw new FormatException(error);

    /// <summary>The canonical text: milliseconds always, <c>Z</c> for UTC, the offset kept otherwise.</summary>
    public static string Format(DateTimeOffset instant) =>
        instant.Offset == TimeSpan.Zero
            ? instant.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)
            : instant.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);

    private static bool HasShape([NotNullWhen(true)] string? text)
    {
        if (text is null || (text.Length != 24 && text.Length != 29))
        {
            return false;
        }

        var span = text.AsSpan();
        var timeOk = FullDate.IsDigits(span[..4]) && span[4] == '-' && FullDate.IsDigits(span.Slice(5, 2)) && span[7] == '-'
            && FullDate.IsDigits(span.Slice(8, 2)) && span[10] is 'T' or 't'
            && FullDate.IsDigits(span.Slice(11, 2)) && span[13] == ':' && FullDate.IsDigits(span.Slice(14, 2)) && span[16] == ':'
            && FullDate.IsDigits(span.Slice(17, 2)) && span[19] == '.' && FullDate.IsDigits(span.Slice(20, 3));
        if (!timeOk)
        {
            return false;
        }

        return text.Length == 24
            ? span[23] is 'Z' or 'z'
            : span[23] is '+' or '-' && FullDate.IsDigits(span.Slice(24, 2)) && span[26] == ':' && FullDate.IsDigits(span.Slice(27, 2));
    }

    private static int Number(string text, int start) => (text[start] - '0') * 10 + (text[start + 1] - '0');
}

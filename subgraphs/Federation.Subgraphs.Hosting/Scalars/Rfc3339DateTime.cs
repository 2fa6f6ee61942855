using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Federation.Subgraphs.Hosting.Scalars;

/// <summary>
/// An instant written as an RFC 3339 <c>date-time</c> (https://www.rfc-editor.org/rfc/rfc3339#section-5.6),
/// as the graphql-scalars DateTime specification (https://scalars.graphql.org/andimarek/date-time.html)
/// asks of input: <c>YYYY-MM-DDTHH:MM:SS</c>, an optional fraction of one to seven digits, then
/// <c>Z</c> or <c>±HH:MM</c>; lower-case <c>t</c> and <c>z</c> are read as upper-case. Agency
/// systems send second-precision timestamps, so the fraction is not required. Seven digits is
/// what <see cref="DateTimeOffset"/> holds (100 ns ticks); more are refused rather than rounded.
/// The unknown local offset <c>-00:00</c> is refused; so are leap seconds (second 60) and offsets
/// beyond ±14:00, which <see cref="DateTimeOffset"/> cannot hold.
/// Written back with <see cref="Format"/>: three fraction digits, <c>Z</c> for a zero offset.
/// </summary>
public static class Rfc3339DateTime
{
    private const string Shape = "YYYY-MM-DDTHH:MM:SS, an optional fraction .s to .sssssss, then Z or ±HH:MM";

    private const int MaxFractionDigits = 7;

    /// <summary>Parses <paramref name="text"/>; on failure <paramref name="error"/> names the broken rule.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out DateTimeOffset instant, [NotNullWhen(false)] out string? error)
    {
        instant = default;
        error = null;
        if (!HasShape(text, out var fractionDigits))
        {
            error = $"DateTime {text} is not written {Shape} (RFC 3339 date-time).";
            return false;
        }

        if (fractionDigits > MaxFractionDigits)
        {
            error = $"DateTime {text} has {fractionDigits} fraction digits; at most {MaxFractionDigits} (100 ns) are held.";
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

        var zone = fractionDigits == 0 ? 19 : 20 + fractionDigits;
        var offset = TimeSpan.Zero;
        if (text.Length == zone + 6)
        {
            if (text.AsSpan(zone).SequenceEqual("-00:00"))
            {
                error = $"DateTime {text} has the unknown local offset -00:00, which this scalar refuses.";
                return false;
            }

            var offsetHours = Number(text, zone + 1);
            var offsetMinutes = Number(text, zone + 4);
            offset = new TimeSpan(offsetHours, offsetMinutes, 0);
            if (offsetMinutes > 59 || offset > TimeSpan.FromHours(14))
            {
                error = $"DateTime {text} has an offset beyond ±14:00.";
                return false;
            }

            offset = text[zone] == '-' ? -offset : offset;
        }

        var ticks = 0L;
        for (var i = 0; i < MaxFractionDigits; i++)
        {
            ticks = ticks * 10 + (i < fractionDigits ? text[20 + i] - '0' : 0);
        }

        var local = date.ToDateTime(new TimeOnly(hour, minute, second)).AddTicks(ticks);
        instant = new DateTimeOffset(local, offset);
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

    /// <summary>
    /// <c>date-time = full-date "T" partial-time time-offset</c>;
    /// <c>partial-time = time-hour ":" time-minute ":" time-second [time-secfrac]</c>;
    /// <c>time-secfrac = "." 1*DIGIT</c>; <c>time-offset = "Z" / time-numoffset</c>.
    /// </summary>
    private static bool HasShape([NotNullWhen(true)] string? text, out int fractionDigits)
    {
        fractionDigits = 0;
        if (text is null || text.Length < 20)
        {
            return false;
        }

        var span = text.AsSpan();
        var timeOk = FullDate.IsDigits(span[..4]) && span[4] == '-' && FullDate.IsDigits(span.Slice(5, 2)) && span[7] == '-'
            && FullDate.IsDigits(span.Slice(8, 2)) && span[10] is 'T' or 't'
            && FullDate.IsDigits(span.Slice(11, 2)) && span[13] == ':' && FullDate.IsDigits(span.Slice(14, 2)) && span[16] == ':'
            && FullDate.IsDigits(span.Slice(17, 2));
        if (!timeOk)
        {
            return false;
        }

        var zone = 19;
        if (span[zone] == '.')
        {
            zone++;
            while (zone < span.Length && char.IsAsciiDigit(span[zone]))
            {
                zone++;
            }

            fractionDigits = zone - 20;
            if (fractionDigits == 0)
            {
                return false;
            }
        }

        var offset = span[zone..];
        return offset.Length == 1
            ? offset[0] is 'Z' or 'z'
            : offset.Length == 6 && offset[0] is '+' or '-' && FullDate.IsDigits(offset.Slice(1, 2)) && offset[3] == ':' && FullDate.IsDigits(offset.Slice(4, 2));
    }

    private static int Number(string text, int start) => (text[start] - '0') * 10 + (text[start + 1] - '0');
}

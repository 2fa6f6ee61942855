using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Federation.Protocol.Agencies;

namespace Federation.Subgraphs.Hosting.Scalars;

/// <summary>
/// A citizen identity number (公民身份号码) by GB 11643-1999: a 6-digit administrative division
/// code (GB/T 2260), an 8-digit birth date YYYYMMDD, a 3-digit sequence (odd for men, even for
/// women) and a check character by ISO 7064 MOD 11-2. A lower-case <c>x</c> is accepted and kept
/// as <c>X</c>. Birth dates must be real calendar dates from 1900 on and not in the future —
/// stricter than the standard, whose own example 440524188001010014 is born in 1880.
/// Usable without GraphQL: the seed generator and the stores call <see cref="TryParse(string?, out IdNumber, out string)"/>
/// and <see cref="CheckDigit"/>.
/// </summary>
public readonly record struct IdNumber
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    private IdNumber(string value) => Value = value;

    /// <summary>The 18 characters, with an upper-case X.</summary>
    public string Value { get; }

    /// <summary>Where the number was first issued (GB/T 2260).</summary>
    public string DivisionCode => Value[..6];

    public DateOnly BirthDate => DateOnly.ParseExact(Value.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture);

    /// <summary>The order code: odd for men, even for women (GB 11643 §4.3).</summary>
    public int Sequence => int.Parse(Value.AsSpan(14, 3), CultureInfo.InvariantCulture);

    public bool IsMale => Sequence % 2 == 1;

    /// <summary>
    /// Parses and checks <paramref name="text"/>; on failure <paramref name="error"/> names the
    /// broken rule, e.g. <c>IdNumber check digit is 5, expected 7 (GB 11643, ISO 7064 MOD 11-2).</c>
    /// </summary>
    /// <param name="today">
    /// The day against which "not in the future" is judged; when null, today in China Standard
    /// Time (UTC+8), where the numbers are issued, so that a child born this morning in Beijing is
    /// not refused while it is still yesterday in UTC.
    /// </param>
    public static bool TryParse([NotNullWhen(true)] string? text, out IdNumber idNumber, [NotNullWhen(false)] out string? error, DateOnly? today = null)
    {
        idNumber = default;
        error = Check(text, today ?? DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)));
        if (error is not null)
        {
            return false;
        }

        idNumber = new IdNumber(text![17] == 'x' ? string.Concat(text.AsSpan(0, 17), "X") : text);
        return true;
    }

    /// <summary>The value of <paramref name="text"/>.</summary>
    /// <exception cref="FormatException">It is not a valid identity number; the message names the rule.</exception>
    public static IdNumber Parse(string text, DateOnly? today = null) =>
        TryParse(text, out var idNumber, out var error, today) ? idNumber : throw new FormatException(error);

    /// <summary>The check character for the first 17 digits: ISO 7064 MOD 11-2 with GB 11643's weights.</summary>
    /// <exception cref="ArgumentException"><paramref name="first17"/> is not 17 digits.</exception>
    public static char CheckDigit(ReadOnlySpan<char> first17)
    {
        if (first17.Length != 17 || !IsDigits(first17))
        {
            throw new ArgumentException("The first 17 characters of an identity number are digits.", nameof(first17));
        }

        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (first17[i] - '0') * Weights[i];
        }

        return CheckCharacters[sum % 11];
    }

    public override string ToString() => Value;

    private static string? Check(string? text, DateOnly today)
    {
        if (text is null || text.Length != 18)
        {
            return "IdNumber must be 18 characters (GB 11643).";
        }

        var last = text[17];
        if (!IsDigits(text.AsSpan(0, 17)) || !(char.IsAsciiDigit(last) || last is 'X' or 'x'))
        {
            return "IdNumber must be 17 digits followed by a digit or X (GB 11643).";
        }

        if (!Protocol.Agencies.DivisionCode.TryParse(text[..6], out _, out var divisionError))
        {
            return $"IdNumber division code {text[..6]} is not valid: {divisionError}";
        }

        var birth = text.AsSpan(6, 8);
        if (!DateOnly.TryParseExact(birth, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birthDate))
        {
            return $"IdNumber birth date {birth} is not a calendar date (GB 11643).";
        }

        if (birthDate.Year < 1900)
        {
            return $"IdNumber birth date {birth} is before 1900.";
        }

        if (birthDate > today)
        {
            return $"IdNumber birth date {birth} is in the future.";
        }

        var expected = CheckDigit(text.AsSpan(0, 17));
        if (char.ToUpperInvariant(last) != expected)
        {
            return $"IdNumber check digit is {last}, expected {expected} (GB 11643, ISO 7064 MOD 11-2).";
        }

        return null;
    }

    private static bool IsDigits(ReadOnlySpan<char> text)
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

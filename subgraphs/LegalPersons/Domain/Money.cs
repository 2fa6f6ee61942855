using System.Globalization;

namespace Federation.Subgraphs.LegalPersons.Domain;

/// <summary>
/// An amount of money kept to the fen (two decimal places), the precision the register records
/// capital in; written as a decimal string so no precision is lost on the way to clients.
/// </summary>
internal sealed record Money(decimal Value, string Currency)
{
    public const string Yuan = "CNY";

    /// <summary>The largest amount kept: what numeric(20,2) holds.</summary>
    public const decimal Maximum = 999_999_999_999_999_999.99m;

    /// <summary>The amount as GraphQL's <c>Money.amount</c> writes it, e.g. <c>5000000.00</c>.</summary>
    public string Amount => Value.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>Reads a decimal string: digits, an optional point and at most two decimals, not negative.</summary>
    public static bool TryParse(string? amount, string? currency, out Money money, out string error)
    {
        money = null!;
        error = "";
        currency ??= Yuan;
        if (currency.Length != 3 || !currency.All(char.IsAsciiLetterUpper))
        {
            error = $"currency \"{currency}\" is not an ISO 4217 code (three upper-case letters)";
            return false;
        }

        if (amount is ['-', ..])
        {
            error = $"amount {amount} is negative; money amounts are 0 or more";
            return false;
        }

        if (string.IsNullOrEmpty(amount) || amount.Length > 24 || !IsDecimalText(amount))
        {
            error = $"amount \"{amount}\" is not a decimal string such as \"5000000.00\" (digits, a point and at most two decimals)";
            return false;
        }

        var value = decimal.Parse(amount, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        if (value > Maximum)
        {
            error = $"amount {amount} is larger than the register keeps ({Maximum.ToString(CultureInfo.InvariantCulture)})";
            return false;
        }

        money = new Money(value, currency);
        return true;
    }

    private static bool IsDecimalText(string text)
    {
        var point = text.IndexOf('.', StringComparison.Ordinal);
        var whole = point < 0 ? text : text[..point];
        var fraction = point < 0 ? "" : text[(point + 1)..];
        return whole.Length > 0
            && whole.All(char.IsAsciiDigit)
            && (point < 0 || (fraction.Length is >= 1 and <= 2 && fraction.All(char.IsAsciiDigit)));
    }
}

using Federation.Protocol.Agencies;
using Federation.Subgraphs.Hosting.Scalars;
using Federation.Subgraphs.LegalPersons.Domain;

namespace Federation.Subgraphs.LegalPersons.Schema;

/// <summary>
/// Reads the coerced GraphQL arguments into the register's terms. The scalars already checked each
/// identifier; the rules here are the register's own, each broken one an INVALID_INPUT error that
/// names the input field and the rule.
/// </summary>
internal static class Inputs
{
    public const int MaxShareholders = 500;

    public static LegalPersonFilter Filter(object? argument)
    {
        if (argument is not IReadOnlyDictionary<string, object?> input)
        {
            return LegalPersonFilter.All;
        }

        return new LegalPersonFilter
        {
            NameContains = Optional<string>(input, "nameContains"),
            Kinds = EnumList<LegalPersonKind>(input, "kinds"),
            Statuses = EnumList<LegalPersonStatus>(input, "statuses"),
            DivisionPrefix = Optional<DivisionCode?>(input, "division") is { } division ? DivisionPrefix(division) : null,
            IndustryCodePrefix = Optional<string>(input, "industryCode") is { } industry ? IndustryPrefix(industry) : null,
            EstablishedOnOrAfter = Optional<DateOnly?>(input, "establishedOnOrAfter"),
            EstablishedOnOrBefore = Optional<DateOnly?>(input, "establishedOnOrBefore"),
            LegalRepresentative = Optional<IdNumber?>(input, "legalRepresentative")?.Value,
            UpdatedSince = Optional<DateTimeOffset?>(input, "updatedSince"),
        };
    }

    public static IReadOnlyList<LegalPersonStatus>? Statuses(IReadOnlyDictionary<string, object?> arguments) =>
        EnumList<LegalPersonStatus>(arguments, "statuses");

    public static LegalPersonCorrection Correction(object? argument, DateOnly today)
    {
        var input = (IReadOnlyDictionary<string, object?>)argument!;
        var correction = new LegalPersonCorrection(CreditCodeOf(input), Reason(input), ObjectionId(input));
        if (input.TryGetValue("name", out var name))
        {
            correction = correction with { Name = Text(name, "input.name", 200) };
        }

        if (input.TryGetValue("kind", out var kind))
        {
            correction = correction with { Kind = SchemaNames<LegalPersonKind>.Parse(Required<string>(kind, "input.kind")) };
        }

        if (input.TryGetValue("status", out var status))
        {
            correction = correction with { Status = SchemaNames<LegalPersonStatus>.Parse(Required<string>(status, "input.status")) };
        }

        if (input.TryGetValue("legalRepresentative", out var representative))
        {
            correction = correction with { LegalRepresentative = (representative as IdNumber?)?.Value };
        }

        if (input.TryGetValue("registeredCapital", out var capital))
        {
            correction = correction with { RegisteredCapital = MoneyOf(capital, "input.registeredCapital") };
        }

        if (input.TryGetValue("establishedOn", out var established))
        {
            var day = Required<DateOnly>(established, "input.establishedOn");
            if (day > today)
            {
                throw LegalPersonErrorCodes.Invalid("input.establishedOn", $"the date of establishment {day:yyyy-MM-dd} lies in the future");
            }

            correction = correction with { EstablishedOn = day };
        }

        if (input.TryGetValue("operatingFrom", out var from))
        {
            correction = correction with { OperatingFrom = from as DateOnly? };
        }

        if (input.TryGetValue("operatingUntil", out var until))
        {
            correction = correction with { OperatingUntil = until as DateOnly? };
        }

        if (input.TryGetValue("address", out var address))
        {
            correction = correction with { Address = Text(address, "input.address", 300) };
        }

        if (input.TryGetValue("standardAddressId", out var standardAddress))
        {
            correction = correction with { StandardAddressId = standardAddress is null ? null : Text(standardAddress, "input.standardAddressId", 64) };
        }

        if (input.TryGetValue("division", out var division))
        {
            var code = Required<DivisionCode>(division, "input.division");
            if (code.Level != DivisionLevel.County)
            {
                throw LegalPersonErrorCodes.Invalid("input.division", $"{code.Value} is a {code.Level.ToString().ToLowerInvariant()}-level code; a registered address lies in a county-level division");
            }

            correction = correction with { Division = code.Value };
        }

        if (input.TryGetValue("industryCode", out var industry))
        {
            correction = correction with { IndustryCode = industry is null ? null : IndustryClass(Required<string>(industry, "input.industryCode")) };
        }

        if (input.TryGetValue("businessScope", out var scope))
        {
            correction = correction with { BusinessScope = scope is null ? null : Text(scope, "input.businessScope", 4000) };
        }

        if (input.TryGetValue("terminatedOn", out var terminated))
        {
            if (terminated is DateOnly day && day > today)
            {
                throw LegalPersonErrorCodes.Invalid("input.terminatedOn", $"the date of termination {day:yyyy-MM-dd} lies in the future");
            }

            correction = correction with { TerminatedOn = terminated as DateOnly? };
        }

        return correction;
    }

    public static ShareholdersCorrection Shareholders(object? argument)
    {
        var input = (IReadOnlyDictionary<string, object?>)argument!;
        var creditCode = CreditCodeOf(input);
        var reason = Reason(input);
        var items = (IReadOnlyList<object?>)input["shareholders"]!;
        if (items.Count > MaxShareholders)
        {
            throw LegalPersonErrorCodes.Invalid("input.shareholders", $"at most {MaxShareholders} shareholders are recorded; {items.Count} were given");
        }

        var stakes = new List<Shareholding>(items.Count);
        var total = 0.0;
        for (var i = 0; i < items.Count; i++)
        {
            var field = $"input.shareholders[{i}]";
            var item = (IReadOnlyDictionary<string, object?>)items[i]!;
            var idNumber = Optional<IdNumber?>(item, "idNumber")?.Value;
            var shareholderCode = Optional<CreditCode?>(item, "creditCode")?.Value;
            if (idNumber is not null && shareholderCode is not null)
            {
                throw LegalPersonErrorCodes.Invalid(field, "give at most one of idNumber (a person) and creditCode (a legal person)");
            }

            if (shareholderCode == creditCode)
            {
                throw LegalPersonErrorCodes.Invalid(field + ".creditCode", "a legal person cannot hold shares in itself");
            }

            var percentage = Optional<object>(item, "sharePercentage") is { } number ? Convert.ToDouble(number, System.Globalization.CultureInfo.InvariantCulture) : (double?)null;
            if (percentage is { } share)
            {
                if (!double.IsFinite(share) || share < 0 || share > 100)
                {
                    throw LegalPersonErrorCodes.Invalid(field + ".sharePercentage", $"a share is between 0 and 100 percent; it was {share}");
                }

                total += share;
            }

            stakes.Add(new Shareholding(
                idNumber,
                shareholderCode,
                Text(item["shareholderName"], field + ".shareholderName", 200),
                MoneyOf(Optional<object>(item, "subscribedCapital"), field + ".subscribedCapital"),
                MoneyOf(Optional<object>(item, "paidInCapital"), field + ".paidInCapital"),
                percentage));
        }

        // Percentages arrive as binary doubles: allow for their rounding, not for a real excess.
        if (total > 100.000001)
        {
            throw LegalPersonErrorCodes.Invalid("input.shareholders", $"the shares add up to {total:0.######} percent, more than 100");
        }

        return new ShareholdersCorrection(creditCode, reason, ObjectionId(input), stakes);
    }

    private static string CreditCodeOf(IReadOnlyDictionary<string, object?> input) => ((CreditCode)input["creditCode"]!).Value;

    private static string Reason(IReadOnlyDictionary<string, object?> input) => Text(input["reason"], "input.reason", 1000);

    private static string? ObjectionId(IReadOnlyDictionary<string, object?> input) => Optional<string>(input, "objectionId");

    /// <summary>The code prefix of a division and every division below it.</summary>
    public static string DivisionPrefix(DivisionCode division) => division.Level switch
    {
        DivisionLevel.Province => division.Value[..2],
        DivisionLevel.Prefecture => division.Value[..4],
        _ => division.Value,
    };

    private static string IndustryPrefix(string code)
    {
        var prefix = code.Trim().ToUpperInvariant();
        return Industry.IsCodePrefix(prefix)
            ? prefix
            : throw LegalPersonErrorCodes.Invalid("filter.industryCode", $"\"{code}\" is not a GB/T 4754 code prefix: a section letter A-T and up to four digits, e.g. I or I65 or I6513");
    }

    private static string IndustryClass(string code)
    {
        var upper = code.Trim().ToUpperInvariant();
        return Industry.Find(upper)?.Code
            ?? throw LegalPersonErrorCodes.Invalid("input.industryCode", $"\"{code}\" is not a GB/T 4754-2017 class the register uses (a section letter and a four-digit class code, e.g. I6513)");
    }

    private static Money? MoneyOf(object? value, string field)
    {
        if (value is not IReadOnlyDictionary<string, object?> input)
        {
            return null;
        }

        return Money.TryParse(input["amount"] as string, input.GetValueOrDefault("currency") as string, out var money, out var error)
            ? money
            : throw LegalPersonErrorCodes.Invalid(field, error);
    }

    private static string Text(object? value, string field, int maximum)
    {
        var text = (value as string)?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            throw LegalPersonErrorCodes.Invalid(field, value is null ? "it cannot be cleared" : "it cannot be blank");
        }

        return text.Length <= maximum ? text : throw LegalPersonErrorCodes.Invalid(field, $"at most {maximum} characters; it has {text.Length}");
    }

    private static T Required<T>(object? value, string field) =>
        value is T typed ? typed : throw LegalPersonErrorCodes.Invalid(field, "it cannot be cleared");

    private static T? Optional<T>(IReadOnlyDictionary<string, object?> input, string name) =>
        input.TryGetValue(name, out var value) && value is T typed ? typed : default;

    private static List<TEnum>? EnumList<TEnum>(IReadOnlyDictionary<string, object?> input, string name)
        where TEnum : struct, Enum =>
        input.TryGetValue(name, out var value) && value is IReadOnlyList<object?> names
            ? names.Select(n => SchemaNames<TEnum>.Parse((string)n!)).Distinct().ToList()
            : null;
}

using Federation.Subgraphs.Licences.Domain;

namespace Federation.Subgraphs.Licences.Corrections;

/// <summary>
/// A correction of a licence's data by its issuer (<c>CorrectLicenceInput</c>): only the fields
/// given change. Dates that move the last valid day across today move the status between VALID
/// and EXPIRED with them, so the status always agrees with the dates.
/// </summary>
internal sealed record LicenceCorrection(
    string Number,
    string Reason,
    string? ObjectionId,
    string? HolderName,
    DateOnly? IssuedOn,
    DateOnly? ValidFrom,
    bool ValidUntilGiven,
    DateOnly? ValidUntil,
    IReadOnlyList<KeyValuePair<string, string>>? Items)
{
    public const int MaxTextLength = 2000;

    /// <summary>Reads the GraphQL input object, refusing what the library cannot record (INVALID_INPUT).</summary>
    public static LicenceCorrection FromInput(IReadOnlyDictionary<string, object?> input)
    {
        var number = (string)input["number"]!;
        var reason = Reasons.Check((string)input["reason"]!);
        input.TryGetValue("objectionId", out var objection);

        string? holderName = null;
        if (input.TryGetValue("holderName", out var name))
        {
            holderName = name as string ?? throw LicenceErrorCodes.Invalid("holderName", "a licence always names its holder; it cannot be cleared.");
            holderName = holderName.Trim();
            if (holderName.Length == 0 || holderName.Length > 200)
            {
                throw LicenceErrorCodes.Invalid("holderName", "must be 1 to 200 characters.");
            }
        }

        var items = new List<KeyValuePair<string, string>>();
        if (input.TryGetValue("items", out var given))
        {
            foreach (var entry in (IEnumerable<object?>?)given ?? throw LicenceErrorCodes.Invalid("items", "give the items to replace, or leave the field out."))
            {
                var item = (IReadOnlyDictionary<string, object?>)entry!;
                var value = ((string)item["value"]!).Trim();
                if (value.Length > MaxTextLength)
                {
                    throw LicenceErrorCodes.Invalid("items", $"an item's value is at most {MaxTextLength} characters.");
                }

                items.Add(new((string)item["key"]!, value));
            }
        }

        return new LicenceCorrection(
            number,
            reason,
            objection?.ToString(),
            holderName,
            Date(input, "issuedOn"),
            Date(input, "validFrom"),
            input.ContainsKey("validUntil"),
            input.TryGetValue("validUntil", out var until) ? (DateOnly?)until : null,
            input.ContainsKey("items") ? items : null);
    }

    /// <summary>The corrected licence, sealed anew, with the fields that changed; the licence unchanged when nothing differs.</summary>
    public LicenceChange ApplyTo(Licence current, ChangeContext context)
    {
        var changed = new List<string>();
        var next = current;
        if (HolderName is not null && HolderName != current.HolderName)
        {
            next = next with { HolderName = HolderName };
            changed.Add("holderName");
        }

        if (IssuedOn is { } issuedOn && issuedOn != current.IssuedOn)
        {
            next = next with { IssuedOn = issuedOn };
            changed.Add("issuedOn");
        }

        if (ValidFrom is { } validFrom && validFrom != current.ValidFrom)
        {
            next = next with { ValidFrom = validFrom };
            changed.Add("validFrom");
        }

        if (ValidUntilGiven && ValidUntil != current.ValidUntil)
        {
            next = next with { ValidUntil = ValidUntil };
            changed.Add("validUntil");
        }

        if (Items is not null && CorrectedItems(current, Items) is { } items)
        {
            next = next with { Items = items };
            changed.Add("items");
        }

        if (next.IssuedOn > context.Today)
        {
            throw LicenceErrorCodes.Invalid("issuedOn", $"{next.IssuedOn:yyyy-MM-dd} is after today ({context.Today:yyyy-MM-dd}).");
        }

        if (next.ValidUntil < next.ValidFrom)
        {
            throw LicenceErrorCodes.Invalid("validUntil", $"the last valid day {next.ValidUntil:yyyy-MM-dd} is before the first valid day {next.ValidFrom:yyyy-MM-dd}.");
        }

        var status = LicenceStatuses.FollowingDates(next.Status, next.ValidUntil, context.Today);
        if (status != next.Status)
        {
            next = next with { Status = status };
            changed.Add("status");
        }

        if (changed.Count == 0)
        {
            return new LicenceChange(current, []);
        }

        // Sealing anew draws a new salt, and the salt is among the items (sealSalt).
        next = context.Sealer.Reseal(next with { UpdatedAt = context.Now }, context.Now);
        if (!changed.Contains("items"))
        {
            changed.Add("items");
        }

        changed.Add("seal");
        changed.Add("updatedAt");
        return new LicenceChange(next, changed);
    }

    /// <summary>The items with the given ones replaced (or added in the type's order); null when none differs.</summary>
    private static List<LicenceItem>? CorrectedItems(Licence current, IReadOnlyList<KeyValuePair<string, string>> corrections)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in current.Items)
        {
            values[item.Key] = item.Value;
        }

        var differs = false;
        foreach (var (key, value) in corrections)
        {
            var definition = current.Type.Definition(key)
                ?? throw LicenceErrorCodes.Invalid("items", $"{current.Type.Name} ({current.Type.Code}) defines no item \"{key}\"; its items are {string.Join(", ", current.Type.ItemDefinitions.Select(d => d.Key))}.");
            if (value.Length == 0 && definition.Required)
            {
                throw LicenceErrorCodes.Invalid("items", $"\"{key}\" ({definition.Label}) is required on every {current.Type.Name} and cannot be empty.");
            }

            // The value is recorded as its field writes it (a date YYYY-MM-DD), so readers of the fields can rebuild the sealed content.
            if (value.Length > 0 && !LicenceItemKinds.TryRead(definition.Kind, value, out _, out var why))
            {
                throw LicenceErrorCodes.Invalid("items", $"\"{key}\" ({definition.Label}) is a {LicenceItemKinds.Scalar(definition.Kind)}: {why}");
            }

            var present = values.TryGetValue(key, out var old);
            if (value.Length == 0 ? present : old != value)
            {
                differs = true;
            }

            if (value.Length == 0)
            {
                values.Remove(key);
            }
            else
            {
                values[key] = value;
            }
        }

        if (!differs)
        {
            return null;
        }

        var items = new List<LicenceItem>(values.Count);
        foreach (var definition in current.Type.ItemDefinitions)
        {
            if (values.TryGetValue(definition.Key, out var value))
            {
                items.Add(new LicenceItem(definition.Key, definition.Label, value));
            }
        }

        return items;
    }

    private static DateOnly? Date(IReadOnlyDictionary<string, object?> input, string field)
    {
        if (!input.TryGetValue(field, out var value))
        {
            return null;
        }

        return value as DateOnly? ?? throw LicenceErrorCodes.Invalid(field, "a licence always has this date; it cannot be cleared.");
    }
}

/// <summary>Every correction and status change rests on a stated reason.</summary>
internal static class Reasons
{
    public static string Check(string reason)
    {
        var trimmed = reason.Trim();
        if (trimmed.Length == 0 || trimmed.Length > LicenceCorrection.MaxTextLength)
        {
            throw LicenceErrorCodes.Invalid("reason", $"state the decision or objection the change rests on (1 to {LicenceCorrection.MaxTextLength} characters).");
        }

        return trimmed;
    }

    /// <summary>The reason a change event carries: the stated reason and the objection it answers.</summary>
    public static string ForEvent(string reason, string? objectionId) =>
        objectionId is null ? reason : $"{reason} (objection {objectionId})";
}

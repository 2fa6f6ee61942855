using System.Text.RegularExpressions;

namespace Federation.Subgraphs.Population.Domain;

/// <summary>A person's record after a change, and the names of the Person fields that changed.</summary>
internal sealed record PersonChange(Person Person, IReadOnlyList<string> ChangedFields);

/// <summary>
/// A correction of a person's record (<c>CorrectPersonInput</c>): only the fields given change.
/// <see cref="Apply"/> holds the register's rules, so that both stores refuse the same inputs with
/// the same errors and change nothing when they do.
/// </summary>
internal sealed partial record PersonCorrection(string IdNumber, string Reason)
{
    public string? ObjectionId { get; init; }

    /// <summary>The reason the change event carries: the reason, and the objection it answers when there is one.</summary>
    public string EventReason => RegisterRules.EventReason(Reason, ObjectionId);

    public Optional<string?> Name { get; init; }

    public Optional<IReadOnlyList<string>?> FormerNames { get; init; }

    public Optional<string?> Gender { get; init; }

    public Optional<string?> EthnicityCode { get; init; }

    public Optional<DateOnly?> BirthDate { get; init; }

    public Optional<string?> RegisteredAddress { get; init; }

    public Optional<string?> RegisteredDivision { get; init; }

    public Optional<string?> ResidenceAddress { get; init; }

    public Optional<string?> ResidenceStandardAddressId { get; init; }

    public Optional<string?> MaritalStatus { get; init; }

    public Optional<string?> Education { get; init; }

    public Optional<string?> Phone { get; init; }

    /// <summary>The record with the correction applied, and which fields changed (none: the record is returned as it was).</summary>
    /// <param name="today">Today in China Standard Time, for "not in the future".</param>
    public PersonChange Apply(Person current, DateOnly today, DateTimeOffset now)
    {
        RegisterRules.RequireReason(Reason);
        var changed = new List<string>();
        var person = current;

        if (Name.IsGiven)
        {
            var name = RegisterRules.RequireText(Name.Value ?? throw Cleared("name"), "name", RegisterRules.MaxNameLength);
            person = Change(person, person.Name, name, "name", changed, p => p with { Name = name });
        }

        if (FormerNames.IsGiven)
        {
            var formerNames = FormerNames.Value ?? throw PopulationErrorCodes.Invalid("formerNames cannot be null; give [] to clear the list.");
            var cleaned = formerNames.Select(n => RegisterRules.RequireText(n, "formerNames", RegisterRules.MaxNameLength)).ToArray();
            if (!cleaned.SequenceEqual(person.FormerNames, StringComparer.Ordinal))
            {
                person = person with { FormerNames = cleaned };
                changed.Add("formerNames");
            }
        }

        if (Gender.IsGiven)
        {
            var gender = Gender.Value ?? throw Cleared("gender");
            person = Change(person, person.Gender, gender, "gender", changed, p => p with { Gender = gender });
        }

        if (EthnicityCode.IsGiven)
        {
            var code = EthnicityCode.Value ?? throw Cleared("ethnicityCode");
            if (Ethnicity.Find(code) is null)
            {
                throw PopulationErrorCodes.Invalid($"ethnicityCode {code} is not a GB/T 3304 ethnic group code (01 to 56).");
            }

            person = Change(person, person.EthnicityCode, code, "ethnicity", changed, p => p with { EthnicityCode = code });
        }

        if (BirthDate.IsGiven)
        {
            var birthDate = BirthDate.Value ?? throw Cleared("birthDate");
            if (birthDate > today)
            {
                throw PopulationErrorCodes.Invalid($"birthDate {birthDate:yyyy-MM-dd} is in the future.");
            }

            if (person.DeathDate is { } death && birthDate > death)
            {
                throw PopulationErrorCodes.Invalid($"birthDate {birthDate:yyyy-MM-dd} is after the recorded death on {death:yyyy-MM-dd}.");
            }

            person = Change(person, person.BirthDate, birthDate, "birthDate", changed, p => p with { BirthDate = birthDate });
        }

        if (RegisteredAddress.IsGiven)
        {
            var address = RegisterRules.RequireText(RegisteredAddress.Value ?? throw Cleared("registeredAddress"), "registeredAddress", RegisterRules.MaxAddressLength);
            person = Change(person, person.RegisteredAddress, address, "registeredAddress", changed, p => p with { RegisteredAddress = address });
        }

        if (RegisteredDivision.IsGiven)
        {
            var division = RegisteredDivision.Value ?? throw Cleared("registeredDivision");
            person = Change(person, person.RegisteredDivision, division, "registeredDivision", changed, p => p with { RegisteredDivision = division });
        }

        if (ResidenceAddress.IsGiven)
        {
            var address = ResidenceAddress.Value is null ? null : RegisterRules.RequireText(ResidenceAddress.Value, "residenceAddress", RegisterRules.MaxAddressLength);
            person = Change(person, person.ResidenceAddress, address, "residenceAddress", changed, p => p with { ResidenceAddress = address });
        }

        if (ResidenceStandardAddressId.IsGiven)
        {
            var id = ResidenceStandardAddressId.Value is null ? null : RegisterRules.RequireText(ResidenceStandardAddressId.Value, "residenceStandardAddressId", RegisterRules.MaxAddressIdLength);
            person = Change(person, person.ResidenceAddressId, id, "residenceStandardAddress", changed, p => p with { ResidenceAddressId = id });
        }

        if (MaritalStatus.IsGiven)
        {
            var status = MaritalStatus.Value ?? throw Cleared("maritalStatus");
            person = Change(person, person.MaritalStatus, status, "maritalStatus", changed, p => p with { MaritalStatus = status });
        }

        if (Education.IsGiven)
        {
            var education = Education.Value ?? throw Cleared("education");
            person = Change(person, person.Education, education, "education", changed, p => p with { Education = education });
        }

        if (Phone.IsGiven)
        {
            var phone = Phone.Value;
            if (phone is not null && !PhoneShape().IsMatch(phone))
            {
                throw PopulationErrorCodes.Invalid($"phone \"{phone}\" is not a telephone number: digits, optionally a leading + and - or spaces between groups, 5 to 20 characters.");
            }

            person = Change(person, person.Phone, phone, "phone", changed, p => p with { Phone = phone });
        }

        return changed.Count == 0 ? new PersonChange(current, []) : new PersonChange(person with { UpdatedAt = now }, changed);
    }

    private static Person Change<T>(Person person, T current, T corrected, string field, List<string> changed, Func<Person, Person> apply)
    {
        if (EqualityComparer<T>.Default.Equals(current, corrected))
        {
            return person;
        }

        changed.Add(field);
        return apply(person);
    }

    private static Exception Cleared(string field) =>
        PopulationErrorCodes.Invalid($"{field} cannot be cleared: the register requires it; leave it out to keep the recorded value.");

    [GeneratedRegex(@"^\+?[0-9](?:[0-9]|[ -](?=[0-9])){4,19}$")]
    private static partial Regex PhoneShape();
}

/// <summary>A death to record (<c>RecordDeathInput</c>).</summary>
internal sealed record DeathRecord(string IdNumber, DateOnly DeathDate, string Reason)
{
    public PersonChange Apply(Person current, DateOnly today, DateTimeOffset now)
    {
        RegisterRules.RequireReason(Reason);
        if (current.DeathDate is { } recorded)
        {
            throw PopulationErrorCodes.DeathAlreadyRecorded(current.IdNumber, recorded);
        }

        if (DeathDate < current.BirthDate)
        {
            throw PopulationErrorCodes.Invalid($"deathDate {DeathDate:yyyy-MM-dd} is before the birth on {current.BirthDate:yyyy-MM-dd}.");
        }

        if (DeathDate > today)
        {
            throw PopulationErrorCodes.Invalid($"deathDate {DeathDate:yyyy-MM-dd} is in the future.");
        }

        return new PersonChange(current with { DeathDate = DeathDate, UpdatedAt = now }, ["vitalStatus", "deathDate"]);
    }
}

/// <summary>Rules every correction shares.</summary>
internal static class RegisterRules
{
    public const int MaxNameLength = 50;
    public const int MaxAddressLength = 200;
    public const int MaxAddressIdLength = 64;
    public const int MaxReasonLength = 500;

    public static string EventReason(string reason, string? objectionId) =>
        objectionId is null ? reason : $"{reason} (objection {objectionId})";

    /// <summary>China Standard Time: the register's dates are Beijing dates.</summary>
    public static DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(now.UtcDateTime.AddHours(8));

    public static void RequireReason(string reason)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw PopulationErrorCodes.Invalid("reason must name the objection or document the correction rests on; it was empty.");
        }

        if (reason.Length > MaxReasonLength)
        {
            throw PopulationErrorCodes.Invalid($"reason is at most {MaxReasonLength} characters; it was {reason.Length}.");
        }
    }

    public static string RequireText(string? text, string field, int maxLength)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            throw PopulationErrorCodes.Invalid($"{field} cannot be empty.");
        }

        if (trimmed.Length > maxLength)
        {
            throw PopulationErrorCodes.Invalid($"{field} is at most {maxLength} characters; it was {trimmed.Length}.");
        }

        return trimmed;
    }
}

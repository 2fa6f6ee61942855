using Federation.Subgraphs.DemoData;
using Federation.Subgraphs.Population.Domain;
using Federation.Subgraphs.Population.Seeding;

namespace Federation.Subgraphs.Population.Tests;

/// <summary>The small demo register the tests seed their stores with, and readers over it that serve as the tests' oracle.</summary>
internal static class TestRegister
{
    public const int Size = 300;

    /// <summary>The instant the tests' clock shows: corrections are stamped with it.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    public static readonly DemoWorld World = new(Size);

    public static readonly IReadOnlyList<Person> Persons = [.. PopulationSeed.Persons(World)];

    public static readonly IReadOnlyList<Household> Households = [.. PopulationSeed.Households(World)];

    /// <summary>A valid identity number the register does not hold.</summary>
    public static readonly string UnknownIdNumber = Unknown();

    public static IReadOnlyList<string> SortedIds(IEnumerable<Person> persons) => [.. persons.Select(p => p.IdNumber).Order(StringComparer.Ordinal)];

    /// <summary>A record as text, every field: records with lists compare by reference, their text by value.</summary>
    public static string Text(Person p) =>
        string.Join("|", p.IdNumber, p.Name, string.Join(",", p.FormerNames), p.Gender, p.EthnicityCode, p.BirthDate.ToString("O"),
            p.RegisteredAddress, p.RegisteredDivision, p.ResidenceAddress, p.ResidenceAddressId, p.MaritalStatus, p.Education, p.Phone,
            p.DeathDate?.ToString("O"), p.HouseholdNumber, p.RelationToHead, p.UpdatedAt.UtcDateTime.ToString("O"));

    public static string Text(Household h) =>
        string.Join("|", h.Number, h.Kind, h.HeadIdNumber, h.Address, h.Division, h.UpdatedAt.UtcDateTime.ToString("O"));

    private static string Unknown()
    {
        for (var sequence = 1; ; sequence++)
        {
            var first17 = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"33020320000101{sequence:D3}");
            var candidate = first17 + Federation.Subgraphs.Hosting.Scalars.IdNumber.CheckDigit(first17);
            if (!Persons.Any(p => p.IdNumber == candidate))
            {
                return candidate;
            }
        }
    }

    /// <summary>A living adult who is the only member of no household and has a phone: a person every correction can be made to.</summary>
    public static Person LivingAdult(int skip = 0) =>
        Persons.Where(p => p.DeathDate is null && p.BirthDate.Year < 1990 && p.Phone is not null).Skip(skip).First();

    /// <summary>A family household with at least three members, among them a spouse or child of the head.</summary>
    public static Household FamilyWithChildOrSpouse(int skip = 0) =>
        Households.Where(h => h.Kind == HouseholdKinds.Family
            && Persons.Count(p => p.HouseholdNumber == h.Number) >= 3
            && Persons.Any(p => p.HouseholdNumber == h.Number && p.RelationToHead is HouseholdRelations.Child or HouseholdRelations.Spouse))
            .Skip(skip).First();
}

/// <summary>A clock tests set by hand.</summary>
internal sealed class ManualClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}

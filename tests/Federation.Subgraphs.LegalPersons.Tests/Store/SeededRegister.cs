using System.Globalization;
using System.Text;
using Federation.Subgraphs.DemoData;
using Federation.Subgraphs.LegalPersons.Domain;
using Federation.Subgraphs.LegalPersons.Seeding;

namespace Federation.Subgraphs.LegalPersons.Tests.Store;

/// <summary>The small demo world the store tests seed from, and a reading of records that compares them field by field.</summary>
internal static class SeededRegister
{
    // The demo world draws representatives among adults under 80; below about 2 200 persons it has
    // none (its birth dates fill the days from 1940 on, one person a day), so the tests use 3 000.
    public const int Persons = 3_000;

    public static readonly DemoWorld World = new(Persons);

    public static readonly IReadOnlyList<LegalPersonFile> Files = [.. LegalPersonSeed.Generate(World)];

    public static IEnumerable<LegalPerson> LegalPersons => Files.Select(f => f.LegalPerson);

    public static IReadOnlyList<string> OrderedCodes(Func<LegalPerson, bool> where) =>
        [.. LegalPersons.Where(where).Select(l => l.CreditCode).Order(StringComparer.Ordinal)];

    /// <summary>Every field as text, so two records compare whatever store they came from.</summary>
    public static string Describe(LegalPerson l)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{l.CreditCode}|{l.Name}|{string.Join(",", l.FormerNames)}|{l.Kind}|{l.Status}|{l.RepresentativeIdNumber}|");
        text.Append(CultureInfo.InvariantCulture, $"{l.RegisteredCapital?.Amount} {l.RegisteredCapital?.Currency}|{l.EstablishedOn}|{l.OperatingFrom}|{l.OperatingUntil}|");
        text.Append(CultureInfo.InvariantCulture, $"{l.Address}|{l.StandardAddressId}|{l.DivisionCode}|{l.IndustryCode}|{l.BusinessScope}|{l.AuthorityCreditCode}|{l.TerminatedOn}|");
        text.Append(l.UpdatedAt.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture));
        return text.ToString();
    }

    public static string Describe(Shareholding s) => string.Create(
        CultureInfo.InvariantCulture,
        $"{s.ShareholderIdNumber}|{s.ShareholderCreditCode}|{s.ShareholderName}|{s.SubscribedCapital?.Amount}|{s.PaidInCapital?.Amount}|{s.SharePercentage}");

    public static string Describe(AnnualReport r) => string.Create(
        CultureInfo.InvariantCulture,
        $"{r.Year}|{r.FiledOn}|{r.Employees}|{r.OperatingStatus}|{r.Phone}|{r.Website}");
}

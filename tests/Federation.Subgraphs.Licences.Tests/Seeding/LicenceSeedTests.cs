using Federation.Protocol.Agencies;
using Federation.Subgraphs.DemoData;
using Federation.Subgraphs.Hosting.Scalars;
using Federation.Subgraphs.Licences.Domain;
using Federation.Subgraphs.Licences.Seals;
using Federation.Subgraphs.Licences.Seeding;
using Federation.Subgraphs.Licences.Tests.Harness;

namespace Federation.Subgraphs.Licences.Tests.Seeding;

/// <summary>The seed agrees with the demo world the other registers draw from.</summary>
public sealed class LicenceSeedTests
{
    private static readonly DemoWorld World = SeedData.World;
    private static readonly DateOnly Reference = DemoWorld.ReferenceDate;

    private static readonly Dictionary<string, PersonCore> Persons =
        Enumerable.Range(0, World.PersonCount).Select(World.Person).ToDictionary(p => p.IdNumber);

    private static readonly Dictionary<string, LegalPersonCore> LegalPersons =
        Enumerable.Range(0, World.LegalPersonCount).Select(World.LegalPerson).ToDictionary(l => l.CreditCode);

    [Fact]
    public void Every_type_of_the_catalogue_is_issued_and_numbers_are_unique()
    {
        Assert.Equal(SeedData.Licences.Count, SeedData.Licences.Select(l => l.Number).Distinct().Count());

        // Physicians are persons of working age (26 to 65); the test world's persons are all older
        // than that (see SeedData), so that one type may be missing here.
        var issued = SeedData.Licences.Select(l => l.Type).ToHashSet();
        Assert.All(LicenceCatalogue.All.Where(t => t != LicenceCatalogue.PhysicianPracticeCertificate), t => Assert.Contains(t, issued));
    }

    [Fact]
    public void Holders_are_the_worlds_persons_and_legal_persons_with_their_names_adults_alive()
    {
        foreach (var licence in SeedData.Licences)
        {
            Assert.Equal(licence.Type.HolderKind, licence.Holder.Kind);
            if (licence.Holder.Kind == HolderKind.Person)
            {
                var person = Persons[licence.Holder.Key];
                Assert.Equal(person.Name, licence.HolderName);
                Assert.False(person.IsDeceased);
                Assert.True(person.AgeOn(licence.IssuedOn) >= 18, licence.Number);
                Assert.True(IdNumber.TryParse(person.IdNumber, out _, out _));
            }
            else
            {
                var legalPerson = LegalPersons[licence.Holder.Key];
                Assert.Equal(legalPerson.Name, licence.HolderName);
                Assert.NotEqual(LegalPersonKind.Agency, legalPerson.Kind);
                Assert.True(CreditCode.TryParse(legalPerson.CreditCode, out _, out _));
            }
        }
    }

    [Fact]
    public void Each_licence_is_issued_by_an_agency_of_the_role_its_type_names()
    {
        var agencies = World.Agencies.ToDictionary(a => World.LegalPerson(a.Index).CreditCode);
        foreach (var licence in SeedData.Licences)
        {
            var agency = agencies[licence.IssuingAgencyCode];
            Assert.Equal(licence.Type.AgencyRole, agency.Role.ToString());
            Assert.Equal(agency.Name, licence.IssuingAgencyName);
        }
    }

    [Fact]
    public void Statuses_follow_the_dates_on_the_reference_day()
    {
        foreach (var licence in SeedData.Licences)
        {
            Assert.Equal(licence.ValidUntil < Reference, licence.Status == LicenceStatus.Expired);
            Assert.True(licence.IssuedOn <= Reference && licence.ValidFrom <= (licence.ValidUntil ?? DateOnly.MaxValue), licence.Number);
            Assert.Equal(licence.UpdatedAt, licence.Seal.SealedAt);
            Assert.InRange(licence.Seal.SealedAt, new DateTimeOffset(LicenceSeed.LibraryOpened.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8)), new DateTimeOffset(Reference.ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(8)));
        }

        Assert.Contains(SeedData.Licences, l => l.Status == LicenceStatus.Expired);
        Assert.Contains(SeedData.Licences, l => l.Status is LicenceStatus.Suspended or LicenceStatus.Revoked or LicenceStatus.Cancelled);
    }

    [Fact]
    public void Items_follow_the_types_definitions_in_order()
    {
        foreach (var licence in SeedData.Licences)
        {
            var definitions = licence.Type.ItemDefinitions;
            Assert.Equal(definitions.Where(d => licence.Items.Any(i => i.Key == d.Key)).Select(d => (d.Key, d.Label)), licence.Items.Select(i => (i.Key, i.Label)));
            Assert.All(definitions.Where(d => d.Required), d => Assert.Contains(licence.Items, i => i.Key == d.Key && i.Value.Length > 0));
            Assert.All(licence.Items, i => Assert.True(LicenceItemKinds.TryRead(licence.Type.Definition(i.Key)!.Kind, i.Value, out _, out var why), $"{licence.Number} {i.Key}: {why}"));
        }
    }

    [Fact]
    public void Cross_register_facts_agree()
    {
        string Item(Licence licence, string key) => licence.Items.Single(i => i.Key == key).Value;
        var byHolder = SeedData.Licences.ToLookup(l => l.Holder.Key);
        foreach (var licence in SeedData.Licences)
        {
            if (licence.Type == LicenceCatalogue.BusinessLicence)
            {
                var company = LegalPersons[licence.Holder.Key];
                Assert.Equal(company.CreditCode, licence.Number);
                Assert.Equal(World.Person(company.RepresentativeIndex!.Value).Name, Item(licence, "legalRepresentative"));
                Assert.Equal(World.Address(company.AddressIndex).Text, Item(licence, "domicile"));
                Assert.Equal(World.LegalPerson(company.RegistrationAuthorityIndex).CreditCode, licence.IssuingAgencyCode);
            }
            else if (licence.Type == LicenceCatalogue.HouseholdRegister)
            {
                var head = Persons[licence.Holder.Key];
                var household = World.Household(head.HouseholdIndex);
                Assert.Equal(head.Index, household.HeadIndex);
                Assert.Equal(household.Number, Item(licence, "householdNumber"));
            }
            else if (licence.Type == LicenceCatalogue.MarriageCertificate)
            {
                var spouse = Persons[Item(licence, "spouseIdNumber")];
                Assert.Equal(spouse.Name, Item(licence, "spouseName"));
                Assert.Equal(Persons[licence.Holder.Key].HouseholdIndex, spouse.HouseholdIndex);
                var theirs = byHolder[spouse.IdNumber].SingleOrDefault(l => l.Type == LicenceCatalogue.MarriageCertificate);
                if (theirs is not null)
                {
                    Assert.Equal((licence.Holder.Key, licence.IssuedOn), (Item(theirs, "spouseIdNumber"), theirs.IssuedOn));
                }
            }
        }

        Assert.Contains(SeedData.Licences, l => l.Type == LicenceCatalogue.MarriageCertificate);
    }

    [Fact]
    public void Every_seeded_seal_verifies_and_a_second_run_gives_the_same_licences()
    {
        Assert.All(SeedData.Licences, l => Assert.Null(SeedData.Verifier.Failure(l)));

        var again = new LicenceSeed(new DemoWorld(SeedData.Persons), new Sealer(new DemoSealKeyring((long)DemoWorld.DefaultSeed))).All().ToList();
        Assert.Equal(SeedData.Licences.Count, again.Count);
        for (var i = 0; i < again.Count; i++)
        {
            // ECDSA signatures are randomised; the content sealed, the keys and everything else are not.
            Assert.Equal(SeedData.Licences[i] with { Seal = SeedData.Licences[i].Seal with { Signature = "", Certificate = "" }, Items = [] }, again[i] with { Seal = again[i].Seal with { Signature = "", Certificate = "" }, Items = [] });
            Assert.Equal(SeedData.Licences[i].Items, again[i].Items);
        }
    }
}

using DemoWorld = Federation.Subgraphs.DemoData.DemoWorld;
using Federation.Protocol.Agencies;
using Federation.Storage;
using Federation.Subgraphs.Hosting.Scalars;
using Federation.Subgraphs.LegalPersons.Domain;
using Federation.Subgraphs.LegalPersons.Seeding;
using Federation.Subgraphs.LegalPersons.Store;
using Federation.Subgraphs.LegalPersons.Tests.Store;
using Federation.Subgraphs.Testing;
using Npgsql;

namespace Federation.Subgraphs.LegalPersons.Tests.Seeding;

/// <summary>The seed agrees with the demo world and with itself, and the COPY bulk load stores it unchanged.</summary>
public sealed class LegalPersonSeedTests
{
    private static readonly IReadOnlyList<LegalPersonFile> Files = SeededRegister.Files;

    [Fact]
    public void The_seed_is_the_same_every_time()
    {
        var again = LegalPersonSeed.Generate(new DemoWorld(SeededRegister.Persons)).ToList();

        Assert.Equal(Files.Select(f => SeededRegister.Describe(f.LegalPerson)), again.Select(f => SeededRegister.Describe(f.LegalPerson)));
        Assert.Equal(Files.SelectMany(f => f.Shareholders).Select(SeededRegister.Describe), again.SelectMany(f => f.Shareholders).Select(SeededRegister.Describe));
    }

    [Fact]
    public void Every_credit_code_and_identity_number_has_a_valid_check_character()
    {
        foreach (var legalPerson in Files.Select(f => f.LegalPerson))
        {
            Assert.True(CreditCode.TryParse(legalPerson.CreditCode, out _, out var error), error);
            Assert.True(legalPerson.RepresentativeIdNumber is null || IdNumber.TryParse(legalPerson.RepresentativeIdNumber, out _, out error), error);
        }

        Assert.Equal(Files.Count, Files.Select(f => f.LegalPerson.CreditCode).Distinct().Count());
    }

    [Fact]
    public void Representatives_and_shareholders_exist_in_the_population_and_the_register()
    {
        var world = SeededRegister.World;
        var persons = Enumerable.Range(0, world.PersonCount).ToDictionary(i => world.Person(i).IdNumber, i => world.Person(i).Name);
        var legalPersons = Files.ToDictionary(f => f.LegalPerson.CreditCode, f => f.LegalPerson.Name);

        foreach (var file in Files)
        {
            Assert.True(file.LegalPerson.RepresentativeIdNumber is null || persons.ContainsKey(file.LegalPerson.RepresentativeIdNumber));
            foreach (var stake in file.Shareholders)
            {
                if (stake.ShareholderIdNumber is { } idNumber)
                {
                    Assert.Equal(persons[idNumber], stake.ShareholderName);
                }
                else if (stake.ShareholderCreditCode is { } creditCode)
                {
                    Assert.Equal(legalPersons[creditCode], stake.ShareholderName);
                    Assert.NotEqual(file.LegalPerson.CreditCode, creditCode);
                }
            }
        }

        var stakes = Files.SelectMany(f => f.Shareholders).ToList();
        Assert.Contains(stakes, s => s.ShareholderIdNumber is not null);
        Assert.Contains(stakes, s => s.ShareholderCreditCode is not null);
        Assert.Contains(stakes, s => s.ShareholderIdNumber is null && s.ShareholderCreditCode is null);
    }

    [Fact]
    public void The_shares_of_every_enterprise_add_up_to_100_percent_of_its_capital()
    {
        foreach (var file in Files.Where(f => f.LegalPerson.Kind == LegalPersonKind.Enterprise))
        {
            Assert.NotEmpty(file.Shareholders);
            Assert.Equal(100, file.Shareholders.Sum(s => s.SharePercentage!.Value), 6);
            Assert.Equal(file.LegalPerson.RegisteredCapital!.Value, file.Shareholders.Sum(s => s.SubscribedCapital!.Value), 0);
            Assert.All(file.Shareholders, s => Assert.True(s.PaidInCapital is null || s.PaidInCapital.Value <= s.SubscribedCapital!.Value));
        }

        Assert.All(Files.Where(f => f.LegalPerson.Kind != LegalPersonKind.Enterprise), f => Assert.Empty(f.Shareholders));
    }

    [Fact]
    public void Legal_persons_are_registered_with_the_agency_of_their_kind()
    {
        var agencies = Files.Select(f => f.LegalPerson).Where(l => l.Kind == LegalPersonKind.Agency).ToDictionary(l => l.CreditCode);
        foreach (var legalPerson in Files.Select(f => f.LegalPerson))
        {
            var authority = agencies[legalPerson.AuthorityCreditCode];
            var expected = legalPerson.Kind switch
            {
                LegalPersonKind.Enterprise or LegalPersonKind.Other => "市场监督管理局",
                LegalPersonKind.SocialOrganisation => "民政局",
                _ => "机构编制委员会办公室",
            };
            Assert.EndsWith(expected, authority.Name, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Statuses_industries_and_dates_are_consistent()
    {
        var legalPersons = Files.Select(f => f.LegalPerson).ToList();

        Assert.True(legalPersons.Count(l => l.Status == LegalPersonStatus.Active) > legalPersons.Count * 0.8);
        Assert.Contains(legalPersons, l => l.Status == LegalPersonStatus.Revoked);
        Assert.Contains(legalPersons, l => l.Status == LegalPersonStatus.Deregistered);
        foreach (var l in legalPersons)
        {
            Assert.Equal(l.Status is LegalPersonStatus.Revoked or LegalPersonStatus.Deregistered, l.TerminatedOn is not null);
            Assert.True(l.TerminatedOn is null || l.TerminatedOn >= l.EstablishedOn);
            Assert.True(l.OperatingUntil is null || l.OperatingUntil > l.OperatingFrom);
            Assert.NotNull(Industry.Find(l.IndustryCode));
            Assert.True(l.UpdatedAt >= new DateTimeOffset(l.EstablishedOn.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8)));
            Assert.Equal(l.Kind is LegalPersonKind.Enterprise or LegalPersonKind.Other, l.RegisteredCapital is not null);
        }

        foreach (var file in Files)
        {
            Assert.All(file.AnnualReports, r => Assert.True(r.FiledOn.Year == r.Year + 1 && r.Year >= file.LegalPerson.EstablishedOn.Year));
        }
    }

    [Fact]
    public async Task The_bulk_load_stores_the_seed_unchanged()
    {
        await using var database = await TestDatabase.CreateAsync("legal_persons_copy", cancellationToken: TestContext.Current.CancellationToken);
        const string schema = "register";
        await PostgresMigrations.ApplyAsync(database.DataSource, schema, SqlMigration.FromAssembly(typeof(PostgresLegalPersonStore).Assembly), cancellationToken: TestContext.Current.CancellationToken);
        await using (var connection = await database.DataSource.OpenConnectionAsync(TestContext.Current.CancellationToken))
        {
            await PostgresBulkLoad.CopyAsync(connection, schema, Files, TestContext.Current.CancellationToken);
        }

        Assert.Equal(Files.Count, await CountAsync(database.DataSource, "register.legal_persons"));
        Assert.Equal(Files.Sum(f => f.Shareholders.Count), await CountAsync(database.DataSource, "register.shareholdings"));
        Assert.Equal(Files.Sum(f => f.AnnualReports.Count), await CountAsync(database.DataSource, "register.annual_reports"));
        var sample = new[] { Files[0], Files[Files.Count / 2], Files[^1] };
        var store = new PostgresLegalPersonStore(database.DataSource, schema, new Hosting.Changes.ChangeOutbox(database.DataSource, schema), () => { }, TimeProvider.System);
        var found = await store.FindAsync([.. sample.Select(f => f.LegalPerson.CreditCode)], TestContext.Current.CancellationToken);
        Assert.All(sample, f => Assert.Equal(SeededRegister.Describe(f.LegalPerson), SeededRegister.Describe(found[f.LegalPerson.CreditCode])));
    }

    private static async Task<long> CountAsync(NpgsqlDataSource dataSource, string table)
    {
        await using var command = dataSource.CreateCommand($"SELECT count(*) FROM {table}");
        return (long)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }
}

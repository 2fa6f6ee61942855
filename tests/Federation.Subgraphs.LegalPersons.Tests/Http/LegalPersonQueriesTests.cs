using System.Text.Json.Nodes;
using Federation.Subgraphs.Hosting.Paging;
using Federation.Subgraphs.LegalPersons.Domain;
using Federation.Subgraphs.LegalPersons.Tests.Store;

namespace Federation.Subgraphs.LegalPersons.Tests.Http;

/// <summary>The subgraph's queries through HTTP, signed as the gateway signs them, on the in-memory store.</summary>
public sealed class LegalPersonQueriesTests
{
    [Fact]
    public async Task The_service_sdl_is_the_repository_schema_file()
    {
        await using var server = await LegalPersonsServer.StartAsync();

        var response = await server.PostAsync("""{ _service { sdl } }""");

        Assert.Equal(File.ReadAllText(Scenario.RepositoryFile("schema/legal-persons.graphql")), response.DataWithoutErrors["_service"]!["sdl"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_legal_person_answers_every_field_of_its_record()
    {
        await using var server = await LegalPersonsServer.StartAsync();
        var file = SeededRegister.Files.First(f => f.LegalPerson.Kind == LegalPersonKind.Enterprise && f.Shareholders.Count > 1 && f.AnnualReports.Count > 0);
        var seeded = file.LegalPerson;
        var authority = SeededRegister.LegalPersons.Single(l => l.CreditCode == seeded.AuthorityCreditCode);

        var response = await server.PostAsync(
            """
            query ($code: CreditCode!) {
              legalPerson(creditCode: $code) {
                creditCode name formerNames kind status legalRepresentative { idNumber }
                registeredCapital { amount currency } establishedOn operatingPeriod { from until }
                address standardAddress { id } division { code } industry { code name } businessScope
                registrationAuthority { name legalPerson { creditCode kind } }
                shareholders { shareholder { __typename ... on Person { idNumber } ... on LegalPerson { creditCode } } shareholderName sharePercentage subscribedCapital { amount } }
                annualReports { year filedOn } terminatedOn updatedAt
              }
            }
            """,
            new { code = seeded.CreditCode });
        var node = response.DataWithoutErrors["legalPerson"]!;

        Assert.Equal(seeded.Name, node["name"]!.GetValue<string>());
        Assert.Equal("ENTERPRISE", node["kind"]!.GetValue<string>());
        Assert.Equal(SchemaNames<LegalPersonStatus>.Of(seeded.Status), node["status"]!.GetValue<string>());
        Assert.Equal(seeded.RepresentativeIdNumber, node["legalRepresentative"]?["idNumber"]?.GetValue<string>());
        Assert.Equal(seeded.RegisteredCapital!.Amount, node["registeredCapital"]!["amount"]!.GetValue<string>());
        Assert.Equal("CNY", node["registeredCapital"]!["currency"]!.GetValue<string>());
        Assert.Equal(seeded.EstablishedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), node["establishedOn"]!.GetValue<string>());
        Assert.Equal(seeded.Address, node["address"]!.GetValue<string>());
        Assert.Equal(seeded.DivisionCode, node["division"]!["code"]!.GetValue<string>());
        Assert.Equal(seeded.IndustryCode, node["industry"]!["code"]!.GetValue<string>());
        Assert.Equal(Industry.Find(seeded.IndustryCode)!.Name, node["industry"]!["name"]!.GetValue<string>());
        Assert.Equal(authority.Name, node["registrationAuthority"]!["name"]!.GetValue<string>());
        Assert.Equal("AGENCY", node["registrationAuthority"]!["legalPerson"]!["kind"]!.GetValue<string>());
        Assert.Equal(file.Shareholders.Select(s => s.ShareholderName), node["shareholders"]!.AsArray().Select(s => s!["shareholderName"]!.GetValue<string>()));
        Assert.Equal(100, node["shareholders"]!.AsArray().Sum(s => s!["sharePercentage"]!.GetValue<double>()), 6);
        for (var i = 0; i < file.Shareholders.Count; i++)
        {
            var shareholder = node["shareholders"]![i]!["shareholder"];
            var expected = file.Shareholders[i];
            Assert.Equal(
                expected.ShareholderIdNumber is not null ? "Person" : expected.ShareholderCreditCode is not null ? "LegalPerson" : null,
                shareholder?["__typename"]?.GetValue<string>());
        }

        var years = node["annualReports"]!.AsArray().Select(r => r!["year"]!.GetValue<int>()).ToList();
        Assert.Equal(years.OrderDescending(), years);
    }

    [Fact]
    public async Task A_batch_lookup_answers_in_the_order_asked_with_null_for_unknown_codes()
    {
        await using var server = await LegalPersonsServer.StartAsync();
        var codes = SeededRegister.OrderedCodes(_ => true);

        var response = await server.PostAsync(
            """query ($codes: [CreditCode!]!) { legalPersonsByCreditCodes(creditCodes: $codes) { creditCode } }""",
            new { codes = new[] { codes[5], Scenario.UnknownCreditCode, codes[0], codes[5] } });

        var answers = response.DataWithoutErrors["legalPersonsByCreditCodes"]!.AsArray().Select(n => n?["creditCode"]?.GetValue<string>()).ToList();
        Assert.Equal([codes[5], null, codes[0], codes[5]], answers);
    }

    [Fact]
    public async Task A_batch_lookup_of_more_than_100_codes_is_refused()
    {
        await using var server = await LegalPersonsServer.StartAsync();
        var codes = Enumerable.Repeat(SeededRegister.OrderedCodes(_ => true)[0], 101).ToArray();

        var response = await server.PostAsync(
            """query ($codes: [CreditCode!]!) { legalPersonsByCreditCodes(creditCodes: $codes) { creditCode } }""",
            new { codes });

        Assert.Equal([PagingErrorCodes.TooManyKeys], response.ErrorCodes);
    }

    [Fact]
    public async Task A_credit_code_with_a_wrong_check_character_is_refused_naming_the_rule()
    {
        await using var server = await LegalPersonsServer.StartAsync();
        var code = SeededRegister.OrderedCodes(_ => true)[0];
        var wrong = code[..17] + (code[17] == '0' ? '1' : '0');

        var response = await server.PostAsync("""query ($code: CreditCode!) { legalPerson(creditCode: $code) { name } }""", new { code = wrong });

        var message = Assert.Single(response.Errors)!["message"]!.GetValue<string>();
        Assert.Contains("CreditCode check character", message, StringComparison.Ordinal);
        Assert.Contains("GB 32100", message, StringComparison.Ordinal);
        Assert.Null(response.Data);
    }

    [Fact]
    public async Task Filtered_pages_through_http_cover_the_filter_once()
    {
        await using var server = await LegalPersonsServer.StartAsync();
        var county = Scenario.Enterprise().DivisionCode;
        var expected = SeededRegister.OrderedCodes(l => l.DivisionCode == county && l.Kind == LegalPersonKind.Enterprise);
        var seen = new List<string>();
        string? after = null;
        do
        {
            var response = await server.PostAsync(
                """
                query ($division: DivisionCode, $after: String) {
                  legalPersons(filter: { division: $division, kinds: [ENTERPRISE] }, first: 9, after: $after) {
                    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { creditCode } }
                  }
                }
                """,
                new { division = county, after });
            var connection = response.DataWithoutErrors["legalPersons"]!;
            Assert.Equal(expected.Count, connection["totalCount"]!.GetValue<int>());
            seen.AddRange(connection["edges"]!.AsArray().Select(e => e!["node"]!["creditCode"]!.GetValue<string>()));
            after = connection["pageInfo"]!["hasNextPage"]!.GetValue<bool>() ? connection["pageInfo"]!["endCursor"]!.GetValue<string>() : null;
        }
        while (after is not null);

        Assert.Equal(expected, seen);
    }

    [Theory]
    [InlineData("""{ legalPersons(first: 101) { totalCount } }""", "INVALID_PAGE_SIZE")]
    [InlineData("""{ legalPersons(after: "not-a-cursor") { totalCount } }""", "INVALID_CURSOR")]
    [InlineData("""{ legalPersons(filter: { industryCode: "65%" }) { totalCount } }""", "INVALID_INPUT")]
    public async Task Bad_page_arguments_and_filters_are_refused_with_their_code(string query, string code)
    {
        await using var server = await LegalPersonsServer.StartAsync();

        var response = await server.PostAsync(query);

        Assert.Equal([code], response.ErrorCodes);
    }

    [Fact]
    public async Task Readiness_reports_the_seeded_store()
    {
        await using var server = await LegalPersonsServer.StartAsync();
        using var client = server.UnsignedClient();

        using var response = await client.GetAsync("/health/ready", TestContext.Current.CancellationToken);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("""{"status":"Healthy"}""", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }
}

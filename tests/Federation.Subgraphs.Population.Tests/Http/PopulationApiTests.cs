using System.Text.Json.Nodes;
using Federation.Protocol.Signing;
using Federation.Subgraphs.Hosting;
using Federation.Subgraphs.Population.Domain;
using Federation.Subgraphs.Testing;

namespace Federation.Subgraphs.Population.Tests.Http;

/// <summary>The service through HTTP, in memory: the protocol, the queries' limits, scalar validation, the gateway signature.</summary>
public sealed class PopulationApiTests : IAsyncLifetime
{
    private PopulationServer server = null!;

    public async ValueTask InitializeAsync() => server = await PopulationServer.StartAsync(postgres: false);

    public async ValueTask DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task The_service_sdl_is_the_schema_file_of_the_repository()
    {
        var response = await server.Client.PostAsync("""{ _service { sdl } }""", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(await File.ReadAllTextAsync(RepositoryFile("schema/population.graphql"), TestContext.Current.CancellationToken), response.DataWithoutErrors["_service"]!["sdl"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_person_answers_every_field_from_the_register()
    {
        var person = TestRegister.Persons.First(p => p.FormerNames.Count == 0 && p.ResidenceAddressId is not null);
        var household = TestRegister.Households.Single(h => h.Number == person.HouseholdNumber);

        var response = await server.Client.PostAsync(
            """
            query ($id: IdNumber!) {
              person(idNumber: $id) {
                idNumber name formerNames gender ethnicity { code name } birthDate registeredAddress registeredDivision { code }
                residenceAddress residenceStandardAddress { id } maritalStatus education phone vitalStatus deathDate
                household { number kind address division { code } head { idNumber } } relationToHead updatedAt
              }
            }
            """,
            new { id = person.IdNumber },
            cancellationToken: TestContext.Current.CancellationToken);

        var expected = new JsonObject
        {
            ["idNumber"] = person.IdNumber,
            ["name"] = person.Name,
            ["formerNames"] = new JsonArray(),
            ["gender"] = person.Gender,
            ["ethnicity"] = new JsonObject { ["code"] = person.EthnicityCode, ["name"] = Ethnicity.Find(person.EthnicityCode)!.Name },
            ["birthDate"] = person.BirthDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["registeredAddress"] = household.Address,
            ["registeredDivision"] = new JsonObject { ["code"] = household.Division },
            ["residenceAddress"] = person.ResidenceAddress,
            ["residenceStandardAddress"] = new JsonObject { ["id"] = person.ResidenceAddressId },
            ["maritalStatus"] = person.MaritalStatus,
            ["education"] = person.Education,
            ["phone"] = person.Phone,
            ["vitalStatus"] = person.DeathDate is null ? "LIVING" : "DECEASED",
            ["deathDate"] = person.DeathDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["household"] = new JsonObject
            {
                ["number"] = household.Number,
                ["kind"] = household.Kind,
                ["address"] = household.Address,
                ["division"] = new JsonObject { ["code"] = household.Division },
                ["head"] = new JsonObject { ["idNumber"] = household.HeadIdNumber },
            },
            ["relationToHead"] = person.RelationToHead,
            ["updatedAt"] = person.UpdatedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture),
        };
        Assert.Equal(expected.ToJsonString(), response.DataWithoutErrors["person"]!.ToJsonString());
    }

    [Fact]
    public async Task Persons_by_identity_numbers_answer_in_the_order_asked_with_null_for_the_unknown()
    {
        var ids = new[] { TestRegister.Persons[5].IdNumber, TestRegister.UnknownIdNumber, TestRegister.Persons[1].IdNumber, TestRegister.Persons[5].IdNumber };

        var response = await server.Client.PostAsync(
            """query ($ids: [IdNumber!]!) { personsByIdNumbers(idNumbers: $ids) { idNumber } }""",
            new { ids },
            cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(
            """[{"idNumber":"__0"},null,{"idNumber":"__2"},{"idNumber":"__0"}]""".Replace("__0", ids[0], StringComparison.Ordinal).Replace("__2", ids[2], StringComparison.Ordinal),
            response.DataWithoutErrors["personsByIdNumbers"]!.ToJsonString());
    }

    [Fact]
    public async Task More_than_a_hundred_identity_numbers_are_refused()
    {
        var ids = TestRegister.Persons.Take(101).Select(p => p.IdNumber).ToArray();

        var response = await server.Client.PostAsync(
            """query ($ids: [IdNumber!]!) { personsByIdNumbers(idNumbers: $ids) { idNumber } }""",
            new { ids },
            cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(["TOO_MANY_KEYS"], response.ErrorCodes);
    }

    [Theory]
    [InlineData("""{ persons(first: 101) { totalCount } }""", "INVALID_PAGE_SIZE")]
    [InlineData("""{ persons(first: -1) { totalCount } }""", "INVALID_PAGE_SIZE")]
    [InlineData("""{ households(after: "not-a-cursor") { totalCount } }""", "INVALID_CURSOR")]
    public async Task Page_arguments_out_of_range_are_refused(string query, string code)
    {
        var response = await server.Client.PostAsync(query, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal([code], response.ErrorCodes);
    }

    [Fact]
    public async Task Pages_walk_through_every_person_with_their_cursors()
    {
        var seen = new List<string>();
        string? after = null;
        do
        {
            var response = await server.Client.PostAsync(
                """
                query ($after: String) {
                  persons(first: 100, after: $after, filter: { registeredDivision: "330200" }) {
                    totalCount edges { cursor node { idNumber } } pageInfo { hasNextPage endCursor }
                  }
                }
                """,
                new { after },
                cancellationToken: TestContext.Current.CancellationToken);
            var persons = response.DataWithoutErrors["persons"]!;
            Assert.Equal(TestRegister.Size, persons["totalCount"]!.GetValue<int>());
            seen.AddRange(persons["edges"]!.AsArray().Select(e => e!["node"]!["idNumber"]!.GetValue<string>()));
            after = persons["pageInfo"]!["hasNextPage"]!.GetValue<bool>() ? persons["pageInfo"]!["endCursor"]!.GetValue<string>() : null;
        }
        while (after is not null);

        Assert.Equal(TestRegister.SortedIds(TestRegister.Persons), seen);
    }

    [Theory]
    [InlineData("""{ person(idNumber: "330203194001018940") { name } }""", "ISO 7064 MOD 11-2")]
    [InlineData("""{ person(idNumber: "33020319400101894") { name } }""", "18 characters")]
    [InlineData("""{ persons(filter: { registeredDivision: "990200" }) { totalCount } }""", "not a province of GB/T 2260")]
    [InlineData("""{ persons(filter: { bornOnOrAfter: "1990-02-30" }) { totalCount } }""", "not a calendar date")]
    [InlineData("""{ persons(filter: { updatedSince: "2024-01-01 10:00" }) { totalCount } }""", "RFC 3339")]
    public async Task Invalid_scalars_are_refused_with_the_rule_they_break(string query, string rule)
    {
        var response = await server.Client.PostAsync(query, cancellationToken: TestContext.Current.CancellationToken);

        var error = Assert.Single(response.Errors);
        Assert.Contains(rule, error!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null(response.Data);
    }

    [Fact]
    public async Task A_correction_through_http_answers_the_changed_fields_and_publishes_the_event()
    {
        var person = TestRegister.LivingAdult();

        var response = await server.Client.PostAsync(
            """
            mutation ($id: IdNumber!) {
              correctPerson(input: { idNumber: $id, reason: "Name misspelt", objectionId: "OBJ-12", phone: "13912345678", residenceAddress: null }) {
                changedFields person { phone residenceAddress }
              }
            }
            """,
            new { id = person.IdNumber },
            cancellationToken: TestContext.Current.CancellationToken);

        var payload = response.DataWithoutErrors["correctPerson"]!;
        var expectedFields = new List<string>();
        if (person.ResidenceAddress is not null)
        {
            expectedFields.Add("residenceAddress");
        }

        if (person.Phone != "13912345678")
        {
            expectedFields.Add("phone");
        }

        Assert.Equal(expectedFields, payload["changedFields"]!.AsArray().Select(f => f!.GetValue<string>()));
        Assert.Equal("13912345678", payload["person"]!["phone"]!.GetValue<string>());
        Assert.Null(payload["person"]!["residenceAddress"]);
        var published = Assert.Single(server.ChangeFeed.Recent);
        Assert.Equal(("population", "Person", person.IdNumber, "Name misspelt (objection OBJ-12)"), (published.Subgraph, published.Type, published.Key, published.Reason));
    }

    [Fact]
    public async Task A_second_death_through_http_is_an_error_with_its_code()
    {
        var deceased = TestRegister.Persons.First(p => p.DeathDate is not null);

        var response = await server.Client.PostAsync(
            """mutation ($id: IdNumber!) { recordDeath(input: { idNumber: $id, deathDate: "2025-01-01", reason: "certificate 7" }) { person { vitalStatus } } }""",
            new { id = deceased.IdNumber },
            cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal([PopulationErrorCodes.AlreadyDeceased], response.ErrorCodes);
        Assert.Empty(server.ChangeFeed.Recent);
    }

    [Fact]
    public async Task An_unsigned_request_is_refused()
    {
        using var http = server.Http();

        using var response = await http.SendAsync(PopulationServer.GraphQLRequest("{ persons { totalCount } }"), TestContext.Current.CancellationToken);

        Assert.Equal(401, (int)response.StatusCode);
        Assert.Contains(SignatureErrorCodes.SignatureMissing, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_signed_with_another_secret_is_refused()
    {
        var client = SignedGraphQLClient.Create(server.Http, "another-secret-that-is-long-enough-for-hmac-sha256");

        var response = await client.PostAsync("{ persons { totalCount } }", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal((401, SignatureErrorCodes.SignatureInvalid), (response.Status, response.ErrorCodes.Single()));
    }

    [Fact]
    public async Task A_request_signed_too_long_ago_is_refused()
    {
        var past = new GatewaySignature(SignedGraphQLClient.Secret, new ManualClock(DateTimeOffset.UtcNow.AddMinutes(-5)));
        using var http = server.Http();
        using var request = PopulationServer.GraphQLRequest("{ persons { totalCount } }");
        await past.SignAsync(request, SignedGraphQLClient.DefaultCaller, TestContext.Current.CancellationToken);

        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(401, (int)response.StatusCode);
        Assert.Contains(SignatureErrorCodes.SignatureExpired, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_replayed_request_is_refused()
    {
        var signature = new GatewaySignature(SignedGraphQLClient.Secret);
        using var http = server.Http();
        using var first = PopulationServer.GraphQLRequest("{ persons { totalCount } }");
        await signature.SignAsync(first, SignedGraphQLClient.DefaultCaller, TestContext.Current.CancellationToken);
        using var replay = PopulationServer.GraphQLRequest("{ persons { totalCount } }");
        foreach (var header in first.Headers)
        {
            replay.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        using var accepted = await http.SendAsync(first, TestContext.Current.CancellationToken);
        using var replayed = await http.SendAsync(replay, TestContext.Current.CancellationToken);

        Assert.Equal(200, (int)accepted.StatusCode);
        Assert.Equal(401, (int)replayed.StatusCode);
        Assert.Contains(SignatureErrorCodes.SignatureReplayed, await replayed.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_health_endpoints_answer_unsigned_once_the_register_is_loaded()
    {
        using var http = server.Http();

        Assert.Equal("""{"status":"Healthy"}""", await http.GetStringAsync("/health/live", TestContext.Current.CancellationToken));
        Assert.Equal("""{"status":"Healthy"}""", await http.GetStringAsync("/health/ready", TestContext.Current.CancellationToken));
    }

    internal static string RepositoryFile(string relative)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Federation.sln")))
            {
                return Path.Combine(directory.FullName, relative);
            }
        }

        throw new InvalidOperationException("The repository root (Federation.sln) is not above " + AppContext.BaseDirectory);
    }
}

public sealed class DevelopmentSettingTests
{
    [Fact]
    public async Task Turning_the_signature_off_accepts_unsigned_requests()
    {
        await using var server = await PopulationServer.StartAsync(postgres: false, new() { ["GatewaySignature:RequireGatewaySignature"] = "false", ["Seed:Persons"] = "20" });
        using var http = server.Http();

        using var response = await http.SendAsync(PopulationServer.GraphQLRequest("{ persons { totalCount } }"), TestContext.Current.CancellationToken);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Contains("\"totalCount\":20", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }
}

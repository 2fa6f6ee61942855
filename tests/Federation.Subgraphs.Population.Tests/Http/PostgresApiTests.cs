using System.Text.Json.Nodes;

namespace Federation.Subgraphs.Population.Tests.Http;

/// <summary>
/// The service on PostgreSQL, seeded at start-up: batches cost one SQL statement each, counted from
/// Npgsql's command log rather than assumed.
/// </summary>
public sealed class PostgresApiTests : IAsyncLifetime
{
    private PopulationServer server = null!;

    public async ValueTask InitializeAsync() => server = await PopulationServer.StartAsync(postgres: true);

    public async ValueTask DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task Entities_of_a_hundred_persons_take_one_sql_statement()
    {
        var ids = TestRegister.Persons.Skip(50).Take(100).Select(p => p.IdNumber).ToList();
        var representations = ids.Select(id => new { __typename = "Person", idNumber = id }).ToArray();
        var before = server.SqlCommands;

        var response = await server.Client.PostAsync(
            """query ($r: [_Any!]!) { _entities(representations: $r) { ... on Person { idNumber name } } }""",
            new { r = representations },
            cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(ids, response.DataWithoutErrors["_entities"]!.AsArray().Select(e => e!["idNumber"]!.GetValue<string>()));
        Assert.Equal(1, server.SqlCommands - before);
        Assert.Contains("ANY", server.SqlTexts[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Entities_of_two_types_take_one_statement_per_type_and_unknown_keys_are_null()
    {
        var representations = new JsonArray(
            new JsonObject { ["__typename"] = "Household", ["number"] = TestRegister.Households[2].Number },
            new JsonObject { ["__typename"] = "Person", ["idNumber"] = TestRegister.Persons[7].IdNumber },
            new JsonObject { ["__typename"] = "Household", ["number"] = "33020399999999" },
            new JsonObject { ["__typename"] = "Person", ["idNumber"] = TestRegister.Persons[8].IdNumber });
        var before = server.SqlCommands;

        var response = await server.Client.PostAsync(
            """query ($r: [_Any!]!) { _entities(representations: $r) { ... on Person { idNumber } ... on Household { number } } }""",
            new { r = representations },
            cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(
            $$"""[{"number":"{{TestRegister.Households[2].Number}}"},{"idNumber":"{{TestRegister.Persons[7].IdNumber}}"},null,{"idNumber":"{{TestRegister.Persons[8].IdNumber}}"}]""",
            response.DataWithoutErrors["_entities"]!.ToJsonString());
        Assert.Equal(2, server.SqlCommands - before);
    }

    [Fact]
    public async Task Heads_and_members_of_a_page_of_households_take_one_statement_each()
    {
        var before = server.SqlCommands;

        var response = await server.Client.PostAsync(
            """
            {
              households(first: 50) {
                edges { node { number head { idNumber } members { relationToHead person { idNumber household { number } } } } }
              }
            }
            """,
            cancellationToken: TestContext.Current.CancellationToken);

        var households = response.DataWithoutErrors["households"]!["edges"]!.AsArray();
        Assert.Equal(50, households.Count);
        foreach (var edge in households)
        {
            var number = edge!["node"]!["number"]!.GetValue<string>();
            var expected = TestRegister.Persons.Where(p => p.HouseholdNumber == number).Select(p => p.IdNumber).Order(StringComparer.Ordinal);
            Assert.Equal(expected, edge["node"]!["members"]!.AsArray().Select(m => m!["person"]!["idNumber"]!.GetValue<string>()).Order(StringComparer.Ordinal));
            Assert.Equal(TestRegister.Households.Single(h => h.Number == number).HeadIdNumber, edge["node"]!["head"]!["idNumber"]!.GetValue<string>());
        }

        // The page (count and rows in one batch), the heads, the members, the members' households.
        Assert.Equal(4, server.SqlCommands - before);
    }

    [Fact]
    public async Task A_correction_is_written_and_read_back_through_postgresql()
    {
        var person = TestRegister.LivingAdult(6);

        var response = await server.Client.PostAsync(
            """
            mutation ($id: IdNumber!) {
              correctPerson(input: { idNumber: $id, reason: "Objection 3", maritalStatus: UNSTATED, education: DOCTORATE, registeredDivision: "330212" }) {
                changedFields person { maritalStatus education registeredDivision { code } }
              }
            }
            """,
            new { id = person.IdNumber },
            cancellationToken: TestContext.Current.CancellationToken);
        var again = await server.Client.PostAsync(
            """query ($id: IdNumber!) { person(idNumber: $id) { maritalStatus education registeredDivision { code } } }""",
            new { id = person.IdNumber },
            cancellationToken: TestContext.Current.CancellationToken);

        var payload = response.DataWithoutErrors["correctPerson"]!;
        Assert.Equal("""{"maritalStatus":"UNSTATED","education":"DOCTORATE","registeredDivision":{"code":"330212"}}""", payload["person"]!.ToJsonString());
        Assert.Equal(payload["person"]!.ToJsonString(), again.DataWithoutErrors["person"]!.ToJsonString());
    }

    [Fact]
    public async Task The_register_is_ready_after_migrations_and_seed()
    {
        using var http = server.Http();

        Assert.Equal("""{"status":"Healthy"}""", await http.GetStringAsync("/health/ready", TestContext.Current.CancellationToken));
    }
}

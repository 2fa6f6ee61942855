using System.Text.Json.Nodes;
using Federation.Subgraphs.LegalPersons.Domain;
using Federation.Subgraphs.LegalPersons.Tests.Store;

namespace Federation.Subgraphs.LegalPersons.Tests.Http;

/// <summary>
/// <c>_entities</c> as the gateway calls it, against PostgreSQL, counting the SQL round trips the
/// driver makes: one per batch and per nested batch, never one per key.
/// </summary>
public sealed class EntitiesTests
{
    [Fact]
    public async Task A_batch_of_100_legal_persons_costs_one_sql_round_trip()
    {
        await using var server = await LegalPersonsServer.StartAsync(postgres: true);
        var codes = SeededRegister.OrderedCodes(_ => true).Take(100).ToList();
        var representations = codes.Select(c => new { __typename = "LegalPerson", creditCode = c }).ToArray();

        using var trips = new SqlRoundTrips(server.DatabaseName!);
        var response = await server.PostAsync(
            """query ($r: [_Any!]!) { _entities(representations: $r) { ... on LegalPerson { creditCode name kind updatedAt } } }""",
            new { r = representations });

        Assert.Equal(codes, response.DataWithoutErrors["_entities"]!.AsArray().Select(e => e!["creditCode"]!.GetValue<string>()));
        Assert.True(trips.Commands.Count == 1, string.Join("\n", trips.Commands));
    }

    [Fact]
    public async Task Nested_lists_of_a_batch_load_in_one_round_trip_each()
    {
        await using var server = await LegalPersonsServer.StartAsync(postgres: true);
        var files = SeededRegister.Files.OrderBy(f => f.LegalPerson.CreditCode, StringComparer.Ordinal).Take(100).ToList();
        var representations = files.Select(f => new { __typename = "LegalPerson", creditCode = f.LegalPerson.CreditCode }).ToArray();

        using var trips = new SqlRoundTrips(server.DatabaseName!);
        var response = await server.PostAsync(
            """
            query ($r: [_Any!]!) {
              _entities(representations: $r) {
                ... on LegalPerson {
                  shareholders { shareholderName }
                  annualReports { year }
                  registrationAuthority { name }
                }
              }
            }
            """,
            new { r = representations });

        var entities = response.DataWithoutErrors["_entities"]!.AsArray();
        for (var i = 0; i < files.Count; i++)
        {
            Assert.Equal(files[i].Shareholders.Select(s => s.ShareholderName), entities[i]!["shareholders"]!.AsArray().Select(s => s!["shareholderName"]!.GetValue<string>()));
            Assert.Equal(files[i].AnnualReports.Count, entities[i]!["annualReports"]!.AsArray().Count);
        }

        // The entities, their shareholders, their annual reports, their registration authorities.
        Assert.True(trips.Commands.Count == 4, string.Join("\n", trips.Commands));
    }

    [Fact]
    public async Task The_legal_persons_100_persons_represent_cost_one_sql_round_trip()
    {
        await using var server = await LegalPersonsServer.StartAsync(postgres: true);
        var persons = Enumerable.Range(0, 100).Select(i => SeededRegister.World.Person(i * 29).IdNumber).ToList();
        var representations = persons.Select(p => new { __typename = "Person", idNumber = p }).ToArray();

        using var trips = new SqlRoundTrips(server.DatabaseName!);
        var response = await server.PostAsync(
            """
            query ($r: [_Any!]!) {
              _entities(representations: $r) {
                ... on Person { idNumber representedLegalPersons(first: 100) { totalCount edges { node { creditCode } } } }
              }
            }
            """,
            new { r = representations });

        var entities = response.DataWithoutErrors["_entities"]!.AsArray();
        for (var i = 0; i < persons.Count; i++)
        {
            var expected = SeededRegister.OrderedCodes(l => l.RepresentativeIdNumber == persons[i]);
            Assert.Equal(persons[i], entities[i]!["idNumber"]!.GetValue<string>());
            Assert.Equal(expected, entities[i]!["representedLegalPersons"]!["edges"]!.AsArray().Select(e => e!["node"]!["creditCode"]!.GetValue<string>()));
            Assert.Equal(expected.Count, entities[i]!["representedLegalPersons"]!["totalCount"]!.GetValue<int>());
        }

        Assert.True(trips.Commands.Count == 1, string.Join("\n", trips.Commands));
    }

    [Fact]
    public async Task Represented_legal_persons_filter_by_status_and_page_by_cursor()
    {
        await using var server = await LegalPersonsServer.StartAsync(postgres: true);
        var busiest = SeededRegister.LegalPersons.Where(l => l.RepresentativeIdNumber is not null)
            .GroupBy(l => l.RepresentativeIdNumber!).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;
        var all = SeededRegister.OrderedCodes(l => l.RepresentativeIdNumber == busiest);
        var active = SeededRegister.OrderedCodes(l => l.RepresentativeIdNumber == busiest && l.Status == LegalPersonStatus.Active);
        const string query = """
            query ($r: [_Any!]!, $after: String, $statuses: [LegalPersonStatus!]) {
              _entities(representations: $r) {
                ... on Person { representedLegalPersons(first: 1, after: $after, statuses: $statuses) { pageInfo { hasNextPage endCursor } edges { node { creditCode } } } }
              }
            }
            """;
        var r = new[] { new { __typename = "Person", idNumber = busiest } };

        var first = (await server.PostAsync(query, new { r })).DataWithoutErrors["_entities"]![0]!["representedLegalPersons"]!;
        var second = (await server.PostAsync(query, new { r, after = first["pageInfo"]!["endCursor"]!.GetValue<string>() })).DataWithoutErrors["_entities"]![0]!["representedLegalPersons"]!;
        var onlyActive = (await server.PostAsync(query, new { r, statuses = new[] { "ACTIVE" } })).DataWithoutErrors["_entities"]![0]!["representedLegalPersons"]!;
        var badSize = await server.PostAsync(query.Replace("first: 1", "first: 101", StringComparison.Ordinal), new { r });

        Assert.Equal(all[0], first["edges"]![0]!["node"]!["creditCode"]!.GetValue<string>());
        Assert.True(first["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
        Assert.Equal(all[1], second["edges"]![0]!["node"]!["creditCode"]!.GetValue<string>());
        Assert.Equal(active.Take(1), onlyActive["edges"]!.AsArray().Select(e => e!["node"]!["creditCode"]!.GetValue<string>()));
        Assert.Equal(["INVALID_PAGE_SIZE"], badSize.ErrorCodes);
    }

    [Fact]
    public async Task An_unknown_legal_person_resolves_to_null_and_a_person_to_its_key()
    {
        await using var server = await LegalPersonsServer.StartAsync();
        var person = SeededRegister.World.Person(1).IdNumber;

        var response = await server.PostAsync(
            """query ($r: [_Any!]!) { _entities(representations: $r) { __typename ... on LegalPerson { name } ... on Person { idNumber } } }""",
            new { r = new object[] { new { __typename = "LegalPerson", creditCode = Scenario.UnknownCreditCode }, new { __typename = "Person", idNumber = person } } });

        var entities = response.DataWithoutErrors["_entities"]!.AsArray();
        Assert.Null(entities[0]);
        Assert.Equal(JsonNode.Parse($$"""{ "__typename": "Person", "idNumber": "{{person}}" }""")!.ToJsonString(), entities[1]!.ToJsonString());
    }
}

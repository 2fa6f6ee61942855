using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;
using Federation.Protocol.Signing;
using Federation.Subgraphs.Hosting;
using Federation.Subgraphs.Population.Domain;

namespace Federation.Subgraphs.Population.Tests.Http;

/// <summary>
/// Households are division-scoped (Guangzhou art. 21): with <c>X-Caller-Division</c>, lists and
/// lookups of households, and persons searched by household, find, count and page only the
/// caller's division — in both stores.
/// </summary>
public abstract class DivisionScopeTests(bool postgres) : IAsyncLifetime
{
    private PopulationServer server = null!;

    /// <summary>The county with the most households in the test register, and a caller from it.</summary>
    private static readonly string County = TestRegister.Households.GroupBy(h => h.Division).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;

    private static readonly GatewayCaller District = new("11" + County + "MB0000001X", "DATA_VERIFICATION", Division: County);

    private static readonly GatewayCaller Provider = District with { Agency = "11330200123456788X", Division = null };

    public async ValueTask InitializeAsync() => server = await PopulationServer.StartAsync(postgres);

    public async ValueTask DisposeAsync() => await server.DisposeAsync();

    private async Task<JsonNode> AskAsync([StringSyntax("graphql")] string query, object? variables, GatewayCaller caller) =>
        (await server.Client.PostAsync(query, variables, caller, TestContext.Current.CancellationToken)).DataWithoutErrors;

    [Fact]
    public async Task A_district_caller_counts_and_pages_only_its_districts_households()
    {
        var expected = TestRegister.Households.Where(h => h.Division == County).Select(h => h.Number).Order(StringComparer.Ordinal).ToList();
        Assert.InRange(expected.Count, 2, TestRegister.Households.Count - 1);

        var walked = new List<string>();
        string? after = null;
        for (var pages = 0; pages < 100; pages++)
        {
            var data = await AskAsync(
                """query ($after: String) { households(first: 3, after: $after) { edges { node { number division { code } } } pageInfo { hasNextPage endCursor } totalCount } }""",
                new { after },
                District);
            var households = data["households"]!;
            Assert.Equal(expected.Count, households["totalCount"]!.GetValue<int>());
            foreach (var edge in households["edges"]!.AsArray())
            {
                walked.Add(edge!["node"]!["number"]!.GetValue<string>());
                Assert.Equal(County, edge["node"]!["division"]!["code"]!.GetValue<string>());
            }

            if (!households["pageInfo"]!["hasNextPage"]!.GetValue<bool>())
            {
                break;
            }

            after = households["pageInfo"]!["endCursor"]!.GetValue<string>();
        }

        Assert.Equal(expected, walked);
    }

    [Fact]
    public async Task The_provider_and_a_city_caller_count_every_household_of_the_city()
    {
        var city = District with { Agency = "11330200MB0000009X", Division = "330200" };

        var byProvider = await AskAsync("{ households(first: 0) { totalCount } }", null, Provider);
        var byCity = await AskAsync("{ households(first: 0) { totalCount } }", null, city);

        Assert.Equal(TestRegister.Households.Count, byProvider["households"]!["totalCount"]!.GetValue<int>());
        Assert.Equal(TestRegister.Households.Count(h => h.Division.StartsWith("3302", StringComparison.Ordinal)), byCity["households"]!["totalCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_household_outside_the_callers_district_is_not_found()
    {
        var inside = TestRegister.Households.First(h => h.Division == County);
        var outside = TestRegister.Households.First(h => h.Division != County);

        var data = await AskAsync(
            """query ($inside: String!, $outside: String!) { inside: household(number: $inside) { number } outside: household(number: $outside) { number } }""",
            new { inside = inside.Number, outside = outside.Number },
            District);

        Assert.Equal(inside.Number, data["inside"]!["number"]!.GetValue<string>());
        Assert.Null(data["outside"]);
    }

    [Fact]
    public async Task Persons_searched_by_a_household_outside_the_callers_district_are_none_and_count_none()
    {
        var outside = TestRegister.Households.First(h => h.Division != County && TestRegister.Persons.Count(p => p.HouseholdNumber == h.Number) >= 2);
        var inside = TestRegister.Households.First(h => h.Division == County && TestRegister.Persons.Any(p => p.HouseholdNumber == h.Number));
        const string Query = """query ($number: String!) { persons(filter: { householdNumber: $number }) { edges { node { idNumber } } pageInfo { hasNextPage endCursor } totalCount } }""";

        var hidden = await AskAsync(Query, new { number = outside.Number }, District);
        var shown = await AskAsync(Query, new { number = inside.Number }, District);
        var byProvider = await AskAsync(Query, new { number = outside.Number }, Provider);

        Assert.Equal("""{"edges":[],"pageInfo":{"hasNextPage":false,"endCursor":null},"totalCount":0}""", hidden["persons"]!.ToJsonString());
        Assert.Equal(TestRegister.Persons.Count(p => p.HouseholdNumber == inside.Number), shown["persons"]!["totalCount"]!.GetValue<int>());
        Assert.Equal(TestRegister.Persons.Count(p => p.HouseholdNumber == outside.Number), byProvider["persons"]!["totalCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task Person_lists_not_searched_by_household_are_not_limited()
    {
        var data = await AskAsync("{ persons(first: 0) { totalCount } }", null, District);

        Assert.Equal(TestRegister.Size, data["persons"]!["totalCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_household_cursor_handed_to_one_district_is_refused_to_another()
    {
        var first = await AskAsync("{ households(first: 1) { pageInfo { endCursor } } }", null, District);
        var cursor = first["households"]!["pageInfo"]!["endCursor"]!.GetValue<string>();
        var other = District with { Agency = "11330212MB0000002X", Division = "330212" };

        var response = await server.Client.PostAsync(
            "query ($after: String) { households(first: 1, after: $after) { totalCount } }",
            new { after = cursor },
            other,
            TestContext.Current.CancellationToken);

        Assert.Equal(200, response.Status);
        Assert.Equal(["INVALID_CURSOR"], response.ErrorCodes);
        Assert.DoesNotContain(TestRegister.Households.Where(h => h.Division == County).Select(h => h.Number).Order(StringComparer.Ordinal).First(), System.Text.Encoding.Latin1.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(cursor)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_NUL_in_a_text_filter_is_a_coded_error_not_the_databases()
    {
        var response = await server.Client.PostAsync(
            "query ($name: String) { persons(filter: { nameContains: $name }) { totalCount } }",
            new { name = "张\u0000" },
            District,
            TestContext.Current.CancellationToken);

        Assert.Equal(200, response.Status);
        Assert.Equal(["INVALID_TEXT"], response.ErrorCodes);
        Assert.DoesNotContain("0x00", response.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("UTF8", response.Body, StringComparison.OrdinalIgnoreCase);
    }
}

public sealed class InMemoryDivisionScopeTests() : DivisionScopeTests(postgres: false);

public sealed class PostgresDivisionScopeTests() : DivisionScopeTests(postgres: true);

using System.Text.Json.Nodes;
using Federation.Protocol.Signing;
using Federation.Subgraphs.Hosting;
using Federation.Subgraphs.Licences.Domain;
using Federation.Subgraphs.Licences.Tests.Harness;

namespace Federation.Subgraphs.Licences.Tests.Store;

/// <summary>
/// Row-scoped licences, for every store: a licence of a type guarded by a row-scoped resource is,
/// for a caller the gateway did not sign that resource for, exactly a licence the library does not
/// hold — on every path that could show it exists.
/// </summary>
public abstract partial class LicenceStoreConformance
{
    public static TheoryData<string> GuardedTypes => [.. LicenceCatalogue.All.Where(t => t.RowResource is not null).Select(t => t.Code)];

    /// <summary>A caller who may read every row-scoped resource but the one guarding <paramref name="code"/>.</summary>
    private static GatewayCaller WithoutRightTo(string code) =>
        GraphQLRun.Reader with { RowResources = [.. LicenceRowResources.All.Where(r => r != LicenceCatalogue.Find(code)!.RowResource)] };

    [Fact]
    public void Exactly_the_marriage_household_and_real_estate_types_are_guarded_each_by_its_own_resource()
    {
        Assert.Equal(
            ["BDCQZS:licences.real-estate-title-items", "JHZ:licences.marriage-certificate-items", "JMHKB:licences.household-register-items"],
            LicenceCatalogue.All.Where(t => t.RowResource is not null).Select(t => $"{t.Code}:{t.RowResource}").Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(GuardedTypes))]
    public async Task A_guarded_licence_looked_up_by_number_is_null_without_the_right(string code)
    {
        var subgraph = await SharedAsync();
        var licence = SeedData.First(l => l.Type.Code == code);
        var other = SeedData.First(l => l.Type.RowResource is null);
        const string Query = """
            query ($number: String!, $numbers: [String!]!, $representations: [_Any!]!) {
              licence(number: $number) { number }
              licencesByNumbers(numbers: $numbers) { number }
              _entities(representations: $representations) { ... on Licence { number } }
            }
            """;
        var variables = new
        {
            number = licence.Number,
            numbers = new[] { licence.Number, other.Number },
            representations = new[] { new { __typename = "Licence", number = licence.Number } },
        };

        var allowed = await GraphQLRun.DataAsync(subgraph, Query, variables);
        Assert.Equal(licence.Number, allowed["licence"]!["number"]!.GetValue<string>());
        Assert.Equal(licence.Number, allowed["licencesByNumbers"]![0]!["number"]!.GetValue<string>());
        Assert.Equal(licence.Number, allowed["_entities"]![0]!["number"]!.GetValue<string>());

        foreach (var caller in new GatewayCaller?[] { WithoutRightTo(code), GraphQLRun.Stranger, null })
        {
            var denied = await GraphQLRun.DataAsync(subgraph, caller, Query, variables);
            Assert.Null(denied["licence"]);
            Assert.Null(denied["licencesByNumbers"]![0]);
            Assert.Equal(other.Number, denied["licencesByNumbers"]![1]!["number"]!.GetValue<string>());
            Assert.Null(denied["_entities"]![0]);
        }
    }

    [Theory]
    [MemberData(nameof(GuardedTypes))]
    public async Task Verifying_a_guarded_licence_without_the_right_answers_as_for_an_unknown_number(string code)
    {
        var subgraph = await SharedAsync();
        var licence = SeedData.First(l => l.Type.Code == code);
        const string Query = "query ($number: String!) { verifyLicenceSeal(number: $number) { valid failure licence { number } } }";

        var allowed = (await GraphQLRun.DataAsync(subgraph, Query, new { number = licence.Number }))["verifyLicenceSeal"]!;
        Assert.True(allowed["valid"]!.GetValue<bool>());

        var denied = (await GraphQLRun.DataAsync(subgraph, WithoutRightTo(code), Query, new { number = licence.Number }))["verifyLicenceSeal"]!;
        var unknownNumber = licence.Number + "0";
        var unknown = (await GraphQLRun.DataAsync(subgraph, GraphQLRun.Reader, Query, new { number = unknownNumber }))["verifyLicenceSeal"]!;
        Assert.False(denied["valid"]!.GetValue<bool>());
        Assert.Null(denied["licence"]);
        Assert.Equal(
            unknown["failure"]!.GetValue<string>().Replace(unknownNumber, "#", StringComparison.Ordinal),
            denied["failure"]!.GetValue<string>().Replace(licence.Number, "#", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(GuardedTypes))]
    public async Task The_listing_neither_lists_counts_nor_pages_guarded_licences_without_the_right(string code)
    {
        var subgraph = await SharedAsync();
        var caller = WithoutRightTo(code);
        var filter = new { typeCodes = new[] { code, "YYZZ" } };
        var all = SeedData.InListOrder(SeedData.Licences.Where(l => l.Type.Code == code || l.Type.Code == "YYZZ")).Select(l => l.Number).ToList();
        var visible = SeedData.InListOrder(SeedData.Licences.Where(l => l.Type.Code == "YYZZ")).Select(l => l.Number).ToList();
        Assert.NotEqual(all.Count, visible.Count);

        Assert.Equal(all, await WalkAsync(subgraph, GraphQLRun.Reader, filter, all.Count));
        Assert.Equal(visible, await WalkAsync(subgraph, caller, filter, visible.Count));

        var only = await GraphQLRun.DataAsync(subgraph, caller, "query ($filter: LicenceFilter) { licences(filter: $filter) { totalCount edges { node { number } } pageInfo { hasNextPage } } }", new { filter = new { typeCodes = new[] { code } } });
        Assert.Equal(0, only["licences"]!["totalCount"]!.GetValue<int>());
        Assert.Empty(only["licences"]!["edges"]!.AsArray());
        Assert.False(only["licences"]!["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
    }

    [Theory]
    [MemberData(nameof(GuardedTypes))]
    public async Task A_holders_licences_leave_out_guarded_ones_without_the_right_also_by_holder_filter(string code)
    {
        var subgraph = await SharedAsync();
        var holder = SeedData.Licences
            .Where(l => l.Holder.Kind == HolderKind.Person).GroupBy(l => l.Holder.Key)
            .First(g => g.Any(l => l.Type.Code == code) && g.Any(l => l.Type.Code != code)).Key;
        var held = SeedData.InListOrder(SeedData.Licences.Where(l => l.Holder == LicenceHolder.Person(holder))).Select(l => l.Number).ToList();
        var shown = SeedData.InListOrder(SeedData.Licences.Where(l => l.Holder == LicenceHolder.Person(holder) && l.Type.Code != code)).Select(l => l.Number).ToList();
        const string Query = """
            query ($representations: [_Any!]!, $types: [String!], $holder: IdNumber) {
              _entities(representations: $representations) {
                ... on Person {
                  all: licences(first: 100) { totalCount edges { node { number } } }
                  typed: licences(typeCodes: $types, first: 100) { totalCount edges { node { number } } }
                }
              }
              licences(filter: { holderIdNumber: $holder }, first: 100) { totalCount edges { node { number } } }
            }
            """;
        var variables = new { representations = new[] { new { __typename = "Person", idNumber = holder } }, types = new[] { code }, holder };

        var allowed = await GraphQLRun.DataAsync(subgraph, Query, variables);
        Assert.Equal(held, Numbers(allowed["_entities"]![0]!["all"]!));
        Assert.Equal(held.Count, allowed["_entities"]![0]!["all"]!["totalCount"]!.GetValue<int>());
        Assert.NotEmpty(Numbers(allowed["_entities"]![0]!["typed"]!));
        Assert.Equal(held, Numbers(allowed["licences"]!));

        var denied = await GraphQLRun.DataAsync(subgraph, WithoutRightTo(code), Query, variables);
        Assert.Equal(shown, Numbers(denied["_entities"]![0]!["all"]!));
        Assert.Equal(shown.Count, denied["_entities"]![0]!["all"]!["totalCount"]!.GetValue<int>());
        Assert.Empty(Numbers(denied["_entities"]![0]!["typed"]!));
        Assert.Equal(0, denied["_entities"]![0]!["typed"]!["totalCount"]!.GetValue<int>());
        Assert.Equal(shown, Numbers(denied["licences"]!));
        Assert.Equal(shown.Count, denied["licences"]!["totalCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_guarded_licence_cannot_be_corrected_by_a_caller_who_may_not_know_it()
    {
        var library = await OwnLibraryAsync();
        var licence = SeedData.First(l => l.Type == LicenceCatalogue.MarriageCertificate);
        var response = await GraphQLRun.ExecuteAsync(SubgraphOf(library.Store), WithoutRightTo("JHZ"), """
            mutation ($number: String!) { changeLicenceStatus(input: { number: $number, status: CANCELLED, reason: "x" }) { changedFields } }
            """, new { number = licence.Number });
        Assert.Equal(["NOT_FOUND"], GraphQLRun.Codes(response));
        Assert.Empty(await library.Events());
    }

    private static async Task<List<string>> WalkAsync(Hosting.Subgraph subgraph, GatewayCaller caller, object filter, int total)
    {
        var seen = new List<string>();
        string? after = null;
        do
        {
            var data = await GraphQLRun.DataAsync(subgraph, caller, """
                query ($filter: LicenceFilter, $after: String) {
                  licences(filter: $filter, first: 7, after: $after) { totalCount edges { node { number } } pageInfo { hasNextPage endCursor } }
                }
                """, new { filter, after });
            var connection = data["licences"]!;
            Assert.Equal(total, connection["totalCount"]!.GetValue<int>());
            seen.AddRange(Numbers(connection));
            after = connection["pageInfo"]!["hasNextPage"]!.GetValue<bool>() ? connection["pageInfo"]!["endCursor"]!.GetValue<string>() : null;
        }
        while (after is not null && seen.Count <= total);

        return seen;
    }

    private static List<string> Numbers(JsonNode connection) =>
        [.. connection["edges"]!.AsArray().Select(e => e!["node"]!["number"]!.GetValue<string>())];
}

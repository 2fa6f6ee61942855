using System.Text.Json.Nodes;
using Federation.Gateway.Authentication;
using Federation.Gateway.Authorization;
using Federation.Gateway.Catalogue;
using Federation.Gateway.Execution;
using static Federation.Gateway.Tests.Authorization.TestCatalogue;
using static Federation.Gateway.Tests.Execution.FakeSubgraphs;

namespace Federation.Gateway.Tests.Authorization;

public enum ShareCase
{
    Unconditional,

    /// <summary>Conditional: one listed agency, WORK_REFERENCE or DATA_VERIFICATION, application required, division-scoped.</summary>
    ListedWithApplicationInDivision,

    /// <summary>Conditional: any agency, WORK_REFERENCE only, no application.</summary>
    AnyAgency,

    NotShared,
}

public enum GrantCase
{
    None,
    Active,
    Expired,
    Revoked,

    /// <summary>An active grant for DATA_VERIFICATION while the request states WORK_REFERENCE.</summary>
    OtherPurpose,
}

public enum PurposeCase
{
    None,
    Permitted,
    NotPermitted,
}

public enum AgencyCase
{
    Provider,
    Listed,
    Other,
}

public enum DivisionCase
{
    /// <summary>The caller's division (330200, Ningbo) covers Li Hua's (330203).</summary>
    Inside,

    /// <summary>The caller's division (110000, Beijing) does not.</summary>
    Outside,
}

public enum QueryShape
{
    Plain,
    Alias,
    NamedFragment,
    InlineFragment,
    UnionMember,
    NestedEntity,
    List,
}

/// <summary>The fake subgraphs and, per shape, the answer the gateway gives without authorization.</summary>
public sealed class AuthorizationMatrixFixture : IAsyncLifetime
{
    internal AuthorizationHarness Harness { get; private set; } = null!;

    internal Dictionary<QueryShape, JsonNode> Unauthorized { get; } = [];

    public async ValueTask InitializeAsync()
    {
        Harness = await AuthorizationHarness.StartAsync();
        var gateway = Harness.Gateway(With()).WithoutAuthorization();
        foreach (var shape in Enum.GetValues<QueryShape>())
        {
            var result = await AuthorizationHarness.RunAsync(gateway, null, null, AuthorizationMatrixTests.Query(shape));
            Unauthorized[shape] = JsonNode.Parse(result.ToJson())!;
        }
    }

    public async ValueTask DisposeAsync() => await Harness.DisposeAsync();
}

/// <summary>
/// The decision matrix: share class × grant × purpose × agency × division, each case with one of
/// seven query shapes reaching the item under test (Person.residenceAddress, a nullable field of
/// the population subgraph). Each case asserts the whole response — data, and errors with codes,
/// paths and the resource — against the answer without authorization, and that the population
/// subgraph was asked for the field exactly when it may be read.
/// </summary>
public sealed class AuthorizationMatrixTests(AuthorizationMatrixFixture fixture) : IClassFixture<AuthorizationMatrixFixture>
{
    public static TheoryData<ShareCase, GrantCase, PurposeCase, AgencyCase, DivisionCase, QueryShape> Cases()
    {
        var cases = new TheoryData<ShareCase, GrantCase, PurposeCase, AgencyCase, DivisionCase, QueryShape>();
        var shapes = Enum.GetValues<QueryShape>();
        var index = 0;
        foreach (var share in Enum.GetValues<ShareCase>())
        {
            foreach (var grant in Enum.GetValues<GrantCase>())
            {
                foreach (var purpose in Enum.GetValues<PurposeCase>())
                {
                    foreach (var agency in Enum.GetValues<AgencyCase>())
                    {
                        foreach (var division in Enum.GetValues<DivisionCase>())
                        {
                            cases.Add(share, grant, purpose, agency, division, shapes[index++ % shapes.Length]);
                        }
                    }
                }
            }
        }

        return cases;
    }

    internal static string Query(QueryShape shape) => shape switch
    {
        QueryShape.Plain => $$"""{ person(idNumber: "{{LiHua}}") { idNumber residenceAddress } }""",
        QueryShape.Alias => $$"""{ person(idNumber: "{{LiHua}}") { idNumber home: residenceAddress } }""",
        QueryShape.NamedFragment => $$"""
            { person(idNumber: "{{LiHua}}") { ...Residence } }
            fragment Residence on Person { idNumber residenceAddress }
            """,
        QueryShape.InlineFragment => $$"""{ person(idNumber: "{{LiHua}}") { idNumber ... on Person { residenceAddress } } }""",
        QueryShape.UnionMember => """{ licence(number: "L-1") { number holder { __typename ... on Person { idNumber residenceAddress } } } }""",
        QueryShape.NestedEntity => $$"""{ legalPerson(creditCode: "{{HarbourCompany}}") { name legalRepresentative { idNumber residenceAddress } } }""",
        QueryShape.List => """{ licences(first: 10) { edges { node { number holder { ... on Person { residenceAddress } } } } } }""",
        _ => throw new ArgumentOutOfRangeException(nameof(shape)),
    };

    public static TheoryData<DivisionCase, QueryShape> ScopedCases()
    {
        var cases = new TheoryData<DivisionCase, QueryShape>();
        foreach (var division in Enum.GetValues<DivisionCase>())
        {
            foreach (var shape in Enum.GetValues<QueryShape>())
            {
                cases.Add(division, shape);
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public Task The_item_is_served_or_denied_as_the_share_conditions_say(
        ShareCase share, GrantCase grant, PurposeCase purpose, AgencyCase agency, DivisionCase division, QueryShape shape) =>
        ExpectAsync(share, grant, purpose, agency, division, shape);

    /// <summary>The one combination the matrix allows within the division only, through every shape: the row's division is fetched beside the item and checked.</summary>
    [Theory]
    [MemberData(nameof(ScopedCases))]
    public Task A_division_scoped_item_is_served_only_within_the_division_through_every_shape(DivisionCase division, QueryShape shape) =>
        ExpectAsync(ShareCase.ListedWithApplicationInDivision, GrantCase.Active, PurposeCase.Permitted, AgencyCase.Listed, division, shape);

    private async Task ExpectAsync(ShareCase share, GrantCase grant, PurposeCase purpose, AgencyCase agency, DivisionCase division, QueryShape shape)
    {
        var caller = Caller(
            agency switch { AgencyCase.Provider => PopulationBureau, AgencyCase.Listed => NingboMarketSupervision, _ => BeijingTaxBureau },
            division == DivisionCase.Inside ? "330200" : "110000");
        var stated = purpose switch
        {
            PurposeCase.None => null,
            PurposeCase.Permitted => new StatedPurpose(Purpose.WorkReference, null),
            _ => new StatedPurpose(Purpose.BusinessCollaboration, "330200-XK-001"),
        };
        var gateway = fixture.Harness.Gateway(With(Item(share)), Grants(grant, caller.Agency));
        var population = fixture.Harness.Subgraphs.Count("population");

        var result = await AuthorizationHarness.RunAsync(gateway, caller, stated, Query(shape));

        var expectedCode = ExpectedCode(share, grant, purpose, agency, division);
        var field = shape == QueryShape.Alias ? "home" : "residenceAddress";
        var unauthorized = fixture.Unauthorized[shape];
        var paths = PathsOf(unauthorized["data"]!, field);
        Assert.NotEmpty(paths);
        var expected = unauthorized.DeepClone();
        if (expectedCode is not null)
        {
            NullOut(expected["data"]!, field);
            expected["errors"] = new JsonArray([.. paths.Select(path => (JsonNode)new JsonObject { ["path"] = path, ["code"] = expectedCode, ["resource"] = Residence })]);
        }

        var actual = JsonNode.Parse(result.ToJson())!;
        Assert.Equal(expected["data"]!.ToJsonString(), actual["data"]!.ToJsonString());
        Assert.Equal(Errors(expected), Errors(actual));
        Assert.Null(result.StatusCode);

        var asked = fixture.Harness.RequestsSince("population", population).Any(body => body.Contains("residenceAddress", StringComparison.Ordinal));
        Assert.Equal(expectedCode is null or AuthorizationErrorCodes.OutsideJurisdiction, asked);
    }

    /// <summary>The share-condition rules as DOMAIN.md states them, for the cases of this matrix.</summary>
    internal static string? ExpectedCode(ShareCase share, GrantCase grant, PurposeCase purpose, AgencyCase agency, DivisionCase division)
    {
        if (agency == AgencyCase.Provider)
        {
            return null; // The provider reads its own, every row.
        }

        return share switch
        {
            ShareCase.Unconditional => null,
            ShareCase.NotShared => AuthorizationErrorCodes.AgencyNotPermitted,
            ShareCase.AnyAgency => purpose switch
            {
                PurposeCase.None => AuthorizationErrorCodes.PurposeRequired,
                PurposeCase.NotPermitted => AuthorizationErrorCodes.PurposeNotPermitted,
                _ => null,
            },
            _ when purpose == PurposeCase.None => AuthorizationErrorCodes.PurposeRequired,
            _ when agency == AgencyCase.Other => AuthorizationErrorCodes.AgencyNotPermitted,
            _ when purpose == PurposeCase.NotPermitted => AuthorizationErrorCodes.PurposeNotPermitted,
            _ when grant != GrantCase.Active => AuthorizationErrorCodes.ShareGrantRequired,
            _ when division == DivisionCase.Outside => AuthorizationErrorCodes.OutsideJurisdiction,
            _ => null,
        };
    }

    internal static CatalogueResource Item(ShareCase share) => share switch
    {
        ShareCase.Unconditional => Resource(Residence, ShareClass.Unconditional, null, "Person.residenceAddress"),
        ShareCase.ListedWithApplicationInDivision => Resource(
            Residence,
            ShareClass.Conditional,
            new ShareConditions([NingboMarketSupervision], [Purpose.WorkReference, Purpose.DataVerification], ApplicationRequired: true, DivisionScoped: true, null),
            "Person.residenceAddress"),
        ShareCase.AnyAgency => Resource(
            Residence,
            ShareClass.Conditional,
            new ShareConditions(null, [Purpose.WorkReference], ApplicationRequired: false, DivisionScoped: false, null),
            "Person.residenceAddress"),
        _ => Resource(Residence, ShareClass.NotShared, null, "Person.residenceAddress"),
    };

    internal static GrantList Grants(GrantCase grant, string agency)
    {
        var now = DateTimeOffset.UtcNow;
        return grant switch
        {
            GrantCase.None => new GrantList(),
            GrantCase.Active => new GrantList(Grant(agency, Residence, Purpose.WorkReference, now.AddDays(-1), now.AddDays(30))),
            GrantCase.Expired => new GrantList(Grant(agency, Residence, Purpose.WorkReference, now.AddDays(-30), now.AddDays(-1))),
            GrantCase.Revoked => new GrantList(Grant(agency, Residence, Purpose.WorkReference, now.AddDays(-1), now.AddDays(30), revokedAt: now.AddMinutes(-1))),
            _ => new GrantList(Grant(agency, Residence, Purpose.DataVerification, now.AddDays(-1), now.AddDays(30))),
        };
    }

    /// <summary>The response paths (list indices included) where <paramref name="field"/> is answered.</summary>
    internal static List<JsonArray> PathsOf(JsonNode node, string field)
    {
        var found = new List<JsonArray>();
        Walk(node, [], found, field);
        return found;

        static void Walk(JsonNode? node, List<JsonNode> path, List<JsonArray> found, string field)
        {
            switch (node)
            {
                case JsonObject obj:
                    foreach (var (key, value) in obj)
                    {
                        List<JsonNode> next = [.. path, JsonValue.Create(key)];
                        if (key == field)
                        {
                            found.Add(new JsonArray([.. next.Select(n => n.DeepClone())]));
                        }
                        else
                        {
                            Walk(value, next, found, field);
                        }
                    }

                    break;
                case JsonArray array:
                    for (var i = 0; i < array.Count; i++)
                    {
                        Walk(array[i], [.. path, JsonValue.Create(i)], found, field);
                    }

                    break;
            }
        }
    }

    private static void NullOut(JsonNode node, string field)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var key in obj.Select(p => p.Key).ToList())
                {
                    if (key == field)
                    {
                        obj[key] = null;
                    }
                    else if (obj[key] is { } child)
                    {
                        NullOut(child, field);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    if (item is not null)
                    {
                        NullOut(item, field);
                    }
                }

                break;
        }
    }

    /// <summary>Each error as "path code resource", sorted: the matrix's own errors carry these at the top level.</summary>
    private static List<string> Errors(JsonNode response) =>
        [.. (response["errors"]?.AsArray() ?? []).Select(e => $"{e!["path"]!.ToJsonString()} {e["extensions"]?["code"] ?? e["code"]} {e["extensions"]?["resource"] ?? e["resource"]}").Order()];
}

/// <summary>A conditional attribute an agency can search by: the filter that uses it, on which root field, and what the request carries.</summary>
public enum FilterCase
{
    /// <summary><c>persons(filter: {maritalStatus})</c>, PersonFilter.maritalStatus.</summary>
    MaritalStatus,

    /// <summary><c>persons(filter: {householdNumber})</c>, PersonFilter.householdNumber.</summary>
    HouseholdNumber,

    /// <summary><c>parcels(filter: {holderIdNumber})</c>, ParcelFilter.holderIdNumber.</summary>
    ParcelHolder,

    /// <summary><c>parcelsInBox(box:, filter: {holderCreditCode})</c>, ParcelFilter.holderCreditCode.</summary>
    ParcelHolderInBox,

    /// <summary><c>legalPersons(filter: {legalRepresentative})</c>, LegalPersonFilter.legalRepresentative.</summary>
    Represented,

    /// <summary><c>legalPersons(filter: {industryCode})</c>, LegalPersonFilter.industryCode.</summary>
    Industry,

    /// <summary><c>correctLicence(input: {items: [{value}]})</c>, LicenceItemInput.value: an input field nested in a list of input objects in an input object.</summary>
    NestedItemValue,
}

/// <summary>How the request gives the attribute its value.</summary>
public enum ArgumentShape
{
    /// <summary>Written in the document.</summary>
    Literal,

    /// <summary>The whole input object is a variable, the attribute a key of its value.</summary>
    Variable,

    /// <summary>The input object is written, the attribute's value is a variable.</summary>
    InnerVariable,

    /// <summary>A variable the request leaves out, whose default in the operation holds the attribute.</summary>
    VariableDefault,

    /// <summary>Written in a named fragment, under an alias.</summary>
    Fragment,
}

/// <summary>Who asks, and with which of the share conditions met.</summary>
public enum RightCase
{
    Provider,
    AgencyNotListed,
    PurposeMissing,
    PurposeNotPermitted,
    NoGrant,
    WithGrant,

    /// <summary>A division-scoped attribute, with a grant, asked by an agency of another division: the subgraph limits the rows, the gateway lets the filter through.</summary>
    DivisionScoped,
}

/// <summary>The fake subgraphs and, per filter and shape, the answer the gateway gives without authorization.</summary>
public sealed class ArgumentMatrixFixture : IAsyncLifetime
{
    internal AuthorizationHarness Harness { get; private set; } = null!;

    internal Dictionary<(FilterCase, ArgumentShape), JsonNode> Unauthorized { get; } = [];

    public async ValueTask InitializeAsync()
    {
        Harness = await AuthorizationHarness.StartAsync();
        var gateway = Harness.Gateway(With()).WithoutAuthorization();
        foreach (var filter in Enum.GetValues<FilterCase>())
        {
            foreach (var shape in Enum.GetValues<ArgumentShape>())
            {
                var (operation, variables) = ArgumentMatrixTests.Request(filter, shape);
                var result = await AuthorizationHarness.RunAsync(gateway, null, null, operation, variables);
                Unauthorized[(filter, shape)] = JsonNode.Parse(result.ToJson())!;
            }
        }
    }

    public async ValueTask DisposeAsync() => await Harness.DisposeAsync();
}

/// <summary>
/// The decision matrix of arguments and input fields: for each conditional attribute a filter (or a
/// nested input) can search by, each way of giving it a value, and each right, the field carrying
/// the argument is served as without authorization, or is null with one error naming the attribute's
/// resource — and the subgraph is never sent the value.
/// </summary>
public sealed class ArgumentMatrixTests(ArgumentMatrixFixture fixture) : IClassFixture<ArgumentMatrixFixture>
{
    private const string Item = "search.item";

    public static TheoryData<FilterCase, ArgumentShape, RightCase> Cases()
    {
        var cases = new TheoryData<FilterCase, ArgumentShape, RightCase>();
        foreach (var filter in Enum.GetValues<FilterCase>())
        {
            foreach (var shape in Enum.GetValues<ArgumentShape>())
            {
                foreach (var right in Enum.GetValues<RightCase>())
                {
                    cases.Add(filter, shape, right);
                }
            }
        }

        return cases;
    }

    /// <summary>Per filter: the operation type, root field, other arguments, the argument, its input type, the input object with <c>{0}</c> for the attribute's value, the attribute's type, its value as GraphQL and as JSON, the selection, the subgraph and the coordinate.</summary>
    private static (string Operation, string Root, string Field, string Extra, string Argument, string InputType, string Input, string ValueType, string Value, string Json, string Selection, string Subgraph, string Coordinate) Filter(FilterCase filter) => filter switch
    {
        FilterCase.MaritalStatus => ("query", "Query", "persons", "", "filter", "PersonFilter", "{{maritalStatus: {0}}}", "MaritalStatus", "DIVORCED", "\"DIVORCED\"", "{ totalCount }", "population", "PersonFilter.maritalStatus"),
        FilterCase.HouseholdNumber => ("query", "Query", "persons", "", "filter", "PersonFilter", "{{householdNumber: {0}}}", "String", "\"330203-H-77\"", "\"330203-H-77\"", "{ totalCount }", "population", "PersonFilter.householdNumber"),
        FilterCase.ParcelHolder => ("query", "Query", "parcels", "", "filter", "ParcelFilter", "{{holderIdNumber: {0}}}", "IdNumber", $"\"{LiHua}\"", $"\"{LiHua}\"", "{ totalCount }", "spatial", "ParcelFilter.holderIdNumber"),
        FilterCase.ParcelHolderInBox => ("query", "Query", "parcelsInBox", "box: {west: 121.5, south: 29.8, east: 121.6, north: 29.9}, ", "filter", "ParcelFilter", "{{holderCreditCode: {0}}}", "CreditCode", $"\"{HarbourCompany}\"", $"\"{HarbourCompany}\"", "{ totalCount }", "spatial", "ParcelFilter.holderCreditCode"),
        FilterCase.Represented => ("query", "Query", "legalPersons", "", "filter", "LegalPersonFilter", "{{legalRepresentative: {0}}}", "IdNumber", $"\"{LiHua}\"", $"\"{LiHua}\"", "{ totalCount }", "legal-persons", "LegalPersonFilter.legalRepresentative"),
        FilterCase.Industry => ("query", "Query", "legalPersons", "", "filter", "LegalPersonFilter", "{{industryCode: {0}}}", "String", "\"C3511\"", "\"C3511\"", "{ totalCount }", "legal-persons", "LegalPersonFilter.industryCode"),
        _ => ("mutation", "Mutation", "correctLicence", "", "input", "CorrectLicenceInput!", "{{number: \"L-1\", reason: \"typo\", items: [{{key: \"class\", value: {0}}}]}}", "String!", "\"V-77\"", "\"V-77\"", "{ changedFields }", "licences", "LicenceItemInput.value"),
    };

    internal static (string Operation, string? Variables) Request(FilterCase filter, ArgumentShape shape)
    {
        var f = Filter(filter);
        var literal = string.Format(System.Globalization.CultureInfo.InvariantCulture, f.Input, f.Value);
        var json = GraphQLToJson(string.Format(System.Globalization.CultureInfo.InvariantCulture, f.Input, f.Json));
        return shape switch
        {
            ArgumentShape.Literal => ($"{f.Operation} {{ {f.Field}({f.Extra}{f.Argument}: {literal}) {f.Selection} }}", null),
            ArgumentShape.Variable => ($"{f.Operation}($v: {f.InputType}) {{ {f.Field}({f.Extra}{f.Argument}: $v) {f.Selection} }}", $"{{\"v\": {json}}}"),
            ArgumentShape.InnerVariable => (
                $"{f.Operation}($x: {f.ValueType}) {{ {f.Field}({f.Extra}{f.Argument}: {string.Format(System.Globalization.CultureInfo.InvariantCulture, f.Input, "$x")}) {f.Selection} }}",
                $"{{\"x\": {f.Json}}}"),
            ArgumentShape.VariableDefault => ($"{f.Operation}($v: {f.InputType} = {literal}) {{ {f.Field}({f.Extra}{f.Argument}: $v) {f.Selection} }}", null),
            _ => ($"{f.Operation} {{ ...Search }} fragment Search on {f.Root} {{ found: {f.Field}({f.Extra}{f.Argument}: {literal}) {f.Selection} }}", null),
        };
    }

    /// <summary>The input object literals of this matrix as JSON: names quoted (their values are quoted already).</summary>
    private static string GraphQLToJson(string input) =>
        System.Text.RegularExpressions.Regex.Replace(input, @"([{,]\s*)([A-Za-z]+):", "$1\"$2\":");

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_filter_is_served_or_denied_as_the_share_conditions_of_what_it_searches_by_say(FilterCase filter, ArgumentShape shape, RightCase right)
    {
        var f = Filter(filter);
        var caller = Caller(
            right switch { RightCase.Provider => PopulationBureau, RightCase.AgencyNotListed => BeijingTaxBureau, _ => NingboMarketSupervision },
            right == RightCase.DivisionScoped ? "110000" : "330200");
        var stated = right switch
        {
            RightCase.PurposeMissing => null,
            RightCase.PurposeNotPermitted => new StatedPurpose(Purpose.BusinessCollaboration, null),
            _ => new StatedPurpose(Purpose.WorkReference, null),
        };
        var now = DateTimeOffset.UtcNow;
        var grants = right is RightCase.WithGrant or RightCase.DivisionScoped or RightCase.AgencyNotListed
            ? new GrantList(Grant(caller.Agency, Item, Purpose.WorkReference, now.AddDays(-1), now.AddDays(30)))
            : new GrantList();
        var item = Resource(
            Item,
            ShareClass.Conditional,
            new ShareConditions([NingboMarketSupervision], [Purpose.WorkReference], ApplicationRequired: true, DivisionScoped: right == RightCase.DivisionScoped, null),
            f.Coordinate);
        var gateway = fixture.Harness.Gateway(With(item), grants);
        var before = fixture.Harness.Subgraphs.Count(f.Subgraph);
        var (operation, variables) = Request(filter, shape);

        var result = await AuthorizationHarness.RunAsync(gateway, caller, stated, operation, variables);

        var expectedCode = right switch
        {
            RightCase.AgencyNotListed => AuthorizationErrorCodes.AgencyNotPermitted,
            RightCase.PurposeMissing => AuthorizationErrorCodes.PurposeRequired,
            RightCase.PurposeNotPermitted => AuthorizationErrorCodes.PurposeNotPermitted,
            RightCase.NoGrant => AuthorizationErrorCodes.ShareGrantRequired,
            _ => null,
        };
        var actual = JsonNode.Parse(result.ToJson())!;
        var sent = fixture.Harness.RequestsSince(f.Subgraph, before).Any(body => body.Contains(f.Json.Trim('"'), StringComparison.Ordinal));
        if (expectedCode is null)
        {
            Assert.Equal(fixture.Unauthorized[(filter, shape)].ToJsonString(), actual.ToJsonString());
            Assert.Null(actual["errors"]);
            Assert.True(sent, "The subgraph was not asked with the filter.");
            return;
        }

        // The root field is non-null: its null makes data null (Non-Null propagation).
        Assert.Null(actual["data"]);
        var error = Assert.Single(actual["errors"]!.AsArray())!;
        Assert.Equal($"[\"{(shape == ArgumentShape.Fragment ? "found" : f.Field)}\"]", error["path"]!.ToJsonString());
        Assert.Equal(expectedCode, (string?)error["extensions"]!["code"]);
        Assert.Equal(Item, (string?)error["extensions"]!["resource"]);
        Assert.False(sent, "The subgraph was sent a value the caller may not search by.");
    }
}

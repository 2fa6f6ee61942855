using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;
using Federation.Gateway.Sharing;
using Federation.Gateway.Tests.Execution;
using static Federation.Gateway.Tests.Sharing.SharingWorld;

namespace Federation.Gateway.Tests.Platform;

/// <summary>The platform's part of the graph through the gateway's endpoint, beside the agency subgraphs.</summary>
public sealed class PlatformApiTests
{
    [StringSyntax("graphql")]
    private const string Apply = """
        mutation Apply($input: ApplyForShareInput!) {
          applyForShare(input: $input) { id status dueDate submittedAt agency { code name } resource { id class } purposes matter }
        }
        """;

    [Fact]
    public async Task The_catalogue_is_published_in_full_without_a_caller_not_shared_resources_with_their_legal_basis()
    {
        await using var platform = await PlatformHarness.StartAsync();

        var body = await platform.PostAsync(
            """
            {
              catalogue {
                id name englishName class format provision updateFrequency fields legalBasis
                provider { code name englishName division }
                conditions { agencies { code name } purposes applicationRequired divisionScoped usageRequirements }
              }
            }
            """,
            caller: null);

        Assert.Null(body["errors"]);
        var resources = body["data"]!["catalogue"]!.AsArray();
        Assert.Equal([BaseItems, MaritalRecords, OpenRecords, Religion, AnnualReports], resources.Select(r => (string)r!["id"]!));
        var religion = resources.Single(r => (string)r!["id"]! == Religion)!;
        Assert.Equal("NOT_SHARED", (string)religion["class"]!);
        Assert.Equal("The legal basis the provider cites.", (string)religion["legalBasis"]!);
        Assert.Equal("""["Person.religion"]""", religion["fields"]!.ToJsonString());
        var marital = resources.Single(r => (string)r!["id"]! == MaritalRecords)!;
        Assert.Equal(
            """{"code":"11330200002000012A","name":"宁波市公安局","englishName":"Ningbo Public Security Bureau","division":"330200"}""",
            marital["provider"]!.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        Assert.Equal("""["API","ONLINE_QUERY"]""", marital["provision"]!.ToJsonString());
        Assert.Equal("REAL_TIME", (string)marital["updateFrequency"]!);
        Assert.Equal(
            """{"agencies":[{"code":"113302000020000392"},{"code":"11330200002000047W"}],"purposes":["ADMINISTRATIVE_BASIS","DATA_VERIFICATION"],"applicationRequired":true,"divisionScoped":true,"usageRequirements":"Only for the matter stated."}""",
            Without(marital["conditions"]!, "name").ToJsonString());
        Assert.Null(resources.Single(r => (string)r!["id"]! == OpenRecords)!["conditions"]!["agencies"]);
        Assert.Null(resources.Single(r => (string)r!["id"]! == BaseItems)!["conditions"]);
    }

    [Fact]
    public async Task The_catalogue_filters_by_class_provider_and_words_and_looks_one_resource_up()
    {
        await using var platform = await PlatformHarness.StartAsync();

        var body = await platform.PostAsync(
            $$"""
            {
              notShared: catalogue(filter: { class: NOT_SHARED }) { id }
              market: catalogue(filter: { provider: "{{MarketSupervision}}" }) { id }
              words: catalogue(filter: { search: "marital" }) { id }
              one: catalogueResource(id: "{{AnnualReports}}") { name conditions { purposes } }
              none: catalogueResource(id: "population.nothing") { id }
            }
            """,
            caller: null);

        Assert.Null(body["errors"]);
        Assert.Equal($$"""[{"id":"{{Religion}}"}]""", body["data"]!["notShared"]!.ToJsonString());
        Assert.Equal($$"""[{"id":"{{AnnualReports}}"}]""", body["data"]!["market"]!.ToJsonString());
        Assert.Equal($$"""[{"id":"{{MaritalRecords}}"}]""", body["data"]!["words"]!.ToJsonString());
        Assert.Equal(4, body["data"]!["one"]!["conditions"]!["purposes"]!.AsArray().Count);
        Assert.Null(body["data"]!["none"]);
    }

    [Fact]
    public async Task An_application_is_filed_approved_and_its_grant_revoked_through_the_graph()
    {
        await using var platform = await PlatformHarness.StartAsync();

        var applied = await platform.PostAsync(Apply, "applicant", MaritalRecordsInput());
        Assert.Null(applied["errors"]);
        var application = applied["data"]!["applyForShare"]!;
        Assert.Equal("PENDING", (string)application["status"]!);
        Assert.Equal("2026-01-19", (string)application["dueDate"]!);
        Assert.Equal("2026-01-05T02:00:00Z", (string)application["submittedAt"]!);
        Assert.Equal(CivilAffairs, (string)application["agency"]!["code"]!);
        Assert.Equal("CONDITIONAL", (string)application["resource"]!["class"]!);
        var id = (string)application["id"]!;

        var seen = await platform.PostAsync("{ shareApplications(status: PENDING) { id } }", "approver");
        Assert.Equal($$"""[{"id":"{{id}}"}]""", seen["data"]!["shareApplications"]!.ToJsonString());

        var approved = await platform.PostAsync(
            $$"""mutation { approveShareApplication(input: { id: "{{id}}", purposes: [DATA_VERIFICATION], validUntil: "2026-03-01T00:00:00+08:00" }) { status decidedBy grant { id active purposes validUntil } } }""",
            "approver");
        Assert.Null(approved["errors"]);
        var grant = approved["data"]!["approveShareApplication"]!["grant"]!;
        Assert.Equal("APPROVED", (string)approved["data"]!["approveShareApplication"]!["status"]!);
        Assert.True((bool)grant["active"]!);
        Assert.Equal("""["DATA_VERIFICATION"]""", grant["purposes"]!.ToJsonString());
        Assert.Equal("2026-02-28T16:00:00Z", (string)grant["validUntil"]!);
        var grantId = (string)grant["id"]!;

        var active = await platform.PostAsync("{ grants(activeOnly: true) { id agency { code } resourceId } }", "applicant");
        Assert.Equal($$"""[{"id":"{{grantId}}","agency":{"code":"{{CivilAffairs}}"},"resourceId":"{{MaritalRecords}}"}]""", active["data"]!["grants"]!.ToJsonString());

        var revoked = await platform.PostAsync(
            $$"""mutation { revokeGrant(id: "{{grantId}}", reason: "The matter is closed.") { active revokedBy revocationReason } }""",
            "approver");
        Assert.Equal("""{"active":false,"revokedBy":"li.qiang","revocationReason":"The matter is closed."}""", revoked["data"]!["revokeGrant"]!.ToJsonString());
        var after = await platform.PostAsync("{ grants(activeOnly: true) { id } all: grants { id } }", "applicant");
        Assert.Equal("[]", after["data"]!["grants"]!.ToJsonString());
        Assert.Single(after["data"]!["all"]!.AsArray());
    }

    [Fact]
    public async Task Refusals_come_back_as_field_errors_with_their_codes()
    {
        await using var platform = await PlatformHarness.StartAsync();

        var anonymous = await platform.PostAsync("{ shareApplications { id } }", caller: null);
        var wrongRole = await platform.PostAsync(Apply, "approver", MaritalRecordsInput());
        var notPermitted = await platform.PostAsync(Apply, "applicant", MaritalRecordsInput(resourceId: Religion));
        var badDate = await platform.PostAsync(Apply, "applicant", MaritalRecordsInput(validUntil: "next spring"));
        var noReason = await platform.PostAsync("""mutation { refuseShareApplication(id: "0197a3f0-0000-7000-8000-000000000000", reason: "") { id } }""", "approver");

        Assert.Equal(("UNAUTHENTICATED", """["shareApplications"]"""), Error(anonymous));
        Assert.Null(anonymous["data"]);
        Assert.Equal(("FORBIDDEN_ROLE", """["applyForShare"]"""), Error(wrongRole));
        Assert.Equal("""{"applyForShare":null}""", wrongRole["data"]!.ToJsonString());
        Assert.Equal(("RESOURCE_NOT_SHARED", """["applyForShare"]"""), Error(notPermitted));
        Assert.Equal(("INVALID_ARGUMENT", """["applyForShare"]"""), Error(badDate));
        Assert.Equal(("APPLICATION_NOT_FOUND", """["refuseShareApplication"]"""), Error(noReason));
    }

    [Fact]
    public async Task Overdue_applications_are_listed_for_the_competent_department_only()
    {
        await using var platform = await PlatformHarness.StartAsync();
        var id = (string)(await platform.PostAsync(Apply, "applicant", MaritalRecordsInput()))["data"]!["applyForShare"]!["id"]!;
        platform.Clock.Now = new DateTimeOffset(2026, 1, 21, 9, 0, 0, TimeSpan.FromHours(8));

        var listed = await platform.PostAsync("{ overdueShareApplications { daysOverdue application { id dueDate } } }", "competent");
        var refused = await platform.PostAsync("{ overdueShareApplications { daysOverdue } }", "approver");

        Assert.Equal($$$"""[{"daysOverdue":2,"application":{"id":"{{{id}}}","dueDate":"2026-01-19"}}]""", listed["data"]!["overdueShareApplications"]!.ToJsonString());
        Assert.Equal(("FORBIDDEN_ROLE", """["overdueShareApplications"]"""), Error(refused));
    }

    [Fact]
    public async Task One_agency_does_not_see_another_agencys_applications()
    {
        await using var platform = await PlatformHarness.StartAsync();
        var id = (string)(await platform.PostAsync(Apply, "applicant", MaritalRecordsInput()))["data"]!["applyForShare"]!["id"]!;

        var other = await platform.PostAsync($$"""{ shareApplications { id } shareApplication(id: "{{id}}") { id } }""", "taxation");
        var competent = await platform.PostAsync($$"""{ shareApplication(id: "{{id}}") { id justification } }""", "competent");

        Assert.Equal("""{"shareApplications":[],"shareApplication":null}""", other["data"]!.ToJsonString());
        Assert.Equal(id, (string)competent["data"]!["shareApplication"]!["id"]!);
    }

    [Fact]
    public async Task A_query_may_mix_platform_and_subgraph_fields_and_the_subgraphs_never_see_the_platform_fields()
    {
        await using var platform = await PlatformHarness.StartAsync();

        var body = await platform.PostAsync(
            $$"""
            query Mixed {
              ...Root
              ... on Query { classes: catalogue(filter: { class: NOT_SHARED }) { id } }
              person(idNumber: "{{FakeSubgraphs.LiHua}}") { name }
            }
            fragment Root on Query { resource: catalogueResource(id: "{{BaseItems}}") { name } __typename }
            """,
            caller: null);

        Assert.Null(body["errors"]);
        Assert.Equal(
            $$$"""{"resource":{"name":"人口基础信息"},"__typename":"Query","classes":[{"id":"{{{Religion}}}"}],"person":{"name":"李华"}}""",
            body["data"]!.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        var sent = Assert.Single(platform.Subgraphs.Requests["population"]);
        Assert.DoesNotContain("catalogue", sent, StringComparison.Ordinal);
        Assert.Equal(1, platform.Subgraphs.Requests.Values.Sum(r => r.Count));
    }

    [Fact]
    public async Task Fragments_on_platform_types_and_other_operations_of_the_document_stay_away_from_the_planner()
    {
        await using var platform = await PlatformHarness.StartAsync();

        var body = await platform.PostAsync(
            $$$"""
            query Other { catalogue { ...Published } }
            query Wanted { catalogue(filter: { class: NOT_SHARED }) { ...Published } person(idNumber: "{{{FakeSubgraphs.LiHua}}}") { ...Named } }
            fragment Published on CatalogueResource { id legalBasis }
            fragment Named on Person { name }
            """,
            caller: null,
            operationName: "Wanted");

        Assert.Null(body["errors"]);
        Assert.Equal(
            $$$"""{"catalogue":[{"id":"{{{Religion}}}","legalBasis":"The legal basis the provider cites."}],"person":{"name":"李华"}}""",
            body["data"]!.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
    }

    [Fact]
    public async Task A_platform_only_operation_asks_no_subgraph()
    {
        await using var platform = await PlatformHarness.StartAsync();

        var body = await platform.PostAsync("{ __typename catalogue { id } }", caller: null);

        Assert.Null(body["errors"]);
        Assert.Equal(0, platform.Subgraphs.Requests.Values.Sum(r => r.Count));
    }

    [Fact]
    public async Task A_mutation_mixing_platform_and_subgraph_fields_is_refused_before_anything_runs()
    {
        await using var platform = await PlatformHarness.StartAsync();

        var body = await platform.PostAsync(
            $$"""
            mutation Mixed($input: ApplyForShareInput!) {
              applyForShare(input: $input) { id }
              correctPerson(input: { idNumber: "{{FakeSubgraphs.LiHua}}", reason: "A typing error.", name: "李华" }) { changedFields }
            }
            """,
            "applicant",
            MaritalRecordsInput());

        Assert.Equal("PLATFORM_MUTATION_MIXED", (string)body["errors"]![0]!["extensions"]!["code"]!);
        Assert.Contains("applyForShare", (string)body["errors"]![0]!["message"]!, StringComparison.Ordinal);
        Assert.Contains("correctPerson", (string)body["errors"]![0]!["message"]!, StringComparison.Ordinal);
        Assert.Null(body["data"]);
        Assert.Equal(0, platform.Subgraphs.Requests.Values.Sum(r => r.Count));
        Assert.Equal("[]", (await platform.PostAsync("{ shareApplications { id } }", "applicant"))["data"]!["shareApplications"]!.ToJsonString());
    }

    [Fact]
    public async Task Introspection_shows_the_platform_types_beside_the_supergraph()
    {
        await using var platform = await PlatformHarness.StartAsync();

        var body = await platform.PostAsync(
            """{ __type(name: "ShareApplication") { fields { name } } mutation: __schema { mutationType { fields { name } } } }""",
            caller: null);

        Assert.Contains("dueDate", body["data"]!["__type"]!["fields"]!.AsArray().Select(f => (string)f!["name"]!));
        var mutations = body["data"]!["mutation"]!["mutationType"]!["fields"]!.AsArray().Select(f => (string)f!["name"]!).ToList();
        Assert.Contains("applyForShare", mutations);
        Assert.Contains("correctPerson", mutations);
    }

    [Fact]
    public async Task A_900_KB_justification_or_a_100_000_character_matter_is_refused_with_its_code_and_nothing_is_stored()
    {
        await using var platform = await PlatformHarness.StartAsync();
        var huge = MaritalRecordsInput();
        huge["input"]!["justification"] = new string('j', 900_000); // within the endpoint's 1 MiB body limit
        var longMatter = MaritalRecordsInput();
        longMatter["input"]!["matter"] = new string('M', 100_000);

        var justification = await platform.PostAsync(Apply, "applicant", huge);
        var matter = await platform.PostAsync(Apply, "applicant", longMatter);
        var stored = await platform.PostAsync("{ shareApplications { id } }", "competent");

        Assert.Equal((SharingErrorCodes.JustificationInvalid, """["applyForShare"]"""), Error(justification));
        Assert.Equal((SharingErrorCodes.MatterInvalid, """["applyForShare"]"""), Error(matter));
        Assert.True(matter.ToJsonString().Length < 2_000, "the refusal does not echo the matter");
        Assert.Equal("""{"shareApplications":[]}""", stored["data"]!.ToJsonString());
    }

    private static JsonObject MaritalRecordsInput(string resourceId = MaritalRecords, string validUntil = "2026-07-04T10:00:00+08:00") => new()
    {
        ["input"] = new JsonObject
        {
            ["resourceId"] = resourceId,
            ["purposes"] = new JsonArray("ADMINISTRATIVE_BASIS", "DATA_VERIFICATION"),
            ["justification"] = "Checking marriage registrations against the civil register.",
            ["validFrom"] = "2026-01-05T10:00:00+08:00",
            ["validUntil"] = validUntil,
            ["matter"] = "330200-MZ-0012",
        },
    };

    private static (string Code, string Path) Error(JsonNode body)
    {
        var error = Assert.Single(body["errors"]!.AsArray())!;
        return ((string)error["extensions"]!["code"]!, error["path"]!.ToJsonString());
    }

    private static JsonNode Without(JsonNode node, string property)
    {
        var copy = JsonNode.Parse(node.ToJsonString())!;
        foreach (var agency in copy["agencies"]!.AsArray())
        {
            agency!.AsObject().Remove(property);
        }

        return copy;
    }
}

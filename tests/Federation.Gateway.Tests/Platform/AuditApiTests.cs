using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Federation.Gateway.Audit;
using Federation.Gateway.Auditing;
using Federation.Gateway.Authentication;
using Federation.Gateway.Hosting;
using Federation.Gateway.Tests.Authentication;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static Federation.Gateway.Tests.Audit.Reading.AuditFixture;
using static Federation.Gateway.Tests.Sharing.SharingWorld;

namespace Federation.Gateway.Tests.Platform;

/// <summary>The audit part of the platform's graph and the evaluation downloads, through the gateway's endpoint.</summary>
public sealed class AuditApiTests
{
    [Fact]
    public async Task An_auditor_pages_through_the_records_a_filter_selects()
    {
        await using var platform = await AuditPlatformHarness.StartAsync();
        const string Query = """
            query Records($after: String) {
              auditRecords(filter: { agency: "113302000020000392", decision: DENIED }, first: 1, after: $after) {
                edges { cursor node { requestId instance sequence kind outcome purpose agency errorCodes
                  fields { coordinate resourceId class decision code grantId path } subjects { hash } previousHash } }
                pageInfo { hasNextPage endCursor }
              }
            }
            """;

        var (status, first) = await platform.PostAsync(Query, "auditor");

        Assert.Equal(200, status);
        Assert.Null(first["errors"]);
        var page = first["data"]!["auditRecords"]!;
        var node = page["edges"]![0]!["node"]!;
        Assert.Equal(
            """{"requestId":"r8","instance":"gateway-b","sequence":"4","kind":"ACCESS","outcome":"REFUSED","purpose":null,"agency":"113302000020000392","errorCodes":[],"fields":[{"coordinate":"Person.religion","resourceId":"population.religion","class":"NOT_SHARED","decision":"DENIED","code":"RESOURCE_NOT_SHARED","grantId":null,"path":"person.religion"}],"subjects":[]}""",
            Without(node, "previousHash").ToJsonString());
        Assert.Equal(64, ((string)node["previousHash"]!).Length);
        Assert.True((bool)page["pageInfo"]!["hasNextPage"]!);

        var (_, second) = await platform.PostAsync(Query, "auditor", new JsonObject { ["after"] = (string)page["pageInfo"]!["endCursor"]! });
        Assert.Equal("r2", (string)second["data"]!["auditRecords"]!["edges"]![0]!["node"]!["requestId"]!);
        Assert.False((bool)second["data"]!["auditRecords"]!["pageInfo"]!["hasNextPage"]!);

        // Both reads are in the trail, readable as records of kind AUDIT_READ.
        var (_, reads) = await platform.PostAsync("""{ auditRecords(filter: { kind: AUDIT_READ }) { edges { node { event user agency detail { name value } } } } }""", "auditor");
        Assert.Equal(
            """[{"node":{"event":"AUDIT_RECORDS_READ","user":"sun.li","agency":"11330200002000055P","detail":[{"name":"after","value":"given"},{"name":"agency","value":"113302000020000392"},{"name":"decision","value":"DENIED"},{"name":"first","value":"1"}]}},{"node":{"event":"AUDIT_RECORDS_READ","user":"sun.li","agency":"11330200002000055P","detail":[{"name":"agency","value":"113302000020000392"},{"name":"decision","value":"DENIED"},{"name":"first","value":"1"}]}}]""",
            reads["data"]!["auditRecords"]!["edges"]!.ToJsonString());
    }

    [Fact]
    public async Task A_data_subjects_history_is_found_by_its_identifier_and_never_recorded_in_clear()
    {
        await using var platform = await AuditPlatformHarness.StartAsync();

        var (_, body) = await platform.PostAsync(
            """
            {
              subjectAccessHistory(identifier: " 33020019900101123x ") {
                subjectHash
                agencies { agency { code englishName } requests resourceIds first last }
                edges { node { at agency { code } purpose matter resourceIds grants { resourceId grantId } outcome record { requestId } } }
                pageInfo { hasNextPage }
              }
            }
            """,
            "auditor");

        Assert.Null(body["errors"]);
        var history = body["data"]!["subjectAccessHistory"]!;
        Assert.Equal(Subjects.Of(Person1), (string)history["subjectHash"]!);
        Assert.Equal(
            """[{"agency":{"code":"113302000020000392","englishName":"Ningbo Civil Affairs Bureau"},"requests":1,"resourceIds":["population.base","population.marital-records"],"first":"2026-03-10T02:00:00Z","last":"2026-03-10T02:00:00Z"},{"agency":{"code":"11330200002000047W","englishName":"Ningbo Taxation Bureau"},"requests":1,"resourceIds":["population.marital-records"],"first":"2026-03-10T04:00:00Z","last":"2026-03-10T04:00:00Z"}]""",
            history["agencies"]!.ToJsonString());
        Assert.Equal(
            """[{"node":{"at":"2026-03-10T04:00:00Z","agency":{"code":"11330200002000047W"},"purpose":"DATA_VERIFICATION","matter":"330200-0002","resourceIds":["population.marital-records"],"grants":[{"resourceId":"population.marital-records","grantId":"22222222-2222-4222-8222-222222222222"}],"outcome":"SERVED","record":{"requestId":"r3"}}},{"node":{"at":"2026-03-10T02:00:00Z","agency":{"code":"113302000020000392"},"purpose":"ADMINISTRATIVE_BASIS","matter":"330200-0001","resourceIds":["population.base","population.marital-records"],"grants":[{"resourceId":"population.marital-records","grantId":"11111111-1111-4111-8111-111111111111"}],"outcome":"SERVED","record":{"requestId":"r1"}}}]""",
            history["edges"]!.ToJsonString());
        var read = Assert.Single(platform.Trail.Reads());
        Assert.Equal(AuditReading.SubjectHistoryRead, read.Event);
        Assert.Equal(Subjects.Of(Person1), read.Detail["subjectHash"]);
        Assert.DoesNotContain(platform.Trail.Records, r => System.Text.Encoding.UTF8.GetString(r.Body.Span).Contains("33020019900101123", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("competent")]
    [InlineData("applicant")]
    public async Task Anyone_but_an_auditor_is_forbidden_every_audit_field_and_each_attempt_is_recorded(string? caller)
    {
        await using var platform = await AuditPlatformHarness.StartAsync();

        var (status, body) = await platform.PostAsync(
            """
            {
              auditRecords(first: 100000, after: "forged") { edges { cursor } }
              subjectAccessHistory(identifier: "") { subjectHash }
              auditUsage(from: "not a date", until: "2026-03-01") { requests }
              auditDenials(from: "2026-03-01", until: "2026-03-02") { deniedFields }
              auditEvaluation(year: 2026) { year }
              auditChainVerification { whole }
              catalogue(filter: { class: NOT_SHARED }) { id }
            }
            """,
            caller);

        Assert.Equal(200, status);
        Assert.Equal(
            ["FORBIDDEN", "FORBIDDEN", "FORBIDDEN", "FORBIDDEN", "FORBIDDEN", "FORBIDDEN"],
            body["errors"]!.AsArray().Select(e => (string)e!["extensions"]!["code"]!));
        Assert.Equal("""{"auditRecords":null,"subjectAccessHistory":null,"auditUsage":null,"auditDenials":null,"auditEvaluation":null,"auditChainVerification":null,"catalogue":[{"id":"population.religion"}]}""", body["data"]!.ToJsonString());
        var refusals = platform.Trail.Reads();
        Assert.Equal(6, refusals.Count);
        Assert.All(refusals, r => Assert.Equal((AuditReading.Refused, AuditOutcome.Refused), (r.Event, r.Outcome)));
        Assert.Equal(caller is null ? null : AuditPlatformHarness.Callers[caller].User, refusals[0].User);
        // The fields resolve concurrently: each was attempted once, in any order.
        Assert.Equal(
            new[] { AuditReading.RecordsRead, AuditReading.SubjectHistoryRead, AuditReading.UsageRead, AuditReading.DenialsRead, AuditReading.EvaluationRead, AuditReading.ChainRead }.Order(StringComparer.Ordinal),
            refusals.Select(r => r.Detail["attempted"]).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("""{ auditRecords(filter: { decision: MAYBE }) { edges { cursor } } }""", "GRAPHQL_VALIDATION_FAILED")]
    [InlineData("""{ auditRecords(filter: { purpose: FUN }) { edges { cursor } } }""", "GRAPHQL_VALIDATION_FAILED")]
    [InlineData("""{ auditRecords(first: 501) { edges { cursor } } }""", "FIRST_INVALID")]
    [InlineData("""{ auditRecords(first: 0) { edges { cursor } } }""", "FIRST_INVALID")]
    [InlineData("""{ auditRecords(after: "bm90IGEgY3Vyc29y") { edges { cursor } } }""", "CURSOR_INVALID")]
    [InlineData("""{ auditRecords(filter: { from: "yesterday" }) { edges { cursor } } }""", "INVALID_ARGUMENT")]
    [InlineData("""{ auditRecords(filter: { from: "2026-03-10T00:00:00Z", until: "2026-03-09T00:00:00Z" }) { edges { cursor } } }""", "PERIOD_INVALID")]
    [InlineData("""{ auditRecords(filter: { user: "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" }) { edges { cursor } } }""", "INVALID_ARGUMENT")]
    [InlineData("""{ auditRecords(filter: { subject: "a b" }) { edges { cursor } } }""", "INVALID_ARGUMENT")]
    [InlineData("""{ subjectAccessHistory(identifier: "") { subjectHash } }""", "INVALID_ARGUMENT")]
    [InlineData("""{ auditUsage(from: "2026-02-30", until: "2026-03-10") { requests } }""", "INVALID_ARGUMENT")]
    [InlineData("""{ auditUsage(from: "2026-03-10", until: "2026-03-01") { requests } }""", "PERIOD_INVALID")]
    [InlineData("""{ auditDenials(from: "2020-01-01", until: "2026-01-01") { deniedFields } }""", "PERIOD_INVALID")]
    [InlineData("""{ auditEvaluation(year: -5) { year } }""", "PERIOD_INVALID")]
    public async Task Bad_input_from_an_auditor_is_a_coded_error_never_a_fault(string query, string code)
    {
        await using var platform = await AuditPlatformHarness.StartAsync();

        var (status, body) = await platform.PostAsync(query, "auditor");

        Assert.True(status is 200 or 400, $"status {status}: {body}");
        Assert.Equal(code, (string)body["errors"]![0]!["extensions"]!["code"]!);
    }

    [Fact]
    public async Task An_auditor_reads_usage_denials_the_chain_and_the_evaluation()
    {
        await using var platform = await AuditPlatformHarness.StartAsync();

        var (_, body) = await platform.PostAsync(
            """
            {
              auditUsage(from: "2026-03-11", until: "2026-03-12") { agency { code } resourceId day requests distinctSubjects fieldsDenied }
              auditDenials(from: "2026-03-10", until: "2026-03-14") { agency { code } deniedFields requestsWithDenials refusedRequests byCode { name count } byResource { name count } unusualVolumes { day rule } }
              auditChainVerification { whole records checkpoints instances firstBreak { code } }
              auditEvaluation(year: 2026, agency: "11330200002000012A") {
                year limits
                agencies { agency { code } providedByClass { class count } provided { resource { id updateFrequency } requests requestingAgencies failedRequests } used { requests resourceIds distinctSubjects deniedFields grantIds } }
              }
            }
            """,
            "auditor");

        Assert.Null(body["errors"]);
        Assert.Equal(
            """[{"agency":{"code":"113302000020000392"},"resourceId":"population.marital-records","day":"2026-03-11","requests":1,"distinctSubjects":1,"fieldsDenied":0},{"agency":{"code":"11330200002000047W"},"resourceId":"legal-persons.annual-reports","day":"2026-03-11","requests":1,"distinctSubjects":1,"fieldsDenied":0}]""",
            body["data"]!["auditUsage"]!.ToJsonString());
        Assert.Equal(
            """[{"agency":{"code":"113302000020000392"},"deniedFields":2,"requestsWithDenials":2,"refusedRequests":1,"byCode":[{"name":"RESOURCE_NOT_SHARED","count":2}],"byResource":[{"name":"population.religion","count":2}],"unusualVolumes":[]}]""",
            body["data"]!["auditDenials"]!.ToJsonString());
        Assert.Equal(
            """{"whole":true,"records":10,"checkpoints":0,"instances":["gateway-a","gateway-b","gateway-t"],"firstBreak":null}""",
            body["data"]!["auditChainVerification"]!.ToJsonString());
        var evaluation = body["data"]!["auditEvaluation"]!;
        Assert.Equal(4, evaluation["limits"]!.AsArray().Count);
        Assert.Equal(
            """[{"agency":{"code":"11330200002000012A"},"providedByClass":[{"class":"UNCONDITIONAL","count":1},{"class":"CONDITIONAL","count":2},{"class":"NOT_SHARED","count":1}],"provided":[{"resource":{"id":"population.base","updateFrequency":"DAILY"},"requests":2,"requestingAgencies":1,"failedRequests":0},{"resource":{"id":"population.marital-records","updateFrequency":"REAL_TIME"},"requests":3,"requestingAgencies":2,"failedRequests":0},{"resource":{"id":"population.religion","updateFrequency":"YEARLY"},"requests":2,"requestingAgencies":1,"failedRequests":0},{"resource":{"id":"population.residence-history","updateFrequency":"WEEKLY"},"requests":1,"requestingAgencies":1,"failedRequests":1}],"used":{"requests":0,"resourceIds":[],"distinctSubjects":0,"deniedFields":0,"grantIds":[]}}]""",
            evaluation["agencies"]!.ToJsonString());
    }

    [Fact]
    public async Task The_evaluation_downloads_as_csv_and_json_for_an_auditor()
    {
        await using var platform = await AuditPlatformHarness.StartAsync();

        var (status, response, csv) = await platform.GetAsync($"/audit/evaluation/2026?format=csv&agency={Taxation}", "auditor");

        Assert.Equal(200, status);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment; filename=\"audit-evaluation-2026.csv\"", response.Content.Headers.ContentDisposition!.ToString());
        Assert.Equal(
            "year,agency,agency_name,section,resource,resource_name,class,update_frequency,requests,requesting_agencies,failed_requests,resources_used,distinct_subjects,denied_fields,grants_used\r\n" +
            "2026,11330200002000047W,宁波市税务局,used,,,,,3,,,3,2,0,2\r\n",
            csv);

        var (jsonStatus, jsonResponse, json) = await platform.GetAsync("/audit/evaluation/2026", "auditor");
        Assert.Equal(200, jsonStatus);
        Assert.Equal("application/json", jsonResponse.Content.Headers.ContentType!.MediaType);
        var document = JsonNode.Parse(json)!;
        Assert.Equal(2026, (int)document["year"]!);
        Assert.Equal([PublicSecurity, MarketSupervision, CivilAffairs, Taxation, BigDataBureau], document["agencies"]!.AsArray().Select(a => (string)a!["agency"]!));
        var publicSecurity = document["agencies"]![0]!["provided"]!;
        Assert.Equal("""{"UNCONDITIONAL":1,"CONDITIONAL":2,"NOT_SHARED":1}""", publicSecurity["byClass"]!.ToJsonString());
        Assert.Equal(
            """{"id":"population.residence-history","name":"居住历史","class":"CONDITIONAL","updateFrequency":"WEEKLY","requests":1,"requestingAgencies":1,"failedRequests":1}""",
            publicSecurity["resources"]![3]!.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        Assert.Equal(
            """{"requests":4,"resources":["population.base","population.marital-records","population.religion"],"distinctSubjects":2,"deniedFields":2,"grantsUsed":["11111111-1111-4111-8111-111111111111"]}""",
            document["agencies"]![2]!["used"]!.ToJsonString());
        Assert.Equal(
            ["csv", "json"],
            platform.Trail.Reads().Select(r => (r.Event, r.Detail["format"])).Where(r => r.Event == AuditReading.EvaluationRead).Select(r => r.Item2));
    }

    [Theory]
    [InlineData(null, "/audit/evaluation/2026?format=csv", 401, "FORBIDDEN")]
    [InlineData("applicant", "/audit/evaluation/2026?format=csv", 403, "FORBIDDEN")]
    [InlineData("competent", "/audit/evaluation/2026", 403, "FORBIDDEN")]
    [InlineData("auditor", "/audit/evaluation/20x6", 400, "PERIOD_INVALID")]
    [InlineData("auditor", "/audit/evaluation/99999999999999999999", 400, "PERIOD_INVALID")]
    [InlineData("auditor", "/audit/evaluation/2026?format=xlsx", 400, "FORMAT_INVALID")]
    [InlineData("auditor", "/audit/evaluation/2026?agency=%00", 400, "INVALID_ARGUMENT")]
    public async Task A_download_is_refused_with_a_coded_error(string? caller, string path, int expected, string code)
    {
        await using var platform = await AuditPlatformHarness.StartAsync();

        var (status, response, body) = await platform.GetAsync(path, caller);

        Assert.Equal(expected, status);
        Assert.Equal(code, (string)JsonNode.Parse(body)!["errors"]![0]!["extensions"]!["code"]!);
        Assert.Null(response.Content.Headers.ContentDisposition);
        if (expected == 401)
        {
            Assert.Equal("Bearer", response.Headers.WwwAuthenticate.ToString());
        }

        // A refusal is recorded; an auditor's bad request read nothing, and nothing is recorded as read.
        Assert.Equal(code == "FORBIDDEN" ? [AuditReading.Refused] : [], platform.Trail.Reads().Select(r => r.Event));
    }

    private static JsonNode Without(JsonNode node, string property)
    {
        var copy = node.DeepClone().AsObject();
        copy.Remove(property);
        return copy;
    }
}

/// <summary>The gateway service as configured: the trail kept in the spool (the one-command run's store), read through the same API.</summary>
public sealed class AuditHostingTests
{
    [Fact]
    public async Task The_gateway_with_the_spool_store_serves_the_audit_reading_over_what_the_spool_holds()
    {
        using var directory = new TemporaryDirectory();
        var tokens = new TestTokens();
        await using var app = GatewayService.Build(
            [
                "--Urls=http://127.0.0.1:0",
                "--GatewaySignature:Secret=platform-hosting-test-secret-of-enough-bytes",
                "--Subgraphs:Endpoints:population:Url=http://127.0.0.1:9/graphql",
                "--Audit:Store=Spool",
                "--Audit:Instance=audit-hosting-test",
                "--Audit:SpoolDirectory=" + Path.Combine(directory.Path, "spool"),
                "--Audit:DevelopmentKeyDirectory=" + Path.Combine(directory.Path, "keys"),
                .. tokens.Arguments(),
            ],
            builder => builder.Logging.SetMinimumLevel(LogLevel.Critical));
        await app.StartAsync(TestContext.Current.CancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        using var http = new HttpClient { BaseAddress = new Uri(address) };
        var auditor = tokens.For(new Caller("sun.li", "1133020035308641XG", "330200", new HashSet<string> { PlatformRoles.Auditor }));

        var refused = await PostAsync(http, "{ auditRecords { edges { cursor } } }", tokens.For(TestTokens.PublicSecurity));
        var read = await PostAsync(http, "{ auditRecords(filter: { kind: AUDIT_READ }) { edges { node { instance sequence event user agency detail { name value } } } } chain: auditChainVerification { whole instances } }", auditor);

        Assert.Equal("FORBIDDEN", (string)refused["errors"]![0]!["extensions"]!["code"]!);
        Assert.True(read["errors"] is null, read.ToJsonString());
        Assert.Equal(
            """[{"node":{"instance":"audit-hosting-test","sequence":"1","event":"AUDIT_READ_REFUSED","user":"li.ming","agency":"11330200123456788X","detail":[{"name":"attempted","value":"AUDIT_RECORDS_READ"}]}}]""",
            read["data"]!["auditRecords"]!["edges"]!.ToJsonString());
        Assert.Equal("""{"whole":true,"instances":["audit-hosting-test"]}""", read["data"]!["chain"]!.ToJsonString());

        using var download = new HttpRequestMessage(HttpMethod.Get, "/audit/evaluation/2026?format=csv");
        download.Headers.Authorization = new AuthenticationHeaderValue("Bearer", auditor);
        using var response = await http.SendAsync(download, TestContext.Current.CancellationToken);
        Assert.Equal(200, (int)response.StatusCode);
        Assert.StartsWith("year,agency,agency_name,section,", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        await app.StopAsync(TestContext.Current.CancellationToken);
    }

    private static async Task<JsonNode> PostAsync(HttpClient http, string query, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(new JsonObject { ["query"] = query }.ToJsonString(), Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
    }
}

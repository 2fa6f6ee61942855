using System.Diagnostics.CodeAnalysis;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Federation.Gateway.Audit;
using Federation.Gateway.Authentication;
using Federation.Gateway.Authorization;
using Federation.Gateway.Catalogue;
using Federation.Gateway.Execution;
using Federation.Gateway.Pipeline;
using Federation.Gateway.Record;
using Federation.Gateway.Requests;
using Federation.Gateway.Tests.Authorization;
using Federation.Gateway.Tests.Planning;
using Federation.GraphQL.AspNetCore;
using Federation.Protocol.Signing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static Federation.Gateway.Tests.Authorization.TestCatalogue;
using static Federation.Gateway.Tests.Execution.FakeSubgraphs;

namespace Federation.Gateway.Tests.Audit;

/// <summary>
/// The record stage with an audit trail: one access record per request — its field decisions, its
/// data subjects found also when the client leaves the identifier out, by hash — the answer withheld
/// with AUDIT_UNAVAILABLE when the record cannot be made durable, and a request whose stage threw
/// recorded all the same.
/// </summary>
public sealed class RecordStageTests(AuthorizationMatrixFixture fixture) : IClassFixture<AuthorizationMatrixFixture>
{
    private static readonly StatedPurpose WorkReference = new(Purpose.WorkReference, null);

    private static CatalogueResource ScopedResidence() => Resource(
        Residence,
        ShareClass.Conditional,
        new ShareConditions([NingboMarketSupervision], [Purpose.WorkReference], ApplicationRequired: true, DivisionScoped: true, null),
        "Person.residenceAddress");

    [Fact]
    public async Task A_subject_is_recorded_by_hash_when_the_client_does_not_select_its_identifier_and_the_answer_never_shows_it()
    {
        var trail = new CapturingAuditTrail();
        var gateway = fixture.Harness.Gateway(With(), trail: trail);
        var query = $$"""{ person(idNumber: "{{LiHua}}") { name } }""";

        var first = await AuthorizationHarness.RunAsync(gateway, Caller(BeijingTaxBureau, "110000"), null, query);
        var second = await AuthorizationHarness.RunAsync(gateway, Caller(BeijingTaxBureau, "110000"), null, query);

        Assert.Equal("""{"data":{"person":{"name":"李华"}}}""", first.ToJson());
        Assert.Equal(first.ToJson(), second.ToJson());
        Assert.Equal(2, trail.Entries.Count);
        foreach (var entry in trail.Entries)
        {
            var subject = Assert.Single(entry.Subjects);
            Assert.Equal(("CITIZEN_ID", CapturingAuditTrail.Subjects.Of(LiHua), Base), (subject.Kind, subject.Hash, Assert.Single(subject.Resources)));
            Assert.Equal(AuditOutcome.Served, entry.Outcome);
            Assert.Equal(["Query.person", "Person.name"], entry.Fields.Select(f => f.Coordinate));
            Assert.DoesNotContain(LiHua, JsonSerializer.Serialize(entry), StringComparison.Ordinal);
        }

        // The identifier's selection is a function of the document: one plan, cached, serves both.
        Assert.Equal(1, gateway.Plans.Count);
    }

    [Fact]
    public async Task Without_a_trail_the_planner_is_not_asked_for_identifiers()
    {
        var gateway = fixture.Harness.Gateway(With());
        var population = fixture.Harness.Subgraphs.Count("population");

        await AuthorizationHarness.RunAsync(gateway, Caller(BeijingTaxBureau, "110000"), null, $$"""{ person(idNumber: "{{LiHua}}") { name } }""");

        Assert.DoesNotContain(fixture.Harness.RequestsSince("population", population), body => body.Contains(OperationAudit.SubjectAliasPrefix, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Rows_of_a_division_scoped_resource_outside_the_callers_division_do_not_count_for_that_resource()
    {
        var trail = new CapturingAuditTrail();
        var now = DateTimeOffset.UtcNow;
        var grant = Grant(NingboMarketSupervision, Residence, Purpose.WorkReference, now.AddDays(-1), now.AddDays(30));
        var gateway = fixture.Harness.Gateway(With(ScopedResidence()), new GrantList(grant), trail: trail);

        var result = await AuthorizationHarness.RunAsync(
            gateway,
            Caller(NingboMarketSupervision, "330200"),
            WorkReference,
            $$"""{ a: person(idNumber: "{{LiHua}}") { residenceAddress } b: person(idNumber: "{{WangFang}}") { name residenceAddress } }""");

        var answer = JsonNode.Parse(result.ToJson())!;
        Assert.Null(answer["data"]!["b"]!["residenceAddress"]);
        Assert.Equal(AuthorizationErrorCodes.OutsideJurisdiction, (string?)answer["errors"]![0]!["extensions"]!["code"]);
        var entry = Assert.Single(trail.Entries);
        Assert.Equal(AuditOutcome.PartlyDenied, entry.Outcome);
        Assert.Equal([AuthorizationErrorCodes.OutsideJurisdiction], entry.ErrorCodes);
        var residence = Assert.Single(entry.Fields, f => f.Resource == Residence);
        Assert.Equal((FieldDecision.AllowedWithinDivision, grant.Id), (residence.Decision, residence.Grant));
        var subjects = entry.Subjects.ToDictionary(s => s.Hash);
        Assert.Equal([Residence], subjects[CapturingAuditTrail.Subjects.Of(LiHua)].Resources);
        Assert.Equal([Base], subjects[CapturingAuditTrail.Subjects.Of(WangFang)].Resources);
        Assert.Equal(2, subjects.Count);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_skipped_field_is_not_recorded(bool skip)
    {
        var trail = new CapturingAuditTrail();
        var gateway = fixture.Harness.Gateway(With(Resource(Residence, ShareClass.Unconditional, null, "Person.residenceAddress")), trail: trail);

        await AuthorizationHarness.RunAsync(
            gateway,
            Caller(BeijingTaxBureau, "110000"),
            null,
            $$"""query($skip: Boolean!) { person(idNumber: "{{LiHua}}") { name residenceAddress @skip(if: $skip) } }""",
            $$"""{"skip": {{(skip ? "true" : "false")}}}""");

        var entry = Assert.Single(trail.Entries);
        Assert.Equal(!skip, entry.Fields.Any(f => f.Coordinate == "Person.residenceAddress"));
        Assert.Equal(!skip, Assert.Single(entry.Subjects).Resources.Contains(Residence));
    }

    [Fact]
    public async Task A_denial_for_what_an_argument_uses_is_recorded_with_the_input_fields_coordinate()
    {
        var trail = new CapturingAuditTrail();
        var marital = Resource(
            "population.marital-status",
            ShareClass.Conditional,
            new ShareConditions([NingboMarketSupervision], [Purpose.WorkReference], ApplicationRequired: true, DivisionScoped: false, null),
            "PersonFilter.maritalStatus");
        var gateway = fixture.Harness.Gateway(With(marital), trail: trail);

        await AuthorizationHarness.RunAsync(gateway, Caller(BeijingTaxBureau, "110000"), WorkReference, """{ persons(filter: {maritalStatus: DIVORCED}) { totalCount } }""");

        var entry = Assert.Single(trail.Entries);
        var denied = Assert.Single(entry.Fields, f => f.Decision == FieldDecision.Denied);
        Assert.Equal(("PersonFilter.maritalStatus", "population.marital-status", "CONDITIONAL", AuthorizationErrorCodes.AgencyNotPermitted, "persons"), (denied.Coordinate, denied.Resource, denied.Class, denied.Code, denied.Path));
    }

    [Fact]
    public async Task A_document_using_a_reserved_alias_is_refused_and_recorded()
    {
        var trail = new CapturingAuditTrail();
        var gateway = fixture.Harness.Gateway(With(), trail: trail);
        var arrivals = fixture.Harness.Subgraphs.Arrivals.Count;

        var result = await AuthorizationHarness.RunAsync(
            gateway,
            Caller(BeijingTaxBureau, "110000"),
            null,
            $$"""{ person(idNumber: "{{LiHua}}") { {{OperationAudit.SubjectAliasPrefix}}Person: name } }""");

        Assert.False(result.HasData);
        Assert.Equal(AuthorizationErrorCodes.ReservedAlias, result.Errors.Single().Extensions!["code"]);
        Assert.Equal(arrivals, fixture.Harness.Subgraphs.Arrivals.Count);
        var entry = Assert.Single(trail.Entries);
        Assert.Equal((AuditOutcome.Refused, AuthorizationErrorCodes.ReservedAlias), (entry.Outcome, Assert.Single(entry.ErrorCodes)));
    }

    [Fact]
    public async Task A_record_that_cannot_be_made_durable_withholds_the_answer()
    {
        var trail = new CapturingAuditTrail { Unavailable = true };
        var gateway = fixture.Harness.Gateway(With(), trail: trail);

        var result = await AuthorizationHarness.RunAsync(gateway, Caller(BeijingTaxBureau, "110000"), null, $$"""{ person(idNumber: "{{LiHua}}") { name } }""");

        Assert.False(result.HasData);
        Assert.Equal(503, result.StatusCode);
        var error = Assert.Single(result.Errors);
        Assert.Equal(RecordErrorCodes.AuditUnavailable, error.Extensions!["code"]);
        Assert.Contains("not served because it could not be audited", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("李华", result.ToJson(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_whose_stage_threw_is_recorded_as_failed_and_the_failure_goes_on()
    {
        var trail = new CapturingAuditTrail();
        var gateway = fixture.Harness.Gateway(With(), trail: trail, registered: [new ThrowingStage()]);

        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            AuthorizationHarness.RunAsync(gateway, Caller(BeijingTaxBureau, "110000"), null, $$"""{ person(idNumber: "{{LiHua}}") { name } }"""));

        Assert.Equal(ThrowingStage.Message, thrown.Message);
        var entry = Assert.Single(trail.Entries);
        Assert.Equal(AuditOutcome.Failed, entry.Outcome);
        Assert.Empty(entry.Subjects);
        Assert.Equal(["Query.person", "Person.name"], entry.Fields.Select(f => f.Coordinate));
    }

    [Fact]
    public async Task A_request_whose_stage_threw_and_whose_record_failed_is_answered_audit_unavailable()
    {
        var trail = new CapturingAuditTrail { Unavailable = true };
        var gateway = fixture.Harness.Gateway(With(), trail: trail, registered: [new ThrowingStage()]);

        var result = await AuthorizationHarness.RunAsync(gateway, Caller(BeijingTaxBureau, "110000"), null, $$"""{ person(idNumber: "{{LiHua}}") { name } }""");

        Assert.Equal((503, RecordErrorCodes.AuditUnavailable), (result.StatusCode, result.Errors.Single().Extensions!["code"]));
    }

    [Fact]
    public async Task Over_HTTP_an_unavailable_trail_answers_503_without_data_and_an_available_one_records_the_client()
    {
        var trail = new CapturingAuditTrail();
        var gateway = fixture.Harness.Gateway(With(), trail: trail);
        await using var endpoint = await StartAsync(gateway);
        var query = $$"""{ person(idNumber: "{{LiHua}}") { name } }""";

        var (served, body) = await endpoint.PostAsync(query);
        trail.Unavailable = true;
        var (refused, refusal) = await endpoint.PostAsync(query);

        Assert.Equal(200, served);
        Assert.Equal("李华", (string?)body["data"]!["person"]!["name"]);
        var entry = Assert.Single(trail.Entries);
        Assert.Equal("127.0.0.1", entry.ClientAddress);
        Assert.False(string.IsNullOrEmpty(entry.RequestId));
        Assert.True(entry.DurationMicroseconds > 0);
        Assert.Equal(503, refused);
        Assert.False(refusal.AsObject().ContainsKey("data"));
        Assert.Equal(RecordErrorCodes.AuditUnavailable, (string?)refusal["errors"]![0]!["extensions"]!["code"]);
    }

    [Fact]
    public async Task The_answer_is_serialised_while_its_record_is_made_durable_and_written_only_after()
    {
        var query = $$"""{ person(idNumber: "{{LiHua}}") { name } }""";
        var served = await AuthorizationHarness.RunAsync(fixture.Harness.Gateway(With(), trail: new CapturingAuditTrail()), Caller(BeijingTaxBureau, "110000"), null, query);
        var expected = served.ToJson();
        var trail = new GatedAuditTrail();
        var request = new GatewayRequest(new GatewayCaller(BeijingTaxBureau, "UNDECLARED")) { Identity = Caller(BeijingTaxBureau, "110000") };
        request.Answered(served);
        var stage = new RecordStage(new LoggedAccessDecisions(Microsoft.Extensions.Logging.Abstractions.NullLogger<LoggedAccessDecisions>.Instance), Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance, trail);

        var running = stage.RunAsync(request, TestContext.Current.CancellationToken).AsTask();
        await trail.Appending.WaitAsync(TestContext.Current.CancellationToken);

        // The record is not durable yet: the stage has not returned, the body waits in memory.
        Assert.False(running.IsCompleted);
        Assert.True(served.IsPrepared);
        trail.Release();
        await running;

        Assert.Same(served, request.Answer);
        var written = new System.Buffers.ArrayBufferWriter<byte>();
        served.WriteTo(written);
        Assert.Equal(expected, Encoding.UTF8.GetString(written.WrittenSpan));
        Assert.False(served.IsPrepared);
    }

    [Fact]
    public async Task An_answer_serialised_while_its_record_failed_is_dropped_for_audit_unavailable()
    {
        var query = $$"""{ person(idNumber: "{{LiHua}}") { name } }""";
        var served = await AuthorizationHarness.RunAsync(fixture.Harness.Gateway(With(), trail: new CapturingAuditTrail()), Caller(BeijingTaxBureau, "110000"), null, query);
        var trail = new GatedAuditTrail();
        var request = new GatewayRequest(new GatewayCaller(BeijingTaxBureau, "UNDECLARED")) { Identity = Caller(BeijingTaxBureau, "110000") };
        request.Answered(served);
        var stage = new RecordStage(new LoggedAccessDecisions(Microsoft.Extensions.Logging.Abstractions.NullLogger<LoggedAccessDecisions>.Instance), Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance, trail);

        var running = stage.RunAsync(request, TestContext.Current.CancellationToken).AsTask();
        await trail.Appending.WaitAsync(TestContext.Current.CancellationToken);
        Assert.True(served.IsPrepared);
        trail.Fail();
        await running;

        Assert.NotSame(served, request.Answer);
        Assert.False(served.IsPrepared);
        Assert.Equal(503, request.Answer!.StatusCode);
        Assert.DoesNotContain("李华", request.Answer.ToJson(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Over_HTTP_no_byte_of_the_answer_leaves_before_its_record_is_durable()
    {
        var trail = new GatedAuditTrail();
        var gateway = fixture.Harness.Gateway(With(), trail: trail);
        await using var endpoint = await StartAsync(gateway);

        var sending = endpoint.PostAsync($$"""{ person(idNumber: "{{LiHua}}") { name } }""");
        await trail.Appending.WaitAsync(TestContext.Current.CancellationToken);
        // Time enough for a body released early to arrive; none may.
        await Task.Delay(300, TestContext.Current.CancellationToken);
        Assert.False(sending.IsCompleted);
        trail.Release();
        var (status, body) = await sending;

        Assert.Equal(200, status);
        Assert.Equal("李华", (string?)body["data"]!["person"]!["name"]);
    }

    private static async Task<Endpoint> StartAsync(GatewayPipeline gateway)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Critical);
        var app = builder.Build();
        app.MapGraphQL("/graphql", PlanHarness.Model.ApiSchema, options =>
        {
            options.Executor = new GatewayOperationExecutor(() => gateway);
            options.CreateContext = http => new GatewayRequest(new GatewayCaller(BeijingTaxBureau, "UNDECLARED"))
            {
                Identity = Caller(BeijingTaxBureau, "110000"),
                Http = http,
            };
        });
        await app.StartAsync(TestContext.Current.CancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Endpoint(app, new HttpClient { BaseAddress = new Uri(address) });
    }

    /// <summary>A trail whose append completes (durable) or fails only when the test says so.</summary>
    private sealed class GatedAuditTrail : IAuditTrail
    {
        private readonly TaskCompletionSource appending = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource<ChainedRecord> durable = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Appending => appending.Task;

        public ValueTask<ChainedRecord> AppendAsync(AuditEntry entry, CancellationToken cancellationToken)
        {
            appending.TrySetResult();
            return new ValueTask<ChainedRecord>(durable.Task);
        }

        public void Release() => durable.TrySetResult(new ChainedRecord("gw-test", 1, AnyEntry, "{}"u8.ToArray(), Federation.Gateway.Audit.Chain.AuditChain.Genesis, Federation.Gateway.Audit.Chain.AuditChain.Genesis));

        public void Fail() => durable.TrySetException(new AuditUnavailableException("The test trail could not sync its spool."));

        private static readonly AuditEntry AnyEntry = new() { At = DateTimeOffset.UnixEpoch, Kind = AuditKind.Access };
    }

    /// <summary>A stage after fetching that fails: the record stage must still run.</summary>
    private sealed class ThrowingStage : IRequestStage
    {
        public const string Message = "The test stage failed.";

        public RequestStep Step => RequestStep.Fetch;

        public ValueTask RunAsync(GatewayRequest request, CancellationToken cancellationToken) => throw new InvalidOperationException(Message);
    }

    private sealed class Endpoint(WebApplication app, HttpClient http) : IAsyncDisposable
    {
        public async Task<(int Status, JsonNode Body)> PostAsync([StringSyntax("graphql")] string query)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
            {
                Content = new StringContent(new JsonObject { ["query"] = query }.ToJsonString(), Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
            };
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/graphql-response+json"));
            using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
            return ((int)response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!);
        }

        public async ValueTask DisposeAsync()
        {
            http.Dispose();
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}

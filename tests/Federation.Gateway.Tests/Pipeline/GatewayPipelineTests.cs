using Federation.Gateway.Admission;
using Federation.Gateway.Authorization;
using Federation.Gateway.Execution;
using Federation.Gateway.Planning;
using Federation.Gateway.Record;
using Federation.Gateway.Requests;
using Federation.Gateway.Shaping;
using Federation.Gateway.Tests.Authorization;
using Federation.Gateway.Tests.Execution;
using Federation.GraphQL;
using static Federation.Gateway.Tests.Execution.FakeSubgraphs;

namespace Federation.Gateway.Tests.Pipeline;

/// <summary>The stages of a request in their one order, and a stage added by registering it: it meets the others only in the request's context.</summary>
public sealed class GatewayPipelineTests
{
    private const string PersonByVariable = """query ($id: IdNumber! = "110101199003074514") { person(idNumber: $id) { name } }""";

    [Fact]
    public async Task The_stages_run_in_one_order_admit_authorize_plan_fetch_shape_record()
    {
        await using var harness = await AuthorizationHarness.StartAsync();

        var pipeline = harness.Gateway(TestCatalogue.With());

        Assert.Equal(
            [RequestStep.Admit, RequestStep.Authorize, RequestStep.Plan, RequestStep.Fetch, RequestStep.Shape, RequestStep.Record],
            pipeline.Stages.Select(stage => stage.Step));
        Assert.Equal(
            [typeof(AdmissionStage), typeof(AuthorizationStage), typeof(PlanStage), typeof(FetchStage), typeof(ShapeStage), typeof(RecordStage)],
            pipeline.Stages.Select(stage => stage.GetType()));
        Assert.DoesNotContain(pipeline.WithoutAuthorization().Stages, stage => stage.Step == RequestStep.Authorize);
    }

    [Fact]
    public async Task A_registered_stage_runs_after_the_specified_stages_of_its_step_and_reads_what_they_left_in_the_context()
    {
        var afterPlan = new Witness(RequestStep.Plan);
        var afterShape = new Witness(RequestStep.Record);
        await using var gateway = await GatewayHarness.StartAsync(stages: [afterShape, afterPlan]);

        var result = await gateway.RunAsync(PersonByVariable);

        Assert.Equal("""{"data":{"person":{"name":"李华"}}}""", result.ToJson());
        Assert.Equal(
            [RequestStep.Admit, RequestStep.Plan, RequestStep.Plan, RequestStep.Fetch, RequestStep.Shape, RequestStep.Record, RequestStep.Record],
            gateway.Executor.Stages.Select(stage => stage.Step));
        var planned = Assert.Single(afterPlan.Seen);
        Assert.True(planned.Planned);
        Assert.False(planned.Answered);
        var recorded = Assert.Single(afterShape.Seen);
        Assert.True(recorded.Answered);
        Assert.Same(result, recorded.Request.Answer);
        Assert.Equal(recorded.Request.DocumentHash, recorded.Request.PlanKey);
        Assert.True(recorded.Request.Timings.Of(RequestStep.Fetch) > TimeSpan.Zero);
        Assert.Contains("fetch;dur=", recorded.Request.Timings.ToServerTiming(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Admission_coerces_the_variables_once_and_leaves_them_in_the_context()
    {
        var admitted = new Witness(RequestStep.Admit);
        await using var gateway = await GatewayHarness.StartAsync(stages: [admitted]);

        await gateway.RunAsync(PersonByVariable);

        var request = Assert.Single(admitted.Seen).Request;
        Assert.Null(request.Variables);
        Assert.Equal(LiHua, request.Prepared.Variables["id"]);
        Assert.Same(request.Operation, request.Prepared.Operation);
        Assert.Equal(GatewayHarness.Caller.Purpose, request.Caller.Purpose);
    }

    [Fact]
    public async Task A_stage_that_answers_ends_the_request_before_the_subgraphs_and_the_record_still_runs()
    {
        var recorded = new Witness(RequestStep.Record);
        await using var gateway = await GatewayHarness.StartAsync(stages: [new RefuseEveryRequest(), recorded]);

        var result = await gateway.RunAsync(PersonByVariable);

        Assert.Equal(403, result.StatusCode);
        Assert.Equal("""{"errors":[{"message":"Closed for the test.","extensions":{"code":"CLOSED"}}]}""", result.ToJson());
        Assert.Empty(gateway.Subgraphs.Arrivals);
        var seen = Assert.Single(recorded.Seen);
        Assert.False(seen.Planned);
        Assert.False(seen.Request.Timings.Ran(RequestStep.Plan));
        Assert.False(seen.Request.Timings.Ran(RequestStep.Fetch));
        Assert.True(seen.Request.Timings.Ran(RequestStep.Authorize));
    }

    /// <summary>Notes, at its step, what the request's context holds.</summary>
    private sealed class Witness(RequestStep step) : IRequestStage
    {
        public List<(GatewayRequest Request, bool Planned, bool Answered)> Seen { get; } = [];

        public RequestStep Step => step;

        public ValueTask RunAsync(GatewayRequest request, CancellationToken cancellationToken)
        {
            lock (Seen)
            {
                Seen.Add((request, request.Get<QueryPlan>() is not null, request.Answer is not null));
            }

            return ValueTask.CompletedTask;
        }
    }

    /// <summary>An authorization of its own, added beside share authorization by one registration.</summary>
    private sealed class RefuseEveryRequest : IRequestStage
    {
        public RequestStep Step => RequestStep.Authorize;

        public ValueTask RunAsync(GatewayRequest request, CancellationToken cancellationToken)
        {
            request.Answered(GatewayResult.Refused([new GraphQLError("Closed for the test.").WithCode("CLOSED")], 403));
            return ValueTask.CompletedTask;
        }
    }
}

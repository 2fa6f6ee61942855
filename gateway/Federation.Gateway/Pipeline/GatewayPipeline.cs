using System.Diagnostics;
using System.Runtime.ExceptionServices;
using Federation.Gateway.Audit;
using Federation.Gateway.Audit.Subjects;
using Federation.Gateway.Admission;
using Federation.Gateway.Auditing;
using Federation.Gateway.Authorization;
using Federation.Gateway.Caching;
using Federation.Gateway.Caching.Eviction;
using Federation.Gateway.Composition;
using Federation.Gateway.Execution;
using Federation.Gateway.Planning;
using Federation.Gateway.Platform;
using Federation.Gateway.Record;
using Federation.Gateway.Requests;
using Federation.Gateway.Shaping;
using Federation.Gateway.Sharing;
using Federation.Gateway.Telemetry;
using Federation.GraphQL.Types;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Federation.Gateway.Pipeline;

/// <summary>
/// The request pipeline of one served supergraph: its stages in one visible order —
/// admit → authorize → plan → fetch → shape → record (<see cref="Specified"/>, the one list) —
/// each one hook over the request's context (<see cref="GatewayRequest"/>), as Apollo Router's
/// plugins are. A reloaded supergraph gets a pipeline of its own: its planner and empty plan
/// cache, its subgraph clients, its platform part, its authorizer over the catalogue it is served
/// with. A stage added later (a cache lookup, the audit) is one registration
/// (<see cref="PipelineServices.AddRequestStage{TStage}"/>): it runs after the specified stages of its step.
/// </summary>
internal sealed class GatewayPipeline
{
    private readonly IRequestStage[] stages;
    private readonly GatewayMetrics? metrics;

    private GatewayPipeline(Schema schema, QueryPlanCache plans, PlatformGraph? platform, OperationAuthorizer? authorization, IRequestStage[] stages, GatewayMetrics? metrics)
    {
        this.metrics = metrics;
        Schema = schema;
        Plans = plans;
        Platform = platform;
        Authorization = authorization;
        this.stages = stages;
    }

    /// <summary>The schema served: the API schema, with the platform's part when there is one. The endpoint validates against it.</summary>
    public Schema Schema { get; }

    /// <summary>The plans of this supergraph only.</summary>
    public QueryPlanCache Plans { get; }

    /// <summary>The platform's part of the graph served with the supergraph; null when the platform is not served.</summary>
    public PlatformGraph? Platform { get; }

    /// <summary>The authorizer of this supergraph; null when every field is served as asked.</summary>
    public OperationAuthorizer? Authorization { get; }

    /// <summary>The stages, in the order they run.</summary>
    public IReadOnlyList<IRequestStage> Stages => stages;

    /// <summary>
    /// The pipeline of <paramref name="supergraph"/>: subgraph requests through the signed client of
    /// <paramref name="http"/> (<see cref="SubgraphHttpClients.AddSubgraphHttpClient"/>), the platform's part
    /// of the graph over <paramref name="sharing"/> when given, share authorization with
    /// <paramref name="authorization"/> when given — over the catalogue the supergraph is served with —,
    /// denials written to <paramref name="decisions"/>, and <paramref name="registered"/> stages besides; the platform's
    /// audit part reads the trail through <paramref name="auditing"/> when the trail is kept; the unconditional base
    /// data is served from <paramref name="cache"/> when given (and the supergraph has a catalogue); its cache eviction
    /// goes through <paramref name="eviction"/>.
    /// </summary>
    public static GatewayPipeline Create(
        Supergraph supergraph,
        SubgraphOptions options,
        IHttpClientFactory http,
        int planCacheCapacity = 1000,
        ShareWorkflow? sharing = null,
        ShareAuthorization? authorization = null,
        IAccessDecisionLog? decisions = null,
        IEnumerable<IRequestStage>? registered = null,
        ILoggerFactory? logs = null,
        AuditReading? auditing = null,
        IAuditTrail? trail = null,
        SubjectHash? subjects = null,
        IReadOnlyCollection<string>? overrideLabels = null,
        GatewayMetrics? metrics = null,
        EntityCache? cache = null,
        CacheEviction? eviction = null)
    {
        var planning = SupergraphPlanning.From(supergraph);
        var platform = sharing is null
            ? null
            : PlatformGraph.Serve(
                supergraph.ApiSchema,
                sharing,
                auditing,
                eviction is null ? null : new ServedEviction(eviction, supergraph, () => supergraph.Catalogue ?? sharing.Catalogue));
        // Subjects' identifiers are fetched only when they are recorded: without a trail the planner's document is the client's.
        var authorizer = authorization?.For(planning.Api, supergraph.Catalogue ?? authorization.Catalogue, auditSubjects: trail is not null && subjects is not null);
        var plans = new QueryPlanCache(planCacheCapacity);
        var planner = new QueryPlanner(planning);
        var overrides = new ProgressiveOverride(supergraph, planner, overrideLabels ?? []);
        var catalogue = supergraph.Catalogue ?? authorization?.Catalogue;
        var cachePlans = cache is null || catalogue is null ? null : new EntityCachePlans(planning, catalogue, cache.Options);
        var specified = Specified(
            authorizer,
            planner,
            overrides.Any ? overrides : null,
            plans,
            platform,
            SubgraphHttpClients.Create(planning, options, http, supergraph.Catalogue, metrics),
            cachePlans is null ? null : cache,
            cachePlans,
            new RecordStage(
                decisions ?? new LoggedAccessDecisions(NullLogger<LoggedAccessDecisions>.Instance),
                (logs ?? NullLoggerFactory.Instance).CreateLogger<RecordStage>(),
                trail,
                subjects));
        return new GatewayPipeline(platform?.Schema ?? planning.Api, plans, platform, authorizer, InOrder(specified, registered), metrics);
    }

    /// <summary>The stages every request goes through, in their order: the one list.</summary>
    private static IRequestStage[] Specified(
        OperationAuthorizer? authorizer,
        QueryPlanner planner,
        ProgressiveOverride? overrides,
        QueryPlanCache plans,
        PlatformGraph? platform,
        SubgraphClients clients,
        EntityCache? cache,
        EntityCachePlans? cachePlans,
        RecordStage record) =>
        authorizer is null
            ? [AdmissionStage.Instance, new PlanStage(planner, plans, platform, overrides), new FetchStage(clients, cache, cachePlans), ShapeStage.Instance, record]
            :
            [
                AdmissionStage.Instance,
                new AuthorizationStage(authorizer),
                new PlanStage(planner, plans, platform, overrides),
                new FetchStage(clients, cache, cachePlans),
                ShapeStage.Instance,
                record,
            ];

    /// <summary>
    /// The same pipeline without the authorization stage: for benchmarks that measure what authorization
    /// costs on the same requests. Never served.
    /// </summary>
    internal GatewayPipeline WithoutAuthorization() =>
        new(Schema, Plans, Platform, null, Array.FindAll(stages, stage => stage is not AuthorizationStage), metrics);

    /// <summary>
    /// Runs <paramref name="request"/> through the stages; once one has answered, only the record stages
    /// still run — and they run also when a stage threw (<see cref="GatewayRequest.Failure"/>), so a failed
    /// request is recorded too. The exception then goes on to the endpoint, which answers it with its
    /// coded error (a time limit's, or <c>INTERNAL_ERROR</c>), unless the record could not be made durable:
    /// then the answer is the record stage's <c>AUDIT_UNAVAILABLE</c>.
    /// </summary>
    public async Task<GatewayResult> ExecuteAsync(GatewayRequest request, CancellationToken cancellationToken)
    {
        request.Schema = Schema;
        using var operation = GatewayTelemetry.StartOperation(request);
        ExceptionDispatchInfo? failure = null;
        try
        {
            foreach (var stage in stages)
            {
                if (stage.Step == RequestStep.Record || request.Answer is not null)
                {
                    continue;
                }

                await RunAsync(stage, request, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception exception)
        {
            failure = ExceptionDispatchInfo.Capture(exception);
            request.Failure = exception;
        }

        GatewayTelemetry.DescribeCaller(operation, request);
        foreach (var stage in stages)
        {
            if (stage.Step != RequestStep.Record)
            {
                continue;
            }

            await RunAsync(stage, request, cancellationToken).ConfigureAwait(false);
        }

        metrics?.Finished(request, request.Answer);
        if (failure is not null && !request.Unrecorded)
        {
            // The kind only: an exception's message can quote what the caller sent.
            GatewayTelemetry.Failed(operation, failure.SourceException.GetType().Name);
            failure.Throw();
        }

        if (operation is not null && request.Answer is { } answered && answered.Errors.Count > 0)
        {
            GatewayTelemetry.Failed(operation, GatewayTelemetry.CodeOf(answered.Errors[0]));
        }

        return request.Answer ?? throw new InvalidOperationException("No stage of the pipeline answered the request: the shape stage is missing.");
    }

    /// <summary>One stage, timed for the record and, when someone traces, in a span of its own.</summary>
    private static async ValueTask RunAsync(IRequestStage stage, GatewayRequest request, CancellationToken cancellationToken)
    {
        using var span = GatewayTelemetry.StartStage(stage.Step);
        var started = Stopwatch.GetTimestamp();
        await stage.RunAsync(request, cancellationToken).ConfigureAwait(false);
        request.Timings.Add(stage.Step, Stopwatch.GetTimestamp() - started);
    }

    /// <summary>Per step, the specified stages, then the registered ones in their registration order.</summary>
    private static IRequestStage[] InOrder(IRequestStage[] specified, IEnumerable<IRequestStage>? registered)
    {
        if (registered is null || !registered.Any())
        {
            return specified;
        }

        var extra = registered.ToArray();
        var ordered = new List<IRequestStage>(specified.Length + extra.Length);
        for (var step = RequestStep.Admit; step <= RequestStep.Record; step++)
        {
            ordered.AddRange(specified.Where(stage => stage.Step == step));
            ordered.AddRange(extra.Where(stage => stage.Step == step));
        }

        return [.. ordered];
    }
}

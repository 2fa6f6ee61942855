using System.Runtime.CompilerServices;
using Federation.Gateway.Audit;
using Federation.Gateway.Auditing;
using Federation.Gateway.Audit.Subjects;
using Federation.Gateway.Authorization;
using Federation.Gateway.Caching;
using Federation.Gateway.Caching.Eviction;
using Federation.Gateway.Composition;
using Federation.Gateway.Execution;
using Federation.Gateway.Pipeline;
using Federation.Gateway.Record;
using Federation.Gateway.Requests;
using Federation.Gateway.Sharing;
using Federation.Gateway.Telemetry;
using Federation.GraphQL.Types;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Federation.Gateway.Hosting;

/// <summary>
/// The pipeline of the supergraph being served: made again, with its own planner, empty plan
/// cache, served schema (API schema and the platform's part) and authorizer over the supergraph's
/// own catalogue, when a reload swaps the supergraph. Every request is authorized against the share
/// catalogue served with it (<see cref="ShareAuthorization"/>); the registered stages
/// (<see cref="PipelineServices.AddRequestStage{TStage}"/>) run in every pipeline; every request is
/// recorded in the audit trail when one is registered (<see cref="IAuditTrail"/>, with the
/// <see cref="SubjectHash"/> its data subjects are kept as).
/// </summary>
internal sealed class ServedExecutor(
    SupergraphSource source,
    IOptions<SubgraphOptions> subgraphs,
    IOptions<GatewayOptions> gateway,
    IHttpClientFactory http,
    ShareWorkflow sharing,
    ShareAuthorization authorization,
    IAccessDecisionLog decisions,
    IEnumerable<IRequestStage> registered,
    ILoggerFactory logs,
    AuditReading? auditing = null,
    IAuditTrail? trail = null,
    SubjectHash? subjects = null,
    GatewayMetrics? metrics = null,
    EntityCache? cache = null,
    CacheEviction? eviction = null)
{
    /// <summary>Every pipeline served, by its schema, for as long as a request may still hold that schema.</summary>
    private readonly ConditionalWeakTable<Schema, GatewayPipeline> bySchema = [];
    private Served? served;
    private bool withoutAuthorization;

    public GatewayPipeline Current()
    {
        var supergraph = source.Current;
        var current = Volatile.Read(ref served);
        if (current is not null && ReferenceEquals(current.Supergraph, supergraph))
        {
            return current.Pipeline;
        }

        var pipeline = Build(supergraph);
        bySchema.AddOrUpdate(pipeline.Schema, pipeline);
        Volatile.Write(ref served, new Served(supergraph, pipeline));
        return pipeline;
    }

    /// <summary>The pipeline of <paramref name="supergraph"/>, as <see cref="Current"/> makes it; throws as serving it would.</summary>
    public GatewayPipeline Build(Supergraph supergraph)
    {
        var pipeline = GatewayPipeline.Create(supergraph, subgraphs.Value, http, gateway.Value.PlanCacheSize, sharing, authorization, decisions, registered, logs, auditing, trail, subjects, gateway.Value.OverrideLabels, metrics, cache, eviction);
        return withoutAuthorization ? pipeline.WithoutAuthorization() : pipeline;
    }

    /// <summary>
    /// The pipeline whose schema the endpoint validated a request against: the served set the request
    /// took at its start, even when a reload has served another since — it finishes on that set.
    /// </summary>
    public GatewayPipeline For(Schema schema)
    {
        var current = Current();
        return ReferenceEquals(current.Schema, schema) || !bySchema.TryGetValue(schema, out var started) ? current : started;
    }

    /// <summary>
    /// Serves every request as sent, without the authorization stage — for the benchmark that measures
    /// what authorization costs on the same gateway (tests/Federation.Benchmarks). No configuration
    /// reaches it; call it before the first request.
    /// </summary>
    internal void ServeWithoutAuthorizationForBenchmark()
    {
        withoutAuthorization = true;
        Volatile.Write(ref served, null);
    }

    private sealed record Served(Supergraph Supergraph, GatewayPipeline Pipeline);
}

/// <summary>
/// The start's check on a reload: the set must make a pipeline — the platform's part of the graph
/// must not clash with it, every subgraph must have a client — or the reload is refused.
/// </summary>
internal sealed class ServedExecutorCheck(Func<ServedExecutor> executor) : IServedSupergraphCheck
{
    public IReadOnlyList<CompositionError> Check(Supergraph candidate)
    {
        try
        {
            executor().Build(candidate);
            return [];
        }
        catch (Exception exception) when (exception is InvalidOperationException or FormatException or ArgumentException or Federation.GraphQL.GraphQLException)
        {
            return [CompositionErrorCodes.ServedSchemaInvalid(exception.Message)];
        }
    }
}

using System.Runtime.CompilerServices;
using Federation.Gateway.Authorization;
using Federation.Gateway.Composition;
using Federation.Gateway.Execution;
using Federation.Gateway.Sharing;
using Federation.GraphQL.AspNetCore.Engine;
using Federation.GraphQL.Types;
using Microsoft.Extensions.Options;

namespace Federation.Gateway.Hosting;

/// <summary>
/// The executor of the supergraph being served: made again, with its own planner, empty plan
/// cache and served schema (API schema and the platform's part), when a reload swaps the supergraph.
/// Every request is authorized against the share catalogue served with that supergraph
/// (<see cref="Supergraph.Catalogue"/>, through <see cref="ShareAuthorization.ServedWith"/>), so a
/// catalogue change is in force with the set it came with. As the endpoint's executor, it runs each
/// request on the executor of the schema the request was validated against: a request in flight
/// during a swap finishes on the set it started with.
/// </summary>
internal sealed class ServedExecutor(
    SupergraphSource source,
    IOptions<SubgraphOptions> subgraphs,
    IOptions<GatewayOptions> gateway,
    IHttpClientFactory http,
    ShareWorkflow sharing,
    ShareAuthorization authorization) : IOperationExecutor
{
    // Weak: an old set's executor lives while a request still holds its schema, no longer.
    private readonly ConditionalWeakTable<Schema, GatewayOperationExecutor> bySchema = [];
    private Served? served;
    private bool withoutAuthorization;

    public GatewayExecutor Current()
    {
        var supergraph = source.Current;
        var current = Volatile.Read(ref served);
        if (current is not null && ReferenceEquals(current.Supergraph, supergraph))
        {
            return current.Executor;
        }

        var executor = Build(supergraph);
        bySchema.AddOrUpdate(executor.Schema, new GatewayOperationExecutor(() => executor));
        Volatile.Write(ref served, new Served(supergraph, executor));
        return executor;
    }

    /// <summary>An executor for <paramref name="supergraph"/>, as <see cref="Current"/> makes it; throws as serving it would.</summary>
    public GatewayExecutor Build(Supergraph supergraph)
    {
        var executor = GatewayExecutor.Create(supergraph, subgraphs.Value, http, gateway.Value.PlanCacheSize, sharing, authorization.ServedWith(supergraph.Catalogue));
        return withoutAuthorization ? executor.WithoutAuthorization() : executor;
    }

    public ValueTask<IOperationResult> ExecuteAsync(OperationRequest request, CancellationToken cancellationToken)
    {
        var current = Current();
        var operations = bySchema.TryGetValue(request.Schema, out var started) ? started : new GatewayOperationExecutor(() => current);
        return operations.ExecuteAsync(request, cancellationToken);
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

    private sealed record Served(Supergraph Supergraph, GatewayExecutor Executor);
}

/// <summary>
/// The start's check on a reload: the set must make an executor — the platform's part of the graph
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

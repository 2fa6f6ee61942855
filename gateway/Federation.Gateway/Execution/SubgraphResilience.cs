using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace Federation.Gateway.Execution;

/// <summary>
/// What the subgraph client does about failing subgraphs, on Microsoft.Extensions.Http.Resilience (Polly 8),
/// outside the signing handler so each attempt is signed afresh (a new nonce: the subgraph refuses a
/// signature it has seen):
/// <list type="bullet">
/// <item>a retry for queries only, and only when the request never reached the subgraph (no connection,
/// no name): a mutation is sent once, since a mutation that failed on the way back may have been carried out;</item>
/// <item>a circuit breaker per subgraph (the pipeline is chosen by the subgraph's name): after
/// <see cref="SubgraphResilienceOptions.FailureRatio"/> of the requests failed, the subgraph is not asked for
/// <see cref="SubgraphResilienceOptions.BreakDuration"/>, and its fetches fail at once with today's
/// <c>SUBGRAPH_UNAVAILABLE</c> instead of each waiting for its timeout.</item>
/// </list>
/// The timeout stays <see cref="SubgraphClient"/>'s, which tells a timeout apart from other failures.
/// </summary>
internal static class SubgraphResilience
{
    /// <summary>The subgraph a request goes to: its circuit.</summary>
    public static readonly HttpRequestOptionsKey<string> SubgraphOption = new("Federation.Subgraph");

    /// <summary>Whether the request is a query (true) and may be sent again when it was not delivered.</summary>
    public static readonly HttpRequestOptionsKey<bool> QueryOption = new("Federation.SubgraphQuery");

    public static IHttpClientBuilder AddSubgraphResilience(this IHttpClientBuilder client)
    {
        client.AddResilienceHandler("subgraph", static (pipeline, context) =>
        {
            var options = context.ServiceProvider.GetRequiredService<IOptions<SubgraphOptions>>().Value.Resilience;
            if (options.QueryRetries > 0)
            {
                pipeline.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = options.QueryRetries,
                    Delay = options.RetryDelay,
                    BackoffType = DelayBackoffType.Constant,
                    UseJitter = false,
                    ShouldRetryAfterHeader = false,
                    ShouldHandle = static arguments => ValueTask.FromResult(IsUndeliveredQuery(arguments.Outcome, arguments.Context)),
                });
            }

            pipeline.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
            {
                FailureRatio = options.FailureRatio,
                MinimumThroughput = options.MinimumThroughput,
                SamplingDuration = options.SamplingDuration,
                BreakDuration = options.BreakDuration,
                ShouldHandle = static arguments => ValueTask.FromResult(IsSubgraphFailure(arguments.Outcome)),
            });
        }).SelectPipelineBy(static _ => request => request.Options.TryGetValue(SubgraphOption, out var subgraph) ? subgraph : "");
        return client;
    }

    /// <summary>A query whose request could not be delivered: no connection was made, so the subgraph did nothing.</summary>
    private static bool IsUndeliveredQuery(Outcome<HttpResponseMessage> outcome, ResilienceContext context) =>
        outcome.Exception is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError }
        && context.GetRequestMessage() is { } request
        && request.Options.TryGetValue(QueryOption, out var query)
        && query;

    /// <summary>What counts against a subgraph's circuit: it could not be reached, or it answered a server error.</summary>
    private static bool IsSubgraphFailure(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception is HttpRequestException
        || outcome.Result is { StatusCode: >= HttpStatusCode.InternalServerError };
}

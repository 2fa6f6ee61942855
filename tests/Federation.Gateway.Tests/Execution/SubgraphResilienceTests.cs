using System.Net;
using Federation.Gateway.Execution;
using Federation.Protocol.Signing;
using Microsoft.Extensions.DependencyInjection;

namespace Federation.Gateway.Tests.Execution;

/// <summary>
/// The subgraph client's resilience (<see cref="SubgraphResilience"/>): a query that never reached its
/// subgraph is sent again, a mutation never is; a subgraph that keeps failing has its circuit opened, and
/// its fetches fail at once with today's <c>SUBGRAPH_UNAVAILABLE</c> — other subgraphs' circuits stay closed.
/// </summary>
public sealed class SubgraphResilienceTests
{
    private static readonly GatewayCaller Caller = new("11330200123456788X", "DATA_VERIFICATION");
    private static readonly Uri Url = new("http://population.invalid/graphql");

    [Fact]
    public async Task A_query_that_could_not_be_delivered_is_sent_again()
    {
        var subgraph = new Subgraph(_ => throw new HttpRequestException(HttpRequestError.ConnectionError, "refused"));

        // A circuit that opened after two failures would refuse the third attempt itself.
        using var services = Services(subgraph, retries: 2, minimumThroughput: 100);

        var response = await Client(services, "population").SendAsync("{ person { name } }", null, Caller, TestContext.Current.CancellationToken, query: true);

        Assert.Equal(3, subgraph.Requests);
        Assert.Equal(ExecutionErrorCodes.SubgraphUnavailable, Code(response));
        Assert.Equal("Subgraph \"population\" is unavailable: it cannot be connected to.", response.Failure!.Message);
    }

    [Fact]
    public async Task A_mutation_is_sent_once_whatever_happens()
    {
        var subgraph = new Subgraph(_ => throw new HttpRequestException(HttpRequestError.ConnectionError, "refused"));
        using var services = Services(subgraph, retries: 2);

        var response = await Client(services, "population").SendAsync("mutation { register { id } }", null, Caller, TestContext.Current.CancellationToken, query: false);

        Assert.Equal(1, subgraph.Requests);
        Assert.Equal(ExecutionErrorCodes.SubgraphUnavailable, Code(response));
    }

    [Fact]
    public async Task A_query_the_subgraph_received_and_failed_is_not_sent_again()
    {
        var subgraph = new Subgraph(_ => Task.FromResult(new HttpResponseMessage(HttpStatusCode.InternalServerError)));
        using var services = Services(subgraph, retries: 2);

        var response = await Client(services, "population").SendAsync("{ person { name } }", null, Caller, TestContext.Current.CancellationToken, query: true);

        Assert.Equal(1, subgraph.Requests);
        Assert.Equal("Subgraph \"population\" is unavailable: it answered HTTP 500.", response.Failure!.Message);
    }

    [Fact]
    public async Task An_open_circuit_fails_at_once_with_the_unavailable_code_and_asks_the_subgraph_nothing()
    {
        // Two failures open the circuit; after them the subgraph would never answer: only an open circuit lets the test end.
        var hung = new TaskCompletionSource<HttpResponseMessage>();
        var subgraph = new Subgraph(n => n <= 2 ? Task.FromResult(new HttpResponseMessage(HttpStatusCode.ServiceUnavailable)) : hung.Task);
        using var services = Services(subgraph, retries: 0, timeout: TimeSpan.FromHours(1));
        var population = Client(services, "population");
        await population.SendAsync("{ a }", null, Caller, TestContext.Current.CancellationToken, query: true);
        await population.SendAsync("{ b }", null, Caller, TestContext.Current.CancellationToken, query: true);

        var refused = await population.SendAsync("{ c }", null, Caller, TestContext.Current.CancellationToken, query: true);

        Assert.Equal(2, subgraph.Requests);
        Assert.Equal(ExecutionErrorCodes.SubgraphUnavailable, Code(refused));
        Assert.Equal("Subgraph \"population\" is unavailable: it failed repeatedly and is not asked again for a while.", refused.Failure!.Message);
    }

    [Fact]
    public async Task Each_subgraph_has_its_own_circuit()
    {
        var subgraph = new Subgraph(_ => Task.FromResult(new HttpResponseMessage(HttpStatusCode.ServiceUnavailable)));
        using var services = Services(subgraph, retries: 0);
        var population = Client(services, "population");
        for (var i = 0; i < 3; i++)
        {
            await population.SendAsync("{ a }", null, Caller, TestContext.Current.CancellationToken, query: true);
        }

        var licences = await Client(services, "licences").SendAsync("{ a }", null, Caller, TestContext.Current.CancellationToken, query: true);

        // Population's circuit opened after two; the third never left. Licences was asked.
        Assert.Equal(3, subgraph.Requests);
        Assert.Equal("Subgraph \"licences\" is unavailable: it answered HTTP 503.", licences.Failure!.Message);
    }

    private static string? Code(SubgraphResponse response) => response.Failure?.Extensions?["code"] as string;

    private static SubgraphClient Client(ServiceProvider services, string name) =>
        new(name, services.GetRequiredService<IHttpClientFactory>().CreateClient(SubgraphHttpClients.ClientName), Url, services.GetRequiredService<Microsoft.Extensions.Options.IOptions<SubgraphOptions>>().Value.Timeout);

    /// <summary>The gateway's subgraph client registration, with <paramref name="subgraph"/> in place of the network.</summary>
    private static ServiceProvider Services(Subgraph subgraph, int retries, TimeSpan? timeout = null, int minimumThroughput = 2)
    {
        var services = new ServiceCollection();
        services.Configure<SubgraphOptions>(options =>
        {
            options.Timeout = timeout ?? TimeSpan.FromSeconds(10);
            options.Resilience.QueryRetries = retries;
            options.Resilience.RetryDelay = TimeSpan.Zero;
            options.Resilience.MinimumThroughput = minimumThroughput;
            options.Resilience.FailureRatio = 0.5;
            options.Resilience.BreakDuration = TimeSpan.FromMinutes(10);
        });
        services.AddSingleton(new GatewaySignature("a-test-secret-that-is-long-enough-for-hmac-sha256"));
        services.AddSubgraphHttpClient();
        services.AddHttpClient(SubgraphHttpClients.ClientName).ConfigurePrimaryHttpMessageHandler(() => subgraph);
        return services.BuildServiceProvider();
    }

    /// <summary>The network and the subgraph behind it: answers the <c>n</c>-th request (from 1) as told, and counts them.</summary>
    private sealed class Subgraph(Func<int, Task<HttpResponseMessage>> answer) : HttpMessageHandler
    {
        private int requests;

        public int Requests => Volatile.Read(ref requests);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            // Each attempt is signed anew: the subgraph refuses a nonce it has seen.
            Assert.True(request.Headers.Contains(GatewaySignatureHeaders.Signature));
            return answer(Interlocked.Increment(ref requests));
        }
    }
}

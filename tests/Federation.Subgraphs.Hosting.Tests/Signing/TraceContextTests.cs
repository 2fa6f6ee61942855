using System.Diagnostics;
using Federation.Protocol.Signing;

namespace Federation.Subgraphs.Hosting.Tests.Signing;

/// <summary>
/// A subgraph continues the trace of the gateway's signed <c>traceparent</c> and takes no other trace header
/// from the wire: <c>tracestate</c>, <c>baggage</c> and the legacy <c>Request-Id</c> are not signed, so anyone
/// on the way could add them (to tag the subgraph's spans, or to pass values to code that reads the baggage).
/// </summary>
public sealed class TraceContextTests
{
    private static readonly GatewayCaller Caller = new("330200-gongan", "DATA_VERIFICATION");

    [Fact]
    public async Task The_signed_traceparent_is_continued_and_unsigned_tracestate_and_baggage_are_not_taken()
    {
        await using var server = await SubgraphServer.StartAsync();
        using var spans = new ServerSpans();
        var request = SubgraphServer.WhoAmI();
        using (new Activity("gateway.fetch population").SetIdFormat(ActivityIdFormat.W3C).Start())
        {
            await new GatewaySignature(SubgraphServer.Secret, new ManualClock(SubgraphServer.Now)).SignAsync(request, Caller, TestContext.Current.CancellationToken);
        }

        var traceParent = request.Headers.GetValues(GatewaySignatureHeaders.TraceParent).Single();
        request.Headers.Add(GatewaySignatureHeaders.TraceState, "grafted=on-the-way");
        request.Headers.Add("baggage", "agency=someone-else,purpose=ANYTHING");
        request.Headers.Add("Correlation-Context", "agency=someone-else");

        var (status, _) = await server.SendAsync(request);

        Assert.Equal(200, status);
        var continued = await spans.OfTraceAsync(ActivityTraceId.CreateFromString(traceParent.AsSpan(3, 32)));
        Assert.Equal(traceParent.Substring(36, 16), continued.ParentSpanId.ToHexString());
        Assert.Null(continued.TraceStateString);
        Assert.Empty(continued.Baggage);
    }

    [Fact]
    public async Task A_legacy_Request_Id_does_not_graft_a_request_onto_a_trace()
    {
        await using var server = await SubgraphServer.StartAsync();
        using var spans = new ServerSpans();
        var request = SubgraphServer.WhoAmI();

        // Signed without any span current: no traceparent, the signature covers its absence.
        await new GatewaySignature(SubgraphServer.Secret, new ManualClock(SubgraphServer.Now)).SignAsync(request, Caller, TestContext.Current.CancellationToken);
        var grafted = ActivityTraceId.CreateRandom();
        request.Headers.Add("Request-Id", $"00-{grafted}-{ActivitySpanId.CreateRandom()}-01");
        request.Headers.Add("baggage", "agency=someone-else");

        var (status, _) = await server.SendAsync(request);

        Assert.Equal(200, status);
        Assert.DoesNotContain(spans.All(), span => span.TraceId == grafted);
        Assert.DoesNotContain(spans.All(), span => span.Baggage.Any());
    }

    /// <summary>The ASP.NET Core server spans that end while it listens.</summary>
    private sealed class ServerSpans : IDisposable
    {
        private readonly ActivityListener listener;
        private readonly List<Activity> ended = [];

        public ServerSpans()
        {
            listener = new ActivityListener
            {
                ShouldListenTo = source => source.Name == "Microsoft.AspNetCore",
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
                ActivityStopped = activity =>
                {
                    lock (ended)
                    {
                        ended.Add(activity);
                    }
                },
            };
            ActivitySource.AddActivityListener(listener);
        }

        public IReadOnlyList<Activity> All()
        {
            lock (ended)
            {
                return [.. ended];
            }
        }

        /// <summary>The server span of <paramref name="trace"/>, waiting (at most 10 s) for it to end after the answer.</summary>
        public async Task<Activity> OfTraceAsync(ActivityTraceId trace)
        {
            for (var waited = 0; waited < 500; waited++)
            {
                if (All().FirstOrDefault(span => span.TraceId == trace) is { } span)
                {
                    return span;
                }

                await Task.Delay(20, TestContext.Current.CancellationToken);
            }

            throw new Xunit.Sdk.XunitException("The subgraph's server span did not continue the signed trace.");
        }

        public void Dispose() => listener.Dispose();
    }
}

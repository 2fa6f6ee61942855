using System.Diagnostics;
using System.Text.Json.Nodes;
using Federation.Gateway.Telemetry;
using Federation.Gateway.Tests.Reload;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace Federation.Gateway.Tests.Telemetry;

/// <summary>
/// The gateway's traces, exported in memory: one trace per request, a span per stage and per subgraph fetch,
/// the subgraphs' server spans in the same trace under the fetch that asked them (the signed traceparent),
/// the caller's agency and purpose on the operation — and nothing the caller sent or was sent.
/// </summary>
[Collection(ReloadCollection.Name)]
public sealed class GatewayTracingTests(ReloadSubgraphs subgraphs)
{
    /// <summary>A person and a licence type: population and licences are asked, and the person's identity number goes as a variable.</summary>
    private const string PersonAndLicenceTypes = """
        query PersonAndLicenceTypes($id: IdNumber!, $first: Int) {
          person(idNumber: $id) { name licences(first: $first) { totalCount } }
          licenceTypes { code }
        }
        """;

    /// <summary>A well-formed identity number of the demo's region, not one of the seeded persons: it must appear nowhere.</summary>
    private const string IdentityNumber = "330203198807159933";

    [Fact]
    public async Task A_request_is_one_trace_with_a_span_per_stage_and_per_fetch_that_the_subgraphs_continue()
    {
        var spans = new SpanSink();
        await using var gateway = await TracedGatewayAsync(spans);

        var answer = await gateway.PostAsync(PersonAndLicenceTypes, new JsonObject { ["id"] = IdentityNumber, ["first"] = 7 }, ReloadGateway.PublicSecurity);
        Assert.Equal(200, answer.Status);

        // Other tests' gateways trace too, in parallel: this one's operation is told by its name.
        var operation = await SpanAsync(spans, span => span.OperationName == "gateway.operation" && (string?)span.GetTagItem(GatewayTelemetry.OperationName) == "PersonAndLicenceTypes");
        var server = await SpanAsync(spans, span => span.SpanId == operation.ParentSpanId);
        var trace = spans.Of(operation.TraceId);
        Assert.Equal("PersonAndLicenceTypes", operation.GetTagItem(GatewayTelemetry.OperationName));
        Assert.Equal("query", operation.GetTagItem(GatewayTelemetry.OperationType));
        Assert.Equal(ReloadGateway.PublicSecurity.Agency, operation.GetTagItem(GatewayTelemetry.CallerAgency));
        Assert.Equal("WORK_REFERENCE", operation.GetTagItem(GatewayTelemetry.CallerPurpose));

        // The request's server span; the operation under it; the stages under the operation.
        Assert.Equal(ActivityKind.Server, server.Kind);
        Assert.Equal(operation.TraceId, server.TraceId);
        string[] stages = ["gateway.admit", "gateway.authorize", "gateway.plan", "gateway.fetch", "gateway.shape", "gateway.record"];
        foreach (var stage in stages)
        {
            Assert.Contains(trace, span => span.OperationName == stage && span.ParentSpanId == operation.SpanId);
        }

        // Every fetch is continued by the subgraph it asked: a server span in the same trace, its parent the fetch.
        var fetches = trace.Where(span => span.OperationName.StartsWith("gateway.fetch ", StringComparison.Ordinal)).ToList();
        Assert.Contains(fetches, fetch => (string?)fetch.GetTagItem(GatewayTelemetry.Subgraph) == "licences");
        foreach (var fetch in fetches)
        {
            var continued = await SpanAsync(spans, span => span.Kind == ActivityKind.Server && span.ParentSpanId == fetch.SpanId);
            Assert.Equal(operation.TraceId, continued.TraceId);
        }
    }

    [Fact]
    public async Task No_span_carries_the_token_the_variables_the_arguments_or_the_identity_number()
    {
        var spans = new SpanSink();
        await using var gateway = await TracedGatewayAsync(spans);
        var token = gateway.Tokens.For(ReloadGateway.PublicSecurity);

        // By variable, inline as an argument, and in a GET's query string (which the server span sees).
        await gateway.PostAsync(PersonAndLicenceTypes, new JsonObject { ["id"] = IdentityNumber, ["first"] = 7 }, ReloadGateway.PublicSecurity);
        await gateway.PostAsync($$"""{ person(idNumber: "{{IdentityNumber}}") { name } }""", ReloadGateway.PublicSecurity);
        await gateway.GetAsync($$"""{ person(idNumber: "{{IdentityNumber}}") { name } }""", ReloadGateway.PublicSecurity);
        await SpanAsync(spans, span => span.Kind == ActivityKind.Server && span.DisplayName.StartsWith("GET", StringComparison.Ordinal));

        var exported = spans.All();
        Assert.NotEmpty(exported);
        foreach (var span in exported)
        {
            var texts = span.TagObjects.Select(tag => tag.Key + "=" + tag.Value)
                .Concat(span.Events.SelectMany(e => e.Tags.Select(tag => e.Name + ":" + tag.Key + "=" + tag.Value).Append(e.Name)))
                .Append(span.DisplayName)
                .Append(span.StatusDescription ?? "");
            foreach (var text in texts)
            {
                Assert.DoesNotContain(IdentityNumber, text, StringComparison.Ordinal);
                Assert.DoesNotContain(token, text, StringComparison.Ordinal);
                Assert.DoesNotContain(token[..20], text, StringComparison.Ordinal);
                Assert.DoesNotContain("licences(first", text, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task A_clients_trace_headers_are_not_trusted_the_gateway_starts_its_own_trace_and_passes_none_of_them_on()
    {
        var spans = new SpanSink();
        await using var gateway = await TracedGatewayAsync(spans);
        var theirs = ActivityTraceId.CreateRandom();
        var theirSpan = ActivitySpanId.CreateRandom();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(gateway.Url, "/graphql"))
        {
            Content = new StringContent(new JsonObject { ["query"] = PersonAndLicenceTypes, ["variables"] = new JsonObject { ["id"] = IdentityNumber } }.ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", gateway.Tokens.For(ReloadGateway.PublicSecurity));
        request.Headers.Add("Federation-Purpose", "WORK_REFERENCE");
        request.Headers.Add("traceparent", $"00-{theirs}-{theirSpan}-01");
        request.Headers.Add("tracestate", "client=chosen");
        request.Headers.Add("baggage", "agency=someone-else,purpose=ANYTHING");
        request.Headers.Add("Request-Id", $"00-{theirs}-{theirSpan}-01");
        // The headers exactly as written: this process's tracing must not replace them with its own span's.
        using var client = new HttpClient(new SocketsHttpHandler { ActivityHeadersPropagator = null });

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(200, (int)response.StatusCode);

        var operation = await SpanAsync(spans, span => span.OperationName == "gateway.operation" && (string?)span.GetTagItem(GatewayTelemetry.OperationName) == "PersonAndLicenceTypes");
        var server = await SpanAsync(spans, span => span.SpanId == operation.ParentSpanId);
        var fetch = await SpanAsync(spans, span => span.TraceId == operation.TraceId && span.OperationName.StartsWith("gateway.fetch ", StringComparison.Ordinal));
        var continued = await SpanAsync(spans, span => span.Kind == ActivityKind.Server && span.ParentSpanId == fetch.SpanId);

        // The gateway's server span is in a trace of its own: neither the client's trace nor under the client's span.
        Assert.Equal(ActivityKind.Server, server.Kind);
        Assert.NotEqual(theirs, server.TraceId);
        Assert.Equal(default, server.ParentSpanId);
        Assert.DoesNotContain(spans.All(), span => span.TraceId == theirs);
        foreach (var span in new[] { server, operation, fetch, continued })
        {
            Assert.Null(span.TraceStateString);
            Assert.Empty(span.Baggage);
        }

        // The subgraph continues the gateway's trace (its signed traceparent), not the client's.
        Assert.Equal(server.TraceId, continued.TraceId);
    }

    [Fact]
    public async Task Redis_calls_of_the_entity_cache_are_spans_of_the_request_without_keys_or_identity_numbers()
    {
        var spans = new SpanSink();
        await using var gateway = await TracedGatewayAsync(spans, new Dictionary<string, string>
        {
            ["Cache:Redis"] = Federation.Subgraphs.Testing.TestServices.Redis,
            ["Cache:KeyPrefix"] = "tracing-" + Guid.NewGuid().ToString("N") + ":",
        });

        var answer = await gateway.PostAsync(PersonAndLicenceTypes, new JsonObject { ["id"] = IdentityNumber, ["first"] = 7 }, ReloadGateway.PublicSecurity);
        Assert.Equal(200, answer.Status);

        var operation = await SpanAsync(spans, span => span.OperationName == "gateway.operation" && (string?)span.GetTagItem(GatewayTelemetry.OperationName) == "PersonAndLicenceTypes");
        var redis = await SpanAsync(spans, span => span.Source.Name == RedisSource && span.TraceId == operation.TraceId);
        Assert.Equal(ActivityKind.Client, redis.Kind);
        foreach (var span in spans.All().Where(span => span.Source.Name == RedisSource))
        {
            foreach (var (key, value) in span.TagObjects)
            {
                var text = key + "=" + value;
                Assert.DoesNotContain(IdentityNumber, text, StringComparison.Ordinal);
                Assert.DoesNotContain(Federation.Gateway.Caching.CacheKeys.Prefix, text, StringComparison.Ordinal);
                Assert.DoesNotContain("tracing-", text, StringComparison.Ordinal);
            }

            Assert.DoesNotContain(":", span.DisplayName, StringComparison.Ordinal);
        }
    }

    private const string RedisSource = "OpenTelemetry.Instrumentation.StackExchangeRedis";

    private async Task<ReloadGateway> TracedGatewayAsync(SpanSink spans, IReadOnlyDictionary<string, string>? settings = null)
    {
        var all = new Dictionary<string, string> { ["Telemetry:Traces"] = "true" };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            all[key] = value;
        }

        return await ReloadGateway.StartAsync(
            subgraphs.Subgraphs,
            all,
            services: services => services
                .Configure<OpenTelemetry.Instrumentation.StackExchangeRedis.StackExchangeRedisInstrumentationOptions>(redis => redis.FlushInterval = TimeSpan.FromMilliseconds(200))
                .ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(spans)));
    }

    /// <summary>The first span that matches, waiting (at most 10 s) for it to end: the server spans end after the answer is read.</summary>
    private static async Task<Activity> SpanAsync(SpanSink spans, Func<Activity, bool> match)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        while (!timeout.IsCancellationRequested)
        {
            if (spans.All().FirstOrDefault(match) is { } span)
            {
                return span;
            }

            await Task.Delay(20, CancellationToken.None);
        }

        throw new Xunit.Sdk.XunitException("No such span among: " + string.Join(", ", spans.All().Select(s => s.DisplayName + "/" + s.Kind).Distinct().Take(40)));
    }
}

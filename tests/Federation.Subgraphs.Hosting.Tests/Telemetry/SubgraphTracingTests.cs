using System.Diagnostics;
using Federation.Gateway.Tests.Telemetry;
using Federation.Subgraphs.Population;
using Federation.Subgraphs.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Trace;

namespace Federation.Subgraphs.Hosting.Tests.Telemetry;

/// <summary>
/// A subgraph's PostgreSQL calls are traced (Npgsql's instrumentation, wired by the service defaults) under
/// the request's server span, and their spans carry the SQL with its parameters' placeholders, never the
/// values: an identity number asked by variable appears in no span. Tracing on, the request's span continues
/// the gateway's signed <c>traceparent</c> and takes no unsigned trace header.
/// </summary>
public sealed class SubgraphTracingTests
{
    [Fact]
    public async Task PostgreSQL_calls_are_spans_of_the_request_with_placeholders_and_no_identity_number()
    {
        await using var database = await TestDatabase.CreateAsync("subgraph_tracing", postgis: false, TestContext.Current.CancellationToken);
        var spans = new SpanSink();
        await using var app = PopulationService.Build(["--Telemetry:Traces=true", "--Telemetry:Prometheus=false"], builder =>
        {
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Store"] = "Postgres",
                ["ConnectionStrings:Postgres"] = database.ConnectionString,
                ["Seed:Persons"] = "20",
                ["GatewaySignature:Secret"] = SignedGraphQLClient.Secret,
            });
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            builder.Services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(spans));
        });
        await app.StartAsync(TestContext.Current.CancellationToken);
        // After the signature, someone on the way adds trace headers the signature does not cover.
        var client = SignedGraphQLClient.Create(handlers => new HttpClient(Chain([.. handlers, new UnsignedTraceHeaders()])) { BaseAddress = new Uri(app.Urls.First()) });
        var listed = await client.PostAsync("{ persons(first: 2) { edges { node { idNumber } } } }", cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(listed.Errors.Count == 0, listed.Body);
        var idNumber = listed.Data!["persons"]!["edges"]![1]!["node"]!["idNumber"]!.GetValue<string>();

        GraphQLResponse asked;
        // Sampled, as the gateway's fetch spans are when it traces: the subgraph follows its decision.
        using var fetch = new Activity("gateway.fetch population").SetIdFormat(ActivityIdFormat.W3C);
        fetch.ActivityTraceFlags = ActivityTraceFlags.Recorded;
        using (fetch.Start())
        {
            asked = await client.PostAsync(
                "query ($id: IdNumber!) { person(idNumber: $id) { name } personsByIdNumbers(idNumbers: [$id]) { name } }",
                new { id = idNumber },
                cancellationToken: TestContext.Current.CancellationToken);
        }

        Assert.Equal(200, asked.Status);
        Assert.Empty(asked.Errors);
        await app.StopAsync(TestContext.Current.CancellationToken);

        var exported = spans.All();

        // The request's span continues the signed traceparent, and takes nothing else: tracing on, OpenTelemetry's
        // own reading of the headers would otherwise put the unsigned tracestate (and baggage) on it.
        var server = Assert.Single(exported, span => span.Kind == ActivityKind.Server && span.TraceId == fetch.TraceId);
        Assert.Equal(fetch.SpanId, server.ParentSpanId);
        Assert.Null(server.TraceStateString);
        Assert.Empty(server.Baggage);
        var sql = exported.Where(span => span.Source.Name == "Npgsql" && span.TraceId == server.TraceId).ToList();
        Assert.NotEmpty(sql);
        // The statement is there (what ran is worth seeing), with its parameters' names or placeholders only.
        Assert.Contains(sql, span => Statement(span) is { Length: > 0 });
        foreach (var span in exported)
        {
            foreach (var text in Texts(span))
            {
                Assert.DoesNotContain(idNumber, text, StringComparison.Ordinal);
                Assert.DoesNotContain(SignedGraphQLClient.Secret, text, StringComparison.Ordinal);
            }
        }
    }

    private static string? Statement(Activity span) =>
        (span.GetTagItem("db.query.text") ?? span.GetTagItem("db.statement")) as string;

    private static IEnumerable<string> Texts(Activity span) =>
        span.TagObjects.Select(tag => tag.Key + "=" + tag.Value)
            .Concat(span.Events.SelectMany(e => e.Tags.Select(tag => e.Name + ":" + tag.Key + "=" + tag.Value).Append(e.Name)))
            .Append(span.DisplayName)
            .Append(span.StatusDescription ?? "");

    private sealed class UnsignedTraceHeaders : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Add("tracestate", "grafted=on-the-way");
            request.Headers.Add("baggage", "agency=someone-else");
            return base.SendAsync(request, cancellationToken);
        }
    }

    private static HttpMessageHandler Chain(DelegatingHandler[] handlers)
    {
        // As the gateway's client: the signature's traceparent is the only one sent (none here), so the
        // handler's own span, which this process's tracing listens to, must add none the signature did not cover.
        HttpMessageHandler inner = new SocketsHttpHandler { ActivityHeadersPropagator = null };
        for (var i = handlers.Length - 1; i >= 0; i--)
        {
            handlers[i].InnerHandler = inner;
            inner = handlers[i];
        }

        return inner;
    }
}

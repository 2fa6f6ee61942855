using System.Diagnostics.CodeAnalysis;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Federation.Gateway.Audit;
using Federation.Gateway.Auditing;
using Federation.Gateway.Audit.Verification;
using Federation.Gateway.Authentication;
using Federation.Gateway.Catalogue;
using Federation.Gateway.Execution;
using Federation.Gateway.Pipeline;
using Federation.Gateway.Sharing.Storage;
using Federation.Gateway.Tests.Audit.Reading;
using Federation.Gateway.Tests.Authentication;
using Federation.Gateway.Tests.Execution;
using Federation.Gateway.Tests.Sharing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Federation.Gateway.Tests.Platform;

/// <summary>
/// The gateway's endpoint with the audit part of the platform's graph and the evaluation downloads,
/// behind the token gate (anonymous catalogue reading allowed): the trail read is
/// <see cref="AuditFixture"/>'s records and what the gateway's own trail (<see cref="Trail"/>, instance
/// <c>gateway-t</c>) records of the reads. Callers sign in by name (<see cref="Callers"/>) or send no token.
/// </summary>
internal sealed class AuditPlatformHarness : IAsyncDisposable
{
    public static readonly IReadOnlyDictionary<string, Caller> Callers = new Dictionary<string, Caller>(StringComparer.Ordinal)
    {
        ["auditor"] = AuditReadingTests.Auditor,
        ["competent"] = SharingWorld.CompetentDepartment(),
        ["applicant"] = SharingWorld.Applicant(),
    };

    private readonly GatewayHarness gateway;
    private readonly WebApplication app;
    private readonly HttpClient http;
    private readonly TestTokens tokens;

    private AuditPlatformHarness(GatewayHarness gateway, WebApplication app, HttpClient http, TestTokens tokens, MemoryTrail trail)
    {
        this.gateway = gateway;
        this.app = app;
        this.http = http;
        this.tokens = tokens;
        Trail = trail;
    }

    /// <summary>The gateway's trail: the reads of the trail and their refusals are recorded here.</summary>
    public MemoryTrail Trail { get; }

    public static async Task<AuditPlatformHarness> StartAsync()
    {
        var trail = new MemoryTrail("gateway-t");
        var fixture = AuditFixture.Records();
        IEnumerable<ChainedRecord> All() => [.. fixture, .. trail.Records];
        var reading = new AuditReading(
            new EnumeratedAuditReader(All),
            trail,
            AuditFixture.Subjects,
            AuditCursors.WithRandomKey(),
            new CurrentCatalogue(SharingWorld.Catalogue),
            new AuditReadingOptions(),
            TimeProvider.System,
            new EnumeratedChainCheck(() => (All(), []), new ChainVerifier([])));
        var gateway = await GatewayHarness.StartAsync(sharing: SharingWorld.Workflow(new InMemoryShareStore(), new ManualClock(SharingWorld.Start)), auditing: reading);
        var executor = gateway.Executor;
        var tokens = new TestTokens();
        var (app, http) = await GatedEndpoint.StartAsync(
            configuration =>
            {
                tokens.Configure(configuration);
                configuration[$"{GatewayAuthenticationOptions.Section}:AllowAnonymousCatalogue"] = "true";
            },
            () => executor.Schema,
            new GatewayOperationExecutor(() => executor),
            services => services.AddSingleton(reading),
            new CurrentCatalogue(SharingWorld.Catalogue),
            endpoints => endpoints.MapAuditEvaluation());
        return new AuditPlatformHarness(gateway, app, http, tokens, trail);
    }

    /// <summary>Posts an operation as <paramref name="caller"/> (a key of <see cref="Callers"/>; null for no caller); the status and the JSON body.</summary>
    public async Task<(int Status, JsonNode Body)> PostAsync([StringSyntax("graphql")] string query, string? caller, JsonObject? variables = null)
    {
        var body = new JsonObject { ["query"] = query };
        if (variables is not null)
        {
            body["variables"] = variables;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        Sign(request, caller);
        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        return ((int)response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!);
    }

    /// <summary>GETs <paramref name="path"/> as <paramref name="caller"/>: the status, the content headers and the body as text.</summary>
    public async Task<(int Status, HttpResponseMessage Response, string Body)> GetAsync(string path, string? caller)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        Sign(request, caller);
        var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        return ((int)response.StatusCode, response, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    public async ValueTask DisposeAsync()
    {
        http.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
        await gateway.DisposeAsync();
    }

    private void Sign(HttpRequestMessage request, string? caller)
    {
        if (caller is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens.For(Callers[caller]));
        }
    }
}

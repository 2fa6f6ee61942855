using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Federation.Gateway.Authentication;
using Federation.Gateway.Composition;
using Federation.Gateway.Execution;
using Federation.Gateway.Hosting;
using Federation.Gateway.Tests.Authentication;
using Federation.Host;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Federation.Gateway.Tests.Audit;

namespace Federation.Gateway.Tests.Reload;

/// <summary>The four agency subgraphs, started once for the reload tests; each test's gateway fronts them.</summary>
public sealed class ReloadSubgraphs : IAsyncLifetime
{
    internal EmbeddedSubgraphs Subgraphs { get; private set; } = null!;

    public async ValueTask InitializeAsync() =>
        Subgraphs = await EmbeddedSubgraphs.StartAsync(200, LogLevel.Warning, TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync() => await Subgraphs.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class ReloadCollection : ICollectionFixture<ReloadSubgraphs>
{
    public const string Name = "reload";
}

/// <summary>
/// A gateway service that serves the supergraph and catalogue files of a directory of the test's own
/// (copies of the committed ones), watched with a short debounce, over the shared subgraphs; callers
/// sign in with tokens of <see cref="TestTokens"/>. Subgraph requests whose body contains
/// <see cref="HeldRequests.Marker"/> can be held, to keep a request in flight across a swap.
/// </summary>
internal sealed class ReloadGateway : IAsyncDisposable
{
    /// <summary>宁波市大数据发展管理局, whose registry roles include the competent department's.</summary>
    public static readonly Caller CompetentDepartment = new("zhou.qing", "1133020035308641XG", "330200", new HashSet<string> { PlatformRoles.CompetentDepartment });

    /// <summary>宁波市公安局: a share applicant, nothing more.</summary>
    public static readonly Caller PublicSecurity = TestTokens.PublicSecurity;

    private readonly TemporaryDirectory directory = new();
    private readonly HttpClient client = new() { Timeout = TimeSpan.FromSeconds(60) };
    private WebApplication app = null!;

    private ReloadGateway()
    {
        File.Copy(Path.Combine(Repository.SchemaDirectory, "supergraph.graphql"), SupergraphFile);
        File.Copy(Path.Combine(Repository.SchemaDirectory, "catalogue.yaml"), CatalogueFile);
    }

    public TestTokens Tokens { get; } = new();

    public HeldRequests Held { get; } = new();

    public string Directory => directory.Path;

    public string SupergraphFile => Path.Combine(directory.Path, "supergraph.graphql");

    public string CatalogueFile => Path.Combine(directory.Path, "catalogue.yaml");

    /// <summary>The subgraph config (a copy of <c>schema/supergraph.yaml</c>, with the four SDL files it names beside it) when started with one.</summary>
    public string SubgraphConfigFile => Path.Combine(directory.Path, "supergraph.yaml");

    /// <summary>The SDL file of <paramref name="subgraph"/> that the subgraph config names.</summary>
    public string SchemaFile(string subgraph) => Path.Combine(directory.Path, subgraph + ".graphql");

    public Uri Url { get; private set; } = null!;

    public SupergraphReload Reload => app.Services.GetRequiredService<SupergraphReload>();

    public SupergraphSource Source => app.Services.GetRequiredService<SupergraphSource>();

    public IServiceProvider Services => app.Services;

    /// <param name="services">Registrations of the test's own, made before the gateway's (an audit trail, say).</param>
    public static async Task<ReloadGateway> StartAsync(EmbeddedSubgraphs subgraphs, IReadOnlyDictionary<string, string>? settings = null, bool withSubgraphConfig = false, Action<IServiceCollection>? services = null)
    {
        var gateway = new ReloadGateway();
        if (withSubgraphConfig)
        {
            foreach (var file in new[] { "supergraph.yaml", "population.graphql", "legal-persons.graphql", "spatial.graphql", "licences.graphql" })
            {
                File.Copy(Path.Combine(Repository.SchemaDirectory, file), Path.Combine(gateway.Directory, file));
            }
        }

        gateway.app = GatewayService.Build([], builder =>
        {
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            TestAuditTrail.Configure(builder.Configuration);
            builder.Configuration["GatewaySignature:Secret"] = subgraphs.Secret;
            builder.Configuration["Gateway:SupergraphFile"] = gateway.SupergraphFile;
            builder.Configuration["Gateway:CatalogueFile"] = gateway.CatalogueFile;
            builder.Configuration["Gateway:Reload:Debounce"] = "00:00:00.100";
            if (withSubgraphConfig)
            {
                builder.Configuration["Gateway:Reload:SubgraphConfigFile"] = gateway.SubgraphConfigFile;
            }
            gateway.Tokens.Configure(builder.Configuration);
            foreach (var (name, url) in subgraphs.Urls)
            {
                builder.Configuration[$"{SubgraphOptions.Section}:Endpoints:{name}:Url"] = url;
            }

            foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            {
                builder.Configuration[key] = value;
            }

            builder.Services.AddHttpClient(SubgraphHttpClients.ClientName).AddHttpMessageHandler(() => new HeldRequests.Handler(gateway.Held));
            services?.Invoke(builder.Services);
        });
        await gateway.app.StartAsync(TestContext.Current.CancellationToken);
        var address = gateway.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        gateway.Url = new Uri(address);
        return gateway;
    }

    /// <summary>Posts a GraphQL request as <paramref name="caller"/> for <paramref name="purpose"/>.</summary>
    public Task<Answer> PostAsync(string query, Caller caller, string purpose = "WORK_REFERENCE") =>
        PostAsync(query, null, caller, purpose);

    /// <summary>Posts a GraphQL request with <paramref name="variables"/> as <paramref name="caller"/> for <paramref name="purpose"/>.</summary>
    public async Task<Answer> PostAsync(string query, JsonObject? variables, Caller caller, string purpose = "WORK_REFERENCE")
    {
        var body = new JsonObject { ["query"] = query };
        if (variables is not null)
        {
            body["variables"] = variables;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Url, "/graphql"))
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Tokens.For(caller));
        request.Headers.Add("Federation-Purpose", purpose);
        return await SendAsync(request, TestContext.Current.CancellationToken);
    }

    /// <summary>Sends a GraphQL request by GET (the document in the query string) as <paramref name="caller"/>.</summary>
    public async Task<Answer> GetAsync(string query, Caller caller, string purpose = "WORK_REFERENCE")
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(Url, "/graphql?query=" + Uri.EscapeDataString(query)));
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Tokens.For(caller));
        request.Headers.Add("Federation-Purpose", purpose);
        return await SendAsync(request, TestContext.Current.CancellationToken);
    }

    /// <summary>Posts <paramref name="query"/> with <paramref name="token"/> as it is, valid or not.</summary>
    public async Task<int> RawAsync(string token, string query)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Url, "/graphql"))
        {
            Content = new StringContent(new JsonObject { ["query"] = query }.ToJsonString(), Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        return (int)response.StatusCode;
    }

    /// <summary><c>POST /admin/reload</c> with <paramref name="token"/> as the bearer token (none when null).</summary>
    public async Task<Answer> OperatorReloadAsync(string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Url, "/admin/reload"));
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await SendAsync(request, TestContext.Current.CancellationToken);
    }

    /// <summary>
    /// The readiness check's answer: its status code, and its details for the competent department's operator
    /// (<paramref name="anonymous"/> false), the status alone for a probe without a token.
    /// </summary>
    public async Task<Answer> ReadyAsync(bool anonymous = false)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(Url, "/health/ready"));
        if (!anonymous)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Tokens.For(CompetentDepartment));
        }

        return await SendAsync(request, TestContext.Current.CancellationToken);
    }

    /// <summary>Waits (at most 20 s) until the reload status has an attempt after <paramref name="since"/>, and returns it.</summary>
    public async Task<SupergraphReloadAttempt> NextAttemptAsync(DateTimeOffset since)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(20));
        while (Reload.Status.LastAttempt is not { } attempt || attempt.At <= since)
        {
            await Task.Delay(20, timeout.Token);
        }

        return Reload.Status.LastAttempt!;
    }

    /// <summary>Writes <paramref name="text"/> as editors do: to another file, renamed over <paramref name="path"/>.</summary>
    public static void ReplaceByRename(string path, string text)
    {
        var temporary = path + ".swp";
        File.WriteAllText(temporary, text);
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Stops the gateway as a termination signal does: the drain, then the server, then the audit spool's close.</summary>
    public Task StopAsync() => app.StopAsync(TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        Held.ReleaseAll();
        client.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
        directory.Dispose();
    }

    private async Task<Answer> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var response = await client.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return new Answer((int)response.StatusCode, text, JsonNode.Parse(text) as JsonObject ?? throw new InvalidOperationException($"Not a JSON object: {text}"));
    }

    /// <summary>An answer: its status, its text as sent, its body parsed.</summary>
    public sealed record Answer(int Status, string Text, JsonObject Body)
    {
        public IReadOnlyList<string?> Codes => [.. (Body["errors"]?.AsArray() ?? []).Select(e => (string?)e!["extensions"]?["code"])];

        public JsonNode? Data => Body["data"];
    }
}

/// <summary>Holds the next subgraph request whose body contains <see cref="Marker"/> until released.</summary>
internal sealed class HeldRequests
{
    public const string Marker = "heldForReload";

    private readonly Lock sync = new();
    private TaskCompletionSource? release;
    private TaskCompletionSource? arrived;

    /// <summary>Arms the hold for the next marked request; the task completes when it has arrived.</summary>
    public Task HoldNext()
    {
        lock (sync)
        {
            release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return arrived.Task;
        }
    }

    public void ReleaseAll()
    {
        lock (sync)
        {
            release?.TrySetResult();
        }
    }

    private Task Hold()
    {
        lock (sync)
        {
            if (arrived is null || arrived.Task.IsCompleted)
            {
                return Task.CompletedTask;
            }

            arrived.TrySetResult();
            return release!.Task;
        }
    }

    internal sealed class Handler(HeldRequests held) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Content is not null && (await request.Content.ReadAsStringAsync(cancellationToken)).Contains(Marker, StringComparison.Ordinal))
            {
                await held.Hold().WaitAsync(cancellationToken);
            }

            return await base.SendAsync(request, cancellationToken);
        }
    }
}

using System.Diagnostics.CodeAnalysis;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Federation.Gateway.Authentication;
using Federation.Gateway.Tests.Authentication;
using Federation.Host;
using Federation.Protocol.Signing;
using Federation.Subgraphs.DemoData;
using Federation.Subgraphs.Testing;
using Microsoft.Extensions.Logging;

namespace Federation.Gateway.Tests.Hosting;

/// <summary>
/// Two gateway processes as one deployment runs them: the same supergraph, subgraphs and signing secret,
/// one PostgreSQL database of this test class's own (grants, share applications, the audit trail — each
/// instance its own chain) and one Redis under a key prefix of its own (the entity cache and its
/// backplane). The four agency subgraphs run in the test's process, their change events kept there, so
/// that only what the gateways share tells one about the other.
/// </summary>
public sealed class SeveralGateways : IAsyncLifetime
{
    public const int Persons = 60;

    /// <summary>How long a gateway given SIGTERM keeps serving, unready: many of the balancer's probe intervals.</summary>
    public static readonly TimeSpan DrainDelay = TimeSpan.FromSeconds(8);

    private readonly TestTokens tokens = new();
    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(60) };
    private TemporaryDirectory? directory;
    private TestDatabase? database;
    private EmbeddedSubgraphs? subgraphs;

    public static DemoWorld World { get; } = new(Persons);

    internal GatewayProcess First { get; private set; } = null!;

    internal GatewayProcess Second { get; private set; } = null!;

    internal EmbeddedSubgraphs Subgraphs => subgraphs!;

    public async ValueTask InitializeAsync()
    {
        var cancellation = TestContext.Current.CancellationToken;
        directory = new TemporaryDirectory();
        database = await TestDatabase.CreateAsync("several_gateways", cancellationToken: cancellation);
        subgraphs = await EmbeddedSubgraphs.StartAsync(Persons, LogLevel.Warning, cancellation);
        var keyFile = Path.Combine(directory.Path, "checkpoint-key.pem");
        using (var checkpointKey = ECDsa.Create(ECCurve.NamedCurves.nistP256))
        {
            await File.WriteAllTextAsync(keyFile, checkpointKey.ExportPkcs8PrivateKeyPem(), cancellation);
        }

        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(keyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite); // the gateway refuses a key others can read
        }

        // One deployment: every instance has the same settings but its name, its port and its spool.
        string[] shared =
        [
            $"--GatewaySignature:Secret={subgraphs.Secret}",
            $"--Gateway:SupergraphFile={Repository.SupergraphFile}",
            .. subgraphs.Urls.Select(s => $"--Subgraphs:Endpoints:{s.Name}:Url={s.Url}"),
            $"--Cache:Redis={TestServices.Redis}",
            $"--Cache:KeyPrefix=several-gateways-{Guid.NewGuid():N}:",
            "--Sharing:Store=Postgres",
            $"--ConnectionStrings:Sharing={database.ConnectionString}",
            "--Audit:Store=Postgres",
            $"--ConnectionStrings:Audit={database.ConnectionString}",
            $"--Audit:SubjectKey={Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))}",
            $"--Audit:CheckpointKey={keyFile}",
            $"--Shutdown:DrainDelay={DrainDelay}",
            "--Telemetry:Enabled=false",
            .. tokens.Arguments(),
        ];
        First = Instance("gateway-1", shared);
        Second = Instance("gateway-2", shared);
        await Task.WhenAll(First.StartAsync(cancellation), Second.StartAsync(cancellation));
    }

    public async ValueTask DisposeAsync()
    {
        http.Dispose();
        foreach (var gateway in new[] { First, Second }.Where(g => g is not null))
        {
            await gateway.DisposeAsync();
        }

        if (subgraphs is not null)
        {
            await subgraphs.DisposeAsync();
        }

        if (database is not null)
        {
            await database.DisposeAsync();
        }

        directory?.Dispose();
    }

    /// <summary>Posts <paramref name="query"/> to <paramref name="url"/> as <paramref name="caller"/> declaring <paramref name="purpose"/>; the status and the body.</summary>
    internal async Task<(int Status, JsonNode? Body)> PostAsync(
        Uri url,
        [StringSyntax("graphql")] string query,
        Caller caller,
        JsonObject? variables = null,
        string purpose = "DATA_VERIFICATION",
        CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(new JsonObject { ["query"] = query, ["variables"] = variables?.DeepClone() }.ToJsonString(), Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens.For(caller));
        request.Headers.Add(PurposeDeclaration.PurposeHeader, purpose);
        using var response = await http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return ((int)response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    /// <summary>Posts and expects an answer without errors; its <c>data</c>.</summary>
    internal async Task<JsonNode> DataAsync(Uri url, [StringSyntax("graphql")] string query, Caller caller, JsonObject? variables = null, string purpose = "DATA_VERIFICATION")
    {
        var (status, body) = await PostAsync(url, query, caller, variables, purpose, TestContext.Current.CancellationToken);
        Assert.True(status == 200 && body?["errors"] is null, $"{status} {body?.ToJsonString()}");
        return body!["data"]!;
    }

    /// <summary>Asks the population subgraph itself, signed as a gateway would, for <paramref name="caller"/>: bypasses both gateways.</summary>
    internal async Task<GraphQLResponse> AskPopulationAsync([StringSyntax("graphql")] string query, object variables, Caller caller)
    {
        var url = Subgraphs.Urls.Single(s => s.Name == "population").Url;
        using var client = new HttpClient(new GatewaySigningHandler(new GatewaySignature(Subgraphs.Secret)) { InnerHandler = new HttpClientHandler() })
        {
            BaseAddress = new Uri(url),
        };
        return await new SignedGraphQLClient(client, url).PostAsync(
            query, variables, new GatewayCaller(caller.Agency, "DATA_VERIFICATION", null, caller.Division), TestContext.Current.CancellationToken);
    }

    private GatewayProcess Instance(string name, string[] shared)
    {
        var spool = Path.Combine(directory!.Path, name + "-spool");
        return GatewayProcess.On(name, [.. shared, $"--Audit:Instance={name}", $"--Audit:SpoolDirectory={spool}"]);
    }
}

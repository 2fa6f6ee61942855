using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Federation.Gateway.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Federation.Deployment.Tests;

/// <summary>
/// The served schema is a ConfigMap that keeps its name, so that an update is a reload, not a
/// restart (k8s/base/kustomization.yaml). This holds the gateway to that on the layout kubelet
/// really gives a mounted ConfigMap: each file a symlink through <c>..data</c> to a timestamped
/// directory, and an update a new directory and one rename of <c>..data_tmp</c> over <c>..data</c>.
/// </summary>
public sealed class ConfigMapReloadTests
{
    /// <summary>The gateway's token key in this test: readiness shows the reload's details to the competent department's operator only.</summary>
    private static readonly byte[] SigningSecret = RandomNumberGenerator.GetBytes(32);

    private static readonly string[] Files = ["supergraph.graphql", "catalogue.yaml", "supergraph.yaml", "population.graphql", "legal-persons.graphql", "spatial.graphql", "licences.graphql"];

    [Fact]
    public async Task A_configmap_update_is_reloaded_in_place_and_a_bad_one_is_refused_while_the_last_good_set_serves()
    {
        using var scratch = new Backup.ScratchDirectory();
        var mount = Directory.CreateDirectory(Path.Combine(scratch.Path, "schema")).FullName;
        var files = Files.ToDictionary(name => name, name => Repository.Read($"schema/{name}"));
        await PublishAsync(mount, files, 1);
        foreach (var name in Files)
        {
            File.CreateSymbolicLink(Path.Combine(mount, name), Path.Combine("..data", name));
        }

        var app = GatewayService.Build([], builder =>
        {
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            foreach (var (key, value) in Settings(mount))
            {
                builder.Configuration[key] = value;
            }
        });
        await using (app)
        {
            await app.StartAsync(TestContext.Current.CancellationToken);
            using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
            var first = await ReadyAsync(http);
            var servedHash = Find(first, "supergraphHash")!.GetValue<string>();

            // An agency's entry of the registry changes: the catalogue is served anew with the supergraph.
            files["catalogue.yaml"] = files["catalogue.yaml"].Replace("Ningbo Municipal Public Security Bureau", "Ningbo Public Security Bureau", StringComparison.Ordinal);
            await PublishAsync(mount, files, 2);
            var swapped = await AttemptAsync(http, "SWAPPED");
            Assert.Equal(servedHash, Find(swapped, "supergraphHash")!.GetValue<string>());

            // A catalogue that does not load is refused; the set served until then goes on being served.
            files["catalogue.yaml"] = "agencies: [\n";
            await PublishAsync(mount, files, 3);
            var refused = await AttemptAsync(http, "REFUSED");
            Assert.NotEmpty(Find(refused, "lastRefusal")!["errors"]!.AsArray());
            Assert.Equal(servedHash, Find(refused, "supergraphHash")!.GetValue<string>());
            Assert.Equal(Find(swapped, "servedSince")!.GetValue<string>(), Find(refused, "servedSince")!.GetValue<string>());

            await app.StopAsync(TestContext.Current.CancellationToken);
        }
    }

    /// <summary>What kubelet's atomic writer does: the files in a new directory, then <c>..data</c> swapped to it in one rename.</summary>
    private static async Task PublishAsync(string mount, IReadOnlyDictionary<string, string> files, int version)
    {
        var directory = $"..2026_12_07_00_00_00.{version:D9}";
        Directory.CreateDirectory(Path.Combine(mount, directory));
        foreach (var (name, text) in files)
        {
            File.WriteAllText(Path.Combine(mount, directory, name), text);
        }

        var data = Path.Combine(mount, "..data");
        var previous = File.Exists(data) || Directory.Exists(data) ? new FileInfo(data).LinkTarget : null;
        var temporary = Path.Combine(mount, "..data_tmp");
        File.CreateSymbolicLink(temporary, directory);
        // rename(2) of the link over the link, as kubelet does (File.Move follows a link to a directory).
        var rename = await Processes.RunAsync("mv", ["-T", temporary, data]);
        Assert.True(rename.ExitCode == 0, rename.ToString());
        if (previous is not null)
        {
            Directory.Delete(Path.Combine(mount, previous), recursive: true);
        }
    }

    /// <summary>The gateway as k8s/base configures it (gateway/settings.env), on the test's mount; no subgraph needs to answer for a reload from files.</summary>
    private static Dictionary<string, string> Settings(string mount) => new()
    {
        ["Gateway:SupergraphFile"] = Path.Combine(mount, "supergraph.graphql"),
        ["Gateway:CatalogueFile"] = Path.Combine(mount, "catalogue.yaml"),
        ["Gateway:Reload:SubgraphConfigFile"] = Path.Combine(mount, "supergraph.yaml"),
        ["Gateway:Reload:Debounce"] = "00:00:00.100",
        ["GatewaySignature:Secret"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)),
        ["Authentication:SigningKeys:0:Id"] = "test",
        ["Authentication:SigningKeys:0:Secret"] = Convert.ToBase64String(SigningSecret),
        ["Authentication:Issuer"] = "configmap-reload-test",
        ["Authentication:Audience"] = "federation-gateway",
        ["Audit:Enabled"] = "false",
        ["Subgraphs:Timeout"] = "00:00:01",
        ["Subgraphs:Endpoints:population:Url"] = "http://127.0.0.1:9/graphql",
        ["Subgraphs:Endpoints:legal-persons:Url"] = "http://127.0.0.1:9/graphql",
        ["Subgraphs:Endpoints:spatial:Url"] = "http://127.0.0.1:9/graphql",
        ["Subgraphs:Endpoints:licences:Url"] = "http://127.0.0.1:9/graphql",
    };

    private static async Task<JsonNode> ReadyAsync(HttpClient http)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health/ready");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", OperatorToken());
        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"/health/ready answered {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!;
    }

    /// <summary>A token of the platform's operator (the competent department of the repository's catalogue), signed with this test's key.</summary>
    private static string OperatorToken() => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = "configmap-reload-test",
        Audience = "federation-gateway",
        Expires = DateTime.UtcNow.AddMinutes(10),
        Claims = new Dictionary<string, object>
        {
            ["sub"] = "zhou.qing",
            ["agency"] = "1133020035308641XG",
            ["division"] = "330200",
            ["roles"] = new[] { "competent-department" },
        },
        SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(SigningSecret) { KeyId = "test" }, SecurityAlgorithms.HmacSha256),
    });

    /// <summary>The readiness answer once the last reload attempt had <paramref name="outcome"/>; fails after 20 s.</summary>
    private static async Task<JsonNode> AttemptAsync(HttpClient http, string outcome)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var ready = await ReadyAsync(http);
            if (Find(ready, "lastAttempt")?["outcome"]?.GetValue<string>() == outcome)
            {
                return ready;
            }

            Assert.True(DateTime.UtcNow < deadline, $"no reload attempt with the outcome {outcome} within 20 s: {ready.ToJsonString()}");
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }

    private static JsonNode? Find(JsonNode? node, string property) => node switch
    {
        JsonObject o when o.TryGetPropertyValue(property, out var value) => value,
        JsonObject o => o.Select(pair => Find(pair.Value, property)).FirstOrDefault(found => found is not null),
        JsonArray a => a.Select(item => Find(item, property)).FirstOrDefault(found => found is not null),
        _ => null,
    };
}

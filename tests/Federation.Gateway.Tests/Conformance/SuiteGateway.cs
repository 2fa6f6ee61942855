using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Federation.Gateway.Catalogue;
using Federation.Gateway.Composition;
using Federation.Gateway.Execution;
using Federation.Gateway.Hosting;
using Federation.Gateway.Tests.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Federation.Gateway.Tests.Conformance;

/// <summary>
/// Our gateway over one suite's subgraphs, started as an outside audit starts it: the subgraphs
/// composed (<c>compose --config</c> over a <c>supergraph.yaml</c> of the suite's SDL files, in
/// process), a catalogue drafted by <c>catalogue draft</c> for each subgraph and made UNCONDITIONAL
/// throughout, then the gateway service with the supergraph file, the catalogue file, one URL per
/// subgraph and a bearer token. A suite that does not compose, or that the gateway will not serve,
/// is <see cref="Refusal"/> with the code that says why.
/// </summary>
internal sealed class SuiteGateway : IAsyncDisposable
{
    /// <summary>The agency the drafted resources name as their provider: the platform's own, the big-data bureau.</summary>
    private const string Provider = "1133020035308641XG";

    private const string Secret = "conformance-suite-signing-secret-of-32-bytes-or-more";

    /// <summary>The agencies registry of the suites' catalogues: the provider and the caller of <see cref="TestTokens.PublicSecurity"/>.</summary>
    private const string Registry = """
        agencies:
          - code: 11330200123456788X
            name: 宁波市公安局
            englishName: Ningbo Municipal Public Security Bureau
            division: "330200"
          - code: 1133020035308641XG
            name: 宁波市大数据发展管理局
            englishName: Ningbo Municipal Big Data Development Administration
            division: "330200"
        subgraphs: {}
        divisionFields: {}
        resources: []

        """;

    private readonly TemporaryDirectory directory = new();
    private readonly HttpClient client = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly TestTokens tokens = new();
    private WebApplication? app;
    private Uri? url;

    private SuiteGateway()
    {
    }

    /// <summary>Why the suite is not served: a code and a message; null when it is.</summary>
    public (string Code, string Message)? Refusal { get; private set; }

    public static async Task<SuiteGateway> StartAsync(ConformanceSuite suite, IReadOnlyDictionary<string, string> subgraphUrls)
    {
        var gateway = new SuiteGateway();
        await gateway.ServeAsync(suite, subgraphUrls);
        return gateway;
    }

    /// <summary>Posts <paramref name="query"/> as the audit does, with the bearer token; answers the response body.</summary>
    public async Task<JsonObject> PostAsync(ConformanceQuery query)
    {
        var body = new JsonObject { ["query"] = query.Text };
        if (query.Variables is not null)
        {
            body["variables"] = query.Variables.DeepClone();
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens.For());
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return JsonNode.Parse(text) as JsonObject ?? throw new InvalidOperationException($"{url} answered {(int)response.StatusCode}: {text}");
    }

    private async Task ServeAsync(ConformanceSuite suite, IReadOnlyDictionary<string, string> subgraphUrls)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var config = Path.Combine(directory.Path, SubgraphConfig.FileName);
        await File.WriteAllTextAsync(config, "subgraphs:\n" + string.Concat(suite.Subgraphs.Select(s => $"""
              {s}:
                routing_url: {subgraphUrls[s]}
                schema:
                  file: {suite.SdlFile(s)}

            """)), cancellationToken);

        var resolution = await SubgraphConfig.Load(config).ResolveAsync(null, cancellationToken);
        var composed = resolution.Succeeded ? SupergraphComposer.Compose(resolution.Subgraphs) : null;
        var errors = composed?.Errors ?? resolution.Errors;
        if (errors.Count > 0)
        {
            Refusal = (errors[0].Code, string.Join(Environment.NewLine, errors));
            return;
        }

        var supergraph = Path.Combine(directory.Path, Supergraph.FileName);
        await File.WriteAllTextAsync(supergraph, composed!.SupergraphSdl, cancellationToken);
        var catalogue = Path.Combine(directory.Path, CatalogueFiles.FileName);
        if (await DraftCatalogueAsync(suite, supergraph, catalogue) is { } draftRefusal)
        {
            Refusal = ("CATALOGUE_DRAFT_FAILED", draftRefusal);
            return;
        }

        string[] args =
        [
            "--Urls=http://127.0.0.1:0",
            "--GatewaySignature:Secret=" + Secret,
            "--Gateway:SupergraphFile=" + supergraph,
            "--Gateway:CatalogueFile=" + catalogue,
            "--Gateway:Reload:WatchFiles=false",
            // The audit starts one gateway at a time; here other test classes (and other test runs on the
            // machine) start gateways at the same time, and the default audit spool admits one process.
            "--Audit:SpoolDirectory=" + Path.Combine(directory.Path, "audit-spool"),
            .. suite.Subgraphs.Select(s => $"--{SubgraphOptions.Section}:Endpoints:{s}:Url={subgraphUrls[s]}"),
            .. tokens.Arguments(),
        ];
        try
        {
            app = GatewayService.Build(args, builder => builder.Logging.ClearProviders());
            await app.StartAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            Refusal = (exception switch
            {
                UncoveredSupergraphException uncovered => uncovered.Errors[0].Code,
                _ => "GATEWAY_DID_NOT_START",
            }, exception.Message);
            return;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        url = new Uri(address + "/graphql");
    }

    /// <summary>
    /// <c>catalogue draft</c> for each subgraph, the first into a catalogue of the registry alone, the
    /// others merged — then every drafted resource opened: UNCONDITIONAL, its conditions removed.
    /// Answers why it could not, or null.
    /// </summary>
    private async Task<string?> DraftCatalogueAsync(ConformanceSuite suite, string supergraph, string catalogue)
    {
        var registry = Path.Combine(directory.Path, "registry.yaml");
        await File.WriteAllTextAsync(registry, Registry, TestContext.Current.CancellationToken);
        var first = true;
        foreach (var subgraph in suite.Subgraphs)
        {
            // The first subgraph's entries as a fragment after the registry (a merge needs entries to add to), the others merged.
            var messages = new StringWriter();
            var exitCode = await CatalogueCommand.DraftAsync(
                new CatalogueCommand.DraftRequest(subgraph, Provider, null, new FileInfo(supergraph), new FileInfo(first ? registry : catalogue), new FileInfo(catalogue), Merge: !first),
                new StringWriter(),
                messages,
                TestContext.Current.CancellationToken);
            if (exitCode != 0)
            {
                return messages.ToString();
            }

            if (first)
            {
                var fragment = await File.ReadAllTextAsync(catalogue, TestContext.Current.CancellationToken);
                await File.WriteAllTextAsync(catalogue, Registry.Replace("subgraphs: {}\n", "", StringComparison.Ordinal).Replace("resources: []\n", "", StringComparison.Ordinal) + fragment, TestContext.Current.CancellationToken);
                first = false;
            }
        }

        var opened = new StringBuilder();
        var inConditions = false;
        foreach (var line in (await File.ReadAllTextAsync(catalogue, TestContext.Current.CancellationToken)).Split('\n'))
        {
            var trimmed = line.TrimStart();
            inConditions = trimmed == "conditions:" || (inConditions && line.StartsWith("      ", StringComparison.Ordinal));
            if (!inConditions)
            {
                opened.Append(trimmed == "class: CONDITIONAL" ? line.Replace("CONDITIONAL", "UNCONDITIONAL", StringComparison.Ordinal) : line).Append('\n');
            }
        }

        await File.WriteAllTextAsync(catalogue, opened.ToString().TrimEnd('\n') + "\n", TestContext.Current.CancellationToken);
        return null;
    }

    public async ValueTask DisposeAsync()
    {
        client.Dispose();
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }

        directory.Dispose();
    }
}

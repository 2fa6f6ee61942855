using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Federation.Gateway.Authentication;
using Federation.Gateway.Execution;
using Federation.Gateway.Hosting;
using Federation.Gateway.Tests.Audit;
using Federation.Gateway.Tests.Authentication;
using Federation.Host;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Federation.Gateway.Tests.Hosting;

/// <summary>
/// GraphiQL in the one-command run opens signed in — the development token and the purpose in its
/// headers editor — so the first query a newcomer runs is answered; a gateway configured with an
/// authority, signing keys or Entra ID offers no token, and neither does the page served to another machine.
/// </summary>
public sealed partial class GraphiQLSignInTests
{
    [System.Diagnostics.CodeAnalysis.StringSyntax("graphql")]
    private const string FirstQuery = "{ catalogue { id name class } }";

    [Fact]
    public async Task The_one_command_runs_page_carries_a_development_token_the_gateway_accepts()
    {
        using var directory = new TemporaryDirectory();
        await using var gateway = await StartAsync(configuration => configuration["Authentication:DevelopmentKeyFile"] = Path.Combine(directory.Path, "key"));

        var (page, cacheControl) = await PageAsync(gateway.Url);
        var headers = OfferedHeaders(page);

        Assert.NotNull(headers);
        Assert.StartsWith("Bearer ", headers["Authorization"], StringComparison.Ordinal);
        Assert.Equal(Banner.ExamplePurpose, headers[PurposeDeclaration.PurposeHeader]);
        Assert.Equal("no-store", cacheControl);
        var answer = await PostAsync(gateway.Url, FirstQuery, headers);
        Assert.Null(answer["errors"]);
        Assert.NotEmpty(answer["data"]!["catalogue"]!.AsArray());
    }

    [Theory]
    [InlineData("signing keys")]
    [InlineData("Entra ID")]
    public async Task A_gateway_told_where_tokens_come_from_offers_none_in_its_page(string source)
    {
        using var directory = new TemporaryDirectory();
        var keyFile = Path.Combine(directory.Path, "key");
        await using var gateway = await StartAsync(configuration =>
        {
            configuration["Authentication:DevelopmentKeyFile"] = keyFile;
            if (source == "signing keys")
            {
                new TestTokens().Configure(configuration);
            }
            else
            {
                configuration["AzureAd:TenantId"] = "3f5a0c2e-8d41-4b7a-9c55-0e1d2f3a4b5c";
                configuration["AzureAd:ClientId"] = "6e2d8c4a-1b3f-4e5d-9a7c-2f1e0d9c8b7a";
            }
        });

        var (page, cacheControl) = await PageAsync(gateway.Url);

        Assert.Contains("data-endpoint=", page, StringComparison.Ordinal);
        Assert.Null(OfferedHeaders(page));
        Assert.DoesNotContain("Bearer", page, StringComparison.Ordinal);
        Assert.Equal("no-cache", cacheControl);
        Assert.False(File.Exists(keyFile)); // the development key was not even made
    }

    [Fact]
    public void The_headers_are_offered_to_a_browser_on_the_same_machine_only()
    {
        using var directory = new TemporaryDirectory();
        var key = DevelopmentSigningKey.LoadOrCreate(Path.Combine(directory.Path, "key"));
        var offer = new DevelopmentGraphiQLHeaders(key, "developer", TestTokens.PublicSecurity.Agency, "WORK_REFERENCE");

        Assert.NotNull(offer.For(From(IPAddress.Loopback)));
        Assert.NotNull(offer.For(From(IPAddress.IPv6Loopback)));
        Assert.Null(offer.For(From(IPAddress.Parse("192.0.2.10"))));
        Assert.Null(offer.For(From(IPAddress.Parse("::ffff:192.0.2.10"))));
        Assert.Null(offer.For(new DefaultHttpContext()));
    }

    [Fact]
    public async Task Headless_chromium_runs_the_first_query_in_the_one_command_runs_graphiql_without_typing_a_header()
    {
        using var directory = new TemporaryDirectory();
        await using var gateway = await StartAsync(configuration => configuration["Authentication:DevelopmentKeyFile"] = Path.Combine(directory.Path, "key"));

        var shown = await GraphiQLBrowserAsync(gateway.Url, FirstQuery);

        Assert.True(shown.GetProperty("loaded").GetBoolean());
        var result = JsonNode.Parse(shown.GetProperty("result").GetString()!)!;
        Assert.Null(result["errors"]);
        Assert.NotEmpty(result["data"]!["catalogue"]!.AsArray());
        // GraphiQL's own introspection was answered too, not refused.
        Assert.DoesNotContain(shown.GetProperty("consoleErrors").EnumerateArray(), e => e.GetString()!.Contains("401", StringComparison.Ordinal) || e.GetString()!.Contains("UNAUTHENTICATED", StringComparison.Ordinal));
    }

    private static HttpContext From(IPAddress address)
    {
        var http = new DefaultHttpContext();
        http.Connection.RemoteIpAddress = address;
        return http;
    }

    /// <summary>The one-command run's gateway (its sign-in, <see cref="OneCommandRun.SignIn"/>) over unreachable subgraphs: the platform's own part of the graph answers.</summary>
    private static async Task<Gateway> StartAsync(Action<IConfiguration> configure)
    {
        var app = GatewayService.Build([], builder =>
        {
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            TestAuditTrail.Configure(builder.Configuration);
            builder.Configuration["GatewaySignature:Secret"] = "a-secret-of-at-least-thirty-two-bytes-long";
            builder.Configuration["Gateway:SupergraphFile"] = Repository.SupergraphFile;
            foreach (var name in new[] { "population", "legal-persons", "spatial", "licences" })
            {
                builder.Configuration[$"{SubgraphOptions.Section}:Endpoints:{name}:Url"] = "http://127.0.0.1:9/graphql";
            }

            configure(builder.Configuration);
            OneCommandRun.SignIn(builder);
        });
        await app.StartAsync(TestContext.Current.CancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Gateway(app, new Uri(address.TrimEnd('/') + "/graphql"));
    }

    private static async Task<(string Page, string CacheControl)> PageAsync(Uri url)
    {
        using var client = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.ParseAdd("text/html");
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), response.Headers.CacheControl?.ToString() ?? "");
    }

    private static Dictionary<string, string>? OfferedHeaders(string page) =>
        HeadersAttribute().Match(page) is { Success: true } match
            ? JsonSerializer.Deserialize<Dictionary<string, string>>(WebUtility.HtmlDecode(match.Groups[1].Value))
            : null;

    private static async Task<JsonNode> PostAsync(Uri url, string query, IReadOnlyDictionary<string, string> headers)
    {
        using var client = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(new JsonObject { ["query"] = query }.ToJsonString(), Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return JsonNode.Parse(body)!;
    }

    /// <summary>tests/peer/graphiql-browser.mjs: opens the page in headless Chromium, runs <paramref name="query"/>, and tells what the result pane shows.</summary>
    private static async Task<JsonElement> GraphiQLBrowserAsync(Uri url, string query)
    {
        var start = new ProcessStartInfo("node") { WorkingDirectory = Repository.PeerDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "graphiql-browser.mjs", url.ToString(), query })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        var stdout = await output;
        Assert.True(process.ExitCode == 0, $"node graphiql-browser.mjs exited with {process.ExitCode}:\n{await error}\n{stdout}");
        return JsonDocument.Parse(stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1]).RootElement.Clone();
    }

    [GeneratedRegex("data-headers=\"([^\"]*)\"")]
    private static partial Regex HeadersAttribute();

    private sealed record Gateway(WebApplication App, Uri Url) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await App.StopAsync(CancellationToken.None);
            await App.DisposeAsync();
        }
    }
}

using System.Net.Http.Headers;
using System.Text;
using Federation.Protocol.Signing;
using Federation.Subgraphs.Hosting;
using Federation.Subgraphs.Hosting.Stores;
using Federation.Subgraphs.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;

namespace Federation.Subgraphs.LegalPersons.Tests.Http;

/// <summary>What the service does with the signing secret at start-up.</summary>
public sealed class StartupTests
{
    [Fact]
    public async Task Development_without_a_secret_uses_the_named_development_secret()
    {
        await using var app = Build("Development", new() { ["GatewaySignature:RequireGatewaySignature"] = "true" });
        await app.StartAsync(TestContext.Current.CancellationToken);
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };

        var signed = Query();
        await new GatewaySignature(LegalPersonsService.DevelopmentSecret).SignAsync(signed, SignedGraphQLClient.DefaultCaller, TestContext.Current.CancellationToken);
        using var accepted = await client.SendAsync(signed, TestContext.Current.CancellationToken);
        using var refused = await client.SendAsync(Query(), TestContext.Current.CancellationToken);

        Assert.Equal(200, (int)accepted.StatusCode);
        Assert.Equal(401, (int)refused.StatusCode);
        await app.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public void Outside_development_a_missing_secret_stops_start_up()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Build("Production", []));

        Assert.Contains("GatewaySignature:Secret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_store_stops_start_up()
    {
        var error = Assert.Throws<StoreConfigurationException>(() => Build("Production", new() { ["Store"] = "Oracle", ["GatewaySignature:Secret"] = SignedGraphQLClient.Secret }));

        Assert.Equal(StoreErrorCodes.StoreKindUnknown, error.Code);
        Assert.Contains("InMemory or Postgres", error.Message, StringComparison.Ordinal);
    }

    private static WebApplication Build(string environment, Dictionary<string, string?> settings) =>
        LegalPersonsService.Build(["--environment", environment], builder =>
        {
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(settings)
            {
                ["Seed:Persons"] = "3000",
                ["Logging:LogLevel:Default"] = "Warning",
            });
        });

    private static HttpRequestMessage Query() => new(HttpMethod.Post, "/graphql")
    {
        Content = new StringContent("""{"query":"{ legalPersons(first: 1) { totalCount } }"}""", Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
    };
}

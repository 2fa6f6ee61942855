using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Federation.Gateway.Catalogue;
using Federation.Gateway.Hosting;
using Federation.Gateway.Tests.Authentication;
using Federation.Gateway.Tests.Sharing;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Federation.Gateway.Tests.Audit;

namespace Federation.Gateway.Tests.Platform;

/// <summary>
/// The gateway service as configured: the platform's part served at <c>/graphql</c> to callers signed in
/// with bearer tokens (the catalogue to anyone when allowed), the sharing store chosen by <c>Sharing:Store</c>.
/// </summary>
public sealed class PlatformHostingTests
{
    [Fact]
    public async Task With_the_Postgres_store_the_gateway_migrates_its_schema_at_start_and_serves_the_platform()
    {
        var schema = "sharing_host_" + Guid.NewGuid().ToString("N")[..12];
        var tokens = new TestTokens();
        await using var source = NpgsqlDataSource.Create(SharingDatabase.ConnectionString);
        try
        {
            await using var app = GatewayService.Build(
                [
                    "--Urls=http://127.0.0.1:0",
                    "--GatewaySignature:Secret=platform-hosting-test-secret-of-enough-bytes",
                    "--Subgraphs:Endpoints:population:Url=http://127.0.0.1:9/graphql",
                    "--Sharing:Store=Postgres",
                    "--Sharing:Schema=" + schema,
                    "--ConnectionStrings:Sharing=" + SharingDatabase.ConnectionString,
                    "--Authentication:AllowAnonymousCatalogue=true",
                    .. TestAuditTrail.Arguments(),
                    .. tokens.Arguments(),
                ],
                builder => builder.Logging.SetMinimumLevel(LogLevel.Critical));
            await app.StartAsync(TestContext.Current.CancellationToken);
            var url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/graphql";

            var anonymous = await PostAsync(url, "{ catalogue { id class legalBasis provider { code name } } }", token: null);
            var signedIn = await PostAsync(url, "{ shareApplications { id } grants { id } }", tokens.For(TestTokens.PublicSecurity));

            // The catalogue the gateway loaded (schema/catalogue.yaml), published in full.
            Assert.Null(anonymous["errors"]);
            var published = anonymous["data"]!["catalogue"]!.AsArray();
            var catalogue = app.Services.GetRequiredService<ShareCatalogue>();
            Assert.Equal(catalogue.Resources.Select(r => r.Id), published.Select(r => (string)r!["id"]!));
            var notShared = published.Where(r => (string)r!["class"]! == "NOT_SHARED").ToList();
            Assert.NotEmpty(notShared);
            Assert.All(notShared, r => Assert.False(string.IsNullOrWhiteSpace((string?)r!["legalBasis"])));
            Assert.All(published, r => Assert.Equal(catalogue.Agency((string)r!["provider"]!["code"]!)?.Name, (string?)r!["provider"]!["name"]));
            Assert.True(signedIn["errors"] is null, signedIn.ToJsonString());
            Assert.Equal("""{"shareApplications":[],"grants":[]}""", signedIn["data"]!.ToJsonString());
            await using var tables = source.CreateCommand("SELECT count(*) FROM information_schema.tables WHERE table_schema = @schema AND table_name IN ('share_applications', 'grants')");
            tables.Parameters.AddWithValue("schema", schema);
            Assert.Equal(2L, await tables.ExecuteScalarAsync(TestContext.Current.CancellationToken));
            await app.StopAsync(TestContext.Current.CancellationToken);
        }
        finally
        {
            await using var drop = source.CreateCommand($"DROP SCHEMA IF EXISTS \"{schema}\" CASCADE");
            await drop.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }
    }

    [Fact]
    public void Postgres_without_a_connection_string_is_refused_at_start_saying_what_is_missing()
    {
        var error = Assert.Throws<InvalidOperationException>(() => GatewayService.Build(
            [
                "--GatewaySignature:Secret=platform-hosting-test-secret-of-enough-bytes",
                "--Subgraphs:Endpoints:population:Url=http://127.0.0.1:9/graphql",
                "--Sharing:Store=Postgres",
                .. new TestTokens().Arguments(),
            ]));

        Assert.Equal("Sharing:Store is Postgres but ConnectionStrings:Sharing is not set.", error.Message);
    }

    private static async Task<JsonNode> PostAsync(string url, string query, string? token)
    {
        using var client = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(new JsonObject { ["query"] = query }.ToJsonString(), Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
    }
}

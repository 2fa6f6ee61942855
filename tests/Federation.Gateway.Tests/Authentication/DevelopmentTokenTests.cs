using System.Net.Http.Headers;
using System.Runtime.Versioning;
using System.Text;
using System.Text.Json.Nodes;
using Federation.Gateway.Authentication;
using Federation.Gateway.Hosting;
using Federation.Gateway.Tests.Execution;
using Federation.Subgraphs.DemoData;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Federation.Gateway.Tests.Authentication;

/// <summary>The development key file, the <c>token</c> command, and a gateway that trusts the same key file.</summary>
[UnsupportedOSPlatform("windows")] // the key file's owner-only mode is checked
public sealed class DevelopmentTokenTests
{
    private const string PublicSecurityBureau = "11330200123456788X";

    [Fact]
    public async Task The_token_commands_token_is_accepted_by_a_gateway_using_the_same_key_file()
    {
        using var directory = new TemporaryDirectory();
        var keyFile = Path.Combine(directory.Path, "keys", "development-signing-key");
        var output = new StringWriter();
        var errors = new StringWriter();

        var exitCode = await new System.CommandLine.RootCommand { TokenCommand.Create() }
            .Parse(["token", "--agency", PublicSecurityBureau, "--user", "chen.jing", "--role", "share-applicant", "--role", "auditor", "--lifetime", "2h", "--key-file", keyFile])
            .InvokeAsync(new System.CommandLine.InvocationConfiguration { Output = output, Error = errors }, TestContext.Current.CancellationToken);
        var token = output.ToString().Trim();

        Assert.Equal(0, exitCode);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
        Assert.Contains("宁波市公安局", errors.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(File.ReadAllText(keyFile).Trim(), output.ToString() + errors, StringComparison.Ordinal);

        await using var subgraphs = await FakeSubgraphs.StartAsync();
        await using var gateway = GatewayService.Build([], builder =>
        {
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            builder.Configuration["GatewaySignature:Secret"] = FakeSubgraphs.Secret;
            builder.Configuration["Gateway:SupergraphFile"] = Path.Combine(Repository.SchemaDirectory, "supergraph.graphql");
            foreach (var (name, url) in subgraphs.Urls)
            {
                builder.Configuration[$"Subgraphs:Endpoints:{name}:Url"] = url.ToString();
            }

            DevelopmentSigningKey.LoadOrCreate(keyFile).Configure(builder.Configuration);
        });
        await gateway.StartAsync(TestContext.Current.CancellationToken);
        using var http = new HttpClient { BaseAddress = new Uri(gateway.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()) };

        var withToken = await PostAsync(http, token);
        var withoutToken = await PostAsync(http, null);
        var health = await http.GetAsync("/health/live", TestContext.Current.CancellationToken);

        Assert.Equal(200, withToken.Status);
        Assert.Equal("李华", (string?)withToken.Json["data"]!["person"]!["name"]);
        // Besides the start-up schema check, which the platform signs as itself, the subgraphs are asked for the token's agency.
        var agencies = subgraphs.CallerAgencies.Values.SelectMany(q => q).Where(agency => agency != GatewayService.SchemaCheckCaller.Agency).ToList();
        Assert.NotEmpty(agencies);
        Assert.All(agencies, agency => Assert.Equal(PublicSecurityBureau, agency));
        Assert.Equal((401, AuthenticationErrorCodes.Unauthenticated), (withoutToken.Status, (string)withoutToken.Json["errors"]![0]!["extensions"]!["code"]!));
        Assert.Equal(200, (int)health.StatusCode);
        await gateway.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public void The_key_file_is_made_once_and_read_again()
    {
        using var directory = new TemporaryDirectory();
        var path = Path.Combine(directory.Path, "key");

        var made = DevelopmentSigningKey.LoadOrCreate(path);
        var again = DevelopmentSigningKey.LoadOrCreate(path);
        var caller = TestTokens.PublicSecurity;
        var now = DateTime.UtcNow;

        Assert.Equal(made.Issue(caller, TimeSpan.FromHours(1), now), again.Issue(caller, TimeSpan.FromHours(1), now));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        Assert.Empty(Directory.GetFiles(directory.Path, "*.tmp"));
    }

    [Fact]
    public void A_key_file_others_can_read_is_refused()
    {
        using var directory = new TemporaryDirectory();
        var path = Path.Combine(directory.Path, "key");
        DevelopmentSigningKey.LoadOrCreate(path);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        var refused = Assert.Throws<InvalidOperationException>(() => DevelopmentSigningKey.LoadOrCreate(path));

        Assert.Contains("readable by others", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_list_names_every_agency_of_the_demo_world_with_its_credit_code_and_division()
    {
        var output = new StringWriter();
        var world = new DemoWorld();

        Assert.Equal(0, TokenCommand.List(output));

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(world.Agencies.Count + 1, lines.Length);
        foreach (var agency in world.Agencies)
        {
            var legalPerson = world.LegalPerson(agency.Index);
            Assert.Contains($"{legalPerson.CreditCode}  {agency.DivisionCode}    {agency.Name}", lines);
        }
    }

    [Fact]
    public void The_division_defaults_to_the_demo_agencys_own()
    {
        using var directory = new TemporaryDirectory();
        var county = DemoAgencies.All.First(a => !a.Division.EndsWith("00", StringComparison.Ordinal));
        var output = new StringWriter();

        var exitCode = TokenCommand.Issue(new TokenCommand.TokenRequest(county.Code, "developer", null, [], "30m", Path.Combine(directory.Path, "key")), DateTime.UtcNow, output, new StringWriter());

        Assert.Equal(0, exitCode);
        var payload = JsonNode.Parse(Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Decode(output.ToString().Trim().Split('.')[1]))!;
        Assert.Equal(county.Division, (string)payload["division"]!);
        Assert.Equal(county.Code, (string)payload["agency"]!);
        Assert.Equal(30 * 60, (long)payload["exp"]! - (long)payload["nbf"]!);
    }

    [Theory]
    [InlineData(null, null, null, "8h", "--agency is required")]
    [InlineData("11330200123456788Y", null, null, "8h", "--agency 11330200123456788Y: CreditCode check character")]
    [InlineData("91330100716105852F", null, null, "8h", "is not an agency of the demo world (`token --list`): give its --division")]
    [InlineData("91330100716105852F", "3301", null, "8h", "--division 3301: DivisionCode must be 6 digits")]
    [InlineData(PublicSecurityBureau, null, "root", "8h", "--role root is not a platform role")]
    [InlineData(PublicSecurityBureau, null, null, "31d", "--lifetime 31d")]
    [InlineData(PublicSecurityBureau, null, null, "forever", "--lifetime forever")]
    public void A_bad_request_prints_what_is_wrong_and_no_token(string? agency, string? division, string? role, string lifetime, string says)
    {
        using var directory = new TemporaryDirectory();
        var output = new StringWriter();
        var errors = new StringWriter();

        var exitCode = TokenCommand.Issue(new TokenCommand.TokenRequest(agency, "developer", division, role is null ? [] : [role], lifetime, Path.Combine(directory.Path, "key")), DateTime.UtcNow, output, errors);

        Assert.Equal(1, exitCode);
        Assert.Empty(output.ToString());
        Assert.Contains(says, errors.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_agency_outside_the_demo_world_gets_a_token_with_the_division_given()
    {
        using var directory = new TemporaryDirectory();
        var output = new StringWriter();

        var exitCode = TokenCommand.Issue(new TokenCommand.TokenRequest(FakeSubgraphs.LicenceBureau, "developer", "330100", [], "8h", Path.Combine(directory.Path, "key")), DateTime.UtcNow, output, new StringWriter());

        Assert.Equal(0, exitCode);
        Assert.Equal("330100", (string)JsonNode.Parse(Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Decode(output.ToString().Trim().Split('.')[1]))!["division"]!);
    }

    private static async Task<(int Status, JsonObject Json)> PostAsync(HttpClient http, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            // A person's identity is unconditional (schema/catalogue.yaml): any signed-in agency reads it without a purpose or a grant.
            Content = new StringContent(new JsonObject { ["query"] = $$"""{ person(idNumber: "{{FakeSubgraphs.LiHua}}") { name } }""" }.ToJsonString(), Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        return ((int)response.StatusCode, (JsonObject)JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!);
    }
}

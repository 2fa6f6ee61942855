using System.Net.Http.Headers;
using System.Runtime.Versioning;
using System.Text;
using System.Text.Json.Nodes;
using Federation.Gateway.Authentication;
using Federation.Gateway.Hosting;
using Federation.Gateway.Tests.Execution;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Federation.Gateway.Tests.Audit;

namespace Federation.Gateway.Tests.Authentication;

/// <summary>The development key file, the <c>token</c> command, and a gateway that trusts the same key file.</summary>
[UnsupportedOSPlatform("windows")] // the key file's owner-only mode is checked
public sealed class DevelopmentTokenTests
{
    private const string PublicSecurityBureau = "11330200123456788X";
    private const string CivilAffairsBureau = "113302004296296290";
    private const string BigDataBureau = "1133020035308641XG";

    [Fact]
    public async Task The_token_commands_token_is_accepted_by_a_gateway_using_the_same_key_file()
    {
        using var directory = new TemporaryDirectory();
        var keyFile = Path.Combine(directory.Path, "keys", "development-signing-key");
        var output = new StringWriter();
        var errors = new StringWriter();

        var exitCode = await new System.CommandLine.RootCommand { TokenCommand.Create() }
            .Parse(["token", "--agency", PublicSecurityBureau, "--user", "chen.jing", "--role", "share-applicant", "--role", "share-approver", "--lifetime", "2h", "--key-file", keyFile])
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
            TestAuditTrail.Configure(builder.Configuration);
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
    public void The_list_names_every_agency_of_the_registry_with_its_division_and_the_roles_it_may_hold()
    {
        var output = new StringWriter();
        var catalogue = GatedEndpoint.CommittedCatalogue;

        Assert.Equal(0, TokenCommand.List(catalogue, output));

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(catalogue.Agencies.Count + 1, lines.Length);
        foreach (var agency in catalogue.Agencies)
        {
            Assert.Single(lines, line => line.StartsWith($"{agency.Code}  {agency.Division}  ", StringComparison.Ordinal) && line.EndsWith(agency.Name, StringComparison.Ordinal));
        }

        Assert.Contains(lines, line => line.StartsWith(BigDataBureau, StringComparison.Ordinal) && line.Contains("share-applicant,share-approver,competent-department,auditor", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.StartsWith(CivilAffairsBureau, StringComparison.Ordinal) && line.Contains(" share-applicant ", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_a_division_the_token_names_none_and_with_the_registrys_it_names_that()
    {
        using var directory = new TemporaryDirectory();
        var county = GatedEndpoint.CommittedCatalogue.Agencies.First(a => !a.Division.EndsWith("00", StringComparison.Ordinal));
        var without = new StringWriter();
        var with = new StringWriter();
        var said = new StringWriter();

        var first = TokenCommand.Issue(new TokenCommand.TokenRequest(county.Code, "developer", null, [], "30m", Path.Combine(directory.Path, "key")), GatedEndpoint.CommittedCatalogue, DateTime.UtcNow, without, said);
        var second = TokenCommand.Issue(new TokenCommand.TokenRequest(county.Code, "developer", county.Division, [], "30m", Path.Combine(directory.Path, "key")), GatedEndpoint.CommittedCatalogue, DateTime.UtcNow, with, new StringWriter());

        Assert.Equal((0, 0), (first, second));
        var payload = Payload(without);
        Assert.Null(payload["division"]);
        Assert.Equal(county.Code, (string)payload["agency"]!);
        Assert.Equal(30 * 60, (long)payload["exp"]! - (long)payload["nbf"]!);
        Assert.Contains($"division {county.Division} from the agencies registry", said.ToString(), StringComparison.Ordinal);
        Assert.Equal(county.Division, (string)Payload(with)["division"]!);
    }

    [Theory]
    [InlineData(null, null, null, "8h", "--agency is required")]
    [InlineData("11330200123456788Y", null, null, "8h", "--agency 11330200123456788Y: CreditCode check character")]
    [InlineData("91330100716105852F", null, null, "8h", "is not in the catalogue's agencies registry (`token --list`): the gateway would refuse the token (AGENCY_UNKNOWN)")]
    [InlineData(PublicSecurityBureau, "3301", null, "8h", "--division 3301: DivisionCode must be 6 digits")]
    [InlineData(PublicSecurityBureau, "330203", null, "8h", "is of division 330200 in the agencies registry; the gateway would refuse the token (DIVISION_MISMATCH)")]
    [InlineData(PublicSecurityBureau, null, "root", "8h", "--role root is not a platform role")]
    [InlineData(PublicSecurityBureau, null, "competent-department", "8h", "--role competent-department: agency 11330200123456788X may not hold it — the agencies registry does not give it")]
    [InlineData(PublicSecurityBureau, null, "auditor", "8h", "(ROLE_NOT_ALLOWED)")]
    [InlineData(CivilAffairsBureau, null, "share-approver", "8h", "--role share-approver: agency 113302004296296290 may not hold it — only an agency that provides a catalogue resource holds")]
    [InlineData(PublicSecurityBureau, null, null, "31d", "--lifetime 31d")]
    [InlineData(PublicSecurityBureau, null, null, "forever", "--lifetime forever")]
    public void A_request_the_gateway_would_refuse_prints_what_is_wrong_and_no_token(string? agency, string? division, string? role, string lifetime, string says)
    {
        using var directory = new TemporaryDirectory();
        var output = new StringWriter();
        var errors = new StringWriter();

        var exitCode = TokenCommand.Issue(
            new TokenCommand.TokenRequest(agency, "developer", division, role is null ? [] : [role], lifetime, Path.Combine(directory.Path, "key")),
            GatedEndpoint.CommittedCatalogue,
            DateTime.UtcNow,
            output,
            errors);

        Assert.Equal(1, exitCode);
        Assert.Empty(output.ToString());
        Assert.Contains(says, errors.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_another_catalogue_the_command_mints_for_its_registry_and_refuses_what_it_does_not_list()
    {
        using var directory = new TemporaryDirectory();
        var catalogue = Path.Combine(directory.Path, "catalogue.yaml");
        await File.WriteAllTextAsync(catalogue, $$"""
            agencies:
              - code: {{FakeSubgraphs.LicenceBureau}}
                name: 杭州市行政审批局
                englishName: Hangzhou Administrative Approval Bureau
                division: "330100"
                roles: [auditor]
            subgraphs: {}
            divisionFields: {}
            resources: []
            """, TestContext.Current.CancellationToken);

        var (minted, token, _) = await RunAsync(["token", "--catalogue", catalogue, "--agency", FakeSubgraphs.LicenceBureau, "--role", "auditor", "--key-file", Path.Combine(directory.Path, "key")]);
        var (refused, none, says) = await RunAsync(["token", "--catalogue", catalogue, "--agency", PublicSecurityBureau, "--key-file", Path.Combine(directory.Path, "key")]);
        var (broken, _, why) = await RunAsync(["token", "--catalogue", Path.Combine(directory.Path, "missing.yaml"), "--agency", PublicSecurityBureau]);

        Assert.Equal(0, minted);
        Assert.Equal(FakeSubgraphs.LicenceBureau, (string)Payload(new StringWriter(new System.Text.StringBuilder(token)))["agency"]!);
        Assert.Equal(1, refused);
        Assert.Empty(none);
        Assert.Contains("AGENCY_UNKNOWN", says, StringComparison.Ordinal);
        Assert.Equal(1, broken);
        Assert.Contains("missing.yaml", why, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Output, string Errors)> RunAsync(string[] arguments)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var exitCode = await new System.CommandLine.RootCommand { TokenCommand.Create() }
            .Parse(arguments)
            .InvokeAsync(new System.CommandLine.InvocationConfiguration { Output = output, Error = errors }, TestContext.Current.CancellationToken);
        return (exitCode, output.ToString(), errors.ToString());
    }

    private static JsonNode Payload(StringWriter output) =>
        JsonNode.Parse(Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Decode(output.ToString().Trim().Split('.')[1]))!;

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

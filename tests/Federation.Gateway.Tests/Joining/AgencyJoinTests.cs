using System.Diagnostics.CodeAnalysis;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Federation.Gateway.Authentication;
using Federation.Gateway.Authorization;
using Federation.Gateway.Catalogue;
using Federation.Gateway.Composition;
using Federation.Gateway.Execution;
using Federation.Gateway.Hosting;
using Federation.Gateway.Tests.Authentication;
using Federation.Gateway.Tests.Catalogue;
using Federation.Subgraphs.DemoData;
using Federation.Host;
using Federation.Protocol.Signing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Federation.Gateway.Tests.Audit;

namespace Federation.Gateway.Tests.Joining;

/// <summary>
/// The README's "How an agency joins", done to a running gateway: the social-insurance register of the
/// human resources and social security bureau, a subgraph written in Node with <c>@apollo/subgraph</c>,
/// joins the four by one entry in the subgraph config and its catalogue entries from
/// <c>catalogue draft</c>, edited — and the gateway, without a restart, answers a query across the five,
/// authorizing the newcomer's fields like any other.
/// </summary>
public sealed class AgencyJoinTests
{
    private const int Persons = 300;
    private const string Subgraph = "social-insurance";
    private const string HumanResources = "113302007358024697";

    /// <summary>宁波市民政局: applies for shares, nothing more.</summary>
    private static readonly Caller CivilAffairs = new("wang.fang", "113302004296296290", "330200", new HashSet<string> { PlatformRoles.Applicant });

    /// <summary>宁波市人力资源和社会保障局: approves applications for what it provides — once it provides something.</summary>
    private static readonly Caller SocialSecurityApprover = new("chen.jie", HumanResources, "330200", new HashSet<string> { PlatformRoles.Approver });

    [StringSyntax("graphql")]
    private const string AcrossTheFive = """
        query ($number: String!) {
          licence(number: $number) {
            number
            holder {
              ... on Person {
                name
                registeredDivision { name }
                socialInsuranceAccounts { number scheme status contributionMonths monthlyContributionBase employer { name } }
              }
            }
          }
        }
        """;

    [StringSyntax("graphql")]
    private const string AcrossTheFour = """
        query ($number: String!) {
          licence(number: $number) { number holder { ... on Person { name registeredDivision { name } } } }
        }
        """;

    [Fact]
    public async Task A_Node_subgraph_joins_the_running_gateway_by_its_config_entry_and_edited_catalogue_entries()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var subgraphs = await EmbeddedSubgraphs.StartAsync(Persons, LogLevel.Warning, cancellationToken);
        var (licence, holder) = await PersonsLicenceAsync(subgraphs);
        var employer = new DemoWorld(Persons).LegalPerson(0);

        // The agency runs its subgraph with the gateway's signing secret; it answers nobody else.
        await using var socialInsurance = await SocialInsuranceSubgraph.StartAsync(subgraphs.Secret, Accounts(holder, employer.CreditCode));
        using (var http = new HttpClient())
        {
            using var unsigned = await http.PostAsync(socialInsurance.Url, Json(new JsonObject { ["query"] = "{ _service { sdl } }" }), cancellationToken);
            Assert.Equal(401, (int)unsigned.StatusCode);
            Assert.Contains("\"SIGNATURE_MISSING\"", await unsigned.Content.ReadAsStringAsync(cancellationToken), StringComparison.Ordinal);
        }

        await using var gateway = await JoiningGateway.StartAsync(subgraphs);
        var variables = new JsonObject { ["number"] = licence };
        var unknown = await gateway.PostAsync(AcrossTheFive, variables, CivilAffairs, "WORK_REFERENCE");
        Assert.Contains("socialInsuranceAccounts", unknown.Text, StringComparison.Ordinal);
        Assert.Null(unknown.Body["data"]);

        // 1. The agency writes its entry into a copy of the subgraph config and drafts its catalogue
        //    entries from it, into a copy of the catalogue.
        using var work = new TemporaryDirectory();
        var config = CatalogueDraftTests.JoiningConfig(work.Path, await File.ReadAllTextAsync(SocialInsuranceSubgraph.SchemaFile, cancellationToken));
        var drafted = Path.Combine(work.Path, CatalogueFiles.FileName);
        var draftErrors = new StringWriter();
        var exitCode = await CatalogueCommand.DraftAsync(
            new CatalogueCommand.DraftRequest(Subgraph, HumanResources, new FileInfo(config), null, new FileInfo(gateway.CatalogueFile), new FileInfo(drafted), Merge: true),
            new StringWriter(),
            draftErrors,
            cancellationToken);
        Assert.True(exitCode == 0, draftErrors.ToString());

        // 2. The competent department edits the drafts: the accounts open to every agency, the wage they
        //    are assessed on conditional on an approved application.
        var edited = Edit(await File.ReadAllTextAsync(drafted, cancellationToken));

        // 3. The entry in the served subgraph config, its SDL the subgraph's own `_service { sdl }` as
        //    @apollo/subgraph prints it (federation definitions and all), fetched signed: refused while
        //    the catalogue does not cover the newcomer — the four keep serving.
        var since = DateTimeOffset.UtcNow;
        ReplaceByRename(gateway.SubgraphConfigFile, await File.ReadAllTextAsync(gateway.SubgraphConfigFile, cancellationToken) + $"""
              {Subgraph}:
                routing_url: {socialInsurance.Url}
                schema:
                  subgraph_url: {socialInsurance.Url}

            """);
        var refused = await gateway.NextAttemptAsync(since);
        Assert.Equal(SupergraphReloadOutcome.Refused, refused.Outcome);
        Assert.Contains(refused.Errors, e => e.Code == CatalogueErrorCodes.SubgraphWithoutProviderCode);
        Assert.Contains(refused.Errors, e => e.Code == CatalogueErrorCodes.FieldUncoveredCode && e.Message.Contains("`catalogue draft --subgraph social-insurance", StringComparison.Ordinal));
        var stillFour = await gateway.PostAsync(AcrossTheFour, variables, CivilAffairs, "WORK_REFERENCE");
        Assert.Null(stillFour.Body["errors"]);

        // 4. The edited catalogue in place: the gateway swaps in the five and their catalogue together.
        since = DateTimeOffset.UtcNow;
        ReplaceByRename(gateway.CatalogueFile, edited);
        var swapped = await gateway.NextAttemptAsync(since);
        Assert.True(swapped.Outcome == SupergraphReloadOutcome.Swapped, string.Join(Environment.NewLine, swapped.Errors));
        Assert.Contains(gateway.Source.Current.Subgraphs, s => s.Name == Subgraph && s.Url == socialInsurance.Url.ToString());

        // The query across the five: the accounts open, the contribution base denied with its code.
        var withoutGrant = await gateway.PostAsync(AcrossTheFive, variables, CivilAffairs, "DATA_VERIFICATION");
        var person = withoutGrant.Body["data"]!["licence"]!["holder"]!;
        Assert.Equal(holder.Name, (string?)person["name"]);
        Assert.NotNull((string?)person["registeredDivision"]!["name"]);
        var account = Assert.Single(person["socialInsuranceAccounts"]!.AsArray())!;
        Assert.Equal(employer.Name, (string?)account["employer"]!["name"]);
        Assert.Equal(
            """{"number":"330200-SI-0001","scheme":"PENSION","status":"ACTIVE","contributionMonths":86}""",
            Without(account, "monthlyContributionBase", "employer").ToJsonString());
        var denied = Assert.Single(withoutGrant.Body["errors"]!.AsArray())!;
        Assert.Equal(
            (AuthorizationErrorCodes.ShareGrantRequired, "social-insurance.contribution-base", "monthlyContributionBase"),
            ((string?)denied["extensions"]!["code"], (string?)denied["extensions"]!["resource"], (string?)denied["path"]!.AsArray()[^1]));

        // Apply, and the provider approves: the same query reads the wage base.
        var applied = await gateway.PostAsync(
            "mutation ($input: ApplyForShareInput!) { applyForShare(input: $input) { id } }",
            new JsonObject
            {
                ["input"] = new JsonObject
                {
                    ["resourceId"] = "social-insurance.contribution-base",
                    ["purposes"] = new JsonArray("DATA_VERIFICATION"),
                    ["justification"] = "Checking the income declared for a social-assistance claim.",
                    ["validFrom"] = DateTimeOffset.UtcNow.AddMinutes(-5).ToString("O"),
                    ["validUntil"] = DateTimeOffset.UtcNow.AddDays(30).ToString("O"),
                },
            },
            CivilAffairs,
            "DATA_VERIFICATION");
        Assert.True(applied.Body["errors"] is null, applied.Text);
        var approved = await gateway.PostAsync(
            "mutation ($id: ID!) { approveShareApplication(input: { id: $id }) { status } }",
            new JsonObject { ["id"] = (string)applied.Body["data"]!["applyForShare"]!["id"]! },
            SocialSecurityApprover,
            "DATA_VERIFICATION");
        Assert.True(approved.Body["errors"] is null, approved.Text);
        Assert.Equal("APPROVED", (string?)approved.Body["data"]!["approveShareApplication"]!["status"]);

        var withGrant = await gateway.PostAsync(AcrossTheFive, variables, CivilAffairs, "DATA_VERIFICATION");
        Assert.True(withGrant.Body["errors"] is null, withGrant.Text);
        Assert.Equal(9876.5, (double)withGrant.Body["data"]!["licence"]!["holder"]!["socialInsuranceAccounts"]![0]!["monthlyContributionBase"]!);

        // The grant is for its purpose only; a purpose the provider does not permit is refused as such.
        var otherPurpose = await gateway.PostAsync(AcrossTheFive, variables, CivilAffairs, "ADMINISTRATIVE_BASIS");
        Assert.Equal([AuthorizationErrorCodes.ShareGrantRequired], otherPurpose.Codes);
        var notPermitted = await gateway.PostAsync(AcrossTheFive, variables, CivilAffairs, "WORK_REFERENCE");
        Assert.Equal([AuthorizationErrorCodes.PurposeNotPermitted], notPermitted.Codes);
    }

    /// <summary>The edits of step 2, on the drafted catalogue.</summary>
    private static string Edit(string drafted)
    {
        var edited = drafted;
        foreach (var id in new[] { "social-insurance.query", "social-insurance.person", "social-insurance.social-insurance-account" })
        {
            edited = Unconditional(edited, id);
        }

        edited = edited.Replace("      - SocialInsuranceAccount.monthlyContributionBase\n", "", StringComparison.Ordinal);
        Assert.DoesNotContain("monthlyContributionBase", edited, StringComparison.Ordinal);
        return edited.TrimEnd('\n') + $$"""


              # What an insured person earns: the wage the contributions are assessed on.
              - id: social-insurance.contribution-base
                name: 社会保险缴费基数
                englishName: Social-insurance contribution base
                provider: "{{HumanResources}}"
                class: CONDITIONAL
                fields:
                  - SocialInsuranceAccount.monthlyContributionBase
                format: JSON
                provision: [API]
                updateFrequency: MONTHLY
                conditions:
                  agencies: any
                  purposes: [ADMINISTRATIVE_BASIS, DATA_VERIFICATION]
                  applicationRequired: true
                  divisionScoped: false

            """;
    }

    /// <summary>The drafted resource <paramref name="id"/> made UNCONDITIONAL: its class changed, its conditions gone.</summary>
    private static string Unconditional(string catalogue, string id)
    {
        var start = catalogue.IndexOf($"  - id: {id}\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"No drafted resource {id}.");
        var end = catalogue.IndexOf("\n\n", start, StringComparison.Ordinal) is var blank and >= 0 ? blank + 1 : catalogue.Length;
        var resource = catalogue[start..end];
        var conditions = resource.IndexOf("    conditions:\n", StringComparison.Ordinal);
        var opened = resource[..conditions].Replace("    class: CONDITIONAL\n", "    class: UNCONDITIONAL\n", StringComparison.Ordinal);
        return catalogue[..start] + opened + catalogue[end..];
    }

    private static JsonArray Accounts(PersonCore holder, string employer) =>
    [
        new JsonObject
        {
            ["number"] = "330200-SI-0001",
            ["idNumber"] = holder.IdNumber,
            ["creditCode"] = employer,
            ["scheme"] = "PENSION",
            ["status"] = "ACTIVE",
            ["contributionMonths"] = 86,
            ["monthlyContributionBase"] = 9876.5,
            ["openedOn"] = "2018-03-01",
        },
    ];

    /// <summary>A licence held by a person, and the person, asked of the licences subgraph directly (signed, as the platform's operator).</summary>
    private static async Task<(string Licence, PersonCore Holder)> PersonsLicenceAsync(EmbeddedSubgraphs subgraphs)
    {
        using var http = new HttpClient(new GatewaySigningHandler(new GatewaySignature(subgraphs.Secret)) { InnerHandler = new SocketsHttpHandler() });
        using var request = new HttpRequestMessage(HttpMethod.Post, subgraphs.Urls.Single(s => s.Name == "licences").Url)
        {
            Content = Json(new JsonObject { ["query"] = "{ licences(first: 50) { edges { node { number holder { __typename ... on Person { idNumber } } } } } }" }),
        };
        request.Options.Set(GatewaySigningHandler.CallerOption, new GatewayCaller("1133020035308641XG", "DATA_VERIFICATION"));
        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
        var node = body["data"]!["licences"]!["edges"]!.AsArray().Select(e => e!["node"]!).First(n => (string?)n["holder"]!["__typename"] == "Person");
        var idNumber = (string)node["holder"]!["idNumber"]!;
        var world = new DemoWorld(Persons);
        var holder = Enumerable.Range(0, world.PersonCount).Select(world.Person).Single(p => p.IdNumber == idNumber);
        return ((string)node["number"]!, holder);
    }

    private static JsonNode Without(JsonNode node, params string[] properties)
    {
        var copy = node.DeepClone().AsObject();
        foreach (var property in properties)
        {
            copy.Remove(property);
        }

        return copy;
    }

    private static StringContent Json(JsonObject body) => new(body.ToJsonString(), Encoding.UTF8, new MediaTypeHeaderValue("application/json"));

    /// <summary>Writes <paramref name="text"/> as editors do: to another file, renamed over <paramref name="path"/>.</summary>
    private static void ReplaceByRename(string path, string text)
    {
        var temporary = path + ".swp";
        File.WriteAllText(temporary, text);
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>
    /// The gateway service as a deployment runs it, over the four embedded subgraphs, serving and
    /// watching a served set of its own: copies of the committed subgraph config (with the four SDL
    /// files), supergraph and catalogue.
    /// </summary>
    private sealed class JoiningGateway : IAsyncDisposable
    {
        private readonly TemporaryDirectory directory = new();
        private readonly HttpClient client = new() { Timeout = TimeSpan.FromSeconds(60) };
        private readonly TestTokens tokens = new();
        private WebApplication app = null!;
        private Uri url = null!;

        private JoiningGateway()
        {
            foreach (var file in System.IO.Directory.GetFiles(Repository.SchemaDirectory).Where(f => f.EndsWith(".graphql", StringComparison.Ordinal) || f.EndsWith(".yaml", StringComparison.Ordinal)))
            {
                File.Copy(file, Path.Combine(directory.Path, Path.GetFileName(file)));
            }
        }

        public string SubgraphConfigFile => Path.Combine(directory.Path, SubgraphConfig.FileName);

        public string CatalogueFile => Path.Combine(directory.Path, CatalogueFiles.FileName);

        public SupergraphSource Source => app.Services.GetRequiredService<SupergraphSource>();

        public static async Task<JoiningGateway> StartAsync(EmbeddedSubgraphs subgraphs)
        {
            var gateway = new JoiningGateway();
            gateway.app = GatewayService.Build([], builder =>
            {
                builder.WebHost.UseUrls("http://127.0.0.1:0");
                builder.Logging.ClearProviders();
                TestAuditTrail.Configure(builder.Configuration);
                builder.Configuration["GatewaySignature:Secret"] = subgraphs.Secret;
                builder.Configuration["Gateway:SupergraphFile"] = Path.Combine(gateway.directory.Path, Supergraph.FileName);
                builder.Configuration["Gateway:CatalogueFile"] = gateway.CatalogueFile;
                builder.Configuration["Gateway:Reload:SubgraphConfigFile"] = gateway.SubgraphConfigFile;
                builder.Configuration["Gateway:Reload:Debounce"] = "00:00:00.200";
                gateway.tokens.Configure(builder.Configuration);
                foreach (var (name, subgraphUrl) in subgraphs.Urls)
                {
                    builder.Configuration[$"{SubgraphOptions.Section}:Endpoints:{name}:Url"] = subgraphUrl;
                }
            });
            await gateway.app.StartAsync(TestContext.Current.CancellationToken);
            var address = gateway.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
            gateway.url = new Uri(address + "/graphql");
            return gateway;
        }

        public async Task<Answer> PostAsync([StringSyntax("graphql")] string query, JsonObject variables, Caller caller, string purpose)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = Json(new JsonObject { ["query"] = query, ["variables"] = variables.DeepClone() }) };
            request.Headers.Accept.ParseAdd("application/graphql-response+json");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens.For(caller));
            request.Headers.Add(PurposeDeclaration.PurposeHeader, purpose);
            using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
            var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            return new Answer(text, JsonNode.Parse(text) as JsonObject ?? throw new InvalidOperationException($"Not a JSON object: {text}"));
        }

        /// <summary>Waits (at most 30 s) for a reload attempt after <paramref name="since"/>.</summary>
        public async Task<SupergraphReloadAttempt> NextAttemptAsync(DateTimeOffset since)
        {
            var reload = app.Services.GetRequiredService<SupergraphReload>();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(30));
            while (reload.Status.LastAttempt is not { } attempt || attempt.At <= since)
            {
                await Task.Delay(20, timeout.Token);
            }

            return reload.Status.LastAttempt!;
        }

        public async ValueTask DisposeAsync()
        {
            client.Dispose();
            await app.StopAsync();
            await app.DisposeAsync();
            directory.Dispose();
        }
    }

    private sealed record Answer(string Text, JsonObject Body)
    {
        public IReadOnlyList<string?> Codes => [.. (Body["errors"]?.AsArray() ?? []).Select(e => (string?)e!["extensions"]?["code"])];
    }
}

using System.Diagnostics.CodeAnalysis;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Federation.Gateway.Catalogue;
using Federation.Gateway.Composition;
using Federation.Gateway.Hosting;
using Federation.Gateway.Tests.Authentication;
using Federation.Protocol.Signing;
using Federation.Subgraphs.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Federation.Gateway.Tests.Audit;

namespace Federation.Gateway.Tests.Catalogue;

/// <summary>
/// The catalogue where it acts: the gateway's start-up and endpoint (NOT_SHARED fields are not in the
/// public schema), the <c>compose</c> command and the supergraph reload (an uncovered supergraph fails).
/// </summary>
public sealed class ServedCatalogueTests
{
    private const string Secret = "catalogue-tests-signing-secret-of-32-bytes-or-more";

    private readonly TestTokens tokens = new();

    [Fact]
    public async Task Not_shared_fields_are_absent_from_introspection_through_the_gateway()
    {
        await using var gateway = await StartGatewayAsync();

        var body = await gateway.PostAsync("""{ person: __type(name: "Person") { fields { name } } report: __type(name: "AnnualReport") { fields { name } } }""");

        var person = body["data"]!["person"]!["fields"]!.AsArray().Select(f => (string)f!["name"]!).ToList();
        var report = body["data"]!["report"]!["fields"]!.AsArray().Select(f => (string)f!["name"]!).ToList();
        Assert.Contains("name", person);
        Assert.Contains("residenceAddress", person);
        Assert.DoesNotContain("phone", person);
        Assert.Contains("year", report);
        Assert.DoesNotContain("employees", report);
    }

    [Fact]
    public async Task Not_shared_fields_are_refused_by_validation_through_the_gateway()
    {
        await using var gateway = await StartGatewayAsync();

        var body = await gateway.PostAsync("""{ person(idNumber: "330203198001010011") { name phone } }""");

        Assert.Null(body["data"]);
        var error = Assert.Single(body["errors"]!.AsArray());
        Assert.Equal("Cannot query field \"phone\" on type \"Person\".", (string)error!["message"]!);
        Assert.Equal(400, gateway.LastStatus);
    }

    [Fact]
    public async Task The_gateway_serves_its_catalogue_from_dependency_injection_and_with_the_supergraph()
    {
        await using var gateway = await StartGatewayAsync();

        var catalogue = gateway.App.Services.GetRequiredService<ShareCatalogue>();

        Assert.Same(catalogue, gateway.App.Services.GetRequiredService<SupergraphSource>().Current.Catalogue);
        Assert.Equal(ShareClass.NotShared, catalogue.ResourceOf("Person.phone")!.Class);
    }

    [Fact]
    public void The_gateway_does_not_start_when_the_catalogue_does_not_cover_the_supergraph()
    {
        using var directory = new TemporaryDirectory();
        var catalogue = Path.Combine(directory.Path, CatalogueFiles.FileName);
        File.WriteAllText(catalogue, File.ReadAllText(Path.Combine(Repository.SchemaDirectory, CatalogueFiles.FileName)).Replace("      - Person.gender\n", "", StringComparison.Ordinal));

        var exception = Assert.Throws<UncoveredSupergraphException>(() => BuildGateway(catalogue));

        var error = Assert.Single(exception.Errors);
        Assert.Equal(CatalogueErrorCodes.FieldUncoveredCode, error.Code);
        Assert.Equal(["Person.gender"], error.Coordinates);
    }

    [Fact]
    public void The_gateway_does_not_start_on_a_catalogue_that_does_not_load()
    {
        using var directory = new TemporaryDirectory();
        var catalogue = Path.Combine(directory.Path, CatalogueFiles.FileName);
        File.WriteAllText(catalogue, File.ReadAllText(Path.Combine(Repository.SchemaDirectory, CatalogueFiles.FileName)).Replace("class: NOT_SHARED", "class: SECRET", StringComparison.Ordinal));

        var exception = Assert.Throws<InvalidCatalogueException>(() => BuildGateway(catalogue));

        Assert.All(exception.Errors, e => Assert.Equal(CatalogueErrorCodes.InvalidValueCode, e.Code));
        Assert.Contains("population.contact-phone", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compose_fails_when_the_catalogue_does_not_cover_a_field()
    {
        using var directory = new TemporaryDirectory();
        CopySchemaDirectory(directory.Path);
        File.AppendAllText(Path.Combine(directory.Path, "licences.graphql"), "\nextend type Query { registryName: String }\n");
        var output = Path.Combine(directory.Path, "out.graphql");
        var errors = new StringWriter();

        var exitCode = await ComposeCommand.RunAsync(new FileInfo(Path.Combine(directory.Path, SubgraphConfig.FileName)), new FileInfo(output), new StringWriter(), errors, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(1, exitCode);
        Assert.False(File.Exists(output));
        Assert.Contains("CATALOGUE_FIELD_UNCOVERED: Field \"Query.registryName\" is covered by no resource of the share catalogue.", errors.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compose_fails_when_the_catalogue_is_missing()
    {
        using var directory = new TemporaryDirectory();
        CopySchemaDirectory(directory.Path);
        File.Delete(Path.Combine(directory.Path, CatalogueFiles.FileName));
        var errors = new StringWriter();

        var exitCode = await ComposeCommand.RunAsync(new FileInfo(Path.Combine(directory.Path, SubgraphConfig.FileName)), new FileInfo(Path.Combine(directory.Path, "out.graphql")), new StringWriter(), errors, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(1, exitCode);
        Assert.Contains(CatalogueFiles.FileName, errors.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reload_to_a_supergraph_the_catalogue_does_not_cover_is_refused()
    {
        var (source, reload) = ServedAgencySupergraph();
        var serving = source.Current;
        var subgraphs = Repository.AgencySubgraphs().ToList();
        subgraphs[3] = subgraphs[3] with { Sdl = subgraphs[3].Sdl + "\nextend type Query { registryName: String }\n" };

        var result = await reload.ApplyAsync(subgraphs, TestContext.Current.CancellationToken);

        Assert.Equal(SupergraphReloadOutcome.Refused, result.Outcome);
        Assert.Equal(CatalogueErrorCodes.FieldUncoveredCode, Assert.Single(result.Errors).Code);
        Assert.Same(serving, source.Current);
    }

    [Fact]
    public async Task A_reload_the_catalogue_covers_is_served_with_the_catalogue()
    {
        var (source, reload) = ServedAgencySupergraph();
        var catalogue = source.Current.Catalogue;
        var subgraphs = Repository.AgencySubgraphs().ToList();
        subgraphs[3] = subgraphs[3] with { Sdl = subgraphs[3].Sdl.Replace("identified by its number.", "identified by its licence number.", StringComparison.Ordinal) };

        var result = await reload.ApplyAsync(subgraphs, TestContext.Current.CancellationToken);

        Assert.Equal(SupergraphReloadOutcome.Swapped, result.Outcome);
        Assert.Same(catalogue, source.Current.Catalogue);
        Assert.Null(((Federation.GraphQL.Types.ObjectType)source.Current.ApiSchema.GetType("Person")!).GetField("phone"));
    }

    private static (SupergraphSource Source, SupergraphReload Reload) ServedAgencySupergraph()
    {
        var catalogue = CatalogueFiles.FromFile(Path.Combine(Repository.SchemaDirectory, CatalogueFiles.FileName));
        var source = new SupergraphSource(CatalogueFiles.Serve(File.ReadAllText(Repository.SupergraphFile), catalogue));
        var fetcher = new SubgraphSdlFetcher(new HttpClient(), new GatewayCaller("platform", "supergraph-check"));
        return (source, new SupergraphReload(source, fetcher, NullLogger<SupergraphReload>.Instance));
    }

    private static void CopySchemaDirectory(string directory)
    {
        File.Copy(Path.Combine(Repository.SchemaDirectory, SubgraphConfig.FileName), Path.Combine(directory, SubgraphConfig.FileName));
        foreach (var name in Repository.SubgraphConfig.Subgraphs.Select(s => s.Name))
        {
            File.Copy(Path.Combine(Repository.SchemaDirectory, name + ".graphql"), Path.Combine(directory, name + ".graphql"));
        }

        File.Copy(Path.Combine(Repository.SchemaDirectory, CatalogueFiles.FileName), Path.Combine(directory, CatalogueFiles.FileName));
    }

    /// <summary>The gateway over the committed supergraph; its subgraphs are never reached (the tests stop at validation).</summary>
    private WebApplication BuildGateway(string? catalogueFile = null)
    {
        string[] args =
        [
            "--Urls=http://127.0.0.1:0",
            "--GatewaySignature:Secret=" + Secret,
            "--Gateway:SupergraphFile=" + Repository.SupergraphFile,
            "--Gateway:CatalogueFile=" + (catalogueFile ?? Path.Combine(Repository.SchemaDirectory, CatalogueFiles.FileName)),
            .. Repository.SubgraphConfig.Subgraphs.Select(s => $"--Subgraphs:Endpoints:{s.Name}:Url=http://127.0.0.1:9/graphql"),
            .. tokens.Arguments(),
        ];
        return GatewayService.Build(args, builder =>
        {
            builder.Logging.ClearProviders();
            TestAuditTrail.Configure(builder.Configuration);
        });
    }

    private async Task<RunningGateway> StartGatewayAsync()
    {
        var app = BuildGateway();
        await app.StartAsync(TestContext.Current.CancellationToken);
        return new RunningGateway(app, tokens.For());
    }

    private sealed class RunningGateway(WebApplication app, string token) : IAsyncDisposable
    {
        private readonly HttpClient http = new() { BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()) };

        public WebApplication App => app;

        public int LastStatus { get; private set; }

        public async Task<JsonNode> PostAsync([StringSyntax("graphql")] string query)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
            {
                Content = new StringContent(new JsonObject { ["query"] = query }.ToJsonString(), Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
            };
            request.Headers.Accept.ParseAdd("application/graphql-response+json");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
            LastStatus = (int)response.StatusCode;
            return JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
        }

        public async ValueTask DisposeAsync()
        {
            http.Dispose();
            await app.StopAsync(TestContext.Current.CancellationToken);
            await app.DisposeAsync();
        }
    }
}

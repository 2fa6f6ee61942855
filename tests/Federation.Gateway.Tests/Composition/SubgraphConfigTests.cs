using Federation.Gateway.Composition;
using Federation.Subgraphs.Hosting;

namespace Federation.Gateway.Tests.Composition;

/// <summary>The subgraph config (<c>schema/supergraph.yaml</c>, rover's format): what it names, and each way it can be wrong, with its code and line.</summary>
public sealed class SubgraphConfigTests
{
    [Fact]
    public void The_committed_config_names_the_four_agency_subgraphs_by_file()
    {
        var config = Repository.SubgraphConfig;

        Assert.Equal(
            [
                new SubgraphConfigEntry("population", "http://127.0.0.1:4101/graphql", new SubgraphSchemaFile(Path.Combine(Repository.SchemaDirectory, "population.graphql"))),
                new SubgraphConfigEntry("legal-persons", "http://127.0.0.1:4102/graphql", new SubgraphSchemaFile(Path.Combine(Repository.SchemaDirectory, "legal-persons.graphql"))),
                new SubgraphConfigEntry("spatial", "http://127.0.0.1:4103/graphql", new SubgraphSchemaFile(Path.Combine(Repository.SchemaDirectory, "spatial.graphql"))),
                new SubgraphConfigEntry("licences", "http://127.0.0.1:4104/graphql", new SubgraphSchemaFile(Path.Combine(Repository.SchemaDirectory, "licences.graphql"))),
            ],
            config.Subgraphs);
    }

    [Fact]
    public void A_file_is_relative_to_the_config_and_a_live_subgraph_keeps_its_url()
    {
        var config = SubgraphConfig.Parse("""
            federation_version: 2
            subgraphs:
              tax:
                routing_url: https://tax.internal/graphql
                schema:
                  subgraph_url: https://tax.internal/sdl
              hr:
                routing_url: http://hr.internal:8080/graphql
                schema:
                  file: ../hr/schema.graphql
            """, "/etc/platform/schema");

        Assert.Equal(
            [
                new SubgraphConfigEntry("tax", "https://tax.internal/graphql", new SubgraphSchemaLive("https://tax.internal/sdl")),
                new SubgraphConfigEntry("hr", "http://hr.internal:8080/graphql", new SubgraphSchemaFile("/etc/platform/hr/schema.graphql")),
            ],
            config.Subgraphs);
    }

    [Theory]
    [InlineData("subgraphs:\n  tax:\n    routing_url: http://tax/graphql\n    schema: { file: tax.graphql }\n    introspection_headers: { a: b }\n", "SUBGRAPH_CONFIG_UNKNOWN_KEY: Line 5: unknown key \"introspection_headers\" in subgraph \"tax\"; the keys are routing_url, schema.")]
    [InlineData("subgraph:\n  tax: {}\n", "SUBGRAPH_CONFIG_UNKNOWN_KEY: Line 1: unknown key \"subgraph\" in the config; the keys are federation_version, subgraphs.")]
    [InlineData("subgraphs:\n  tax:\n    routing_url: http://tax/graphql\n    schema: { graphref: tax@current }\n", "SUBGRAPH_CONFIG_UNKNOWN_KEY: Line 4: unknown key \"graphref\" in subgraph \"tax\" schema; the keys are file, subgraph_url.")]
    [InlineData("subgraphs:\n  tax:\n    schema: { file: tax.graphql }\n", "SUBGRAPH_CONFIG_MISSING_KEY: Line 3: subgraph \"tax\" has no routing_url.")]
    [InlineData("federation_version: 2\n", "SUBGRAPH_CONFIG_MISSING_KEY: Line 1: the config has no subgraphs.")]
    [InlineData("subgraphs:\n  tax:\n    routing_url: /graphql\n    schema: { file: tax.graphql }\n", "SUBGRAPH_CONFIG_INVALID_VALUE: Line 3: routing_url is \"/graphql\"; expected an absolute http or https URL without user information or fragment.")]
    [InlineData("subgraphs:\n  tax:\n    routing_url: http://user:secret@tax/graphql\n    schema: { file: tax.graphql }\n", "SUBGRAPH_CONFIG_INVALID_VALUE: Line 3: routing_url is \"http://user:secret@tax/graphql\"; expected an absolute http or https URL without user information or fragment.")]
    [InlineData("subgraphs:\n  tax:\n    routing_url: http://tax/graphql\n    schema: { subgraph_url: file:///etc/passwd }\n", "SUBGRAPH_CONFIG_INVALID_VALUE: Line 4: subgraph_url is \"file:///etc/passwd\"; expected an absolute http or https URL without user information or fragment.")]
    [InlineData("subgraphs:\n  tax:\n    routing_url: http://tax/graphql\n    schema: { file: tax.graphql, subgraph_url: http://tax/graphql }\n", "SUBGRAPH_CONFIG_SCHEMA_SOURCE: Line 4: the schema of subgraph \"tax\" names both a file and a subgraph_url; it names exactly one: file (an SDL file relative to the config) or subgraph_url (its _service { sdl }).")]
    [InlineData("subgraphs:\n  tax:\n    routing_url: http://tax/graphql\n    schema: {}\n", "SUBGRAPH_CONFIG_SCHEMA_SOURCE: Line 4: the schema of subgraph \"tax\" names neither a file nor a subgraph_url; it names exactly one: file (an SDL file relative to the config) or subgraph_url (its _service { sdl }).")]
    [InlineData("subgraphs:\n  tax:\n    routing_url: http://tax/graphql\n    schema: tax.graphql\n", "SUBGRAPH_CONFIG_INVALID_VALUE: Line 4: schema is \"tax.graphql\"; expected a mapping with file or subgraph_url.")]
    [InlineData("subgraphs:\n  _:\n    routing_url: http://tax/graphql\n    schema: { file: tax.graphql }\n", "SUBGRAPH_CONFIG_INVALID_NAME: Line 2: \"_\" cannot name a subgraph: a name is a letter followed by at most 62 letters, digits, - or _.")]
    [InlineData("subgraphs:\n  \"tax bureau\\n\":\n    routing_url: http://tax/graphql\n    schema: { file: tax.graphql }\n", "SUBGRAPH_CONFIG_INVALID_NAME: Line 2: \"tax bureau\n\" cannot name a subgraph: a name is a letter followed by at most 62 letters, digits, - or _.")]
    [InlineData("subgraphs:\n  tax:\n    routing_url: http://tax/graphql\n    schema: { file: a.graphql }\n  tax:\n    routing_url: http://tax2/graphql\n    schema: { file: b.graphql }\n", "SUBGRAPH_CONFIG_DUPLICATE_KEY: Line 5: \"tax\" is given twice in one mapping (a subgraph name is given once).")]
    [InlineData("federation_version: =2.3.0\nsubgraphs:\n  tax:\n    routing_url: http://tax/graphql\n    schema: { file: tax.graphql }\n", "SUBGRAPH_CONFIG_INVALID_VALUE: Line 1: federation_version is \"=2.3.0\"; expected one of 2, =2.14.4 (this gateway composes as Apollo's composition 2.14.4 does).")]
    [InlineData("subgraphs: {}\n", "SUBGRAPH_CONFIG_INVALID_VALUE: Line 1: subgraphs is an empty mapping; expected at least one subgraph.")]
    [InlineData("subgraphs:\n  - tax\n", "SUBGRAPH_CONFIG_INVALID_VALUE: Line 2: subgraphs is a list; expected a mapping of subgraph names to their routing_url and schema.")]
    [InlineData("subgraphs: [unclosed\n", "SUBGRAPH_CONFIG_INVALID_YAML")]
    [InlineData("- a\n", "SUBGRAPH_CONFIG_INVALID_YAML: Line 1: not valid YAML: the file is one mapping with subgraphs (and optionally federation_version).")]
    public void An_invalid_config_is_refused_with_a_coded_error_naming_its_line(string yaml, string expected)
    {
        var exception = Assert.Throws<InvalidSubgraphConfigException>(() => SubgraphConfig.Parse(yaml, "/schema"));

        Assert.Contains(exception.Errors, e => e.ToString().StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_error_of_a_config_is_reported_at_once()
    {
        var exception = Assert.Throws<InvalidSubgraphConfigException>(() => SubgraphConfig.Parse("""
            subgraphs:
              tax:
                routing_url: nowhere
                schema: {}
              hr:
                colour: red
            """, "/schema"));

        Assert.Equal(
            [CompositionErrorCodes.SubgraphConfigInvalidValueCode, CompositionErrorCodes.SubgraphConfigSchemaSourceCode, CompositionErrorCodes.SubgraphConfigUnknownKeyCode, CompositionErrorCodes.SubgraphConfigMissingKeyCode, CompositionErrorCodes.SubgraphConfigMissingKeyCode],
            exception.Errors.Select(e => e.Code));
    }

    [Fact]
    public void A_config_file_that_cannot_be_read_is_refused_with_its_path()
    {
        using var directory = new TemporaryDirectory();
        var path = Path.Combine(directory.Path, SubgraphConfig.FileName);

        var exception = Assert.Throws<InvalidSubgraphConfigException>(() => SubgraphConfig.Load(path));

        var error = Assert.Single(exception.Errors);
        Assert.Equal(CompositionErrorCodes.SubgraphConfigUnreadableCode, error.Code);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resolving_reads_the_files_and_names_each_one_that_cannot_be_read()
    {
        using var directory = new TemporaryDirectory();
        File.WriteAllText(Path.Combine(directory.Path, "tax.graphql"), "type Query { a: Int }");
        var config = SubgraphConfig.Parse("""
            subgraphs:
              tax:
                routing_url: http://tax/graphql
                schema: { file: tax.graphql }
              hr:
                routing_url: http://hr/graphql
                schema: { file: hr.graphql }
            """, directory.Path);

        var resolution = await config.ResolveAsync(null, TestContext.Current.CancellationToken);

        var error = Assert.Single(resolution.Errors);
        Assert.Equal(CompositionErrorCodes.SubgraphSchemaFileUnreadableCode, error.Code);
        Assert.Equal(["hr"], error.Subgraphs);
        Assert.Empty(resolution.Subgraphs);
    }

    [Fact]
    public async Task Resolving_gives_each_subgraph_its_name_routing_url_and_sdl_in_the_config_order()
    {
        using var directory = new TemporaryDirectory();
        File.WriteAllText(Path.Combine(directory.Path, "tax.graphql"), "type Query { a: Int }");
        File.WriteAllText(Path.Combine(directory.Path, "hr.graphql"), "type Query { b: Int }");
        var config = SubgraphConfig.Parse("""
            subgraphs:
              tax:
                routing_url: http://tax/graphql
                schema: { file: tax.graphql }
              hr:
                routing_url: http://hr/graphql
                schema: { file: hr.graphql }
            """, directory.Path);

        var resolution = await config.ResolveAsync(null, TestContext.Current.CancellationToken);

        Assert.Equal([new SubgraphSdl("tax", "http://tax/graphql", "type Query { a: Int }"), new SubgraphSdl("hr", "http://hr/graphql", "type Query { b: Int }")], resolution.Subgraphs);
    }

    [Fact]
    public async Task A_live_subgraph_without_a_fetcher_is_unavailable()
    {
        var config = SubgraphConfig.Parse("""
            subgraphs:
              tax:
                routing_url: http://tax/graphql
                schema: { subgraph_url: http://tax/graphql }
            """, "/schema");

        var resolution = await config.ResolveAsync(null, TestContext.Current.CancellationToken);

        Assert.Equal(CompositionErrorCodes.SubgraphSdlUnavailableCode, Assert.Single(resolution.Errors).Code);
    }

    [Fact]
    public async Task A_live_subgraph_is_asked_for_its_sdl_signed_and_routed_at_its_routing_url()
    {
        const string Sdl = """
            extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
            type Query { taxOffice(code: String!): TaxOffice }
            type TaxOffice @key(fields: "code") { code: String! name: String! }
            """;
        await using var server = await LiveSubgraphServer.StartAsync("tax", Sdl);
        var config = SubgraphConfig.Parse($"subgraphs:\n  tax:\n    routing_url: http://tax.internal/graphql\n    schema: {{ subgraph_url: \"{server.Url}\" }}\n", "/schema");
        using var http = new HttpClient(new GatewaySigningHandler(new GatewaySignature(LiveSubgraphServer.Secret)) { InnerHandler = new SocketsHttpHandler() });

        var resolution = await config.ResolveAsync(new SubgraphSdlFetcher(http, new GatewayCaller("platform", "supergraph-check")), TestContext.Current.CancellationToken);

        Assert.Empty(resolution.Errors);
        var tax = Assert.Single(resolution.Subgraphs);
        Assert.Equal("http://tax.internal/graphql", tax.Url);
        Assert.Contains("type TaxOffice", tax.Sdl, StringComparison.Ordinal);
    }
}

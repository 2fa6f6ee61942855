using System.Diagnostics.CodeAnalysis;
using Federation.Gateway.Composition;
using Federation.GraphQL.Language.Syntax;
using Federation.Testing;

namespace Federation.Gateway.Tests.Composition;

/// <summary>The <c>compose</c> command and the committed <c>schema/supergraph.graphql</c>.</summary>
public sealed class ComposeCommandTests
{
    [Fact]
    public void The_committed_supergraph_is_the_composition_of_the_schema_directory()
    {
        var committed = File.ReadAllText(Repository.SupergraphFile);

        var fresh = SupergraphComposer.Compose(Repository.AgencySubgraphs());

        Assert.True(fresh.Succeeded, string.Join("\n", fresh.Errors));
        Assert.True(
            fresh.SupergraphSdl == committed,
            "schema/supergraph.graphql is not the composition of schema/*.graphql: run `dotnet run --project gateway/Federation.Gateway -- compose` and commit the file.");
    }

    [Fact]
    public async Task Compose_writes_the_supergraph_of_the_subgraphs_the_config_names()
    {
        using var directory = new TemporaryDirectory();
        WriteAgencySchemas(directory.Path);
        var output = Path.Combine(directory.Path, "out.graphql");
        var console = new StringWriter();

        var exitCode = await ComposeCommand.RunAsync(Config(directory.Path), new FileInfo(output), console, new StringWriter(), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(0, exitCode);
        Assert.Equal(File.ReadAllText(Repository.SupergraphFile), File.ReadAllText(output));
        Assert.Contains("4 subgraphs", console.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compose_exits_with_1_and_prints_the_errors_when_the_subgraphs_conflict()
    {
        using var directory = new TemporaryDirectory();
        WriteAgencySchemas(directory.Path);
        File.AppendAllText(Path.Combine(directory.Path, "licences.graphql"), "\nextend type Query { registryName: String }\n");
        File.AppendAllText(Path.Combine(directory.Path, "spatial.graphql"), "\nextend type Query { registryName: Int }\n");
        var output = Path.Combine(directory.Path, "out.graphql");
        var errors = new StringWriter();

        var exitCode = await ComposeCommand.RunAsync(Config(directory.Path), new FileInfo(output), new StringWriter(), errors, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(1, exitCode);
        Assert.False(File.Exists(output));
        // The whole report, as the agency reads it: each error's code, message and subgraphs (the
        // temporary directory, which changes at each run, written as {directory}).
        Snapshots.Match(errors.ToString().Replace(directory.Path, "{directory}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Compose_exits_with_1_when_a_subgraph_file_is_missing()
    {
        using var directory = new TemporaryDirectory();
        File.Copy(Path.Combine(Repository.SchemaDirectory, SubgraphConfig.FileName), Path.Combine(directory.Path, SubgraphConfig.FileName));
        var errors = new StringWriter();

        var exitCode = await ComposeCommand.RunAsync(Config(directory.Path), new FileInfo(Path.Combine(directory.Path, "out.graphql")), new StringWriter(), errors, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(1, exitCode);
        Assert.Contains(CompositionErrorCodes.SubgraphSchemaFileUnreadableCode + ": The schema file " + Path.Combine(directory.Path, "population.graphql"), errors.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compose_exits_with_1_and_prints_the_config_errors_when_the_config_is_not_valid()
    {
        using var directory = new TemporaryDirectory();
        File.WriteAllText(Path.Combine(directory.Path, SubgraphConfig.FileName), "subgraphs:\n  tax:\n    routing_url: ftp://tax\n");
        var errors = new StringWriter();

        var exitCode = await ComposeCommand.RunAsync(Config(directory.Path), new FileInfo(Path.Combine(directory.Path, "out.graphql")), new StringWriter(), errors, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(1, exitCode);
        Assert.Contains(CompositionErrorCodes.SubgraphConfigInvalidValueCode + ": Line 3: routing_url is \"ftp://tax\"", errors.ToString(), StringComparison.Ordinal);
        Assert.Contains(CompositionErrorCodes.SubgraphConfigMissingKeyCode + ": Line 3: subgraph \"tax\" has no schema.", errors.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compose_composes_a_subgraph_the_config_adds()
    {
        using var directory = new TemporaryDirectory();
        WriteAgencySchemas(directory.Path);
        File.WriteAllText(Path.Combine(directory.Path, "tax.graphql"), """
            extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
            type Query { taxOffice(code: String!): TaxOffice }
            type TaxOffice @key(fields: "code") { code: String! name: String! }
            """);
        File.AppendAllText(Path.Combine(directory.Path, SubgraphConfig.FileName), "  tax:\n    routing_url: http://127.0.0.1:4105/graphql\n    schema:\n      file: tax.graphql\n");
        var errors = new StringWriter();

        var exitCode = await ComposeCommand.RunAsync(Config(directory.Path), new FileInfo(Path.Combine(directory.Path, "out.graphql")), new StringWriter(), errors, cancellationToken: TestContext.Current.CancellationToken);

        // Composed with the fifth subgraph: the catalogue, which does not cover it yet, is what refuses it.
        Assert.Equal(1, exitCode);
        Assert.Contains("CATALOGUE_FIELD_UNCOVERED", errors.ToString(), StringComparison.Ordinal);
        Assert.Contains("Query.taxOffice", errors.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("population", "POPULATION")]
    [InlineData("legal-persons", "LEGAL_PERSONS")]
    [InlineData("my.svc_2", "MY_SVC_2_")]
    [InlineData("3d", "_3D")]
    public void Graph_names_are_derived_from_subgraph_names_as_Apollo_derives_them(string subgraph, string graph)
    {
        Assert.Equal(graph, SupergraphComposer.GraphName(subgraph));
    }

    [Fact]
    public void An_error_names_its_code_subgraphs_and_coordinates()
    {
        const string Sdl = """
            extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
            type Query { registryName: String }
            """;

        var result = SupergraphComposer.Compose([Subgraph("first", Sdl), Subgraph("second", Sdl)]);

        var error = Assert.Single(result.Errors);
        Assert.Equal(CompositionErrorCodes.InvalidFieldSharingCode, error.Code);
        Assert.Equal(["first", "second"], error.Subgraphs);
        Assert.Equal(["Query.registryName"], error.Coordinates);
        Assert.Equal("Non-shareable field \"Query.registryName\" is resolved from multiple subgraphs: it is resolved from subgraphs \"first\" and \"second\" and defined as non-shareable in all of them", error.Message);
    }

    [Fact]
    public void A_subgraph_without_a_federation_link_is_composed_as_Federation_1_upgraded()
    {
        var result = SupergraphComposer.Compose([Subgraph("plain", "type Query { a: Int }"), Subgraph("other", "extend type Query { b: Int }")]);

        Assert.Empty(result.Errors);
        Assert.Contains("a: Int @join__field(graph: PLAIN)", result.SupergraphSdl, StringComparison.Ordinal);
        Assert.Contains("b: Int @join__field(graph: OTHER)", result.SupergraphSdl, StringComparison.Ordinal);
    }

    [Fact]
    public void Access_rules_of_a_field_in_two_subgraphs_are_both_required_in_the_supergraph()
    {
        var link = """extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key", "@shareable", "@authenticated", "@requiresScopes"])""";
        var tax = link + """

            type Query { taxOffice(code: String!): TaxOffice }
            type TaxOffice @key(fields: "code") { code: String! revenue: Int @shareable @requiresScopes(scopes: [["tax:read"], ["audit"]]) }
            """;
        var audit = link + """

            type TaxOffice @key(fields: "code") @authenticated { code: String! revenue: Int @shareable @requiresScopes(scopes: [["audit"]]) }
            """;

        var result = SupergraphComposer.Compose([Subgraph("tax", tax), Subgraph("audit", audit)]);

        Assert.Empty(result.Errors);
        Assert.Contains("@link(url: \"https://specs.apollo.dev/requiresScopes/v0.1\", for: SECURITY)", result.SupergraphSdl, StringComparison.Ordinal);
        Assert.Contains("revenue: Int @requiresScopes(scopes: [[\"audit\"]])", result.SupergraphSdl, StringComparison.Ordinal);
        Assert.Contains("  @authenticated\n{", result.SupergraphSdl, StringComparison.Ordinal);

        // The gateway authorizes by the catalogue and does not enforce these: it refuses to serve them.
        var refusal = Assert.Throws<FormatException>(() => new SupergraphSource(Supergraph.Parse(result.SupergraphSdl!)));
        Assert.Contains("@authenticated, @requiresScopes", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Costs_a_subgraph_declares_reach_the_served_schema_at_the_largest_weight()
    {
        var link = """extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key", "@shareable", "@cost", "@listSize"])""";
        var tax = link + """

            type Query { taxOffices(first: Int): [TaxOffice] @listSize(slicingArguments: ["first"]) }
            type TaxOffice @key(fields: "code") { code: String! revenue: Int @shareable @cost(weight: 5) }
            """;
        var audit = link + """

            type TaxOffice @key(fields: "code") { code: String! revenue: Int @shareable @cost(weight: 20) }
            """;

        var result = SupergraphComposer.Compose([Subgraph("tax", tax), Subgraph("audit", audit)]);

        Assert.Empty(result.Errors);
        var served = new SupergraphSource(Supergraph.Parse(result.SupergraphSdl!)).Current;
        var revenue = served.ApiDocument.Definitions.OfType<ObjectTypeDefinitionNode>().Single(t => t.Name.Value == "TaxOffice").Fields.Single(f => f.Name.Value == "revenue");
        var cost = Assert.Single(revenue.Directives, d => d.Name.Value == "cost");
        Assert.Equal("20", Assert.IsType<IntValueNode>(Assert.Single(cost.Arguments).Value).Value);
    }

    [Fact]
    public void A_composed_custom_directive_reaches_the_served_schema_with_its_spec_linked()
    {
        var tax = """
            extend schema @link(url: "https://specs.apollo.dev/federation/v2.1", import: ["@key", "@composeDirective"])
              @link(url: "https://example.gov.cn/specs/audit/v1.0", import: ["@audit"])
              @composeDirective(name: "@audit")
            directive @audit(level: Int) on FIELD_DEFINITION
            type Query { taxOffice(code: String!): TaxOffice }
            type TaxOffice @key(fields: "code") { code: String! revenue: Int @audit(level: 2) }
            """;
        var audit = """
            extend schema @link(url: "https://specs.apollo.dev/federation/v2.1", import: ["@key", "@composeDirective"])
              @link(url: "https://example.gov.cn/specs/audit/v1.3", import: ["@audit"])
              @composeDirective(name: "@audit")
            directive @audit(level: Int, reason: String) on FIELD_DEFINITION | OBJECT
            type TaxOffice @key(fields: "code") { code: String! findings: Int @audit(reason: "open") }
            """;

        var result = SupergraphComposer.Compose([Subgraph("tax", tax), Subgraph("audit", audit)]);

        Assert.Empty(result.Errors);
        Assert.Contains("@link(url: \"https://example.gov.cn/specs/audit/v1.3\", import: [\"@audit\"])", result.SupergraphSdl, StringComparison.Ordinal);
        Assert.Contains("directive @audit(level: Int, reason: String) on FIELD_DEFINITION | OBJECT", result.SupergraphSdl, StringComparison.Ordinal);
        var served = new SupergraphSource(Supergraph.Parse(result.SupergraphSdl!)).Current;
        var revenue = served.ApiDocument.Definitions.OfType<ObjectTypeDefinitionNode>().Single(t => t.Name.Value == "TaxOffice").Fields.Single(f => f.Name.Value == "revenue");
        Assert.Equal("audit", Assert.Single(revenue.Directives).Name.Value);
    }

    [Fact]
    public void A_custom_directive_composed_from_two_major_versions_of_its_spec_is_refused()
    {
        static string Sdl(string version) => $$"""
            extend schema @link(url: "https://specs.apollo.dev/federation/v2.1", import: ["@key", "@composeDirective"])
              @link(url: "https://example.gov.cn/specs/audit/{{version}}", import: ["@audit"])
              @composeDirective(name: "@audit")
            directive @audit on FIELD_DEFINITION
            type Query { a{{version[1]}}: Int @audit }
            """;

        var result = SupergraphComposer.Compose([Subgraph("a", Sdl("v1.0")), Subgraph("b", Sdl("v2.0"))]);

        var error = Assert.Single(result.Errors);
        Assert.Equal(CompositionErrorCodes.DirectiveCompositionErrorCode, error.Code);
        Assert.Null(result.SupergraphSdl);
    }

    [Theory]
    [InlineData("v99999999999.0")]
    [InlineData("v١.0")]
    public void A_composed_directive_whose_spec_version_is_not_nine_ASCII_digits_at_most_is_refused_with_a_code(string version)
    {
        var sdl = $$"""
            extend schema @link(url: "https://specs.apollo.dev/federation/v2.1", import: ["@key", "@composeDirective"])
              @link(url: "https://example.gov.cn/specs/audit/{{version}}", import: ["@audit"])
              @composeDirective(name: "@audit")
            directive @audit on FIELD_DEFINITION
            type Query { a: Int @audit }
            """;

        var result = SupergraphComposer.Compose([Subgraph("a", sdl)]);

        Assert.Equal(CompositionErrorCodes.DirectiveCompositionErrorCode, Assert.Single(result.Errors).Code);
    }

    [Theory]
    [InlineData("@context(name: \"office\")", "context")]
    public void A_federation_directive_this_composition_cannot_carry_is_refused_not_dropped(string applied, string directive)
    {
        var sdl = $$"""
            extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key", "@{{directive}}"])
            type Query { taxOffice(code: String!): TaxOffice }
            type TaxOffice @key(fields: "code") {{applied}} { code: String! revenue: Int }
            """;

        var result = SupergraphComposer.Compose([Subgraph("tax", sdl)]);

        var error = Assert.Single(result.Errors);
        Assert.Equal(CompositionErrorCodes.UnsupportedFederationDirectiveCode, error.Code);
        Assert.Equal(["TaxOffice"], error.Coordinates);
    }

    [Fact]
    public void Cache_tags_reach_the_supergraph_as_join_directives_and_the_gateway_serves_it()
    {
        var sdl = """
            extend schema @link(url: "https://specs.apollo.dev/federation/v2.12", import: ["@key", "@cacheTag"])
            type Query { taxOffice(code: String!): TaxOffice @cacheTag(format: "office-{$args.code}") }
            type TaxOffice @key(fields: "code") @cacheTag(format: "office-{$key.code}") { code: String! revenue: Int }
            """;

        var result = SupergraphComposer.Compose([Subgraph("tax", sdl)]);

        Assert.Empty(result.Errors);
        Assert.Contains("@link(url: \"https://specs.apollo.dev/cacheTag/v0.1\", for: EXECUTION)", result.SupergraphSdl, StringComparison.Ordinal);
        Assert.Contains("@join__directive(graphs: [TAX], name: \"federation__cacheTag\", args: {format: \"office-{$key.code}\"})", result.SupergraphSdl, StringComparison.Ordinal);
        var served = new SupergraphSource(Supergraph.Parse(result.SupergraphSdl!)).Current;
        var office = served.ApiDocument.Definitions.OfType<ObjectTypeDefinitionNode>().Single(t => t.Name.Value == "TaxOffice");
        Assert.Empty(office.Directives);
    }

    [Fact]
    public void A_cache_tag_under_a_federation_link_older_than_v2_12_is_refused()
    {
        var sdl = """
            extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key", "@cacheTag"])
            type Query { taxOffice(code: String!): TaxOffice }
            type TaxOffice @key(fields: "code") @cacheTag(format: "office-{$key.code}") { code: String! }
            """;

        var result = SupergraphComposer.Compose([Subgraph("tax", sdl)]);

        Assert.Equal(CompositionErrorCodes.InvalidLinkDirectiveUsageCode, Assert.Single(result.Errors).Code);
    }

    private static SubgraphSdl Subgraph(string name, [StringSyntax("graphql")] string sdl) => new(name, $"http://{name}.example/graphql", sdl);

    private static FileInfo Config(string directory) => new(Path.Combine(directory, SubgraphConfig.FileName));

    private static void WriteAgencySchemas(string directory)
    {
        File.Copy(Path.Combine(Repository.SchemaDirectory, SubgraphConfig.FileName), Path.Combine(directory, SubgraphConfig.FileName));
        foreach (var name in Repository.SubgraphConfig.Subgraphs.Select(s => s.Name))
        {
            File.Copy(Path.Combine(Repository.SchemaDirectory, name + ".graphql"), Path.Combine(directory, name + ".graphql"));
        }

        File.Copy(Path.Combine(Repository.SchemaDirectory, "catalogue.yaml"), Path.Combine(directory, "catalogue.yaml"));
    }
}

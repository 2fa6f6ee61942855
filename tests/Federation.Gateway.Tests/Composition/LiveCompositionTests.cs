using System.Diagnostics.CodeAnalysis;
using Federation.Gateway.Composition;

namespace Federation.Gateway.Tests.Composition;

/// <summary>
/// The start-up check and the reload against live subgraphs served in process, reached through
/// the gateway's signed HTTP client.
/// </summary>
public sealed class LiveCompositionTests
{
    [StringSyntax("graphql")]
    private const string Books = """
        extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable"])
        type Query { book(isbn: ID!): Book }
        type Book @key(fields: "isbn") { isbn: ID! title: String }
        """;

    [StringSyntax("graphql")]
    private const string BooksWithAuthor = """
        extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable"])
        type Query { book(isbn: ID!): Book }
        type Book @key(fields: "isbn") { isbn: ID! title: String author: String }
        """;

    [StringSyntax("graphql")]
    private const string Loans = """
        extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
        type Query { loans: [Loan!]! }
        type Loan { book: Book! due: String }
        type Book @key(fields: "isbn") { isbn: ID! onLoan: Boolean }
        """;

    [StringSyntax("graphql")]
    private const string LoansClashing = """
        extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
        type Query { loans: [Loan!]! }
        type Loan { book: Book! due: String }
        type Book @key(fields: "isbn") { isbn: ID! onLoan: Boolean title: Int }
        """;

    [Fact]
    public async Task The_live_agency_subgraphs_match_the_supergraph_composed_from_their_files()
    {
        var servers = new List<LiveSubgraphServer>();
        try
        {
            var subgraphs = new List<SubgraphSdl>();
            foreach (var name in Repository.SubgraphConfig.Subgraphs.Select(s => s.Name))
            {
                var sdl = File.ReadAllText(Path.Combine(Repository.SchemaDirectory, name + ".graphql"));
                var server = await LiveSubgraphServer.StartAsync(name, sdl);
                servers.Add(server);
                subgraphs.Add(server.Describe(sdl));
            }

            var gateway = new GatewayComposition(subgraphs);

            var drifts = await gateway.Check.CheckAsync(TestContext.Current.CancellationToken);

            Assert.Empty(drifts);
            Assert.Contains(gateway.Log, line => line.Contains("The 4 live subgraphs match the supergraph.", StringComparison.Ordinal));
        }
        finally
        {
            foreach (var server in servers)
            {
                await server.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task The_check_reports_a_subgraph_whose_live_sdl_differs()
    {
        await using var books = await LiveSubgraphServer.StartAsync("books", BooksWithAuthor);
        await using var loans = await LiveSubgraphServer.StartAsync("loans", Loans);
        var gateway = new GatewayComposition([books.Describe(Books), loans.Describe(Loans)]);

        var drifts = await gateway.Check.CheckAsync(TestContext.Current.CancellationToken);

        var drift = Assert.Single(drifts);
        Assert.Equal(("books", SubgraphDriftKind.Differs), (drift.Subgraph, drift.Kind));
        Assert.Contains("the subgraph has Book.author: String", drift.Detail, StringComparison.Ordinal);
        Assert.Contains(gateway.Log, line => line.StartsWith("Warning SubgraphDrifted: Subgraph books at " + books.Url, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_check_reports_a_subgraph_that_does_not_answer()
    {
        await using var books = await LiveSubgraphServer.StartAsync("books", Books);
        var loans = await LiveSubgraphServer.StartAsync("loans", Loans);
        var gateway = new GatewayComposition([books.Describe(Books), loans.Describe(Loans)]);
        await loans.DisposeAsync();

        var drifts = await gateway.Check.CheckAsync(TestContext.Current.CancellationToken);

        var drift = Assert.Single(drifts);
        Assert.Equal(("loans", SubgraphDriftKind.Unreachable), (drift.Subgraph, drift.Kind));
        Assert.Contains(loans.Url, drift.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_check_asks_each_subgraph_where_the_gateway_reaches_it_not_where_the_supergraph_says()
    {
        await using var books = await LiveSubgraphServer.StartAsync("books", Books);
        await using var loans = await LiveSubgraphServer.StartAsync("loans", Loans);
        // The supergraph names ports nothing listens on, as a committed supergraph does for the one-command run's subgraphs.
        var gateway = new GatewayComposition([new SubgraphSdl("books", "http://127.0.0.1:9/graphql", Books), new SubgraphSdl("loans", "http://127.0.0.1:9/graphql", Loans)]);
        var options = new Federation.Gateway.Execution.SubgraphOptions();
        options.Endpoints["books"] = new() { Url = new Uri(books.Url) };
        options.Endpoints["loans"] = new() { Url = new Uri(loans.Url) };
        var located = new SubgraphDriftCheck(gateway.Source, gateway.Fetcher, new ListLogger<SubgraphDriftCheck>(gateway.Log), options.UrlOf);

        var asNamed = await gateway.Check.CheckAsync(TestContext.Current.CancellationToken);
        var asReached = await located.CheckAsync(TestContext.Current.CancellationToken);

        Assert.Equal([SubgraphDriftKind.Unreachable, SubgraphDriftKind.Unreachable], asNamed.Select(d => d.Kind));
        Assert.Empty(asReached);
    }

    [Fact]
    public async Task Fetches_carry_the_gateway_signature_and_a_wrong_secret_is_refused()
    {
        await using var books = await LiveSubgraphServer.StartAsync("books", Books);
        var signed = new GatewayComposition([books.Describe(Books)]);
        var wronglySigned = new GatewayComposition([books.Describe(Books)], secret: "another-secret-that-is-long-enough-for-hmac");

        var sdl = await signed.Fetcher.FetchAsync(books.Url, TestContext.Current.CancellationToken);
        var refusal = await Assert.ThrowsAsync<SubgraphSdlUnavailableException>(() => wronglySigned.Fetcher.FetchAsync(books.Url, TestContext.Current.CancellationToken));

        Assert.Equal(Books, sdl);
        Assert.Contains("401", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("SIGNATURE_INVALID", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reload_from_live_subgraphs_swaps_to_the_new_supergraph()
    {
        await using var books = await LiveSubgraphServer.StartAsync("books", BooksWithAuthor);
        await using var loans = await LiveSubgraphServer.StartAsync("loans", Loans);
        var gateway = new GatewayComposition([books.Describe(Books), loans.Describe(Loans)]);
        var before = gateway.Source.Current;
        Supergraph? announced = null;
        gateway.Source.Changed += (_, next) => announced = next;

        var result = await gateway.Reload.FromLiveSubgraphsAsync(TestContext.Current.CancellationToken);

        Assert.Equal(SupergraphReloadOutcome.Swapped, result.Outcome);
        Assert.NotSame(before, gateway.Source.Current);
        Assert.Same(gateway.Source.Current, announced);
        Assert.Equal(["books"], gateway.Source.Current.Type("Book")!.Field("author")!.ResolvingSubgraphs);
        Assert.Null(before.Type("Book")!.Field("author"));
    }

    [Fact]
    public async Task A_reload_that_does_not_compose_keeps_the_last_good_supergraph_and_logs_the_errors()
    {
        await using var books = await LiveSubgraphServer.StartAsync("books", Books);
        await using var loans = await LiveSubgraphServer.StartAsync("loans", LoansClashing);
        var gateway = new GatewayComposition([books.Describe(Books), loans.Describe(Loans)]);
        var before = gateway.Source.Current;

        var result = await gateway.Reload.FromLiveSubgraphsAsync(TestContext.Current.CancellationToken);

        Assert.Equal(SupergraphReloadOutcome.Refused, result.Outcome);
        Assert.Same(before, gateway.Source.Current);
        Assert.Contains(result.Errors, e => e.Code == CompositionErrorCodes.FieldTypeMismatchCode && e.Coordinates.Contains("Book.title"));
        Assert.Contains(gateway.Log, line => line.StartsWith("Error ReloadRefused: Supergraph reload refused, the last good supergraph keeps serving: FIELD_TYPE_MISMATCH", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_reload_with_an_unreachable_subgraph_keeps_the_last_good_supergraph()
    {
        await using var books = await LiveSubgraphServer.StartAsync("books", BooksWithAuthor);
        var loans = await LiveSubgraphServer.StartAsync("loans", Loans);
        var gateway = new GatewayComposition([books.Describe(Books), loans.Describe(Loans)]);
        var before = gateway.Source.Current;
        await loans.DisposeAsync();

        var result = await gateway.Reload.FromLiveSubgraphsAsync(TestContext.Current.CancellationToken);

        Assert.Equal(SupergraphReloadOutcome.Refused, result.Outcome);
        Assert.Equal((CompositionErrorCodes.SubgraphSdlUnavailableCode, "loans"), (Assert.Single(result.Errors).Code, result.Errors[0].Subgraphs[0]));
        Assert.Same(before, gateway.Source.Current);
    }

    [Fact]
    public async Task A_reload_of_the_same_subgraphs_leaves_the_supergraph_unchanged()
    {
        await using var books = await LiveSubgraphServer.StartAsync("books", Books);
        await using var loans = await LiveSubgraphServer.StartAsync("loans", Loans);
        var gateway = new GatewayComposition([books.Describe(Books), loans.Describe(Loans)]);
        var before = gateway.Source.Current;

        var result = await gateway.Reload.FromLiveSubgraphsAsync(TestContext.Current.CancellationToken);

        Assert.Equal(SupergraphReloadOutcome.Unchanged, result.Outcome);
        Assert.Same(before, gateway.Source.Current);
    }

    [Fact]
    public async Task A_reload_from_files_keeps_the_subgraph_urls()
    {
        var gateway = new GatewayComposition([new SubgraphSdl("books", "http://books.example/graphql", Books), new SubgraphSdl("loans", "http://loans.example/graphql", Loans)]);
        using var directory = new TemporaryDirectory();
        File.WriteAllText(Path.Combine(directory.Path, "books.graphql"), BooksWithAuthor);
        File.WriteAllText(Path.Combine(directory.Path, "loans.graphql"), Loans);

        var result = await gateway.Reload.FromDirectoryAsync(directory.Path, TestContext.Current.CancellationToken);

        Assert.Equal(SupergraphReloadOutcome.Swapped, result.Outcome);
        Assert.Equal(["books http://books.example/graphql", "loans http://loans.example/graphql"], gateway.Source.Current.Subgraphs.Select(s => $"{s.Name} {s.Url}"));
        Assert.NotNull(gateway.Source.Current.Type("Book")!.Field("author"));
    }

    [Fact]
    public async Task A_reload_from_files_with_a_missing_file_is_refused()
    {
        var gateway = new GatewayComposition([new SubgraphSdl("books", "http://books.example/graphql", Books)]);
        using var directory = new TemporaryDirectory();

        var result = await gateway.Reload.FromDirectoryAsync(directory.Path, TestContext.Current.CancellationToken);

        Assert.Equal(SupergraphReloadOutcome.Refused, result.Outcome);
        Assert.Equal(CompositionErrorCodes.SubgraphSdlUnavailableCode, Assert.Single(result.Errors).Code);
    }
}

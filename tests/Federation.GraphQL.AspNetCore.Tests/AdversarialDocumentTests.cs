using Federation.GraphQL.Adversarial;
using Federation.GraphQL.AspNetCore.Engine;
using Federation.GraphQL.AspNetCore.Http;
using Federation.GraphQL.AspNetCore.Limits;
using Federation.GraphQL.Language;
using Federation.GraphQL.Language.Syntax;
using Federation.GraphQL.Types;

namespace Federation.GraphQL.AspNetCore.Tests;

/// <summary>
/// Cost and depth analysis of documents made to explode, bounded by a count of the selections
/// visited (not by time), and the same documents through the endpoint, at its default limits and
/// with the parser's limits opened up: every answer is a coded error or data, never a 5xx.
/// </summary>
public sealed class AdversarialDocumentTests
{
    /// <summary>Selections visited per character of the document, at most.</summary>
    private const int WorkPerCharacter = 2;

    private static readonly SchemaShape Shape = new("Query", "person(id: 1)", "Person", "friends", "name");

    public static TheoryData<string> Documents() => new(AdversarialDocuments.Names(Shape));

    [Theory]
    [MemberData(nameof(Documents))]
    public void Cost_analysis_work_is_linear_in_the_document(string name)
    {
        var text = Text(name);
        var analysis = Analyze(text);
        Assert.InRange(analysis.Work, 1, WorkPerCharacter * (long)text.Length);
    }

    [Theory]
    [InlineData(30)]
    [InlineData(40)]
    [InlineData(64)]
    public void Doubling_spreads_are_measured_once_per_fragment(int levels)
    {
        var analysis = Analyze(AdversarialDocuments.DoublingSpreads(Shape, levels));
        Assert.Null(analysis.Failure);
        Assert.Equal(2 * (levels + 1), analysis.Work);
    }

    [Fact]
    public void Spreading_a_fragment_twice_still_counts_its_cost_twice()
    {
        // Memoizing changes the work, not the answer: the cost stays an upper bound that adds every spread.
        var analysis = Analyze("{ ...F ...F } fragment F on Query { ...G ...G } fragment G on Query { expensive }");
        Assert.Equal(100, analysis.Cost);
    }

    [Fact]
    public void List_sizes_still_multiply_through_memoized_fragments()
    {
        var analysis = Analyze("{ people(first: 3) { ...P } a: people(first: 5) { ...P } } fragment P on Person { friends { score } }");

        // people(3): 3 × (1 + 20 × (1 + 2.5)) = 213; people(5): 5 × 71 = 355.
        Assert.Equal(568, analysis.Cost);
    }

    [Fact]
    public void Sized_fields_still_apply_through_fragments()
    {
        var analysis = Analyze("{ connection(first: 4) { ...E ...E } } fragment E on PersonConnection { edges { node { id } } }");
        Assert.Equal(17, analysis.Cost);
    }

    [Fact]
    public void Depth_through_fragments_is_limited()
    {
        var analysis = Analyze(new CostAnalyzer(TestSchema.Create(), 10, 3, maxDepth: 5), AdversarialDocuments.DoublingNested(Shape, 8), TestContext.Current.CancellationToken);
        Assert.Equal(RequestErrorCodes.TooDeep, analysis.Failure!.Errors[0].Extensions!["code"]);
        Assert.Equal(10, analysis.Depth);
    }

    [Fact]
    public void The_work_backstop_refuses_with_a_code()
    {
        var analyzer = new CostAnalyzer(TestSchema.Create(), 10, 3) { MaxWork = 50 };
        var analysis = Analyze(analyzer, AdversarialDocuments.ManyAliases(Shape, 100), TestContext.Current.CancellationToken);
        Assert.Equal(RequestErrorCodes.CostAnalysisAborted, analysis.Failure!.Errors[0].Extensions!["code"]);
    }

    [Fact]
    public void A_cancelled_analysis_stops()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var text = AdversarialDocuments.ManyAliases(Shape, 2000);
        Assert.Throws<OperationCanceledException>(() => Analyze(new CostAnalyzer(TestSchema.Create(), 10, 3), text, cancelled.Token));
    }

    [Fact]
    public async Task Every_adversarial_document_gets_an_answer_at_the_default_limits()
    {
        await using var server = await TestServer.StartAsync();
        await ExpectAnswersAsync(server);
    }

    [Fact]
    public async Task Every_adversarial_document_gets_an_answer_with_the_parser_limits_opened()
    {
        await using var server = await TestServer.StartAsync(options =>
        {
            options.Limits.MaxTokens = 100_000;
            options.Limits.MaxAliases = 100_000;
            options.Limits.MaxDepth = 1_000;
            options.Limits.MaxDocumentLength = 1_000_000;
        });
        await ExpectAnswersAsync(server);
    }

    [Fact]
    public async Task A_validation_that_outlasts_the_time_limit_is_a_timeout_not_a_failure()
    {
        // An engine whose validation runs until it is cancelled: the time limit covers validation.
        var options = new GraphQLEndpointOptions { RequestTimeout = TimeSpan.FromMilliseconds(200) };
        var engine = new ValidationUntilCancelled(new FederationEngine(options));
        await using var server = await TestServer.StartWithAsync(app => app.MapGraphQL("/graphql", TestSchema.Create(), options, engine));
        var reply = await server.PostQueryAsync("{ hello }");
        Assert.Equal(504, reply.Status);
        Assert.Equal(RequestErrorCodes.Timeout, reply.FirstErrorCode);
    }

    private sealed class ValidationUntilCancelled(IGraphQLEngine inner) : IGraphQLEngine
    {
        public DocumentNode Parse(string text, ParserOptions options) => inner.Parse(text, options);

        public IReadOnlyList<GraphQLError> Validate(Schema schema, DocumentNode document, CancellationToken cancellationToken)
        {
            cancellationToken.WaitHandle.WaitOne(TimeSpan.FromSeconds(10));
            cancellationToken.ThrowIfCancellationRequested();
            return inner.Validate(schema, document, cancellationToken);
        }

        public ValueTask<IOperationResult> ExecuteAsync(OperationRequest request, CancellationToken cancellationToken) =>
            inner.ExecuteAsync(request, cancellationToken);
    }

    private static async Task ExpectAnswersAsync(TestServer server)
    {
        foreach (var (name, text) in AdversarialDocuments.All(Shape))
        {
            var reply = await server.PostQueryAsync(text);
            Assert.True(reply.Status < 500, $"{name}: {reply.Status} {reply.Body}");
            if (reply.Json.TryGetProperty("errors", out var errors))
            {
                foreach (var error in errors.EnumerateArray())
                {
                    Assert.True(error.TryGetProperty("extensions", out var extensions) && extensions.TryGetProperty("code", out _), $"{name}: {error}");
                }
            }
        }
    }

    private static string Text(string name) => AdversarialDocuments.Text(Shape, name);

    private static CostAnalysis Analyze(string text) => Analyze(new CostAnalyzer(TestSchema.Create(), 10, 3), text);

    private static CostAnalysis Analyze(CostAnalyzer analyzer, string text, CancellationToken cancellationToken = default)
    {
        var document = Parser.Parse(text, ParserOptions.Unlimited);
        foreach (var definition in document.Definitions)
        {
            if (definition is OperationDefinitionNode operation)
            {
                return analyzer.Analyze(document, operation, null, cancellationToken);
            }
        }

        throw new ArgumentException("The document has no operation.", nameof(text));
    }
}

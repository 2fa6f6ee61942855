using Federation.GraphQL.Adversarial;
using Federation.GraphQL.Language;
using Federation.GraphQL.Tests.Validation;
using Federation.GraphQL.Validation;
using Xunit;

namespace Federation.GraphQL.Tests.Adversarial;

/// <summary>
/// Validation of documents made to explode, bounded by a count of the work done (nodes visited,
/// fields and fragments compared), not by time: a rule that follows every fragment spread anew
/// shows up as a number far above the document's size.
/// </summary>
public sealed class ValidationWorkTests
{
    /// <summary>Work per character of the document, at most, for the documents validation handles in linear work.</summary>
    private const int WorkPerCharacter = 8;

    /// <summary>
    /// Documents on which graphql-js's algorithm is quadratic, not exponential: one response name
    /// selected n times (n²/2 pairs), chains and nests of fragments whose fields are compared
    /// with every level below. Their work is cut by the rules' budgets (500 000 comparisons in
    /// field merging, 50 000 for fragment bookkeeping), after which validation stops with
    /// "Validation aborted.".
    /// </summary>
    private static readonly HashSet<string> Quadratic =
        ["fragment-chain-500", "deep-inline-fragments-400", "wide-fragments-60", "same-response-name-1000", "many-directives-800"];

    private const long Budgets = 500_000 + 50_000;

    internal static readonly SchemaShape Shape = new("QueryRoot", "dog", "Dog", "mother", "name");

    public static TheoryData<string> Documents() => new(AdversarialDocuments.Names(Shape));

    [Theory]
    [MemberData(nameof(Documents))]
    public void Work_is_linear_in_the_document_or_cut_by_the_budgets(string name)
    {
        var text = Text(name);
        var (_, work) = Validate(text);
        var bound = WorkPerCharacter * (long)text.Length + (Quadratic.Contains(name) ? Budgets : 0);
        Assert.InRange(work, 1, bound);
    }

    [Theory]
    [InlineData(30)]
    [InlineData(40)]
    [InlineData(60)]
    public void Doubling_spreads_cost_the_same_per_level_at_any_depth(int levels)
    {
        var (errors, work) = Validate(AdversarialDocuments.DoublingSpreads(Shape, levels));
        Assert.Empty(errors);
        var (_, half) = Validate(AdversarialDocuments.DoublingSpreads(Shape, levels / 2));
        Assert.InRange(work, 1, 3 * half);
    }

    [Fact]
    public void Doubling_spreads_with_fields_are_valid()
    {
        var (errors, _) = Validate(AdversarialDocuments.DoublingSpreadsWithFields(Shape, 32));
        Assert.Empty(errors);
    }

    [Fact]
    public void One_response_name_many_times_stops_at_the_comparison_budget()
    {
        // n identical fields are n²/2 pairs to compare (graphql-js's algorithm); the budget stops it.
        var (errors, work) = Validate(AdversarialDocuments.SameResponseName(Shape, 2000));
        Assert.Equal("Validation aborted.", Assert.Single(errors).Message);
        Assert.InRange(work, 1, 600_000);
    }

    [Fact]
    public void A_cancelled_validation_stops()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var document = Parser.Parse(AdversarialDocuments.ManyAliases(Shape, 1000), ParserOptions.Unlimited);
        Assert.Throws<OperationCanceledException>(() => DocumentValidator.Validate(TestSchema.Schema, document, cancelled.Token));
    }

    private static string Text(string name) => AdversarialDocuments.Text(Shape, name);

    private static (IReadOnlyList<GraphQLError> Errors, long Work) Validate(string text)
    {
        var document = Parser.Parse(text, ParserOptions.Unlimited);
        var errors = DocumentValidator.Validate(TestSchema.Schema, document, null, 100, false, CancellationToken.None, out var work);
        return (errors, work);
    }
}

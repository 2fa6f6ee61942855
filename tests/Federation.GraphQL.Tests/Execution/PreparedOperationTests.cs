using System.Diagnostics.CodeAnalysis;
using Federation.GraphQL.Execution;
using Federation.GraphQL.Language;
using Xunit;

namespace Federation.GraphQL.Tests.Execution;

using static ExecutionHarness;

/// <summary>
/// GetOperation and CoerceVariableValues done once, before execution, and kept
/// (https://spec.graphql.org/September2025/#ExecuteRequest()): a host that refuses bad variables
/// before its own work hands the prepared operation to the executor, which runs it as it is.
/// </summary>
public sealed class PreparedOperationTests
{
    private static readonly global::Federation.GraphQL.Types.Schema TestSchema = CoercionSchema.Create();

    [Fact]
    public async Task The_executor_runs_a_prepared_operation_with_the_values_coerced_when_it_was_prepared()
    {
        var document = Parser.Parse("""query Q($i: I, $d: Int = 7) { g(i: $i, d: $d) }""");

        Assert.True(PreparedOperation.TryPrepare(TestSchema, document, "Q", Vars(("i", Map(("a", 1)))), out var prepared, out var errors));
        Assert.Empty(errors);
        Assert.Equal(7, prepared.Variables["d"]);

        // The request's own name and variables are not read again: they would fail if they were.
        var result = await Executor.ExecuteAsync(
            new ExecutionRequest { Schema = TestSchema, Document = document, OperationName = "Other", Variables = Vars(("i", "not an object")), Prepared = prepared },
            TestContext.Current.CancellationToken);

        Assert.Equal("""{"data":{"g":"{\"i\":{\"a\":1,\"b\":\"x\"},\"d\":7}"}}""", result.ToJson());
    }

    [Fact]
    public void Variables_that_do_not_coerce_give_the_errors_the_executor_would_give()
    {
        const string Text = "query ($x: Int!, $y: String!) { f(x: $x) }";

        Assert.False(PreparedOperation.TryPrepare(TestSchema, Parser.Parse(Text), null, Vars(("x", "abc")), out var prepared, out var errors));

        Assert.False(prepared.IsPrepared);
        Assert.Equal(
            [
                "Variable \"$x\" has invalid value: Int cannot represent non-integer value: \"abc\"",
                "Variable \"$y\" has invalid value: Expected a value of non-null type \"String!\" to be provided.",
            ],
            errors.Select(e => e.Message));
        Assert.Equal(ErrorsOf(Text, Vars(("x", "abc"))), errors.Select(e => e.Message));
    }

    [Fact]
    public void A_document_without_the_named_operation_is_refused_as_the_executor_refuses_it()
    {
        Assert.False(PreparedOperation.TryPrepare(TestSchema, Parser.Parse("query A { color } query B { color }"), null, null, out _, out var errors));

        Assert.Equal("Must provide operation name if query contains multiple operations.", Assert.Single(errors).Message);
    }

    [Fact]
    public void An_operation_without_variables_prepares_without_coercing_and_shares_the_empty_values()
    {
        var document = Parser.Parse("{ color }");

        Assert.True(PreparedOperation.TryPrepare(TestSchema, document, null, Vars(("ignored", 1)), out var first, out _));
        Assert.True(PreparedOperation.TryPrepare(TestSchema, document, null, null, out var second, out _));

        Assert.Empty(first.Variables);
        Assert.Same(first.Variables, second.Variables);
        Assert.Same(document.Definitions[0], first.Operation);
    }

    private static IEnumerable<string> ErrorsOf([StringSyntax("graphql")] string text, IReadOnlyDictionary<string, object?> variables) =>
        Execute(TestSchema, text, variables: variables).AsTask().GetAwaiter().GetResult().Errors.Select(e => e.Message);
}

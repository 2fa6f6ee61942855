using System.Diagnostics.CodeAnalysis;
using Federation.GraphQL.AspNetCore.Http;
using Federation.GraphQL.AspNetCore.Limits;
using Federation.GraphQL.Language;
using Federation.GraphQL.Language.Syntax;
using Federation.GraphQL.Validation;

namespace Federation.GraphQL.AspNetCore.Tests;

/// <summary>Static cost from the IBM cost directives: https://ibm.github.io/graphql-specs/cost-spec.html</summary>
public sealed class CostTests
{
    [Theory]
    [InlineData("{ hello }", 0)]
    [InlineData("{ __typename hello }", 0)]
    [InlineData("{ expensive }", 25)]
    [InlineData("{ person(id: 1) { name score } }", 3.5)]
    [InlineData("{ people(first: 3) { id } }", 3)]
    [InlineData("{ people(last: 7) { id } }", 7)]
    [InlineData("{ people(first: 3) { friends { name } } }", 63)]
    [InlineData("{ peopleWithDefault { id } }", 5)]
    [InlineData("{ peopleWithDefault(first: 2) { id } }", 2)]
    [InlineData("{ peopleOptional { id } }", 50)]
    [InlineData("{ peopleOptional(first: 2) { id } }", 2)]
    [InlineData("{ connection(first: 4) { edges { node { id } } } }", 9)]
    [InlineData("{ search(filter: \"x\") { id } }", 7)]
    [InlineData("{ search { id } }", 4)]
    [InlineData("{ tags }", 0)]
    [InlineData("{ ...F } fragment F on Query { expensive }", 25)]
    [InlineData("{ ... on Query { expensive } }", 25)]
    [InlineData("query ($n: Int = 8) { people(first: $n) { id } }", 8)]
    [InlineData("{ people(first: 100) { friends { friends { friends { id } } } } }", 842100)]
    public void Cost_of(string query, double cost) => ExpectCost(query, cost);

    [Fact]
    public void Introspection_costs_nothing() => ExpectCost(Introspection.IntrospectionQuery.Text, 0);

    [Fact]
    public void Introspection_lists_nest_three_deep_at_most()
    {
        Assert.Null(Analyze("{ __schema { types { fields { type { fields { name } } } } } }").Failure);
        var (_, failure) = Analyze("{ __schema { types { fields { type { fields { args { name } } } } } } }");
        Assert.NotNull(failure);
        Assert.Equal("Introspection lists are nested more than 3 deep (MaxIntrospectionListDepth).", failure.Errors[0].Message);
        Assert.Equal(RequestErrorCodes.IntrospectionTooDeep, failure.Errors[0].Extensions!["code"]);
    }

    [Fact]
    public void Variable_value_sizes_the_list() =>
        ExpectCost("query ($n: Int) { people(first: $n) { id } }", 6, new Dictionary<string, object?> { ["n"] = 6 });

    [Fact]
    public void Default_list_size_applies_to_lists_without_list_size() =>
        ExpectCost("{ tags person(id: 1) { id } }", 1, defaultListSize: 3);

    [Theory]
    [InlineData("{ people { id } }")]
    [InlineData("{ people(first: 1, last: 2) { id } }")]
    [InlineData("query ($n: Int) { people(first: $n) { id } }")]
    public void Exactly_one_slicing_argument_is_required(string query)
    {
        var (_, failure) = Analyze(query);
        Assert.NotNull(failure);
        Assert.Equal("Field \"Query.people\" needs exactly one of its slicing arguments (first, last).", failure.Errors[0].Message);
        Assert.Equal(RequestErrorCodes.SlicingArgumentRequired, failure.Errors[0].Extensions!["code"]);
    }

    [Fact]
    public async Task Missing_slicing_argument_is_a_request_error_over_http()
    {
        await using var server = await TestServer.StartAsync();
        var reply = await server.PostQueryAsync("{ people { id } }", accept: "application/graphql-response+json");
        Assert.Equal(400, reply.Status);
        Assert.Equal("SLICING_ARGUMENT_REQUIRED", reply.FirstErrorCode);
    }

    private static void ExpectCost([StringSyntax("graphql")] string query, double expected, IReadOnlyDictionary<string, object?>? variables = null, int defaultListSize = 10)
    {
        var (cost, failure) = Analyze(query, variables, defaultListSize);
        Assert.Null(failure);
        Assert.Equal(expected, cost);
    }

    private static (double Cost, RequestFailure? Failure) Analyze(string query, IReadOnlyDictionary<string, object?>? variables = null, int defaultListSize = 10)
    {
        var schema = TestSchema.Create();
        var document = Parser.Parse(query);
        Assert.Empty(DocumentValidator.Validate(schema, document));
        var operation = document.Definitions.OfType<OperationDefinitionNode>().First();
        var cost = new CostAnalyzer(schema, defaultListSize, maxIntrospectionListDepth: 3).Analyze(document, operation, variables, out var failure);
        return (cost, failure);
    }
}

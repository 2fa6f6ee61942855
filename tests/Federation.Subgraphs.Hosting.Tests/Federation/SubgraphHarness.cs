using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Nodes;
using Federation.GraphQL.Execution;
using Federation.GraphQL.Language;
using Federation.GraphQL.Validation;

namespace Federation.Subgraphs.Hosting.Tests.Federation;

/// <summary>Runs operations against a subgraph's schema in-process and compares JSON.</summary>
internal static class SubgraphHarness
{
    public static async Task<string> ExecuteAsync(Subgraph subgraph, [StringSyntax("graphql")] string query, string? variablesJson = null)
    {
        var document = Parser.Parse(query);
        var errors = DocumentValidator.Validate(subgraph.Schema, document);
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => e.Message)));
        var variables = variablesJson is null ? null : PlainValues.FromJson(variablesJson) as IReadOnlyDictionary<string, object?>;
        var result = await Executor.ExecuteAsync(
            new ExecutionRequest { Schema = subgraph.Schema, Document = document, Variables = variables },
            TestContext.Current.CancellationToken);
        return result.ToJson();
    }

    public static async Task ExpectJsonAsync(Subgraph subgraph, [StringSyntax("graphql")] string query, [StringSyntax("json")] string expected, string? variablesJson = null)
    {
        var actual = await ExecuteAsync(subgraph, query, variablesJson);
        AssertJson(expected, actual);
    }

    public static void AssertJson([StringSyntax("json")] string expected, string actual)
    {
        var options = new JsonSerializerOptions { WriteIndented = true };
        Assert.Equal(JsonNode.Parse(expected)!.ToJsonString(options), JsonNode.Parse(actual)!.ToJsonString(options));
    }
}

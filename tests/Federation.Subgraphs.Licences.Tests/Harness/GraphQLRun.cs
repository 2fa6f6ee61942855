using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Nodes;
using Federation.GraphQL.Execution;
using Federation.GraphQL.Language;
using Federation.GraphQL.Validation;
using Federation.Subgraphs.Hosting;

namespace Federation.Subgraphs.Licences.Tests.Harness;

/// <summary>Runs an operation on a subgraph in process and reads the response as JSON.</summary>
internal static class GraphQLRun
{
    public static async Task<JsonObject> ExecuteAsync(Subgraph subgraph, [StringSyntax("graphql")] string query, object? variables = null)
    {
        var document = Parser.Parse(query);
        var errors = DocumentValidator.Validate(subgraph.Schema, document);
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => e.Message)));
        var variableValues = variables is null
            ? null
            : PlainValues.FromJson(JsonSerializer.Serialize(variables)) as IReadOnlyDictionary<string, object?>;
        var result = await Executor.ExecuteAsync(
            new ExecutionRequest { Schema = subgraph.Schema, Document = document, Variables = variableValues },
            TestContext.Current.CancellationToken);
        return JsonNode.Parse(result.ToJson())!.AsObject();
    }

    /// <summary>The data of a response that must have no errors.</summary>
    public static async Task<JsonNode> DataAsync(Subgraph subgraph, [StringSyntax("graphql")] string query, object? variables = null)
    {
        var response = await ExecuteAsync(subgraph, query, variables);
        Assert.True(response["errors"] is null, response.ToJsonString());
        return response["data"]!;
    }

    /// <summary>The error codes of a response, in order.</summary>
    public static IReadOnlyList<string?> Codes(JsonObject response) =>
        (response["errors"] as JsonArray ?? []).Select(e => e?["extensions"]?["code"]?.GetValue<string>()).ToList();

    public static string? FirstMessage(JsonObject response) => (response["errors"] as JsonArray)?[0]?["message"]?.GetValue<string>();
}

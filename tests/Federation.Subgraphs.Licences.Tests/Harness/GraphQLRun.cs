using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Nodes;
using Federation.GraphQL.Execution;
using Federation.GraphQL.Language;
using Federation.GraphQL.Validation;
using Federation.Protocol.Signing;
using Federation.Subgraphs.Hosting;
using Federation.Subgraphs.Hosting.Paging;
using Federation.Subgraphs.Licences.Domain;
using Microsoft.AspNetCore.Http;

namespace Federation.Subgraphs.Licences.Tests.Harness;

/// <summary>
/// Runs an operation on a subgraph in process, for a caller as the gateway would sign it, and reads
/// the response as JSON. The caller is <see cref="Reader"/> unless a test says otherwise.
/// </summary>
internal static class GraphQLRun
{
    /// <summary>An agency the gateway found may read every row-scoped resource of the library.</summary>
    public static readonly GatewayCaller Reader = new("test-agency", "DATA_VERIFICATION") { RowResources = LicenceRowResources.All };

    /// <summary>An agency that may read none of them.</summary>
    public static readonly GatewayCaller Stranger = new("test-agency", "DATA_VERIFICATION");

    private static readonly CursorSeal Cursors = CursorSeal.Ephemeral();

    public static async Task<JsonObject> ExecuteAsync(Subgraph subgraph, [StringSyntax("graphql")] string query, object? variables = null) =>
        await ExecuteAsync(subgraph, Reader, query, variables);

    public static async Task<JsonObject> ExecuteAsync(Subgraph subgraph, GatewayCaller? caller, [StringSyntax("graphql")] string query, object? variables = null)
    {
        var document = Parser.Parse(query);
        var errors = DocumentValidator.Validate(subgraph.Schema, document);
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => e.Message)));
        var variableValues = variables is null
            ? null
            : PlainValues.FromJson(JsonSerializer.Serialize(variables)) as IReadOnlyDictionary<string, object?>;
        var result = await Executor.ExecuteAsync(
            new ExecutionRequest
            {
                Schema = subgraph.Schema,
                Document = document,
                Variables = variableValues,
                Context = new SubgraphRequestContext(new DefaultHttpContext(), caller, Cursors),
            },
            TestContext.Current.CancellationToken);
        return JsonNode.Parse(result.ToJson())!.AsObject();
    }

    /// <summary>The data of a response that must have no errors.</summary>
    public static Task<JsonNode> DataAsync(Subgraph subgraph, [StringSyntax("graphql")] string query, object? variables = null) =>
        DataAsync(subgraph, Reader, query, variables);

    /// <summary>The data of a response for <paramref name="caller"/> that must have no errors.</summary>
    public static async Task<JsonNode> DataAsync(Subgraph subgraph, GatewayCaller? caller, [StringSyntax("graphql")] string query, object? variables = null)
    {
        var response = await ExecuteAsync(subgraph, caller, query, variables);
        Assert.True(response["errors"] is null, response.ToJsonString());
        return response["data"]!;
    }

    /// <summary>The error codes of a response, in order.</summary>
    public static IReadOnlyList<string?> Codes(JsonObject response) =>
        (response["errors"] as JsonArray ?? []).Select(e => e?["extensions"]?["code"]?.GetValue<string>()).ToList();

    public static string? FirstMessage(JsonObject response) => (response["errors"] as JsonArray)?[0]?["message"]?.GetValue<string>();
}

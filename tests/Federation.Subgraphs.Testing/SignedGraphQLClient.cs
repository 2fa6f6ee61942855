using System.Diagnostics.CodeAnalysis;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Federation.Protocol.Signing;
using Federation.Subgraphs.Hosting;

namespace Federation.Subgraphs.Testing;

/// <summary>
/// Posts GraphQL requests to a subgraph the way the gateway does: signed with the shared secret,
/// on behalf of a caller.
/// </summary>
public sealed class SignedGraphQLClient(HttpClient http, string path = "/graphql")
{
    public const string Secret = "subgraph-test-secret-long-enough-for-hmac-sha256";

    public static readonly GatewayCaller DefaultCaller = new("test-agency", "DATA_VERIFICATION");

    /// <summary>A client whose requests pass through the gateway signing handler.</summary>
    public static SignedGraphQLClient Create(Func<DelegatingHandler[], HttpClient> createClient, string secret = Secret) =>
        new(createClient([new GatewaySigningHandler(new GatewaySignature(secret))]));

    public HttpClient Http => http;

    public async Task<GraphQLResponse> PostAsync(
        [StringSyntax("graphql")] string query,
        object? variables = null,
        GatewayCaller? caller = null,
        CancellationToken cancellationToken = default)
    {
        var body = new JsonObject { ["query"] = query };
        if (variables is not null)
        {
            body["variables"] = JsonSerializer.SerializeToNode(variables);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        request.Options.Set(GatewaySigningHandler.CallerOption, caller ?? DefaultCaller);
        using var response = await http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return new GraphQLResponse((int)response.StatusCode, text);
    }
}

/// <summary>A GraphQL response: the status and the body, with readers for data and errors.</summary>
public sealed record GraphQLResponse(int Status, string Body)
{
    public JsonNode Json => JsonNode.Parse(Body) ?? throw new InvalidOperationException("Empty response body.");

    public JsonNode? Data => Json["data"];

    public JsonArray Errors => Json["errors"] as JsonArray ?? [];

    /// <summary>The codes of the errors, in order.</summary>
    public IReadOnlyList<string?> ErrorCodes => Errors.Select(e => e?["extensions"]?["code"]?.GetValue<string>()).ToList();

    /// <summary>The data, failing with the whole body when there are errors.</summary>
    public JsonNode DataWithoutErrors =>
        Errors.Count == 0 && Data is { } data ? data : throw new InvalidOperationException($"Expected data without errors, got {Status}: {Body}");
}

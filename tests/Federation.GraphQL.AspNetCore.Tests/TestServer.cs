using System.Diagnostics.CodeAnalysis;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Federation.GraphQL.AspNetCore.Engine;
using Federation.GraphQL.Language;
using Federation.GraphQL.Language.Syntax;
using Federation.GraphQL.Types;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Federation.GraphQL.AspNetCore.Tests;

/// <summary>A real Kestrel server on 127.0.0.1 and a free port, serving one GraphQL endpoint; each test owns its own.</summary>
internal sealed class TestServer : IAsyncDisposable
{
    private readonly WebApplication app;

    private TestServer(WebApplication app, Uri endpoint)
    {
        this.app = app;
        Endpoint = endpoint;
        Client = new HttpClient { BaseAddress = endpoint };
    }

    public Uri Endpoint { get; }

    public HttpClient Client { get; }

    public static Task<TestServer> StartAsync(Action<GraphQLEndpointOptions>? configure = null, Schema? schema = null) =>
        StartAsync(app => app.MapGraphQL("/graphql", schema ?? TestSchema.Create(), configure));

    /// <summary>A server whose engine counts its parses and validations.</summary>
    public static Task<TestServer> StartCountingAsync(Action parsed, Action validated)
    {
        var options = new GraphQLEndpointOptions();
        var engine = new CountingEngine(new FederationEngine(options), parsed, validated);
        return StartAsync(app => app.MapGraphQL("/graphql", TestSchema.Create(), options, engine));
    }

    public static Task<TestServer> StartWithAsync(Action<WebApplication> map) => StartAsync(map);

    private static async Task<TestServer> StartAsync(Action<WebApplication> map)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        map(app);
        await app.StartAsync(TestContext.Current.CancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new TestServer(app, new Uri(address + "/graphql"));
    }

    public Task<Reply> PostAsync(string body, string? accept = null, string? contentType = "application/json") =>
        SendAsync(new HttpRequestMessage(HttpMethod.Post, "")
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)) { Headers = { ContentType = contentType is null ? null : MediaTypeHeaderValue.Parse(contentType) } },
        }, accept);

    public Task<Reply> PostQueryAsync([StringSyntax("graphql")] string query, object? variables = null, string? operationName = null, string? accept = null) =>
        PostAsync(JsonSerializer.Serialize(new { query, variables, operationName }), accept);

    public Task<Reply> GetAsync(string queryString, string? accept = null) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Get, queryString), accept);

    public async Task<Reply> SendAsync(HttpRequestMessage request, string? accept = null)
    {
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        using var response = await Client.SendAsync(request, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return new Reply((int)response.StatusCode, response.Content.Headers.ContentType?.ToString(), text, response);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

internal sealed class CountingEngine(IGraphQLEngine inner, Action parsed, Action validated) : IGraphQLEngine
{
    public DocumentNode Parse(string text, ParserOptions options)
    {
        parsed();
        return inner.Parse(text, options);
    }

    public IReadOnlyList<GraphQLError> Validate(Schema schema, DocumentNode document, CancellationToken cancellationToken)
    {
        validated();
        return inner.Validate(schema, document, cancellationToken);
    }

    public ValueTask<IOperationResult> ExecuteAsync(OperationRequest request, CancellationToken cancellationToken) =>
        inner.ExecuteAsync(request, cancellationToken);
}

/// <summary>What the server answered.</summary>
internal sealed record Reply(int Status, string? ContentType, string Body, HttpResponseMessage Response)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    public string? FirstErrorCode =>
        Json.TryGetProperty("errors", out var errors) && errors[0].TryGetProperty("extensions", out var extensions)
            && extensions.TryGetProperty("code", out var code) ? code.GetString() : null;

    public string FirstErrorMessage => Json.GetProperty("errors")[0].GetProperty("message").GetString()!;

    public bool HasData => Json.TryGetProperty("data", out _);
}

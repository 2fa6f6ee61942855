using System.Security.Cryptography;
using System.Text;
using Federation.GraphQL.AspNetCore.TrustedDocuments;
using Federation.GraphQL.Introspection;

namespace Federation.GraphQL.AspNetCore.Tests;

/// <summary>Introspection switch, trusted documents, the document cache, cancellation.</summary>
public sealed class AdmissionTests
{
    private const string GraphQLResponse = "application/graphql-response+json";

    [Theory]
    [InlineData("{ __schema { queryType { name } } }")]
    [InlineData("{ __type(name: \"Query\") { name } }")]
    [InlineData("{ ...F } fragment F on Query { __schema { queryType { name } } }")]
    public async Task Introspection_can_be_switched_off(string query)
    {
        await using var server = await TestServer.StartAsync(options => options.EnableIntrospection = false);
        var reply = await server.PostQueryAsync(query, accept: GraphQLResponse);
        Assert.Equal(400, reply.Status);
        Assert.Equal("INTROSPECTION_DISABLED", reply.FirstErrorCode);
        Assert.Equal("Introspection is disabled on this endpoint.", reply.FirstErrorMessage);

        var typename = await server.PostQueryAsync("{ __typename }", accept: GraphQLResponse);
        Assert.Equal("""{"data":{"__typename":"Query"}}""", typename.Body);
    }

    [Fact]
    public async Task Introspection_is_on_by_default_and_the_full_query_passes_the_default_limits()
    {
        await using var server = await TestServer.StartAsync();
        var reply = await server.PostQueryAsync(IntrospectionQuery.Text, accept: GraphQLResponse);
        Assert.True(reply.Status == 200, reply.Body);
        Assert.Equal("Query", reply.Json.GetProperty("data").GetProperty("__schema").GetProperty("queryType").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Strict_trusted_documents_run_by_id_only()
    {
        string hash = "";
        await using var server = await TestServer.StartAsync(options =>
        {
            options.TrustedDocuments.Mode = TrustedDocumentMode.Strict;
            hash = options.TrustedDocuments.Add("query Hello { hello }");
        });
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("query Hello { hello }"))), hash);

        var byDocumentId = await server.PostAsync($$"""{"documentId":"sha256:{{hash}}"}""", GraphQLResponse);
        Assert.Equal("""{"data":{"hello":"world"}}""", byDocumentId.Body);

        var byPersistedQuery = await server.PostAsync($$$$"""{"extensions":{"persistedQuery":{"version":1,"sha256Hash":"{{{{hash}}}}"}}}""", GraphQLResponse);
        Assert.Equal("""{"data":{"hello":"world"}}""", byPersistedQuery.Body);

        var byGet = await server.GetAsync("?documentId=sha256:" + hash, GraphQLResponse);
        Assert.Equal("""{"data":{"hello":"world"}}""", byGet.Body);

        var knownText = await server.PostQueryAsync("query Hello { hello }", accept: GraphQLResponse);
        Assert.Equal(200, knownText.Status);

        var unknownText = await server.PostQueryAsync("{ hello }", accept: GraphQLResponse);
        Assert.Equal(400, unknownText.Status);
        Assert.Equal("TRUSTED_DOCUMENT_REQUIRED", unknownText.FirstErrorCode);

        var unknownId = await server.PostAsync("""{"documentId":"sha256:0000"}""", GraphQLResponse);
        Assert.Equal(400, unknownId.Status);
        Assert.Equal("PERSISTED_QUERY_NOT_FOUND", unknownId.FirstErrorCode);
        Assert.Equal("No trusted document has the id \"0000\".", unknownId.FirstErrorMessage);

        var mismatch = await server.PostAsync($$"""{"query":"{ hello }","documentId":"{{hash}}"}""", GraphQLResponse);
        Assert.Equal(400, mismatch.Status);
        Assert.Equal("PERSISTED_QUERY_HASH_MISMATCH", mismatch.FirstErrorCode);
    }

    [Fact]
    public async Task Allow_mode_resolves_ids_and_runs_other_documents_too()
    {
        string hash = "";
        await using var server = await TestServer.StartAsync(options =>
        {
            options.TrustedDocuments.Mode = TrustedDocumentMode.Allow;
            hash = options.TrustedDocuments.Add("{ hello }");
        });
        Assert.Equal("""{"data":{"hello":"world"}}""", (await server.PostAsync($$"""{"documentId":"{{hash}}"}""", GraphQLResponse)).Body);
        Assert.Equal("""{"data":{"echo":"x"}}""", (await server.PostQueryAsync("{ echo(text: \"x\") }", accept: GraphQLResponse)).Body);
    }

    [Fact]
    public async Task Ids_are_not_understood_when_trusted_documents_are_off()
    {
        await using var server = await TestServer.StartAsync();
        var reply = await server.PostAsync("""{"documentId":"sha256:abc"}""", GraphQLResponse);
        Assert.Equal(400, reply.Status);
        Assert.Equal("MISSING_QUERY", reply.FirstErrorCode);
    }

    [Fact]
    public void Document_cache_returns_the_same_prepared_document_and_stays_bounded()
    {
        var cache = new Caching.DocumentCache(capacity: 4);
        var documents = Enumerable.Range(0, 10).Select(i => $"{{ a{i}: hello }}").ToArray();
        foreach (var text in documents)
        {
            var prepared = new Caching.PreparedDocument(text, Language.Parser.Parse(text), []);
            cache.Add(text, prepared);
            Assert.True(cache.TryGet(text, out var found));
            Assert.Same(prepared, found);
            Assert.True(cache.Count <= 4);
        }

        Assert.False(cache.TryGet(documents[0], out _));
    }

    [Fact]
    public async Task Repeated_operations_skip_parse_and_validation()
    {
        var parses = 0;
        var validations = 0;
        await using var server = await TestServer.StartCountingAsync(() => parses++, () => validations++);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal("""{"data":{"hello":"world"}}""", (await server.PostQueryAsync("{ hello }")).Body);
        }

        Assert.Equal(1, parses);
        Assert.Equal(1, validations);

        await server.PostQueryAsync("{ hello }\n");
        Assert.Equal(2, parses);
    }

    [Fact]
    public async Task Client_going_away_cancels_the_operation()
    {
        var cancelled = new TaskCompletionSource();
        var started = new TaskCompletionSource();
        var schema = TestSchema.Create().Bind("Query.slow", async context =>
        {
            started.TrySetResult();
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(30), context.CancellationToken);
            }
            catch (OperationCanceledException)
            {
                cancelled.TrySetResult();
                throw;
            }

            return "done";
        });
        await using var server = await TestServer.StartAsync(schema: schema);
        using var client = new CancellationTokenSource();
        var request = server.Client.PostAsync("", new StringContent("""{"query":"{ slow(milliseconds: 1) }"}""", Encoding.UTF8, "application/json"), client.Token);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        await client.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => request);
        await cancelled.Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
    }
}

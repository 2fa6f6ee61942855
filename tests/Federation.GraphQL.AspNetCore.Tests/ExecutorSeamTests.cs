using System.Buffers;
using System.Text;
using Federation.GraphQL.AspNetCore.Engine;
using Federation.GraphQL.Language;
using Federation.GraphQL.Types;
using Federation.GraphQL.Types.Building;

namespace Federation.GraphQL.AspNetCore.Tests;

/// <summary>The seams a federation gateway uses: its own executor, and a schema swapped while serving.</summary>
public sealed class ExecutorSeamTests
{
    private static Schema SchemaOf(string sdl, string field, string value)
    {
        var schema = SchemaBuilder.FromDocument(Parser.Parse(sdl, ParserOptions.Unlimited));
        schema.Bind(field, _ => ValueTask.FromResult<object?>(value));
        return schema;
    }

    [Fact]
    public async Task An_executor_runs_admitted_operations_instead_of_the_resolvers()
    {
        var executor = new RecordingExecutor();
        await using var server = await TestServer.StartAsync(options => options.Executor = executor, SchemaOf("type Query { hello(who: String): String }", "Query.hello", "from resolver"));

        var reply = await server.PostQueryAsync("query Greeting($who: String) { hello(who: $who) }", new { who = "x" });

        Assert.Equal(200, reply.Status);
        Assert.Equal("""{"data":{"hello":"from executor"}}""", reply.Body);
        var request = Assert.Single(executor.Requests);
        Assert.Equal("Greeting", request.Operation.Name?.Value);
        Assert.Equal("query Greeting($who: String) { hello(who: $who) }", request.DocumentText);
        Assert.Equal("x", request.Variables!["who"]);
    }

    [Fact]
    public async Task The_executor_is_not_asked_for_an_invalid_document()
    {
        var executor = new RecordingExecutor();
        await using var server = await TestServer.StartAsync(options => options.Executor = executor, SchemaOf("type Query { hello: String }", "Query.hello", "r"));

        var reply = await server.PostQueryAsync("{ goodbye }");

        Assert.Equal(200, reply.Status);
        Assert.Contains("""Cannot query field \"goodbye\" on type \"Query\".""", reply.Body, StringComparison.Ordinal);
        Assert.Empty(executor.Requests);
    }

    [Fact]
    public async Task A_swapped_schema_serves_the_next_request_and_validates_against_the_new_types()
    {
        var current = SchemaOf("type Query { hello: String }", "Query.hello", "first");
        await using var server = await TestServer.StartWithAsync(app => app.MapGraphQL("/graphql", () => Volatile.Read(ref current)));

        Assert.Equal("""{"data":{"hello":"first"}}""", (await server.PostQueryAsync("{ hello }")).Body);

        Volatile.Write(ref current, SchemaOf("type Query { hello: String goodbye: String }", "Query.goodbye", "second"));

        Assert.Equal("""{"data":{"goodbye":"second"}}""", (await server.PostQueryAsync("{ goodbye }")).Body);
        Assert.Equal("""{"data":{"hello":null}}""", (await server.PostQueryAsync("{ hello }")).Body);
    }

    [Fact]
    public async Task An_invalid_schema_is_refused_when_mapped()
    {
        var invalid = SchemaBuilder.FromDocument(Parser.Parse("type Query { a: A } type A", ParserOptions.Unlimited));
        await Assert.ThrowsAsync<Federation.GraphQL.Types.SchemaValidation.InvalidSchemaException>(
            () => TestServer.StartWithAsync(app => app.MapGraphQL("/graphql", () => invalid)));
    }

    private sealed class RecordingExecutor : IOperationExecutor
    {
        public List<OperationRequest> Requests { get; } = [];

        public ValueTask<IOperationResult> ExecuteAsync(OperationRequest request, CancellationToken cancellationToken)
        {
            lock (Requests)
            {
                Requests.Add(request);
            }

            return ValueTask.FromResult<IOperationResult>(new Constant("""{"data":{"hello":"from executor"}}"""));
        }
    }

    private sealed class Constant(string json) : IOperationResult
    {
        public bool HasData => true;

        public void WriteTo(IBufferWriter<byte> output) => output.Write(Encoding.UTF8.GetBytes(json));
    }
}

using Xunit;

namespace Federation.GraphQL.Tests.Execution;

using static ExecutionHarness;

/// <summary>
/// Query fields may run concurrently (https://spec.graphql.org/September2025/#sec-Normal-and-Serial-Execution);
/// mutation root fields run strictly one after another (#sec-Mutation).
/// </summary>
public sealed class ConcurrencyTests
{
    [Fact]
    public async Task Sibling_query_fields_overlap_when_their_resolvers_are_async()
    {
        var aStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var bStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var schema = Schema("type Query { a: String b: String }")
            .Bind("Query.a", async _ =>
            {
                aStarted.SetResult();
                await bStarted.Task.WaitAsync(TimeSpan.FromSeconds(10));
                return "a";
            })
            .Bind("Query.b", async _ =>
            {
                bStarted.SetResult();
                await aStarted.Task.WaitAsync(TimeSpan.FromSeconds(10));
                return "b";
            });

        var result = await Execute(schema, "{ a b }");

        Assert.Equal("""{"data":{"a":"a","b":"b"}}""", result.ToJson());
    }

    [Fact]
    public async Task Mutation_fields_run_one_after_another_including_their_subfields()
    {
        var log = new List<string>();
        var schema = Schema("""
            type Query { a: Int }
            type Mutation { first: Step second: Step third: Int }
            type Step { name: String }
            """);
        FieldResolverFor(schema, "first", log);
        FieldResolverFor(schema, "second", log);
        schema.Bind("Mutation.third", _ =>
        {
            log.Add("third");
            return new(3);
        });
        schema.Bind("Step.name", async context =>
        {
            var name = (string)context.Source!;
            log.Add(name + ".name start");
            await Task.Delay(10);
            log.Add(name + ".name end");
            return name;
        });

        var result = await Execute(schema, "mutation { first { name } second { name } third }");

        Assert.Equal("""{"data":{"first":{"name":"first"},"second":{"name":"second"},"third":3}}""", result.ToJson());
        Assert.Equal(
            ["first start", "first end", "first.name start", "first.name end", "second start", "second end", "second.name start", "second.name end", "third"],
            log);
    }

    [Fact]
    public async Task Synchronous_resolvers_complete_without_going_async()
    {
        var schema = Schema("type Query { a: Int list: [Item] } type Item { x: Int }");
        var pending = Executor(schema, "{ a list { x } }", Json("""{"a":1,"list":[{"x":1},{"x":2}]}"""));
        Assert.True(pending.IsCompletedSuccessfully);
        Assert.Equal("""{"data":{"a":1,"list":[{"x":1},{"x":2}]}}""", (await pending).ToJson());
    }

    private static ValueTask<Federation.GraphQL.Execution.ExecutionResult> Executor(global::Federation.GraphQL.Types.Schema schema, string document, object root) =>
        Execute(schema, document, root);

    private static void FieldResolverFor(global::Federation.GraphQL.Types.Schema schema, string field, List<string> log) =>
        schema.Bind("Mutation." + field, async _ =>
        {
            log.Add(field + " start");
            await Task.Delay(10);
            log.Add(field + " end");
            return field;
        });
}

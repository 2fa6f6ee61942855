using Xunit;

namespace Federation.GraphQL.Tests.Execution;

using static ExecutionHarness;

/// <summary>
/// Synchronous resolvers must not cost a task, a state machine or a context per field: what a
/// completed object costs is its result node and its value slots.
/// </summary>
public sealed class AllocationTests
{
    [Fact]
    public async Task Synchronous_execution_allocates_little_per_field()
    {
        var schema = Schema("type Query { items: [Item] } type Item { a: Int b: String c: Boolean d: Int }");
        var items = new object?[1000];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = Map(("a", i), ("b", "s"), ("c", true), ("d", 4));
        }

        var root = Map(("items", items));
        const string document = "{ items { a b c d } }";
        var warm = await Execute(schema, document, root);
        Assert.Empty(warm.Errors);

        var parsed = global::Federation.GraphQL.Language.Parser.Parse(document);
        var request = new Federation.GraphQL.Execution.ExecutionRequest { Schema = schema, Document = parsed, RootValue = root };
        var before = GC.GetAllocatedBytesForCurrentThread();
        var pending = Federation.GraphQL.Execution.Executor.ExecuteAsync(request, TestContext.Current.CancellationToken);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(pending.IsCompletedSuccessfully);
        var perField = allocated / (items.Length * 4.0);
        TestContext.Current.SendDiagnosticMessage($"{allocated} bytes for {items.Length * 4} fields: {perField:F1} per field");
        Assert.True(perField < 32, $"{perField:F1} bytes per field ({allocated} in all)");
    }
}

using Xunit;

namespace Federation.GraphQL.Tests.Execution;

using static ExecutionHarness;

/// <summary>Cancelling a request stops new resolvers from starting and ends execution with OperationCanceledException.</summary>
public sealed class CancellationTests
{
    [Fact]
    public async Task No_resolver_starts_after_cancellation()
    {
        using var cancellation = new CancellationTokenSource();
        var calls = 0;
        var schema = Schema("type Query { items: [Item] } type Item { x: Int }")
            .Bind("Query.items", _ => new(new object?[] { 1, 2, 3, 4 }))
            .Bind("Item.x", _ =>
            {
                calls++;
                cancellation.Cancel();
                return new(1);
            });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
            await Execute(schema, "{ items { x } }", cancellationToken: cancellation.Token));
        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task The_token_reaches_resolvers_and_ends_a_waiting_execution()
    {
        using var cancellation = new CancellationTokenSource();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var schema = Schema("type Query { slow: Int }")
            .Bind("Query.slow", async context =>
            {
                Assert.Equal(cancellation.Token, context.CancellationToken);
                started.SetResult();
                await Task.Delay(Timeout.Infinite, context.CancellationToken);
                return 1;
            });

        var execution = Execute(schema, "{ slow }", cancellationToken: cancellation.Token).AsTask();
        await started.Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        cancellation.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => execution.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task An_already_cancelled_token_runs_nothing()
    {
        var calls = 0;
        var schema = Schema("type Query { a: Int }").Bind("Query.a", _ =>
        {
            calls++;
            return new(1);
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
            await Execute(schema, "{ a }", cancellationToken: new CancellationToken(canceled: true)));
        Assert.Equal(0, calls);
    }
}

namespace Federation.GraphQL.Execution;

/// <summary>Work that an asynchronous completion hands back to the executor's loop.</summary>
internal interface IReadyWork
{
    void Run();
}

/// <summary>
/// The executor's inbox: completions of asynchronous resolvers and fetches arrive here from any
/// thread; the executor's loop alone takes them out, so execution state needs no locks.
/// </summary>
internal sealed class ReadyQueue
{
    private readonly object gate = new();
    private readonly Queue<IReadyWork> items = new();
    private TaskCompletionSource? waiter;
    private bool woken;

    public void Post(IReadyWork work)
    {
        TaskCompletionSource? toSignal;
        lock (gate)
        {
            items.Enqueue(work);
            toSignal = waiter;
            waiter = null;
        }

        toSignal?.TrySetResult();
    }

    /// <summary>Makes a waiting loop look again (new batch loads) without handing it work.</summary>
    public void Wake()
    {
        TaskCompletionSource? toSignal;
        lock (gate)
        {
            woken = true;
            toSignal = waiter;
            waiter = null;
        }

        toSignal?.TrySetResult();
    }

    public bool TryTake(out IReadyWork work)
    {
        lock (gate)
        {
            return items.TryDequeue(out work!);
        }
    }

    /// <summary>Completes when work is posted or the loop is woken; at once if either already happened.</summary>
    public Task WaitAsync()
    {
        lock (gate)
        {
            if (items.Count > 0 || woken)
            {
                woken = false;
                return Task.CompletedTask;
            }

            waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return waiter.Task;
        }
    }
}

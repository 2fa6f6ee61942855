using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Federation.GraphQL.Language.Syntax;
using Federation.GraphQL.Types;

namespace Federation.GraphQL.Execution;

/// <summary>
/// One execution of one operation: https://spec.graphql.org/September2025/#sec-Execution
/// Resolvers that complete synchronously are completed inline, depth first, in field order, with
/// no task or path allocated. A resolver that does not complete at once parks its field; the
/// loop in <see cref="DrainAsync"/> completes parked fields as they finish and, whenever nothing
/// else is runnable, sends the waiting batch loads.
/// </summary>
internal sealed partial class OperationRun
{
    private readonly FieldCollector collector;
    private readonly ReadyQueue ready = new();
    private readonly Stack<ResolveContext> contexts = new();
    private readonly List<GraphQLError> errors = [];
    private readonly bool propagateNulls;
    private BatchRegistry? batches;
    private ResultObject? data;
    private int pending;

    public OperationRun(
        ExecutionRequest request,
        OperationDefinitionNode operation,
        IReadOnlyDictionary<string, FragmentDefinitionNode> fragments,
        VariableValues variables,
        CancellationToken cancellationToken)
    {
        Request = request;
        Schema = request.Schema;
        Operation = operation;
        Variables = variables;
        CancellationToken = cancellationToken;
        collector = new FieldCollector(Schema, fragments, variables, request.FieldResolver ?? DefaultResolvers.Field);
        propagateNulls = !HasDirective(operation, "experimental_disableErrorPropagation");
    }

    public ExecutionRequest Request { get; }

    public Schema Schema { get; }

    public OperationDefinitionNode Operation { get; }

    public VariableValues Variables { get; }

    public CancellationToken CancellationToken { get; }

    public BatchRegistry Batches
    {
        get
        {
            if (batches is { } existing)
            {
                return existing;
            }

            Interlocked.CompareExchange(ref batches, new BatchRegistry(ready), null);
            return batches;
        }
    }

    /// <summary>
    /// ExecuteOperation: https://spec.graphql.org/September2025/#ExecuteOperation()
    /// A subscription operation runs once, like a query over the subscription root type, as
    /// graphql-js's execute() runs it; there is no event stream.
    /// </summary>
    public ValueTask<ExecutionResult> RunAsync()
    {
        var rootType = Schema.GetRootType(Operation.Operation);
        if (rootType is null)
        {
            errors.Add(new GraphQLError($"Schema is not configured to execute {OperationName(Operation.Operation)} operation.", Operation));
            return new ValueTask<ExecutionResult>(Finish());
        }

        var callerContext = SynchronizationContext.Current;
        if (callerContext is not null)
        {
            // Resolver continuations must not queue onto the caller's context: the executor's
            // loop decides when batches go out by seeing them finish inline.
            SynchronizationContext.SetSynchronizationContext(null);
        }

        try
        {
            data = new ResultObject(collector.CollectRoot(rootType, Operation.SelectionSet));
            if (Operation.Operation == OperationType.Mutation)
            {
                // https://spec.graphql.org/September2025/#sec-Mutation — root fields run one after another.
                var fields = data.Plan.Fields;
                for (var i = 0; i < fields.Length && !data.IsNulled; i++)
                {
                    ExecuteField(data, i, Request.RootValue);
                    if (pending > 0)
                    {
                        return new ValueTask<ExecutionResult>(RunSeriallyAsync(i + 1));
                    }
                }
            }
            else
            {
                ExecuteFields(data, Request.RootValue);
            }

            if (pending > 0)
            {
                return new ValueTask<ExecutionResult>(DrainThenFinishAsync());
            }

            return new ValueTask<ExecutionResult>(Finish());
        }
        catch (Exception exception) when (IsFieldError(exception))
        {
            // An error outside any field (collecting the root fields) leaves no data.
            errors.Add(exception is GraphQLException located ? located.Error : new GraphQLError(exception.Message));
            data = null;
            return new ValueTask<ExecutionResult>(Finish());
        }
        catch (Exception exception)
        {
            return ValueTask.FromException<ExecutionResult>(exception);
        }
        finally
        {
            if (callerContext is not null)
            {
                SynchronizationContext.SetSynchronizationContext(callerContext);
            }
        }
    }

    private async Task<ExecutionResult> DrainThenFinishAsync()
    {
        await DrainAsync().ConfigureAwait(false);
        return Finish();
    }

    private async Task<ExecutionResult> RunSeriallyAsync(int next)
    {
        await DrainAsync().ConfigureAwait(false);
        var fields = data!.Plan.Fields;
        for (var i = next; i < fields.Length && !data.IsNulled; i++)
        {
            CancellationToken.ThrowIfCancellationRequested();
            ExecuteField(data, i, Request.RootValue);
            await DrainAsync().ConfigureAwait(false);
        }

        return Finish();
    }

    /// <summary>Runs parked work until none is left, sending batch loads whenever nothing else can run.</summary>
    private async Task DrainAsync()
    {
        while (true)
        {
            CancellationToken.ThrowIfCancellationRequested();
            while (ready.TryTake(out var work))
            {
                work.Run();
                CancellationToken.ThrowIfCancellationRequested();
            }

            if (DispatchBatches())
            {
                continue;
            }

            if (pending == 0)
            {
                return;
            }

            await ready.WaitAsync().WaitAsync(CancellationToken).ConfigureAwait(false);
        }
    }

    private bool DispatchBatches()
    {
        if (batches?.TakeWaiting() is not { } loaders)
        {
            return false;
        }

        foreach (var loader in loaders)
        {
            var fetch = loader.Dispatch(CancellationToken, out var complete);
            if (fetch is null)
            {
                complete();
                continue;
            }

            pending++;
            var parked = new ParkedFetch(this, complete);
            fetch.ConfigureAwait(false).GetAwaiter().UnsafeOnCompleted(parked.Post);
        }

        return true;
    }

    /// <summary>Once execution started the response has <c>data</c>, null when an error reached the root.</summary>
    private ExecutionResult Finish() =>
        new(errors, data is null || data.IsNulled ? null : data, hasData: true);

    private bool IsFieldError(Exception exception) =>
        exception is not OperationCanceledException || !CancellationToken.IsCancellationRequested;

    private static bool IsNull([NotNullWhen(false)] object? value) =>
        value is null || (value is JsonElement json && json.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined);

    private static void Set(ResultNode node, int index, object? value)
    {
        if (node is ResultObject obj)
        {
            obj.Values[index] = value;
        }
        else
        {
            Unsafe.As<ResultList>(node).Items[index] = value;
        }
    }

    private ResolveContext RentContext(FieldPlan field, ResultObject target, int index, object? source)
    {
        var context = contexts.Count > 0 ? contexts.Pop() : new ResolveContext();
        context.Reset(this, field, target, index, source);
        return context;
    }

    private void ReturnContext(ResolveContext context)
    {
        context.Clear();
        contexts.Push(context);
    }

    private static bool HasDirective(OperationDefinitionNode operation, string name)
    {
        foreach (var directive in operation.Directives)
        {
            if (directive.Name.Value == name)
            {
                return true;
            }
        }

        return false;
    }

    private static string OperationName(OperationType operation) => operation switch
    {
        OperationType.Query => "query",
        OperationType.Mutation => "mutation",
        _ => "subscription",
    };

    /// <summary>A field whose resolver has not finished; completed by the loop when it does.</summary>
    private sealed class ParkedField(OperationRun run, ValueTask<object?> value, ResolveContext context, ResultObject target, int index) : IReadyWork
    {
        public ValueTask<object?> Value { get; } = value;

        public ResolveContext Context { get; } = context;

        public ResultObject Target { get; } = target;

        public int Index { get; } = index;

        public void Post() => run.ready.Post(this);

        public void Run() => run.CompleteParkedField(this);
    }

    /// <summary>A batch fetch in flight; its values are handed out on the loop.</summary>
    private sealed class ParkedFetch(OperationRun run, Action complete) : IReadyWork
    {
        public void Post() => run.ready.Post(this);

        public void Run()
        {
            run.pending--;
            complete();
        }
    }
}

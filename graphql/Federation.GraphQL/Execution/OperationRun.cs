using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Text.Json;
using Federation.GraphQL.Language.Syntax;
using Federation.GraphQL.Types;
using Federation.GraphQL.Types.Scalars;

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

    /// <summary>ExecuteSelectionSet for one object: its fields in order, stopping once an error nulls the object.</summary>
    private void ExecuteFields(ResultObject target, object? source)
    {
        var count = target.Plan.Fields.Length;
        for (var i = 0; i < count; i++)
        {
            ExecuteField(target, i, source);
            if (target.IsNulled)
            {
                return;
            }
        }
    }

    /// <summary>ExecuteField: https://spec.graphql.org/September2025/#ExecuteField()</summary>
    private void ExecuteField(ResultObject target, int index, object? source)
    {
        var field = target.Plan.Fields[index];
        if (field.Definition is null)
        {
            // __typename: https://spec.graphql.org/September2025/#sec-Type-Name-Introspection
            target.Values[index] = target.Plan.Type.Name;
            return;
        }

        CancellationToken.ThrowIfCancellationRequested();
        object? value;
        if (field.ReadsSource)
        {
            // The built-in default resolver needs no context: read the member straight away.
            try
            {
                field.Arguments ??= ArgumentValues.Coerce(field, Variables);
                value = DefaultResolvers.Read(source, field.Node.Name.Value);
            }
            catch (Exception exception) when (IsFieldError(exception))
            {
                FieldError(exception, field, target, index, field.Type is NonNullType);
                return;
            }

            Complete(field.Type, field, target, index, value);
            return;
        }

        var context = RentContext(field, target, index, source);
        try
        {
            context.Arguments = field.Arguments ??= ArgumentValues.Coerce(field, Variables);
            var resolved = field.Resolver(context);
            if (!resolved.IsCompleted)
            {
                pending++;
                var parked = new ParkedField(this, resolved, context, target, index);
                resolved.ConfigureAwait(false).GetAwaiter().UnsafeOnCompleted(parked.Post);
                return;
            }

            value = resolved.Result;
        }
        catch (Exception exception) when (IsFieldError(exception))
        {
            ReturnContext(context);
            FieldError(exception, field, target, index, field.Type is NonNullType);
            return;
        }

        ReturnContext(context);
        Complete(field.Type, field, target, index, value);
    }

    private void CompleteParkedField(ParkedField parked)
    {
        pending--;
        var target = parked.Target;
        var field = target.Plan.Fields[parked.Index];
        object? value;
        try
        {
            value = parked.Value.Result;
        }
        catch (Exception exception) when (IsFieldError(exception))
        {
            ReturnContext(parked.Context);
            FieldError(exception, field, target, parked.Index, field.Type is NonNullType);
            return;
        }

        ReturnContext(parked.Context);
        if (target.IsInNulledBranch())
        {
            return;
        }

        Complete(field.Type, field, target, parked.Index, value);
    }

    /// <summary>Completes a value into a slot; an error there becomes a field error at the slot's path.</summary>
    private void Complete(GraphQLType type, FieldPlan field, ResultNode node, int index, object? value)
    {
        try
        {
            CompleteValue(type, field, node, index, value);
        }
        catch (Exception exception) when (IsFieldError(exception))
        {
            FieldError(exception, field, node, index, type is NonNullType);
        }
    }

    /// <summary>CompleteValue: https://spec.graphql.org/September2025/#CompleteValue()</summary>
    private void CompleteValue(GraphQLType type, FieldPlan field, ResultNode node, int index, object? value)
    {
        if (value is Exception error)
        {
            // graphql-js treats an Error value as if the resolver had thrown it.
            ExceptionDispatchInfo.Throw(error);
        }

        var nonNull = false;
        if (type is NonNullType nonNullType)
        {
            if (IsNull(value))
            {
                throw ExecutionErrors.NullForNonNullField(field);
            }

            type = nonNullType.OfType;
            nonNull = true;
        }
        else if (IsNull(value))
        {
            return;
        }

        switch (type)
        {
            case ScalarType scalar:
                Set(node, index, SerializeScalar(scalar, value!));
                return;
            case EnumType enumType:
                Set(node, index, EnumCoercion.Serialize(enumType, value is JsonElement json ? JsonText.ToClr(json)! : value!));
                return;
            case ObjectType objectType:
                CompleteObject(objectType, field, node, index, nonNull, value!);
                return;
            case ListType listType:
                CompleteList(listType, field, node, index, nonNull, value!);
                return;
            default:
                CompleteObject(ResolveRuntimeType(type.Named, field, value!), field, node, index, nonNull, value!);
                return;
        }
    }

    private static object SerializeScalar(ScalarType scalar, object value)
    {
        var input = value is JsonElement json ? JsonText.ToPlain(json)! : value;

        // A built-in scalar handed a value of its own kind returns it unchanged: keep the box
        // rather than let Serialize box it again.
        switch (scalar)
        {
            case IntScalar when input is int:
            case StringScalar or IdScalar when input is string:
            case BooleanScalar when input is bool:
            case FloatScalar when input is double number && double.IsFinite(number):
                return input;
        }

        return scalar.Serialize(input) ?? throw ExecutionErrors.SerializedToNull(scalar, input);
    }

    private void CompleteObject(ObjectType type, FieldPlan field, ResultNode node, int index, bool nonNull, object value)
    {
        if (type.IsTypeOf is { } isTypeOf && !isTypeOf(value))
        {
            throw ExecutionErrors.NotOfType(type, value);
        }

        var child = new ResultObject(field.GetSubPlan(type, collector))
        {
            Parent = node,
            ParentIndex = index,
            NonNullInParent = nonNull,
        };
        Set(node, index, child);
        ExecuteFields(child, value);
    }

    private void CompleteList(ListType type, FieldPlan field, ResultNode node, int index, bool nonNull, object value)
    {
        var itemType = type.OfType;
        ResultList list;
        if (value is JsonElement json)
        {
            if (json.ValueKind != JsonValueKind.Array)
            {
                throw ExecutionErrors.NotIterable(field);
            }

            list = NewList(node, index, nonNull, json.GetArrayLength());
            foreach (var item in json.EnumerateArray())
            {
                Complete(itemType, field, list, list.Add(), item);
                if (list.IsNulled)
                {
                    return;
                }
            }

            return;
        }

        if (!InputCoercion.IsList(value))
        {
            throw ExecutionErrors.NotIterable(field);
        }

        if (value is IReadOnlyList<object?> items)
        {
            var count = items.Count;
            list = NewList(node, index, nonNull, count);
            for (var i = 0; i < count; i++)
            {
                Complete(itemType, field, list, list.Add(), items[i]);
                if (list.IsNulled)
                {
                    return;
                }
            }

            return;
        }

        list = NewList(node, index, nonNull, value is System.Collections.ICollection collection ? collection.Count : 4);
        foreach (var item in (System.Collections.IEnumerable)value)
        {
            Complete(itemType, field, list, list.Add(), item);
            if (list.IsNulled)
            {
                return;
            }
        }
    }

    private static ResultList NewList(ResultNode node, int index, bool nonNull, int capacity)
    {
        var list = new ResultList(capacity) { Parent = node, ParentIndex = index, NonNullInParent = nonNull };
        Set(node, index, list);
        return list;
    }

    /// <summary>ResolveAbstractType: https://spec.graphql.org/September2025/#ResolveAbstractType()</summary>
    private ObjectType ResolveRuntimeType(NamedType abstractType, FieldPlan field, object value)
    {
        var resolver = abstractType switch
        {
            InterfaceType iface => iface.ResolveType,
            UnionType union => union.ResolveType,
            _ => null,
        };
        var typeName = resolver is not null ? resolver(value) : DefaultResolvers.TypeName(Schema, abstractType, value);
        if (typeName is null)
        {
            throw ExecutionErrors.UnresolvedAbstractType(abstractType, field);
        }

        return Schema.GetType(typeName) switch
        {
            null => throw ExecutionErrors.UnknownRuntimeType(abstractType, typeName),
            ObjectType runtimeType when Schema.IsSubType(abstractType, runtimeType) => runtimeType,
            ObjectType runtimeType => throw ExecutionErrors.NotPossibleType(abstractType, runtimeType),
            _ => throw ExecutionErrors.NonObjectRuntimeType(abstractType, typeName),
        };
    }

    /// <summary>
    /// Handling Field Errors: https://spec.graphql.org/September2025/#sec-Handling-Execution-Errors
    /// The error is recorded at the field's path and the slot becomes null; a null in a Non-Null
    /// slot nulls the enclosing object or list in turn, up to the nearest nullable position.
    /// Errors under a position that is already null are dropped, as graphql-js drops them.
    /// </summary>
    private void FieldError(Exception exception, FieldPlan field, ResultNode node, int index, bool nonNullSlot)
    {
        if (node.IsInNulledBranch())
        {
            return;
        }

        errors.Add(Locate(exception, field, node, index));
        if (!propagateNulls)
        {
            return;
        }

        while (nonNullSlot)
        {
            node.IsNulled = true;
            if (node.Parent is not { } parent)
            {
                return;
            }

            nonNullSlot = node.NonNullInParent;
            index = node.ParentIndex;
            node = parent;
        }

        node.SetNull(index);
    }

    private static GraphQLError Locate(Exception exception, FieldPlan field, ResultNode node, int index)
    {
        if (exception is GraphQLException { Error: var error })
        {
            if (error.Path is not null)
            {
                return error;
            }

            return new GraphQLError(error.Message, error.Locations.Count > 0 ? error.Locations : field.Locations, PathOf(node, index), error.Extensions);
        }

        return new GraphQLError(exception.Message, field.Locations, PathOf(node, index));
    }

    /// <summary>The response path of a slot: response keys and list indices from the root.</summary>
    public static IReadOnlyList<object> PathOf(ResultNode node, int index)
    {
        var path = new List<object>();
        for (ResultNode? current = node; current is not null; current = current.Parent)
        {
            path.Add(current is ResultObject obj ? obj.Plan.Fields[index].ResponseName : index);
            index = current.ParentIndex;
        }

        path.Reverse();
        return path;
    }

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

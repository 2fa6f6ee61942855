using Federation.GraphQL.Types;

namespace Federation.GraphQL.Execution;

/// <summary>Executing fields: https://spec.graphql.org/September2025/#sec-Executing-Fields</summary>
internal sealed partial class OperationRun
{
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
}

namespace Federation.GraphQL.Execution;

/// <summary>Handling execution errors: https://spec.graphql.org/September2025/#sec-Handling-Execution-Errors</summary>
internal sealed partial class OperationRun
{
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
            // @experimental_disableErrorPropagation: the null stays where the error is, Non-Null or not.
            node.SetNull(index);
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
}

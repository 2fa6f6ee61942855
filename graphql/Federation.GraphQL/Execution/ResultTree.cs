namespace Federation.GraphQL.Execution;

/// <summary>
/// The response under construction: objects and lists that point back to the slot that holds
/// them, so a null can travel up to the nearest nullable position without a path object per
/// field (https://spec.graphql.org/September2025/#sec-Handling-Execution-Errors).
/// </summary>
internal abstract class ResultNode
{
    public ResultNode? Parent;

    public int ParentIndex;

    /// <summary>The slot holding this node has a Non-Null type: a null here nulls the parent too.</summary>
    public bool NonNullInParent;

    /// <summary>Set once an error nulled this node; its pending work is dropped, its errors too.</summary>
    public bool IsNulled;

    public abstract void SetNull(int index);

    /// <summary>True when this node or an ancestor was nulled by an error.</summary>
    public bool IsInNulledBranch()
    {
        for (var node = this; node is not null; node = node.Parent)
        {
            if (node.IsNulled)
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>An object value: one slot per response key of its selection plan, in plan order.</summary>
internal sealed class ResultObject(SelectionPlan plan) : ResultNode
{
    public readonly SelectionPlan Plan = plan;

    public readonly object?[] Values = plan.Fields.Length == 0 ? [] : new object?[plan.Fields.Length];

    public override void SetNull(int index) => Values[index] = null;
}

/// <summary>A list value.</summary>
internal sealed class ResultList(int capacity) : ResultNode
{
    public object?[] Items = capacity == 0 ? [] : new object?[capacity];

    public int Count;

    public override void SetNull(int index) => Items[index] = null;

    public int Add()
    {
        if (Count == Items.Length)
        {
            Array.Resize(ref Items, Math.Max(4, Count * 2));
        }

        return Count++;
    }
}

namespace Federation.Gateway.Planning;

/// <summary>
/// What the planner may fetch that clients may not select: the <c>@inaccessible</c> leaf fields a
/// <c>@requires</c> needs. They are not in <see cref="Api"/> (validation refuses them), so the
/// planner finds their type here; the answer is shaped by the client's operation, so their values
/// never reach it.
/// </summary>
internal sealed partial class PlanningSchema
{
    private readonly Dictionary<(string Type, string Field), string> hiddenLeaves = [];

    /// <summary>Records an <c>@inaccessible</c> field of a scalar or enum type, e.g. <c>Int!</c>.</summary>
    public PlanningSchema AddHiddenLeaf(string type, string field, string fieldType)
    {
        hiddenLeaves[(type, field)] = fieldType;
        return this;
    }

    /// <summary>The type of an <c>@inaccessible</c> leaf field the planner may fetch for a requirement; null for any other field.</summary>
    public string? HiddenLeafType(string type, string field) => hiddenLeaves.GetValueOrDefault((type, field));

    /// <summary>The labels of the supergraph's progressive <c>@override</c>s, distinct, in order.</summary>
    public IReadOnlyList<string> OverrideLabels => [.. overrideLabels.Values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary>Every field name of the API schema and of the hidden leaves: names a generated alias must not take.</summary>
    public IEnumerable<string> FieldNames()
    {
        foreach (var type in Api.Types)
        {
            if (type is GraphQL.Types.FieldsType fields)
            {
                foreach (var field in fields.Fields)
                {
                    yield return field.Name;
                }
            }
        }

        foreach (var (_, field) in hiddenLeaves.Keys)
        {
            yield return field;
        }
    }
}

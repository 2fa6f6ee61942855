using Federation.GraphQL.Language.Syntax;
using Federation.GraphQL.Types;

namespace Federation.GraphQL.Execution;

/// <summary>
/// CollectFields: "Before execution, the selection set is converted to a grouped field set by
/// calling CollectFields()" — https://spec.graphql.org/September2025/#CollectFields()
/// Fields are grouped by response key in first-seen order; @skip and @include are honoured;
/// a fragment is visited once per grouped field set; type conditions are matched against the
/// runtime object type.
/// </summary>
internal sealed class FieldCollector(
    Schema schema,
    IReadOnlyDictionary<string, FragmentDefinitionNode> fragments,
    VariableValues variables,
    FieldResolver defaultResolver)
{
    private readonly Dictionary<string, int> indexByKey = new(StringComparer.Ordinal);
    private readonly List<FieldPlan> grouped = [];
    private readonly HashSet<string> visitedFragments = new(StringComparer.Ordinal);

    public SelectionPlan CollectRoot(ObjectType rootType, SelectionSetNode selectionSet)
    {
        Visit(rootType, selectionSet);
        return Finish(rootType);
    }

    public SelectionPlan CollectSubfields(ObjectType runtimeType, FieldPlan field)
    {
        Visit(runtimeType, field.Node.SelectionSet);
        if (field.MoreNodes is { } more)
        {
            foreach (var node in more)
            {
                Visit(runtimeType, node.SelectionSet);
            }
        }

        return Finish(runtimeType);
    }

    private SelectionPlan Finish(ObjectType type)
    {
        var plan = new SelectionPlan(type, [.. grouped]);
        grouped.Clear();
        indexByKey.Clear();
        visitedFragments.Clear();
        return plan;
    }

    private void Visit(ObjectType runtimeType, SelectionSetNode? selectionSet)
    {
        if (selectionSet is null)
        {
            return;
        }

        foreach (var selection in selectionSet.Selections)
        {
            switch (selection)
            {
                case FieldNode field:
                    if (ShouldInclude(field))
                    {
                        AddField(runtimeType, field);
                    }

                    break;
                case InlineFragmentNode inline:
                    if (ShouldInclude(inline) && DoesFragmentConditionMatch(inline.TypeCondition, runtimeType))
                    {
                        Visit(runtimeType, inline.SelectionSet);
                    }

                    break;
                case FragmentSpreadNode spread:
                    if (!ShouldInclude(spread)
                        || !fragments.TryGetValue(spread.Name.Value, out var fragment)
                        || !DoesFragmentConditionMatch(fragment.TypeCondition, runtimeType)
                        || !visitedFragments.Add(spread.Name.Value))
                    {
                        break;
                    }

                    Visit(runtimeType, fragment.SelectionSet);
                    break;
            }
        }
    }

    private void AddField(ObjectType runtimeType, FieldNode field)
    {
        var key = field.ResponseName;
        if (indexByKey.TryGetValue(key, out var index))
        {
            (grouped[index].MoreNodes ??= []).Add(field);
            return;
        }

        var name = field.Name.Value;
        OutputField? definition;
        FieldResolver resolver;
        if (name == "__typename")
        {
            definition = null;
            resolver = defaultResolver;
        }
        else
        {
            definition = MetaFields.Find(schema, runtimeType, name) ?? runtimeType.GetField(name);
            if (definition is null)
            {
                // graphql-js leaves a field the type does not define out of the response.
                return;
            }

            resolver = definition.Resolver ?? defaultResolver;
        }

        indexByKey[key] = grouped.Count;
        grouped.Add(new FieldPlan(runtimeType, key, field, definition, resolver));
    }

    private bool DoesFragmentConditionMatch(NamedTypeNode? condition, ObjectType runtimeType)
    {
        if (condition is null)
        {
            return true;
        }

        var conditionType = schema.GetType(condition.Name.Value);
        if (ReferenceEquals(conditionType, runtimeType))
        {
            return true;
        }

        return conditionType is InterfaceType or UnionType && schema.IsSubType(conditionType, runtimeType);
    }

    /// <summary>https://spec.graphql.org/September2025/#sec--skip and #sec--include</summary>
    private bool ShouldInclude(SelectionNode selection) =>
        selection.Directives.Count == 0 || SkipInclude.ShouldInclude(selection.Directives, variables.Coerced);
}

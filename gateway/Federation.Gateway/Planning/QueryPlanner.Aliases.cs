using Federation.GraphQL.Language;
using Federation.GraphQL.Language.Syntax;
using Federation.GraphQL.Types;

namespace Federation.Gateway.Planning;

/// <summary>
/// The aliases the planner generates: selections of one response name whose types differ in the
/// subgraph (<see cref="ShapeAliasing"/>), and the fields a <c>@requires</c> needs with arguments,
/// each requirement's under an alias of its own so that two requirements of one field with other
/// arguments (<c>price(currency: CNY)</c>, <c>price(currency: EUR)</c>) — or a requirement and the
/// client's own selection of the field — never share a value.
/// </summary>
internal sealed partial class QueryPlanner
{
    /// <summary>Keeps apart, in each fetch of the tree, the selections the subgraph would reject merged.</summary>
    private void AliasShapes(FetchGroup group, OperationType operation, GeneratedAliases aliases)
    {
        var renames = new List<AliasRename>();
        var parent = group.IsEntity ? null : Schema.Api.GetRootType(operation);
        var selection = ShapeAliasing.Apply(Schema, group.Subgraph, parent, group.BuildSelection(), aliases, renames);
        if (renames.Count > 0)
        {
            // Deepest first: renaming a level must not move the objects a deeper rename walks to.
            group.Seal(selection, [.. renames.OrderByDescending(r => r.Path.Count)]);
        }

        foreach (var child in group.Children)
        {
            AliasShapes(child, OperationType.Query, aliases);
        }
    }

    private sealed partial class Walk
    {
        private GeneratedAliases? aliases;

        /// <summary>The names the client's operation gives as aliases: a required field of such a name goes under an alias of its own.</summary>
        private readonly HashSet<string> clientAliases = new(StringComparer.Ordinal);

        /// <summary>Per required field with arguments (entity type, place in the requirement, field and arguments), its alias in this plan.</summary>
        private readonly Dictionary<string, string> argumentAliases = new(StringComparer.Ordinal);

        /// <summary>Notes the <c>@inaccessible</c> fields of a requirement, which an error about the representation must not name.</summary>
        private static void Unnamed(PlanningSchema schema, FetchGroup child, string type, SelectionSetNode required)
        {
            foreach (var selection in required.Selections)
            {
                if (selection is FieldNode field && schema.HiddenLeafType(type, field.Name.Value) is not null)
                {
                    child.Unnamed.Add(field.Name.Value);
                }
            }
        }

        /// <summary>Aliases that take no name the operation uses (fields, aliases) nor any field name of the schema.</summary>
        private GeneratedAliases NewAliases(PlanningSchema schema, OperationDefinitionNode operation, IReadOnlyDictionary<string, FragmentDefinitionNode> fragments)
        {
            var taken = new HashSet<string>(schema.FieldNames(), StringComparer.Ordinal);
            Names(operation.SelectionSet, taken);
            foreach (var fragment in fragments.Values)
            {
                Names(fragment.SelectionSet, taken);
            }

            return new GeneratedAliases(taken);
        }

        private void Names(SelectionSetNode set, HashSet<string> taken)
        {
            foreach (var selection in set.Selections)
            {
                switch (selection)
                {
                    case FieldNode field:
                        taken.Add(field.Name.Value);
                        taken.Add(field.ResponseName);
                        if (field.Alias is not null)
                        {
                            clientAliases.Add(field.ResponseName);
                        }

                        if (field.SelectionSet is { } nested)
                        {
                            Names(nested, taken);
                        }

                        break;
                    case InlineFragmentNode fragment:
                        Names(fragment.SelectionSet, taken);
                        break;
                }
            }
        }

        /// <summary>
        /// The requirement <paramref name="required"/> of an entity of <paramref name="type"/> with
        /// each field that has arguments (or whose name the client gives another field) under its alias: the same alias for the same field and
        /// arguments throughout the plan, so equal requirements share a value and different ones do not.
        /// The representation sends the value under the field's name.
        /// </summary>
        private SelectionSetNode AliasArguments(string type, SelectionSetNode required) => AliasIn(type + "|", required);

        private SelectionSetNode AliasIn(string place, SelectionSetNode set)
        {
            List<SelectionNode>? rewritten = null;
            for (var i = 0; i < set.Selections.Count; i++)
            {
                var node = set.Selections[i];
                SelectionNode result = node;
                switch (node)
                {
                    case FieldNode field:
                        var aliased = field;
                        var generator = Aliases;
                        if (field.Arguments.Count > 0 || clientAliases.Contains(field.Name.Value))
                        {
                            // With arguments, or under a name the client gives another field: a value of its own.
                            var key = place + Printer.Print(field with { Alias = null, SelectionSet = null, Location = null });
                            if (!argumentAliases.TryGetValue(key, out var alias))
                            {
                                argumentAliases[key] = alias = generator.For(field.Name.Value);
                            }

                            aliased = field with { Alias = new NameNode(alias) };
                        }

                        if (field.SelectionSet is { } nested)
                        {
                            var inner = AliasIn(place + aliased.ResponseName + ".", nested);
                            if (!ReferenceEquals(inner, nested))
                            {
                                aliased = aliased with { SelectionSet = inner };
                            }
                        }

                        result = aliased;
                        break;
                    case InlineFragmentNode fragment:
                        var selections = AliasIn(place + "..." + fragment.TypeCondition?.Name.Value + ".", fragment.SelectionSet);
                        if (!ReferenceEquals(selections, fragment.SelectionSet))
                        {
                            result = fragment with { SelectionSet = selections };
                        }

                        break;
                }

                if (!ReferenceEquals(result, node))
                {
                    rewritten ??= [.. set.Selections];
                    rewritten[i] = result;
                }
            }

            return rewritten is null ? set : set with { Selections = rewritten };
        }
    }
}

using Federation.GraphQL.Execution;
using Federation.GraphQL.Language.Syntax;

namespace Federation.Gateway.Authorization;

/// <summary>
/// The document the planner sees (DESIGN.md decision 1, as Apollo Router's authorization filter):
/// denied fields removed, so no subgraph is asked for them; a selection set left empty keeps the
/// parent valid with <c>__typename</c>; beside a division-scoped field the row's division is
/// selected under a reserved alias so shaping can check each row. The client's document is
/// untouched (the engine shapes the answer with it); only the chosen operation and the fragments
/// are kept.
/// </summary>
internal static class DocumentFilter
{
    /// <summary>The reserved alias prefix for the row's division; the type name follows, so divisions of several types in one selection never clash.</summary>
    public const string DivisionAliasPrefix = "_authorizationDivisionOf";

    private static readonly FieldNode Typename = new(null, new NameNode("__typename"), [], [], null);

    /// <param name="subjects">Per field node, the data subjects' identifiers to select beside its objects for the audit trail (<see cref="OperationAudit"/>); null when none.</param>
    public static DocumentNode Apply(DocumentNode document, string? operationName, IReadOnlyDictionary<FieldNode, FieldRule> rules, IReadOnlyDictionary<FieldNode, SubjectSelection[]>? subjects = null)
    {
        var definitions = new List<DefinitionNode>(document.Definitions.Count);
        if (OperationSelection.Get(document, operationName, out _, out _) is { } operation)
        {
            definitions.Add(operation with { SelectionSet = Filter(operation.SelectionSet, rules, subjects) });
        }

        foreach (var fragment in document.Definitions.OfType<FragmentDefinitionNode>())
        {
            definitions.Add(fragment with { SelectionSet = Filter(fragment.SelectionSet, rules, subjects) });
        }

        return new DocumentNode(definitions);
    }

    public static string DivisionAlias(string typeName) => DivisionAliasPrefix + typeName;

    private static SelectionSetNode Filter(SelectionSetNode selectionSet, IReadOnlyDictionary<FieldNode, FieldRule> rules, IReadOnlyDictionary<FieldNode, SubjectSelection[]>? subjects)
    {
        var selections = new List<SelectionNode>(selectionSet.Selections.Count + 1);
        var changed = false;
        FieldWithinDivision? scoped = null;
        foreach (var selection in selectionSet.Selections)
        {
            switch (selection)
            {
                case FieldNode field:
                    if (rules.TryGetValue(field, out var rule))
                    {
                        if (rule is DeniedField)
                        {
                            changed = true;
                            continue;
                        }

                        if (rule is FieldWithinDivision within)
                        {
                            scoped = within;
                        }
                    }

                    var fieldSet = field.SelectionSet is { } set ? Filter(set, rules, subjects) : null;
                    if (fieldSet is not null && subjects is not null && subjects.TryGetValue(field, out var identifiers))
                    {
                        fieldSet = WithIdentifiers(fieldSet, identifiers);
                    }

                    changed |= !ReferenceEquals(fieldSet, field.SelectionSet);
                    selections.Add(ReferenceEquals(fieldSet, field.SelectionSet) ? field : field with { SelectionSet = fieldSet });
                    break;
                case InlineFragmentNode inline:
                    var inlineSet = Filter(inline.SelectionSet, rules, subjects);
                    changed |= !ReferenceEquals(inlineSet, inline.SelectionSet);
                    selections.Add(ReferenceEquals(inlineSet, inline.SelectionSet) ? inline : inline with { SelectionSet = inlineSet });
                    break;
                default:
                    selections.Add(selection);
                    break;
            }
        }

        if (scoped is not null)
        {
            selections.Add(DivisionSelection(scoped.Alias, scoped.DivisionField));
            changed = true;
        }

        if (!changed)
        {
            return selectionSet;
        }

        if (selections.Count == 0)
        {
            selections.Add(Typename);
        }

        return new SelectionSetNode(selections);
    }

    /// <summary>
    /// <paramref name="selectionSet"/> with each subject's identifier under its reserved alias:
    /// <c>_auditSubjectOfPerson: idNumber</c>, or <c>... on Person { _auditSubjectOfPerson: idNumber }</c>
    /// where the field's type is abstract — so the trail knows whose data the objects are, selected by
    /// the client or not. The client's document does not have it: the answer never shows it.
    /// </summary>
    private static SelectionSetNode WithIdentifiers(SelectionSetNode selectionSet, SubjectSelection[] identifiers)
    {
        var selections = new List<SelectionNode>(selectionSet.Selections.Count + identifiers.Length);
        selections.AddRange(selectionSet.Selections);
        foreach (var identifier in identifiers)
        {
            var field = new FieldNode(new NameNode(identifier.Alias), new NameNode(identifier.Field), [], [], null);
            selections.Add(identifier.Conditional
                ? new InlineFragmentNode(new NamedTypeNode(new NameNode(identifier.TypeName)), [], new SelectionSetNode([field]))
                : field);
        }

        return new SelectionSetNode(selections);
    }

    /// <summary><c>alias: registeredDivision { code }</c> for the path <c>registeredDivision.code</c>.</summary>
    private static FieldNode DivisionSelection(string alias, string path)
    {
        var segments = path.Split('.');
        SelectionSetNode? inner = null;
        for (var i = segments.Length - 1; i >= 1; i--)
        {
            inner = new SelectionSetNode([new FieldNode(null, new NameNode(segments[i]), [], [], inner)]);
        }

        return new FieldNode(new NameNode(alias), new NameNode(segments[0]), [], [], inner);
    }
}

using Federation.Gateway.Catalogue;
using Federation.GraphQL.Execution;
using Federation.GraphQL.Language.Syntax;
using Federation.GraphQL.Types;

namespace Federation.Gateway.Authorization;

/// <summary>
/// One place a field is selected in the operation as the engine would run it: a named fragment
/// spread in two places gives two occurrences of its fields. <see cref="Parent"/> is the index of
/// the enclosing field's occurrence (-1 at the root), so the response path is read upwards;
/// <see cref="Conditions"/> are the directive lists between the enclosing field and this one
/// (spreads, inline fragments, the field itself) that may carry <c>@skip</c>/<c>@include</c>.
/// </summary>
internal sealed record FieldOccurrence(
    FieldNode Node,
    NamedType ParentType,
    int Parent,
    int Resource,
    IReadOnlyList<IReadOnlyList<DirectiveNode>> Conditions);

/// <summary>
/// Every field occurrence of one operation with the catalogue resource covering it: what the
/// decision needs, independent of the caller, so it is made once per document and kept.
/// </summary>
internal sealed class OperationFields
{
    private OperationFields(DocumentNode document, OperationDefinitionNode operation, List<FieldOccurrence> occurrences, List<CatalogueResource> resources)
    {
        Document = document;
        Operation = operation;
        Occurrences = occurrences;
        Resources = resources;
    }

    /// <summary>The document walked: shaping finds its rules by this document's field nodes, so an analysis serves only this very tree.</summary>
    public DocumentNode Document { get; }

    public OperationDefinitionNode Operation { get; }

    public IReadOnlyList<FieldOccurrence> Occurrences { get; }

    /// <summary>The resources the operation touches, each once, in the order first met; <see cref="FieldOccurrence.Resource"/> indexes this list.</summary>
    public IReadOnlyList<CatalogueResource> Resources { get; }

    /// <summary>The response path of an occurrence without list indices, as reported for a denial.</summary>
    public IReadOnlyList<object> PathOf(int occurrence)
    {
        var path = new List<object>();
        for (var at = occurrence; at >= 0; at = Occurrences[at].Parent)
        {
            path.Add(Occurrences[at].Node.ResponseName);
        }

        path.Reverse();
        return path;
    }

    /// <summary>Walks the operation of a validated <paramref name="document"/>; null when the document has no such operation.</summary>
    public static OperationFields? Of(DocumentNode document, string? operationName, CatalogueFields fields)
    {
        var operation = OperationSelection.Get(document, operationName, out var fragments, out _);
        if (operation is null || fields.Schema.GetRootType(operation.Operation) is not { } root)
        {
            return null;
        }

        var walk = new Walk(fields, fragments);
        walk.SelectionSet(operation.SelectionSet, root, -1, []);
        return new OperationFields(document, operation, walk.Occurrences, walk.Resources);
    }

    private sealed class Walk(CatalogueFields fields, IReadOnlyDictionary<string, FragmentDefinitionNode> fragments)
    {
        private readonly Dictionary<CatalogueResource, int> resourceIndex = new(ReferenceEqualityComparer.Instance);

        public List<FieldOccurrence> Occurrences { get; } = [];

        public List<CatalogueResource> Resources { get; } = [];

        public void SelectionSet(SelectionSetNode selectionSet, NamedType parentType, int parent, IReadOnlyList<IReadOnlyList<DirectiveNode>> conditions)
        {
            foreach (var selection in selectionSet.Selections)
            {
                switch (selection)
                {
                    case FieldNode field:
                        Field(field, parentType, parent, With(conditions, field.Directives));
                        break;
                    case InlineFragmentNode inline:
                        var inlineType = inline.TypeCondition is { } condition ? fields.Schema.GetType(condition.Name.Value) ?? parentType : parentType;
                        SelectionSet(inline.SelectionSet, inlineType, parent, With(conditions, inline.Directives));
                        break;
                    case FragmentSpreadNode spread when fragments.TryGetValue(spread.Name.Value, out var fragment):
                        var fragmentType = fields.Schema.GetType(fragment.TypeCondition.Name.Value) ?? parentType;
                        SelectionSet(fragment.SelectionSet, fragmentType, parent, With(conditions, spread.Directives));
                        break;
                }
            }
        }

        private void Field(FieldNode node, NamedType parentType, int parent, IReadOnlyList<IReadOnlyList<DirectiveNode>> conditions)
        {
            // __typename and the introspection entry points are not in the type's field list: not the catalogue's business.
            if (parentType is not FieldsType type || type.GetField(node.Name.Value) is not { } field)
            {
                return;
            }

            var resource = fields.ResourceOf(field) is { } covering ? IndexOf(covering) : -1;
            var index = Occurrences.Count;
            Occurrences.Add(new FieldOccurrence(node, parentType, parent, resource, conditions));
            if (node.SelectionSet is { } selectionSet)
            {
                SelectionSet(selectionSet, field.Type.Named, index, []);
            }
        }

        private int IndexOf(CatalogueResource resource)
        {
            if (!resourceIndex.TryGetValue(resource, out var index))
            {
                index = Resources.Count;
                resourceIndex[resource] = index;
                Resources.Add(resource);
            }

            return index;
        }

        private static IReadOnlyList<IReadOnlyList<DirectiveNode>> With(IReadOnlyList<IReadOnlyList<DirectiveNode>> conditions, IReadOnlyList<DirectiveNode> directives) =>
            directives.Count == 0 ? conditions : [.. conditions, directives];
    }
}

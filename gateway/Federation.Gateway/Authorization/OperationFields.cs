using Federation.Gateway.Catalogue;
using Federation.GraphQL.Execution;
using Federation.GraphQL.Language.Syntax;
using Federation.GraphQL.Types;

namespace Federation.Gateway.Authorization;

/// <summary>
/// One field node of the document, with what reading it touches: the resource of the field, the
/// resources of the arguments and input fields written as literals, and the places a variable
/// gives an argument or input field its value (decided per request, with the request's values).
/// A node inside a fragment is one entry however often the fragment is spread.
/// </summary>
internal sealed class OperationField(int index, FieldNode node, NamedType parentType, int resource, int[] literalResources, VariablePosition[] variables)
{
    /// <summary>The entry's number in <see cref="OperationFields.Fields"/>; plan keys name fields denied for their arguments by it.</summary>
    public int Index => index;

    public FieldNode Node => node;

    public NamedType ParentType => parentType;

    /// <summary>The index in <see cref="OperationFields.Resources"/> of the field's resource; -1 for a field no resource covers.</summary>
    public int Resource => resource;

    /// <summary>The resources (indices) of the arguments and input fields the document writes out, in document order.</summary>
    public int[] LiteralResources => literalResources;

    public VariablePosition[] Variables => variables;

    /// <summary>The field's selection set, as written (empty for a leaf).</summary>
    public Selection[] Selections { get; internal set; } = [];

    public bool UsesArguments => literalResources.Length > 0 || variables.Length > 0;
}

/// <summary>
/// A variable in the place of an argument or input field: when the request provides it (or the
/// operation gives it a default), the place's own resource is used, and so is every input field the
/// value holds.
/// </summary>
/// <param name="Type">The type of the place (the argument's, the input field's, a list's item type).</param>
/// <param name="Resource">The index of the argument's or input field's resource; -1 for a list item, which has none of its own.</param>
internal sealed record VariablePosition(string Variable, GraphQLType Type, int Resource);

/// <summary>A selection as written: a field, an inline fragment or a fragment spread, with its directives (for <c>@skip</c>/<c>@include</c>).</summary>
internal abstract record Selection(IReadOnlyList<DirectiveNode> Directives);

internal sealed record FieldSelection(OperationField Field) : Selection(Field.Node.Directives);

internal sealed record InlineSelection(IReadOnlyList<DirectiveNode> Directives, Selection[] Selections) : Selection(Directives);

internal sealed record SpreadSelection(IReadOnlyList<DirectiveNode> Directives, string Fragment) : Selection(Directives);

/// <summary>
/// The fields of one operation with the catalogue resources they touch: what the decision needs,
/// independent of the caller and of the variables' values, so it is made once per document and kept.
/// Linear in the document: the operation and each fragment it reaches are analysed once, and a
/// spread refers to its fragment's analysis instead of repeating it — a document whose fragments
/// each spread the next twice costs as much as it is long.
/// </summary>
internal sealed class OperationFields
{
    private readonly Dictionary<CatalogueResource, int> resourceIndex;

    private OperationFields(DocumentNode document, OperationDefinitionNode operation, Selection[] selections, Dictionary<string, Selection[]> fragments, List<OperationField> fields, List<CatalogueResource> resources, Dictionary<CatalogueResource, int> resourceIndex, int steps)
    {
        this.resourceIndex = resourceIndex;
        Document = document;
        Operation = operation;
        Selections = selections;
        Fragments = fragments;
        Fields = fields;
        Resources = resources;
        Steps = steps;
    }

    /// <summary>The document walked: shaping finds its rules by this document's field nodes, so an analysis serves only this very tree.</summary>
    public DocumentNode Document { get; }

    public OperationDefinitionNode Operation { get; }

    /// <summary>The operation's selection set.</summary>
    public Selection[] Selections { get; }

    /// <summary>Each fragment the operation reaches, analysed once, by name.</summary>
    public IReadOnlyDictionary<string, Selection[]> Fragments { get; }

    /// <summary>Every field node the operation reaches, each once.</summary>
    public IReadOnlyList<OperationField> Fields { get; }

    /// <summary>
    /// The resources the operation may touch, each once, in the order first met: of its fields, of the
    /// arguments and input fields it writes, and of every input field a variable could fill.
    /// </summary>
    public IReadOnlyList<CatalogueResource> Resources { get; }

    /// <summary>The index of <paramref name="resource"/> in <see cref="Resources"/>; -1 when the operation cannot touch it.</summary>
    public int IndexOf(CatalogueResource resource) => resourceIndex.GetValueOrDefault(resource, -1);

    /// <summary>The work the analysis did (selections, argument values and input fields visited): linear in the document.</summary>
    internal int Steps { get; }

    private OperationAudit? audit;

    /// <summary>What the audit trail needs of the operation, made on first use and kept with this analysis (per document).</summary>
    public OperationAudit Audit(CatalogueFields fields, bool subjects) =>
        Volatile.Read(ref audit) ?? Interlocked.CompareExchange(ref audit, OperationAudit.Of(this, fields, subjects), null) ?? audit!;

    /// <summary>Walks the operation of a validated <paramref name="document"/>; null when the document has no such operation.</summary>
    public static OperationFields? Of(DocumentNode document, string? operationName, CatalogueFields fields)
    {
        var operation = OperationSelection.Get(document, operationName, out var fragments, out _);
        if (operation is null || fields.Schema.GetRootType(operation.Operation) is not { } root)
        {
            return null;
        }

        var walk = new Walk(fields, fragments);
        var selections = walk.SelectionSet(operation.SelectionSet, root);
        return new OperationFields(document, operation, selections, walk.Analysed, walk.Fields, walk.Resources, walk.ResourceIndex, walk.Steps);
    }

    private sealed class Walk(CatalogueFields fields, IReadOnlyDictionary<string, FragmentDefinitionNode> fragments)
    {
        private readonly List<int> literals = [];
        private readonly List<VariablePosition> variables = [];

        public List<OperationField> Fields { get; } = [];

        public List<CatalogueResource> Resources { get; } = [];

        public Dictionary<string, Selection[]> Analysed { get; } = new(StringComparer.Ordinal);

        public Dictionary<CatalogueResource, int> ResourceIndex { get; } = new(ReferenceEqualityComparer.Instance);

        public int Steps { get; private set; }

        public Selection[] SelectionSet(SelectionSetNode selectionSet, NamedType parentType)
        {
            var selections = new List<Selection>(selectionSet.Selections.Count);
            foreach (var selection in selectionSet.Selections)
            {
                Steps++;
                switch (selection)
                {
                    case FieldNode node:
                        if (Field(node, parentType) is { } field)
                        {
                            selections.Add(new FieldSelection(field));
                        }

                        break;
                    case InlineFragmentNode inline:
                        var inlineType = inline.TypeCondition is { } condition ? fields.Schema.GetType(condition.Name.Value) ?? parentType : parentType;
                        selections.Add(new InlineSelection(inline.Directives, SelectionSet(inline.SelectionSet, inlineType)));
                        break;
                    case FragmentSpreadNode spread when fragments.TryGetValue(spread.Name.Value, out var fragment):
                        Fragment(fragment, parentType);
                        selections.Add(new SpreadSelection(spread.Directives, spread.Name.Value));
                        break;
                }
            }

            return [.. selections];
        }

        /// <summary>A fragment is analysed once, where it is first spread; its type condition fixes its fields' parent type wherever it is spread.</summary>
        private void Fragment(FragmentDefinitionNode fragment, NamedType parentType)
        {
            var name = fragment.Name.Value;
            if (Analysed.ContainsKey(name))
            {
                return;
            }

            // Marked before the walk, so a (not validated) cycle ends here.
            Analysed[name] = [];
            var type = fields.Schema.GetType(fragment.TypeCondition.Name.Value) ?? parentType;
            Analysed[name] = SelectionSet(fragment.SelectionSet, type);
        }

        private OperationField? Field(FieldNode node, NamedType parentType)
        {
            // __typename and the introspection entry points are not in the type's field list: not the catalogue's business.
            if (parentType is not FieldsType type || type.GetField(node.Name.Value) is not { } field)
            {
                return null;
            }

            literals.Clear();
            variables.Clear();
            foreach (var argument in node.Arguments)
            {
                Steps++;
                if (field.GetArgument(argument.Name.Value) is { } definition)
                {
                    Value(argument.Value, definition.Type, fields.ResourceOf(definition));
                }
            }

            var entry = new OperationField(
                Fields.Count,
                node,
                parentType,
                fields.ResourceOf(field) is { } covering ? IndexOf(covering) : -1,
                [.. literals],
                [.. variables]);
            Fields.Add(entry);
            if (node.SelectionSet is { } selectionSet)
            {
                entry.Selections = SelectionSet(selectionSet, field.Type.Named);
            }

            return entry;
        }

        /// <summary>
        /// A value written for an argument or input field of <paramref name="type"/>: the place's own
        /// resource is used unless a variable fills it (then only if the request provides it), and so are
        /// the input fields an object value writes, at any depth.
        /// </summary>
        private void Value(ValueNode value, GraphQLType type, CatalogueResource? resource)
        {
            Steps++;
            if (value is VariableNode variable)
            {
                variables.Add(new VariablePosition(variable.Name.Value, type, resource is null ? -1 : IndexOf(resource)));
                if (type.Named is InputObjectType input)
                {
                    // The request's value may fill any of these: decided with the others, used only if filled.
                    foreach (var within in fields.ResourcesWithin(input))
                    {
                        IndexOf(within);
                    }
                }

                return;
            }

            if (resource is not null)
            {
                literals.Add(IndexOf(resource));
            }

            var itemType = Unwrapped(type);
            switch (value)
            {
                case ListValueNode list when itemType is ListType listType:
                    foreach (var item in list.Values)
                    {
                        Value(item, listType.OfType, null);
                    }

                    break;
                case ObjectValueNode obj when itemType.Named is InputObjectType input:
                    foreach (var field in obj.Fields)
                    {
                        Steps++;
                        if (input.GetField(field.Name.Value) is { } inputField)
                        {
                            Value(field.Value, inputField.Type, fields.ResourceOf(inputField));
                        }
                    }

                    break;
                case ListValueNode list:
                    // A list written where one item is expected cannot be valid; its items are read as items anyway.
                    foreach (var item in list.Values)
                    {
                        Value(item, itemType, null);
                    }

                    break;
            }
        }

        private static GraphQLType Unwrapped(GraphQLType type) => type is NonNullType nonNull ? nonNull.OfType : type;

        private int IndexOf(CatalogueResource resource)
        {
            if (!ResourceIndex.TryGetValue(resource, out var index))
            {
                index = Resources.Count;
                ResourceIndex[resource] = index;
                Resources.Add(resource);
            }

            return index;
        }
    }
}

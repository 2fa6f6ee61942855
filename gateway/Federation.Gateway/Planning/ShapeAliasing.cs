using Federation.GraphQL.Language.Syntax;
using Federation.GraphQL.Types;

namespace Federation.Gateway.Planning;

/// <summary>
/// Keeps apart, in one subgraph operation, selections of one response name whose types differ
/// in that subgraph: <c>... on Bank { holder } ... on Transit { holder }</c> where the subgraph
/// has <c>Bank.holder: String!</c> and <c>Transit.holder: String</c> is valid against the
/// supergraph (both <c>String</c>) but the subgraph's validation rejects it (fields of one
/// response name must have the same shape). The first shape keeps the name; each other shape is
/// sent under a generated alias (<c>holder__alias_0</c>), as Apollo's planner does, and the
/// fetch says how to rename it back (<see cref="AliasRename"/>). Fields of one response name and
/// one shape are merged by the subgraph, so their selections are checked together, a level down.
/// </summary>
internal static class ShapeAliasing
{
    /// <param name="parent">The type the selection is on; null for an entity fetch's <c>... on T</c> fragments.</param>
    public static SelectionSetNode Apply(
        PlanningSchema schema,
        string subgraph,
        NamedType? parent,
        SelectionSetNode selection,
        GeneratedAliases aliases,
        List<AliasRename> renames) =>
        Rewrite(new Context(schema, subgraph, aliases, renames), parent, selection, new Level(), []);

    /// <summary>What the subgraph's validation compares for two fields of one response name: the wrapping, and the type itself for a leaf.</summary>
    public static string Shape(string typeText, NamedType named) =>
        named is ObjectType or InterfaceType or UnionType ? typeText.Replace(named.Name, "", StringComparison.Ordinal) : typeText;

    private sealed record Context(PlanningSchema Schema, string Subgraph, GeneratedAliases Aliases, List<AliasRename> Renames);

    /// <summary>The response names of one level of the subgraph's answer, looking through fragments: per name, one slot per shape.</summary>
    private sealed class Level
    {
        public Dictionary<string, List<Slot>> Names { get; } = new(StringComparer.Ordinal);
    }

    /// <summary>A shape of a response name: sent under <see cref="Alias"/> (null: its own name), its selections one level down.</summary>
    private sealed record Slot(string Shape, string? Alias, Level Children);

    private static SelectionSetNode Rewrite(Context context, NamedType? parent, SelectionSetNode set, Level level, IReadOnlyList<string> path)
    {
        List<SelectionNode>? rewritten = null;
        for (var i = 0; i < set.Selections.Count; i++)
        {
            var node = set.Selections[i];
            SelectionNode result = node switch
            {
                FieldNode field => Field(context, parent, field, level, path),
                InlineFragmentNode fragment => Fragment(context, parent, fragment, level, path),
                _ => node,
            };
            if (!ReferenceEquals(result, node))
            {
                rewritten ??= [.. set.Selections];
                rewritten[i] = result;
            }
        }

        return rewritten is null ? set : set with { Selections = rewritten };
    }

    private static InlineFragmentNode Fragment(Context context, NamedType? parent, InlineFragmentNode fragment, Level level, IReadOnlyList<string> path)
    {
        var type = fragment.TypeCondition is { } condition ? context.Schema.Api.GetType(condition.Name.Value) ?? parent : parent;
        var selections = Rewrite(context, type, fragment.SelectionSet, level, path);
        return ReferenceEquals(selections, fragment.SelectionSet) ? fragment : fragment with { SelectionSet = selections };
    }

    private static FieldNode Field(Context context, NamedType? parent, FieldNode field, Level level, IReadOnlyList<string> path)
    {
        var name = field.Name.Value;
        var definition = (parent as FieldsType)?.GetField(name);
        var shape = name == "__typename"
            ? "String!"
            : definition is not null
                ? Shape(context.Schema.FieldTypeIn(context.Subgraph, parent!.Name, name) ?? definition.Type.ToString(), definition.Type.Named)
                : parent is not null && context.Schema.HiddenLeafType(parent.Name, name) is { } hidden
                    ? hidden
                    : "";
        if (!level.Names.TryGetValue(field.ResponseName, out var slots))
        {
            level.Names[field.ResponseName] = slots = [];
        }

        var slot = slots.Find(s => s.Shape == shape);
        if (slot is null)
        {
            // The first shape keeps the client's name; another one goes under an alias of its own.
            slot = new Slot(shape, slots.Count == 0 ? null : context.Aliases.For(name), new Level());
            slots.Add(slot);
            if (slot.Alias is not null)
            {
                context.Renames.Add(new AliasRename(path, slot.Alias, field.ResponseName));
            }
        }

        var result = slot.Alias is null ? field : field with { Alias = new NameNode(slot.Alias) };
        if (field.SelectionSet is { } selections)
        {
            var nested = Rewrite(context, definition?.Type.Named, selections, slot.Children, [.. path, slot.Alias ?? field.ResponseName]);
            if (!ReferenceEquals(nested, selections))
            {
                result = result with { SelectionSet = nested };
            }
        }

        return result;
    }
}

using Federation.GraphQL.Language.Syntax;

namespace Federation.Gateway.Planning;

/// <summary>What a fetch selects once the walk is over, and where the representations of two requirements differ.</summary>
internal sealed partial class FetchGroup
{
    private SelectionSetNode? sealedSelection;

    /// <summary>The <c>@inaccessible</c> fields the representations carry: errors do not name them.</summary>
    public HashSet<string> Unnamed { get; } = new(StringComparer.Ordinal);

    /// <summary>The generated aliases of <see cref="BuildSelection"/> to rename back (<see cref="ShapeAliasing"/>); empty when none.</summary>
    public IReadOnlyList<AliasRename> Renames { get; private set; } = [];

    /// <summary>Fixes what the fetch selects to <paramref name="selection"/>, the walk's selection with its generated aliases.</summary>
    public void Seal(SelectionSetNode selection, IReadOnlyList<AliasRename> renames)
    {
        sealedSelection = selection;
        Renames = renames;
    }

    /// <summary>
    /// Whether the representations of <paramref name="type"/> already carry a field of
    /// <paramref name="fields"/> otherwise: the same field name under another response name, which
    /// the requirement aliases give a field with other arguments. A representation has one value
    /// per field name, so such a requirement needs an entity fetch of its own.
    /// </summary>
    public bool RequiresOtherwise(string type, SelectionSetNode fields) =>
        required.TryGetValue(type, out var builder) && Differ(builder.Build(), fields);

    private static bool Differ(SelectionSetNode existing, SelectionSetNode adding)
    {
        var have = new List<FieldNode>();
        Fields(existing, have);
        var add = new List<FieldNode>();
        Fields(adding, add);
        foreach (var field in add)
        {
            foreach (var other in have)
            {
                if (other.Name.Value != field.Name.Value)
                {
                    continue;
                }

                if (other.ResponseName != field.ResponseName)
                {
                    return true;
                }

                if (other.SelectionSet is { } otherSelections && field.SelectionSet is { } selections && Differ(otherSelections, selections))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The fields of a field set, looking through its inline fragments.</summary>
    private static void Fields(SelectionSetNode set, List<FieldNode> fields)
    {
        foreach (var selection in set.Selections)
        {
            switch (selection)
            {
                case FieldNode field:
                    fields.Add(field);
                    break;
                case InlineFragmentNode fragment:
                    Fields(fragment.SelectionSet, fields);
                    break;
            }
        }
    }
}

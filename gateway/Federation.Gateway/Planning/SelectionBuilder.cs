using Federation.GraphQL.Language;
using Federation.GraphQL.Language.Syntax;

namespace Federation.Gateway.Planning;

/// <summary>
/// A selection set a fetch is being given, built up while the planner walks the operation:
/// fields with the same response name and directives merge, inline fragments with the same type
/// condition and directives merge, order is first appearance.
/// </summary>
internal sealed class SelectionBuilder
{
    private readonly List<Entry> entries = [];
    private readonly Dictionary<string, Entry> byKey = new(StringComparer.Ordinal);

    public bool IsEmpty => entries.Count == 0;

    /// <summary>Adds the field (its alias, arguments and directives; not its selections) and returns where its selections go, or null for a leaf.</summary>
    public SelectionBuilder? AddField(FieldNode field, bool composite)
    {
        var key = "f:" + field.ResponseName + Directives(field.Directives);
        if (!byKey.TryGetValue(key, out var entry))
        {
            entry = new Entry(field with { SelectionSet = null, Location = null }, null, composite ? new SelectionBuilder() : null);
            byKey[key] = entry;
            entries.Add(entry);
        }
        else if (entry.Field!.Name.Value != field.Name.Value)
        {
            // Validation rules out clashes between the client's own fields, so the planner's key
            // or __typename meets a client alias: merging them would send a wrong representation.
            throw new QueryPlanningException(
                $"The response name \"{field.ResponseName}\" is an alias of {entry.Field.Name.Value} here, and the gateway needs it for {field.Name.Value}; choose another alias.");
        }
        else if ((entry.Field.Arguments.Count > 0 || field.Arguments.Count > 0) && !SameArguments(entry.Field, field))
        {
            // The client's field and one the gateway needs (a @requires field) with other arguments:
            // one response name cannot carry both, and sending either would answer the other wrongly.
            throw new QueryPlanningException(
                $"{field.Name.Value} is selected here with other arguments than the gateway needs for a @requires field; select it under an alias.");
        }

        return entry.Children;
    }

    public void AddTypename() => AddField(Typename, composite: false);

    /// <summary>Adds every field of a field set such as an entity key.</summary>
    public void AddFieldSet(SelectionSetNode fieldSet)
    {
        foreach (var selection in fieldSet.Selections)
        {
            if (selection is FieldNode field)
            {
                var children = AddField(field, field.SelectionSet is not null);
                if (field.SelectionSet is { } nested)
                {
                    children!.AddFieldSet(nested);
                }
            }
        }
    }

    /// <summary>Adds a field set that may hold inline fragments, such as a <c>@requires</c> selection.</summary>
    public void AddSelections(SelectionSetNode selections)
    {
        foreach (var selection in selections.Selections)
        {
            switch (selection)
            {
                case FieldNode field:
                    var children = AddField(field, field.SelectionSet is not null);
                    if (field.SelectionSet is { } nested)
                    {
                        children!.AddSelections(nested);
                    }

                    break;
                case InlineFragmentNode fragment:
                    AddFragment(fragment.TypeCondition?.Name.Value, fragment.Directives).AddSelections(fragment.SelectionSet);
                    break;
            }
        }
    }

    /// <summary>Returns where the selections of <c>... on T @directives</c> go.</summary>
    public SelectionBuilder AddFragment(string? typeCondition, IReadOnlyList<DirectiveNode> directives)
    {
        var key = "i:" + typeCondition + Directives(directives);
        if (!byKey.TryGetValue(key, out var entry))
        {
            var fragment = new InlineFragmentNode(
                typeCondition is null ? null : new NamedTypeNode(new NameNode(typeCondition)),
                directives,
                new SelectionSetNode([]));
            entry = new Entry(null, fragment, new SelectionBuilder());
            byKey[key] = entry;
            entries.Add(entry);
        }

        return entry.Children!;
    }

    /// <summary>The response names this level selects, looking through fragments.</summary>
    public void CollectResponseNames(ICollection<string> names)
    {
        foreach (var entry in entries)
        {
            if (entry.Field is { } field)
            {
                if (!names.Contains(field.ResponseName))
                {
                    names.Add(field.ResponseName);
                }
            }
            else
            {
                entry.Children!.CollectResponseNames(names);
            }
        }
    }

    public SelectionSetNode Build()
    {
        var selections = new List<SelectionNode>(entries.Count);
        foreach (var entry in entries)
        {
            if (entry.Field is { } field)
            {
                selections.Add(entry.Children is { } children ? field with { SelectionSet = children.Build() } : field);
            }
            else if (entry.Children!.Build() is { Selections.Count: > 0 } fragmentSelections)
            {
                // A fragment nothing was put in (the scope of a conditional fragment that needed no
                // required fields) is left out: `... on T {}` is not GraphQL.
                selections.Add(entry.Fragment! with { SelectionSet = fragmentSelections });
            }
        }

        return new SelectionSetNode(selections);
    }

    private static bool SameArguments(FieldNode a, FieldNode b)
    {
        if (a.Arguments.Count != b.Arguments.Count)
        {
            return false;
        }

        for (var i = 0; i < a.Arguments.Count; i++)
        {
            var match = b.Arguments.FirstOrDefault(x => x.Name.Value == a.Arguments[i].Name.Value);
            if (match is null || Printer.Print(match.Value) != Printer.Print(a.Arguments[i].Value))
            {
                return false;
            }
        }

        return true;
    }

    private static readonly FieldNode Typename = new(null, new NameNode("__typename"), [], [], null);

    private static string Directives(IReadOnlyList<DirectiveNode> directives)
    {
        if (directives.Count == 0)
        {
            return "";
        }

        var text = "";
        foreach (var directive in directives)
        {
            text += " " + Printer.Print(directive);
        }

        return text;
    }

    private sealed record Entry(FieldNode? Field, InlineFragmentNode? Fragment, SelectionBuilder? Children);
}

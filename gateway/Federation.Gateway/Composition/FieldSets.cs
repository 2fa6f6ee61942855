using Federation.GraphQL;
using Federation.GraphQL.Language;
using Federation.GraphQL.Language.Syntax;

namespace Federation.Gateway.Composition;

/// <summary>
/// The field sets of <c>@key</c>, <c>@requires</c> and <c>@provides</c> (<c>id</c>,
/// <c>a { b }</c>, <c>... on T { x }</c>) read against a subgraph's types.
/// </summary>
internal static class FieldSets
{
    /// <summary>The selections of a field set, or null when its text does not parse.</summary>
    public static SelectionSetNode? Parse(string text)
    {
        try
        {
            var document = Parser.Parse("{" + text + "}", ParserOptions.Default);
            return document.Definitions is [OperationDefinitionNode operation] ? operation.SelectionSet : null;
        }
        catch (GraphQLSyntaxException)
        {
            return null;
        }
    }

    /// <summary>
    /// Each field selection of <paramref name="selections"/> with the type it is selected on and
    /// the field it names there (null when that type has no such field); nested selections follow.
    /// </summary>
    public static IEnumerable<FieldSetSelection> Walk(SubgraphType parent, SelectionSetNode selections)
    {
        foreach (var selection in selections.Selections)
        {
            switch (selection)
            {
                case FieldNode node:
                    var field = node.Name.Value == "__typename" ? null : parent.Field(node.Name.Value);
                    yield return new FieldSetSelection(parent, node, field);
                    if (node.SelectionSet is { } nested && field is not null && parent.Subgraph.Type(NamedType(field.Type)) is { } inner)
                    {
                        foreach (var innerSelection in Walk(inner, nested))
                        {
                            yield return innerSelection;
                        }
                    }

                    break;
                case InlineFragmentNode fragment:
                    var target = fragment.TypeCondition is { } condition ? parent.Subgraph.Type(condition.Name.Value) : parent;
                    if (target is not null)
                    {
                        foreach (var innerSelection in Walk(target, fragment.SelectionSet))
                        {
                            yield return innerSelection;
                        }
                    }

                    break;
            }
        }
    }

    /// <summary>The fields a field set names, when it parses.</summary>
    public static IEnumerable<SubgraphField> Targets(SubgraphType parent, string text) =>
        Parse(text) is { } selections
            ? Walk(parent, selections).Where(s => s.Field is not null).Select(s => s.Field!)
            : [];

    public static string NamedType(TypeNode type) => type switch
    {
        NamedTypeNode named => named.Name.Value,
        ListTypeNode list => NamedType(list.Type),
        NonNullTypeNode nonNull => NamedType(nonNull.Type),
        _ => "",
    };
}

internal sealed record FieldSetSelection(SubgraphType Parent, FieldNode Selection, SubgraphField? Field);

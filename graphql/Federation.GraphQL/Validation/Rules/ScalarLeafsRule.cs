using Federation.GraphQL.Language.Syntax;

namespace Federation.GraphQL.Validation.Rules;

/// <summary>
/// Leaf Field Selections: "For each selection in the document: Let selectionType be the unwrapped
/// result type of selection. If selectionType is a scalar or enum: The subselection set of that
/// selection must be empty. If selectionType is an interface, union, or object: The subselection
/// set of that selection must NOT be empty."
/// https://spec.graphql.org/September2025/#sec-Leaf-Field-Selections
/// </summary>
internal sealed class ScalarLeafsRule(ValidationContext context) : RuleVisitor
{
    public override bool EnterField(FieldNode node)
    {
        if (context.Type is not { } type)
        {
            return true;
        }

        if (type.IsLeafType)
        {
            if (node.SelectionSet is { } selectionSet)
            {
                context.ReportError(new GraphQLError(
                    $"Field \"{node.Name.Value}\" must not have a selection since type \"{type}\" has no subfields.",
                    selectionSet));
            }
        }
        else if (node.SelectionSet is null)
        {
            context.ReportError(new GraphQLError(
                $"Field \"{node.Name.Value}\" of type \"{type}\" must have a selection of subfields. Did you mean \"{node.Name.Value} {{ ... }}\"?",
                node));
        }

        return true;
    }
}

using Federation.GraphQL.Language.Syntax;
using Federation.GraphQL.Types;

namespace Federation.GraphQL.Validation.Rules;

/// <summary>
/// Argument Names: "For each argument in the document: Let argumentName be the Name of argument.
/// Let argumentDefinition be the argument definition provided by the parent field or definition
/// named argumentName. argumentDefinition must exist."
/// https://spec.graphql.org/September2025/#sec-Argument-Names
/// In SDL only the arguments of directives are checked (graphql-js KnownArgumentNamesOnDirectivesRule).
/// </summary>
internal sealed class KnownArgumentNamesRule : RuleVisitor
{
    private readonly AstValidationContext context;
    private readonly bool onDirectivesOnly;
    private readonly DirectiveTable directives;

    public KnownArgumentNamesRule(AstValidationContext context, bool onDirectivesOnly)
    {
        this.context = context;
        this.onDirectivesOnly = onDirectivesOnly;
        directives = DirectiveTable.For(context);
    }

    public override bool EnterDirective(DirectiveNode node)
    {
        var name = node.Name.Value;
        if (directives.Get(name)?.ArgumentNames is { } known)
        {
            foreach (var argument in node.Arguments)
            {
                var argumentName = argument.Name.Value;
                if (!known.Contains(argumentName))
                {
                    var suggestions = context.HideSuggestions ? [] : Suggestions.List(argumentName, known);
                    context.ReportError(new GraphQLError(
                        $"Unknown argument \"{argumentName}\" on directive \"@{name}\"." + Suggestions.DidYouMean(suggestions),
                        argument));
                }
            }
        }

        return false;
    }

    public override bool EnterArgument(ArgumentNode node)
    {
        if (onDirectivesOnly)
        {
            return true;
        }

        var executable = (ValidationContext)context;
        if (executable.Argument is null && executable.FieldDef is { } fieldDef && executable.ParentType is { } parentType)
        {
            var argumentName = node.Name.Value;
            var suggestions = context.HideSuggestions ? [] : Suggestions.List(argumentName, fieldDef.Arguments.Select(a => a.Name));
            context.ReportError(new GraphQLError(
                $"Unknown argument \"{argumentName}\" on field \"{FieldNames.Coordinate(parentType, fieldDef)}\"." + Suggestions.DidYouMean(suggestions),
                node));
        }

        return true;
    }
}

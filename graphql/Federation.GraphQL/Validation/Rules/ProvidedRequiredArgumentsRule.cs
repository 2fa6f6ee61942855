using Federation.GraphQL.Language.Syntax;
using Federation.GraphQL.Types;

namespace Federation.GraphQL.Validation.Rules;

/// <summary>
/// Required Arguments: "For each Field or Directive in the document: Let arguments be the
/// arguments provided by the Field or Directive. Let argumentDefinitions be the set of argument
/// definitions of that Field or Directive. For each argumentDefinition in argumentDefinitions: Let
/// type be the expected type of argumentDefinition. Let defaultValue be the default value of
/// argumentDefinition. If type is Non-Null and defaultValue does not exist: Let argumentName be the
/// name of argumentDefinition. Let argument be the argument in arguments named argumentName.
/// argument must exist."
/// https://spec.graphql.org/September2025/#sec-Required-Arguments
/// In SDL only directives are checked (graphql-js ProvidedRequiredArgumentsOnDirectivesRule).
/// </summary>
internal sealed class ProvidedRequiredArgumentsRule : RuleVisitor
{
    private readonly AstValidationContext context;
    private readonly bool onDirectivesOnly;
    private readonly DirectiveTable directives;

    public ProvidedRequiredArgumentsRule(AstValidationContext context, bool onDirectivesOnly)
    {
        this.context = context;
        this.onDirectivesOnly = onDirectivesOnly;
        directives = DirectiveTable.For(context);
    }

    private static bool IsRequired(InputValue argument) => argument.Type is NonNullType && !argument.HasDefaultValue;

    public override void LeaveField(FieldNode node)
    {
        if (onDirectivesOnly)
        {
            return;
        }

        var executable = (ValidationContext)context;
        if (executable.FieldDef is not { } fieldDef || fieldDef.Arguments.Count == 0 || executable.ParentType is not { } parentType)
        {
            return;
        }

        foreach (var argument in fieldDef.Arguments)
        {
            if (IsRequired(argument) && !Provides(node.Arguments, argument.Name))
            {
                context.ReportError(new GraphQLError(
                    $"Argument \"{FieldNames.Coordinate(parentType, fieldDef)}({argument.Name}:)\" of type \"{argument.Type}\" is required, but it was not provided.",
                    node));
            }
        }
    }

    public override void LeaveDirective(DirectiveNode node)
    {
        var name = node.Name.Value;
        if (directives.Get(name) is not { } directive)
        {
            return;
        }

        foreach (var (argumentName, type) in directive.RequiredArguments)
        {
            if (!Provides(node.Arguments, argumentName))
            {
                context.ReportError(new GraphQLError(
                    $"Argument \"@{name}({argumentName}:)\" of type \"{type}\" is required, but it was not provided.",
                    node));
            }
        }
    }

    private static bool Provides(IReadOnlyList<ArgumentNode> arguments, string name)
    {
        foreach (var argument in arguments)
        {
            if (argument.Name.Value == name)
            {
                return true;
            }
        }

        return false;
    }
}

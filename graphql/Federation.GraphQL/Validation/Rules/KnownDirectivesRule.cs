using Federation.GraphQL.Language.Syntax;
using Federation.GraphQL.Types;

namespace Federation.GraphQL.Validation.Rules;

/// <summary>
/// Directives Are Defined: "For every directive in a document: Let directiveName be the name of
/// directive. Let directiveDefinition be the directive named directiveName. directiveDefinition must
/// exist." Directives In Valid Locations: "For every directive in a document: ... If directive is
/// in an executable document, then its location must be one of the locations of its definition."
/// https://spec.graphql.org/September2025/#sec-Directives-Are-Defined
/// https://spec.graphql.org/September2025/#sec-Directives-Are-In-Valid-Locations
/// </summary>
internal sealed class KnownDirectivesRule : RuleVisitor
{
    private readonly AstValidationContext context;
    private readonly DirectiveTable directives;

    public KnownDirectivesRule(AstValidationContext context)
    {
        this.context = context;
        directives = DirectiveTable.For(context);
    }

    /// <summary>The name of a location as written in SDL, e.g. <c>FRAGMENT_SPREAD</c>.</summary>
    public static string LocationName(DirectiveLocation location) => location switch
    {
        DirectiveLocation.Query => "QUERY",
        DirectiveLocation.Mutation => "MUTATION",
        DirectiveLocation.Subscription => "SUBSCRIPTION",
        DirectiveLocation.Field => "FIELD",
        DirectiveLocation.FragmentDefinition => "FRAGMENT_DEFINITION",
        DirectiveLocation.FragmentSpread => "FRAGMENT_SPREAD",
        DirectiveLocation.InlineFragment => "INLINE_FRAGMENT",
        DirectiveLocation.VariableDefinition => "VARIABLE_DEFINITION",
        DirectiveLocation.Schema => "SCHEMA",
        DirectiveLocation.Scalar => "SCALAR",
        DirectiveLocation.Object => "OBJECT",
        DirectiveLocation.FieldDefinition => "FIELD_DEFINITION",
        DirectiveLocation.ArgumentDefinition => "ARGUMENT_DEFINITION",
        DirectiveLocation.Interface => "INTERFACE",
        DirectiveLocation.Union => "UNION",
        DirectiveLocation.Enum => "ENUM",
        DirectiveLocation.EnumValue => "ENUM_VALUE",
        DirectiveLocation.InputObject => "INPUT_OBJECT",
        DirectiveLocation.FragmentVariableDefinition => "FRAGMENT_VARIABLE_DEFINITION",
        DirectiveLocation.DirectiveDefinition => "DIRECTIVE_DEFINITION",
        _ => "INPUT_FIELD_DEFINITION",
    };

    public override bool EnterDirective(DirectiveNode node)
    {
        var name = node.Name.Value;
        if (directives.Get(name) is not { } directive)
        {
            context.ReportError(new GraphQLError($"Unknown directive \"@{name}\".", node));
            return true;
        }

        var candidate = LocationOf(context.Ancestors);
        if (candidate is not null && !directive.Locations.Contains(candidate))
        {
            context.ReportError(new GraphQLError($"Directive \"@{name}\" may not be used on {candidate}.", node));
        }

        return true;
    }

    private static string? LocationOf(IReadOnlyList<SyntaxNode> ancestors)
    {
        var appliedTo = ancestors[^1];
        return appliedTo switch
        {
            OperationDefinitionNode operation => operation.Operation switch
            {
                OperationType.Query => "QUERY",
                OperationType.Mutation => "MUTATION",
                _ => "SUBSCRIPTION",
            },
            FieldNode => "FIELD",
            FragmentSpreadNode => "FRAGMENT_SPREAD",
            InlineFragmentNode => "INLINE_FRAGMENT",
            FragmentDefinitionNode => "FRAGMENT_DEFINITION",
            VariableDefinitionNode => ancestors[^2] is OperationDefinitionNode ? "VARIABLE_DEFINITION" : "FRAGMENT_VARIABLE_DEFINITION",
            SchemaDefinitionNode or SchemaExtensionNode => "SCHEMA",
            ScalarTypeDefinitionNode or ScalarTypeExtensionNode => "SCALAR",
            ObjectTypeDefinitionNode or ObjectTypeExtensionNode => "OBJECT",
            FieldDefinitionNode => "FIELD_DEFINITION",
            InterfaceTypeDefinitionNode or InterfaceTypeExtensionNode => "INTERFACE",
            UnionTypeDefinitionNode or UnionTypeExtensionNode => "UNION",
            EnumTypeDefinitionNode or EnumTypeExtensionNode => "ENUM",
            EnumValueDefinitionNode => "ENUM_VALUE",
            InputObjectTypeDefinitionNode or InputObjectTypeExtensionNode => "INPUT_OBJECT",
            InputValueDefinitionNode => ancestors[^2] is InputObjectTypeDefinitionNode or InputObjectTypeExtensionNode
                ? "INPUT_FIELD_DEFINITION"
                : "ARGUMENT_DEFINITION",
            DirectiveDefinitionNode => "DIRECTIVE_DEFINITION",
            _ => null,
        };
    }
}

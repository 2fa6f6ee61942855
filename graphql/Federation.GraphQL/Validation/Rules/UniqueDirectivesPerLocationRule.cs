using Federation.GraphQL.Language.Syntax;
using Federation.GraphQL.Types;

namespace Federation.GraphQL.Validation.Rules;

/// <summary>
/// Directives Are Unique Per Location: "For every location in the document for which Directives
/// can apply: Let directives be the set of Directives which apply to location and are not
/// repeatable. For each directive in directives: Let directiveName be the name of directive. Let
/// namedDirectives be the set of all Directives named directiveName in directives. namedDirectives
/// must be a set of one." A type and its extensions, and the schema and its extensions, count as one location.
/// https://spec.graphql.org/September2025/#sec-Directives-Are-Unique-Per-Location
/// </summary>
internal sealed class UniqueDirectivesPerLocationRule : RuleVisitor
{
    private readonly AstValidationContext context;
    private readonly DirectiveTable directives;
    private readonly Dictionary<string, DirectiveNode> schemaDirectives = [];
    private readonly Dictionary<string, Dictionary<string, DirectiveNode>> typeDirectives = [];
    private readonly Dictionary<string, Dictionary<string, DirectiveNode>> directiveDirectives = [];

    public UniqueDirectivesPerLocationRule(AstValidationContext context)
    {
        this.context = context;
        directives = DirectiveTable.For(context);
    }

    public override bool Enter(SyntaxNode node)
    {
        if (node is not IHasDirectives owner || owner.Directives.Count == 0)
        {
            return true;
        }

        // A lone directive on an executable node can have no duplicate; only type system
        // locations gather directives across a definition and its extensions.
        if (owner.Directives.Count == 1 && node is ExecutableDefinitionNode or SelectionNode or VariableDefinitionNode)
        {
            return true;
        }

        Dictionary<string, DirectiveNode> seen;
        switch (node)
        {
            case SchemaDefinitionNode or SchemaExtensionNode:
                seen = schemaDirectives;
                break;
            case ITypeDefinitionOrExtension type:
                if (!typeDirectives.TryGetValue(type.Name.Value, out seen!))
                {
                    seen = [];
                    typeDirectives[type.Name.Value] = seen;
                }

                break;
            case DirectiveDefinitionNode directiveDefinition:
                if (!directiveDirectives.TryGetValue(directiveDefinition.Name.Value, out seen!))
                {
                    seen = [];
                    directiveDirectives[directiveDefinition.Name.Value] = seen;
                }

                break;
            default:
                seen = [];
                break;
        }

        foreach (var directive in owner.Directives)
        {
            var name = directive.Name.Value;
            if (directives.Get(name) is { IsUnique: true })
            {
                if (seen.TryGetValue(name, out var first))
                {
                    context.ReportError(new GraphQLError($"The directive \"@{name}\" can only be used once at this location.", first, directive));
                }
                else
                {
                    seen[name] = directive;
                }
            }
        }

        return true;
    }
}

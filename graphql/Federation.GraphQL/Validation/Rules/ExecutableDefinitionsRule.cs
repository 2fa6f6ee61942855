using Federation.GraphQL.Language.Syntax;

namespace Federation.GraphQL.Validation.Rules;

/// <summary>
/// Executable Definitions: "For each definition definition in the document: definition must be
/// ExecutableDefinition (it must not be TypeSystemDefinitionOrExtension)."
/// https://spec.graphql.org/September2025/#sec-Executable-Definitions
/// </summary>
internal sealed class ExecutableDefinitionsRule(AstValidationContext context) : RuleVisitor
{
    public override bool EnterDocument(DocumentNode node)
    {
        foreach (var definition in node.Definitions)
        {
            if (definition is ExecutableDefinitionNode)
            {
                continue;
            }

            var name = definition switch
            {
                SchemaDefinitionNode or SchemaExtensionNode => "schema",
                ITypeDefinitionOrExtension type => "\"" + type.Name.Value + "\"",
                DirectiveDefinitionNode directive => "\"" + directive.Name.Value + "\"",
                _ => "\"\"",
            };
            context.ReportError(new GraphQLError($"The {name} definition is not executable.", definition));
        }

        return false;
    }
}

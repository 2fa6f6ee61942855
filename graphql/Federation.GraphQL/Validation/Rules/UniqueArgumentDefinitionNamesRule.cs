using Federation.GraphQL.Language.Syntax;

namespace Federation.GraphQL.Validation.Rules;

/// <summary>
/// SDL: "Each argument of a field or directive must have a name which is unique among the
/// arguments of that field or directive."
/// https://spec.graphql.org/September2025/#sec-Field-Arguments
/// </summary>
internal sealed class UniqueArgumentDefinitionNamesRule(AstValidationContext context) : RuleVisitor
{
    public override bool EnterDirectiveDefinition(DirectiveDefinitionNode node)
    {
        Check("@" + node.Name.Value, node.Arguments);
        return false;
    }

    public override bool EnterTypeDefinition(TypeDefinitionNode node) => node switch
    {
        ObjectTypeDefinitionNode obj => CheckFields(obj.Name.Value, obj.Fields),
        InterfaceTypeDefinitionNode iface => CheckFields(iface.Name.Value, iface.Fields),
        _ => true,
    };

    public override bool EnterTypeExtension(TypeExtensionNode node) => node switch
    {
        ObjectTypeExtensionNode obj => CheckFields(obj.Name.Value, obj.Fields),
        InterfaceTypeExtensionNode iface => CheckFields(iface.Name.Value, iface.Fields),
        _ => true,
    };

    private bool CheckFields(string typeName, IReadOnlyList<FieldDefinitionNode> fields)
    {
        foreach (var field in fields)
        {
            Check($"{typeName}.{field.Name.Value}", field.Arguments);
        }

        return false;
    }

    private void Check(string parentName, IReadOnlyList<InputValueDefinitionNode> arguments)
    {
        foreach (var (name, group) in Grouping.ByName(arguments, a => a.Name.Value))
        {
            if (group.Count > 1)
            {
                context.ReportError(new GraphQLError(
                    $"Argument \"{parentName}({name}:)\" can only be defined once.",
                    [.. group.Select(a => a.Name)]));
            }
        }
    }
}

using Federation.GraphQL.Language.Syntax;
using Federation.GraphQL.Types;

namespace Federation.GraphQL.Validation.Rules;

/// <summary>
/// SDL: "Each field of an Object, Interface or Input Object type must have a name which is unique
/// within that type", across the type and its extensions.
/// https://spec.graphql.org/September2025/#sec-Objects.Type-Validation
/// </summary>
internal sealed class UniqueFieldDefinitionNamesRule(AstValidationContext context) : RuleVisitor
{
    private readonly Dictionary<string, Dictionary<string, NameNode>> knownByType = [];

    public override bool EnterTypeDefinition(TypeDefinitionNode node) => node switch
    {
        ObjectTypeDefinitionNode obj => Check(obj.Name.Value, obj.Fields.Select(f => f.Name)),
        InterfaceTypeDefinitionNode iface => Check(iface.Name.Value, iface.Fields.Select(f => f.Name)),
        InputObjectTypeDefinitionNode input => Check(input.Name.Value, input.Fields.Select(f => f.Name)),
        _ => true,
    };

    public override bool EnterTypeExtension(TypeExtensionNode node) => node switch
    {
        ObjectTypeExtensionNode obj => Check(obj.Name.Value, obj.Fields.Select(f => f.Name)),
        InterfaceTypeExtensionNode iface => Check(iface.Name.Value, iface.Fields.Select(f => f.Name)),
        InputObjectTypeExtensionNode input => Check(input.Name.Value, input.Fields.Select(f => f.Name)),
        _ => true,
    };

    private bool Check(string typeName, IEnumerable<NameNode> fieldNames)
    {
        if (!knownByType.TryGetValue(typeName, out var known))
        {
            known = [];
            knownByType[typeName] = known;
        }

        var existing = context.SchemaOrNull?.GetType(typeName);
        foreach (var fieldName in fieldNames)
        {
            var name = fieldName.Value;
            var exists = existing switch
            {
                FieldsType fields => fields.GetField(name) is not null,
                InputObjectType input => input.GetField(name) is not null,
                _ => false,
            };
            if (exists)
            {
                context.ReportError(new GraphQLError(
                    $"Field \"{typeName}.{name}\" already exists in the schema. It cannot also be defined in this type extension.",
                    fieldName));
                continue;
            }

            if (known.TryGetValue(name, out var first))
            {
                context.ReportError(new GraphQLError($"Field \"{typeName}.{name}\" can only be defined once.", first, fieldName));
            }
            else
            {
                known[name] = fieldName;
            }
        }

        return false;
    }
}

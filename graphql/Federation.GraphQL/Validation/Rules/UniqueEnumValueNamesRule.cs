using Federation.GraphQL.Language.Syntax;
using Federation.GraphQL.Types;

namespace Federation.GraphQL.Validation.Rules;

/// <summary>
/// SDL: "All values of an Enum type must be unique", across the type and its extensions.
/// https://spec.graphql.org/September2025/#sec-Enums.Type-Validation
/// </summary>
internal sealed class UniqueEnumValueNamesRule(AstValidationContext context) : RuleVisitor
{
    private readonly Dictionary<string, Dictionary<string, NameNode>> knownByType = [];

    public override bool EnterTypeDefinition(TypeDefinitionNode node) =>
        node is not EnumTypeDefinitionNode enumType || Check(enumType.Name.Value, enumType.Values);

    public override bool EnterTypeExtension(TypeExtensionNode node) =>
        node is not EnumTypeExtensionNode enumType || Check(enumType.Name.Value, enumType.Values);

    private bool Check(string typeName, IReadOnlyList<EnumValueDefinitionNode> values)
    {
        if (!knownByType.TryGetValue(typeName, out var known))
        {
            known = [];
            knownByType[typeName] = known;
        }

        var existing = context.SchemaOrNull?.GetType(typeName) as EnumType;
        foreach (var value in values)
        {
            var valueName = value.Name.Value;
            if (existing?.GetValue(valueName) is not null)
            {
                context.ReportError(new GraphQLError(
                    $"Enum value \"{typeName}.{valueName}\" already exists in the schema. It cannot also be defined in this type extension.",
                    value.Name));
                continue;
            }

            if (known.TryGetValue(valueName, out var first))
            {
                context.ReportError(new GraphQLError($"Enum value \"{typeName}.{valueName}\" can only be defined once.", first, value.Name));
            }
            else
            {
                known[valueName] = value.Name;
            }
        }

        return false;
    }
}

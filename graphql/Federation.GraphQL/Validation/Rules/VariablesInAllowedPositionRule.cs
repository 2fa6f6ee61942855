using Federation.GraphQL.Language.Syntax;
using Federation.GraphQL.Types;

namespace Federation.GraphQL.Validation.Rules;

/// <summary>
/// All Variable Usages Are Allowed: "For each operation in document: Let variableUsages be all
/// usages transitively included in the operation. For each variableUsage in variableUsages: Let
/// variableName be the name of variableUsage. Let variableDefinition be the VariableDefinition
/// named variableName defined within operation. IsVariableUsageAllowed(variableDefinition,
/// variableUsage) must be true." A variable for a field of a OneOf Input Object must be non-null.
/// https://spec.graphql.org/September2025/#sec-All-Variable-Usages-Are-Allowed
/// </summary>
internal sealed class VariablesInAllowedPositionRule(ValidationContext context) : RuleVisitor
{
    private Dictionary<string, VariableDefinitionNode> definitions = [];

    public override bool EnterOperationDefinition(OperationDefinitionNode node)
    {
        definitions = [];
        foreach (var definition in node.VariableDefinitions)
        {
            definitions[definition.Variable.Name.Value] = definition;
        }

        return true;
    }

    public override void LeaveOperationDefinition(OperationDefinitionNode node)
    {
        var schema = context.Schema;
        foreach (var usage in context.GetRecursiveVariableUsages(node))
        {
            var name = usage.Node.Name.Value;
            if (!definitions.TryGetValue(name, out var definition) || usage.Type is not { } locationType)
            {
                continue;
            }

            var variableType = TypeInfo.TypeFromSyntax(schema, definition.Type);
            if (variableType is null)
            {
                continue;
            }

            if (!IsAllowed(schema, variableType, definition.DefaultValue, locationType, usage.HasLocationDefaultValue))
            {
                context.ReportError(new GraphQLError(
                    $"Variable \"${name}\" of type \"{variableType}\" used in position expecting type \"{locationType}\".",
                    definition,
                    usage.Node));
            }

            if (usage.ParentType is InputObjectType { IsOneOf: true } oneOf && variableType is not NonNullType)
            {
                context.ReportError(new GraphQLError(
                    $"Variable \"${name}\" is of type \"{variableType}\" but must be non-nullable to be used for OneOf Input Object \"{oneOf.Name}\".",
                    definition,
                    usage.Node));
            }
        }
    }

    /// <summary>
    /// https://spec.graphql.org/September2025/#IsVariableUsageAllowed() — a nullable variable may
    /// fill a non-null position only when it or the position has a default.
    /// </summary>
    private static bool IsAllowed(Schema schema, GraphQLType variableType, ValueNode? variableDefault, GraphQLType locationType, bool hasLocationDefault)
    {
        if (locationType is NonNullType nonNullLocation && variableType is not NonNullType)
        {
            var hasNonNullVariableDefault = variableDefault is not null and not NullValueNode;
            if (!hasNonNullVariableDefault && !hasLocationDefault)
            {
                return false;
            }

            return TypeComparators.IsTypeSubTypeOf(schema, variableType, nonNullLocation.OfType);
        }

        return TypeComparators.IsTypeSubTypeOf(schema, variableType, locationType);
    }
}

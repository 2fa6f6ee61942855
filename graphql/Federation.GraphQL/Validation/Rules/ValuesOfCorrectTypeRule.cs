using Federation.GraphQL.Language.Syntax;
using Federation.GraphQL.Types;

namespace Federation.GraphQL.Validation.Rules;

/// <summary>
/// Values of Correct Type: "For each literal Input Value value in the document: Let type be the
/// type expected in the position value is found. value must be coercible to type (with the
/// assumption that any variableUsage nested within value will represent a runtime value valid for
/// usage in its position)." Includes OneOf Input Objects: exactly one field, not null.
/// https://spec.graphql.org/September2025/#sec-Values-of-Correct-Type
/// </summary>
internal sealed class ValuesOfCorrectTypeRule(ValidationContext context) : RuleVisitor
{
    public override bool EnterValue(ValueNode node)
    {
        var type = node is ListValueNode ? context.ParentInputType : context.InputType;
        if (type is not null)
        {
            LiteralValidator.Validate(node, type, context.ReportError, context.HideSuggestions);
        }

        return false;
    }
}

/// <summary>
/// Checks a literal against an input type without variable values (graphql-js's static
/// <c>validateInputLiteral</c>): variables are assumed to fit.
/// </summary>
internal static class LiteralValidator
{
    public static void Validate(ValueNode node, GraphQLType type, Action<GraphQLError> report, bool hideSuggestions)
    {
        if (node is VariableNode)
        {
            return;
        }

        if (type is NonNullType nonNull)
        {
            if (node is NullValueNode)
            {
                report(new GraphQLError($"Expected value of non-null type \"{type}\" not to be null.", node));
                return;
            }

            Validate(node, nonNull.OfType, report, hideSuggestions);
            return;
        }

        if (node is NullValueNode)
        {
            return;
        }

        switch (type)
        {
            case ListType list:
                if (node is ListValueNode items)
                {
                    foreach (var item in items.Values)
                    {
                        Validate(item, list.OfType, report, hideSuggestions);
                    }
                }
                else
                {
                    Validate(node, list.OfType, report, hideSuggestions);
                }

                break;
            case InputObjectType inputObject:
                ValidateObject(node, inputObject, report, hideSuggestions);
                break;
            case EnumType enumType:
                ValidateEnum(node, enumType, report, hideSuggestions);
                break;
            case ScalarType scalar:
                ValidateScalar(node, scalar, report);
                break;
        }
    }

    private static void ValidateObject(ValueNode node, InputObjectType type, Action<GraphQLError> report, bool hideSuggestions)
    {
        if (node is not ObjectValueNode obj)
        {
            report(new GraphQLError($"Expected value of type \"{type.Name}\" to be an object, found: {ErrorPrinter.Print(node)}.", node));
            return;
        }

        var fieldNodes = new Dictionary<string, ObjectFieldNode>(obj.Fields.Count);
        foreach (var fieldNode in obj.Fields)
        {
            fieldNodes[fieldNode.Name.Value] = fieldNode;
        }

        foreach (var field in type.Fields)
        {
            if (!fieldNodes.TryGetValue(field.Name, out var fieldNode))
            {
                if (field.Type is NonNullType && !field.HasDefaultValue)
                {
                    report(new GraphQLError(
                        $"Expected value of type \"{type.Name}\" to include required field \"{field.Name}\", found: {ErrorPrinter.Print(node)}.",
                        node));
                }
            }
            else
            {
                Validate(fieldNode.Value, field.Type, report, hideSuggestions);
            }
        }

        var knownFields = new List<ObjectFieldNode>(obj.Fields.Count);
        foreach (var fieldNode in obj.Fields)
        {
            var fieldName = fieldNode.Name.Value;
            if (type.GetField(fieldName) is null)
            {
                var suggestion = hideSuggestions ? "" : Suggestions.DidYouMean(Suggestions.List(fieldName, type.Fields.Select(f => f.Name)));
                report(new GraphQLError(
                    $"Expected value of type \"{type.Name}\" not to include unknown field \"{fieldName}\""
                    + (suggestion.Length != 0 ? "." + suggestion + " Found" : ", found")
                    + $": {ErrorPrinter.Print(node)}.",
                    fieldNode));
            }
            else
            {
                knownFields.Add(fieldNode);
            }
        }

        if (type.IsOneOf && (knownFields.Count != 1 || knownFields[0].Value is NullValueNode))
        {
            report(new GraphQLError(
                $"Within OneOf Input Object type \"{type.Name}\", exactly one field must be specified, and the value for that field must be non-null.",
                node));
        }
    }

    private static void ValidateEnum(ValueNode node, EnumType type, Action<GraphQLError> report, bool hideSuggestions)
    {
        if (node is EnumValueNode enumValue && type.GetValue(enumValue.Value) is not null)
        {
            return;
        }

        // Enums, like scalars, see the literal with variables replaced (graphql-js coerceInputLiteral).
        var valueText = ErrorPrinter.Print(WithoutVariables(node));
        var suggestion = hideSuggestions
            ? ""
            : Suggestions.DidYouMean(Suggestions.List(valueText, type.Values.Select(v => v.Name)), "the enum value");
        report(new GraphQLError(
            node is EnumValueNode
                ? $"Value \"{valueText}\" does not exist in \"{type.Name}\" enum." + suggestion
                : $"Enum \"{type.Name}\" cannot represent non-enum value: {valueText}." + suggestion,
            node));
    }

    /// <summary>
    /// The literal as a scalar sees it when no variable values are known (graphql-js
    /// <c>replaceVariables</c> without values): object fields given by a variable are left out,
    /// other variables become null.
    /// </summary>
    private static ValueNode WithoutVariables(ValueNode node)
    {
        switch (node)
        {
            case VariableNode:
                return new NullValueNode { Location = node.Location };
            case ListValueNode list when ContainsVariable(list):
                return list with { Values = [.. list.Values.Select(WithoutVariables)] };
            case ObjectValueNode obj when ContainsVariable(obj):
                return obj with
                {
                    Fields = [.. obj.Fields.Where(f => f.Value is not VariableNode).Select(f => f with { Value = WithoutVariables(f.Value) })],
                };
            default:
                return node;
        }
    }

    private static bool ContainsVariable(ValueNode node) => node switch
    {
        VariableNode => true,
        ListValueNode list => list.Values.Any(ContainsVariable),
        ObjectValueNode obj => obj.Fields.Any(f => ContainsVariable(f.Value)),
        _ => false,
    };

    private static void ValidateScalar(ValueNode node, ScalarType type, Action<GraphQLError> report)
    {
        try
        {
            type.ParseLiteral(WithoutVariables(node));
        }
        catch (GraphQLException exception)
        {
            var error = exception.Error;
            report(error.Locations.Count == 0 ? new GraphQLError(error.Message, node) { Extensions = error.Extensions } : error);
        }
        catch (Exception exception) when (exception is not ValidationAbortedException)
        {
            report(new GraphQLError(
                $"Expected value of type \"{type.Name}\", but encountered error \"{exception.Message}\"; found: {ErrorPrinter.Print(node)}.",
                node));
        }
    }
}

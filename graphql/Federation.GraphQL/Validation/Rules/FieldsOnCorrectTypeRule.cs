using Federation.GraphQL.Language.Syntax;
using Federation.GraphQL.Types;

namespace Federation.GraphQL.Validation.Rules;

/// <summary>
/// Field Selections: "For each selection in the document: Let fieldName be the target field of
/// selection. fieldName must be defined on type in scope." When it is not, graphql-js suggests the
/// types that do define it, most used first, or else fields with similar names.
/// https://spec.graphql.org/September2025/#sec-Field-Selections
/// </summary>
internal sealed class FieldsOnCorrectTypeRule(ValidationContext context) : RuleVisitor
{
    public override bool EnterField(FieldNode node)
    {
        if (context.ParentType is not { } type || context.FieldDef is not null)
        {
            return true;
        }

        var fieldName = node.Name.Value;
        var suggestion = Suggestions.DidYouMean(
            context.HideSuggestions ? [] : SuggestedTypeNames(context.Schema, type, fieldName),
            "to use an inline fragment on");
        if (suggestion.Length == 0)
        {
            suggestion = Suggestions.DidYouMean(context.HideSuggestions ? [] : SuggestedFieldNames(type, fieldName));
        }

        context.ReportError(new GraphQLError($"Cannot query field \"{fieldName}\" on type \"{type.Name}\"." + suggestion, node));
        return true;
    }

    /// <summary>The possible types and their interfaces that define the field, the most widely implemented first.</summary>
    private static List<string> SuggestedTypeNames(Schema schema, NamedType type, string fieldName)
    {
        if (!TypeComparators.IsAbstract(type))
        {
            return [];
        }

        var suggested = new List<FieldsType>();
        var usageCount = new Dictionary<string, int>();
        foreach (var possibleType in schema.GetPossibleTypes(type))
        {
            if (possibleType.GetField(fieldName) is null)
            {
                continue;
            }

            if (!suggested.Contains(possibleType))
            {
                suggested.Add(possibleType);
            }

            usageCount[possibleType.Name] = 1;
            foreach (var possibleInterface in possibleType.Interfaces)
            {
                if (possibleInterface.GetField(fieldName) is null)
                {
                    continue;
                }

                if (!suggested.Contains(possibleInterface))
                {
                    suggested.Add(possibleInterface);
                }

                usageCount[possibleInterface.Name] = usageCount.GetValueOrDefault(possibleInterface.Name) + 1;
            }
        }

        Suggestions.JavaScriptSort(suggested, (a, b) =>
        {
            var byUsage = usageCount[b.Name] - usageCount[a.Name];
            if (byUsage != 0)
            {
                return byUsage;
            }

            if (a is InterfaceType ia && schema.IsSubType(ia, b))
            {
                return -1;
            }

            if (b is InterfaceType ib && schema.IsSubType(ib, a))
            {
                return 1;
            }

            return Suggestions.NaturalCompare(a.Name, b.Name);
        });
        return suggested.ConvertAll(t => t.Name);
    }

    private static List<string> SuggestedFieldNames(NamedType type, string fieldName)
    {
        if (type is not FieldsType fields)
        {
            return [];
        }

        var names = new List<string>(fields.Fields.Count);
        foreach (var field in fields.Fields)
        {
            names.Add(field.Name);
        }

        return Suggestions.List(fieldName, names);
    }
}

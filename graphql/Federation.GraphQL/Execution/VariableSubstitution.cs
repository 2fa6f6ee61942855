using Federation.GraphQL.Language.Syntax;
using Federation.GraphQL.Types;
using System.Collections;
using System.Globalization;

namespace Federation.GraphQL.Execution;

/// <summary>
/// A literal with its variables replaced by literals of the values the request gave for them
/// (graphql-js replaceVariables), so a custom scalar can parse a literal that embeds variables.
/// </summary>
internal static class VariableSubstitution
{
    /// <summary>
    /// With <paramref name="variables"/> null (no values known, as in validation) a variable
    /// becomes null and an object field given by a variable is left out, as graphql-js's
    /// replaceVariables does without values.
    /// </summary>
    public static ValueNode Replace(ValueNode node, VariableValues? variables)
    {
        switch (node)
        {
            case VariableNode variable:
                if (variables is null || !variables.Sources.TryGetValue(variable.Name.Value, out var source))
                {
                    return new NullValueNode { Location = variable.Location };
                }

                if (!source.Provided && source.DefaultValue is { } defaultValue)
                {
                    return defaultValue;
                }

                return ToLiteral(source.Value);

            case ObjectValueNode obj:
                var fields = new List<ObjectFieldNode>(obj.Fields.Count);
                foreach (var field in obj.Fields)
                {
                    if (field.Value is VariableNode fieldVariable
                        && (variables is null || !variables.Sources.TryGetValue(fieldVariable.Name.Value, out var fieldSource)
                            || (!fieldSource.Provided && fieldSource.DefaultValue is null)))
                    {
                        continue;
                    }

                    fields.Add(field with { Value = Replace(field.Value, variables) });
                }

                return obj with { Fields = fields };

            case ListValueNode list:
                var values = new ValueNode[list.Values.Count];
                for (var i = 0; i < values.Length; i++)
                {
                    values[i] = Replace(list.Values[i], variables);
                }

                return list with { Values = values };

            default:
                return node;
        }
    }

    public static bool ContainsVariables(ValueNode node)
    {
        switch (node)
        {
            case VariableNode:
                return true;
            case ListValueNode list:
                foreach (var item in list.Values)
                {
                    if (ContainsVariables(item))
                    {
                        return true;
                    }
                }

                return false;
            case ObjectValueNode obj:
                foreach (var field in obj.Fields)
                {
                    if (ContainsVariables(field.Value))
                    {
                        return true;
                    }
                }

                return false;
            default:
                return false;
        }
    }

    private static ValueNode ToLiteral(object? value) => value switch
    {
        null => new NullValueNode(),
        bool b => new BooleanValueNode(b),
        int or long or short or byte => new IntValueNode(Convert.ToString(value, CultureInfo.InvariantCulture)!),
        double d when double.IsInteger(d) && Math.Abs(d) < 1e21 => new IntValueNode(JsNumber.Format(d)),
        double d => new FloatValueNode(JsNumber.Format(d)),
        decimal m => new FloatValueNode(m.ToString(CultureInfo.InvariantCulture)),
        string s => new StringValueNode(s),
        IReadOnlyDictionary<string, object?> map => new ObjectValueNode(map.Select(p => new ObjectFieldNode(new NameNode(p.Key), ToLiteral(p.Value))).ToArray()),
        IEnumerable list => new ListValueNode(list.Cast<object?>().Select(ToLiteral).ToArray()),
        _ => new StringValueNode(Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty),
    };
}

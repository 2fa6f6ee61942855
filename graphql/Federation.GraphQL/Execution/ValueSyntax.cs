using System.Text;
using System.Text.Json;
using Federation.GraphQL.Language.Syntax;

namespace Federation.GraphQL.Execution;

/// <summary>Value literals printed as graphql-js's printForError prints them inside error messages.</summary>
internal static class ValueSyntax
{
    public static string Print(ValueNode node)
    {
        var builder = new StringBuilder();
        Print(builder, node);
        return builder.ToString();
    }

    private static void Print(StringBuilder builder, ValueNode node)
    {
        switch (node)
        {
            case VariableNode variable:
                builder.Append('$').Append(variable.Name.Value);
                break;
            case IntValueNode i:
                builder.Append(i.Value);
                break;
            case FloatValueNode f:
                builder.Append(f.Value);
                break;
            case StringValueNode { Block: true } block:
                builder.Append("\"\"\"").Append(block.Value.Replace("\"\"\"", "\\\"\"\"", StringComparison.Ordinal)).Append("\"\"\"");
                break;
            case StringValueNode s:
                builder.Append(JsonSerializer.Serialize(s.Value, JsonText.Options));
                break;
            case BooleanValueNode b:
                builder.Append(b.Value ? "true" : "false");
                break;
            case NullValueNode:
                builder.Append("null");
                break;
            case EnumValueNode e:
                builder.Append(e.Value);
                break;
            case ListValueNode list:
                builder.Append('[');
                for (var index = 0; index < list.Values.Count; index++)
                {
                    if (index > 0)
                    {
                        builder.Append(", ");
                    }

                    Print(builder, list.Values[index]);
                }

                builder.Append(']');
                break;
            case ObjectValueNode obj:
                builder.Append("{ ");
                for (var index = 0; index < obj.Fields.Count; index++)
                {
                    if (index > 0)
                    {
                        builder.Append(", ");
                    }

                    builder.Append(obj.Fields[index].Name.Value).Append(": ");
                    Print(builder, obj.Fields[index].Value);
                }

                builder.Append(" }");
                break;
        }
    }
}

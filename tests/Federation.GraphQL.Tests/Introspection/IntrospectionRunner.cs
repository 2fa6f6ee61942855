using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Federation.GraphQL.Execution;
using Federation.GraphQL.Introspection;
using Federation.GraphQL.Language;
using Federation.GraphQL.Language.Syntax;
using Federation.GraphQL.Types;

namespace Federation.GraphQL.Tests.Introspection;

/// <summary>
/// Test harness: runs an introspection query against a schema through the introspection
/// types' own resolvers and prints the data as indented JSON, so that tests can compare it with
/// what graphql-js answers. Only what introspection needs: no variables, no abstract root
/// fields, no errors; fields outside introspection resolve to null.
/// </summary>
internal static class IntrospectionRunner
{
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Run(Schema schema, string query)
    {
        var document = Parser.Parse(query);
        var fragments = document.Definitions.OfType<FragmentDefinitionNode>().ToDictionary(f => f.Name.Value);
        var operation = document.Definitions.OfType<OperationDefinitionNode>().Single();
        var data = SelectFields(schema, fragments, schema.QueryType!, source: null, operation.SelectionSet);
        return data.ToJsonString(Indented);
    }

    private static JsonObject SelectFields(
        Schema schema, Dictionary<string, FragmentDefinitionNode> fragments, ObjectType type, object? source, SelectionSetNode selectionSet)
    {
        var result = new JsonObject();
        foreach (var field in Collect(fragments, type, selectionSet))
        {
            var definition = IntrospectionFields.GetField(schema, type, field.Name.Value)
                ?? throw new InvalidOperationException($"Unknown field {type.Name}.{field.Name.Value}");
            var context = new ResolveContext
            {
                Source = source,
                Field = definition,
                ParentType = type,
                Schema = schema,
                Arguments = Arguments(definition, field),
            };
            var value = definition.Resolver is { } resolve ? resolve(context).Result : null;
            result[field.ResponseName] = Complete(schema, fragments, definition.Type, value, field);
        }

        return result;
    }

    private static IEnumerable<FieldNode> Collect(Dictionary<string, FragmentDefinitionNode> fragments, ObjectType type, SelectionSetNode selectionSet)
    {
        foreach (var selection in selectionSet.Selections)
        {
            switch (selection)
            {
                case FieldNode field:
                    yield return field;
                    break;
                case InlineFragmentNode inline when inline.TypeCondition is null || inline.TypeCondition.Name.Value == type.Name:
                    foreach (var inner in Collect(fragments, type, inline.SelectionSet))
                    {
                        yield return inner;
                    }

                    break;
                case FragmentSpreadNode spread when fragments[spread.Name.Value].TypeCondition.Name.Value == type.Name:
                    foreach (var inner in Collect(fragments, type, fragments[spread.Name.Value].SelectionSet))
                    {
                        yield return inner;
                    }

                    break;
            }
        }
    }

    private static Dictionary<string, object?> Arguments(OutputField definition, FieldNode field)
    {
        var arguments = new Dictionary<string, object?>();
        foreach (var argument in definition.Arguments)
        {
            var given = field.Arguments.FirstOrDefault(a => a.Name.Value == argument.Name)?.Value ?? argument.DefaultValue;
            if (given is not null)
            {
                arguments[argument.Name] = ((ScalarType)argument.Type.Named).ParseLiteral(given);
            }
        }

        return arguments;
    }

    private static JsonNode? Complete(Schema schema, Dictionary<string, FragmentDefinitionNode> fragments, GraphQLType type, object? value, FieldNode field)
    {
        if (value is null)
        {
            return null;
        }

        switch (type)
        {
            case NonNullType nonNull:
                return Complete(schema, fragments, nonNull.OfType, value, field);
            case ListType list:
                var array = new JsonArray();
                foreach (var item in (System.Collections.IEnumerable)value)
                {
                    array.Add(Complete(schema, fragments, list.OfType, item, field));
                }

                return array;
            case ScalarType scalar:
                return scalar.Serialize(value) switch
                {
                    string text => JsonValue.Create(text),
                    bool flag => JsonValue.Create(flag),
                    int number => JsonValue.Create(number),
                    double number => JsonValue.Create(number),
                    var other => throw new InvalidOperationException($"Unexpected scalar value {other}"),
                };
            case EnumType enumType:
                return JsonValue.Create(enumType.Values.Single(v => Equals(v.Value, value)).Name);
            case ObjectType obj:
                return SelectFields(schema, fragments, obj, value, field.SelectionSet!);
            default:
                throw new InvalidOperationException($"Unexpected type {type}");
        }
    }
}

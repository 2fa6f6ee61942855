using Federation.GraphQL.Language.Syntax;
using Federation.GraphQL.Types;

namespace Federation.GraphQL.Execution;

/// <summary>
/// CoerceArgumentValues: https://spec.graphql.org/September2025/#CoerceArgumentValues()
/// The result lists arguments in definition order; an argument that is neither given nor
/// defaulted is absent, one given as null (or as a variable holding null) is present with null.
/// A problem throws <see cref="GraphQLException"/>, worded as graphql-js words it, which the
/// executor turns into a field error.
/// </summary>
internal static class ArgumentValues
{
    public static readonly IReadOnlyDictionary<string, object?> None = new Dictionary<string, object?>();

    public static IReadOnlyDictionary<string, object?> Coerce(FieldPlan field, VariableValues variables)
    {
        var definitions = field.Definition!.Arguments;
        if (definitions.Count == 0)
        {
            return None;
        }

        var node = field.Node;
        var coerced = new Dictionary<string, object?>(definitions.Count, StringComparer.Ordinal);
        foreach (var definition in definitions)
        {
            var argumentNode = FindArgument(node.Arguments, definition.Name);
            if (argumentNode is null)
            {
                if (InputCoercion.IsRequired(definition))
                {
                    throw new GraphQLException(new GraphQLError(
                        $"Argument \"{Describe(field, definition)}\" of required type \"{definition.Type}\" was not provided.", node));
                }

                UseDefault(coerced, field, definition);
                continue;
            }

            var valueNode = argumentNode.Value;
            if (valueNode is VariableNode variable
                && !variables.Coerced.ContainsKey(variable.Name.Value)
                && !InputCoercion.IsRequired(definition))
            {
                UseDefault(coerced, field, definition);
                continue;
            }

            if (!InputCoercion.TryCoerceLiteral(valueNode, definition.Type, variables, out var value))
            {
                GraphQLError? first = null;
                InputValidation.ValidateLiteral(valueNode, definition.Type, variables, (error, at, path) =>
                    first ??= new GraphQLError($"Argument \"{Describe(field, definition)}\" has invalid value{InputValidation.PrintPath(path)}: {error.Message}", at));
                throw new GraphQLException(first ?? new GraphQLError($"Argument \"{Describe(field, definition)}\" has invalid value.", valueNode));
            }

            coerced[definition.Name] = value;
        }

        return coerced;
    }

    private static void UseDefault(Dictionary<string, object?> coerced, FieldPlan field, InputValue definition)
    {
        try
        {
            if (InputCoercion.TryGetDefault(definition, out var value))
            {
                coerced[definition.Name] = value;
            }
        }
        catch (GraphQLException exception)
        {
            throw new GraphQLException(new GraphQLError(
                $"Argument \"{Describe(field, definition)}\" has invalid default value: {exception.Error.Message}", field.Node));
        }
    }

    /// <summary>graphql-js prints an argument as <c>Type.field(argument:)</c>.</summary>
    private static string Describe(FieldPlan field, InputValue argument) =>
        $"{field.ParentType.Name}.{field.Node.Name.Value}({argument.Name}:)";

    private static ArgumentNode? FindArgument(IReadOnlyList<ArgumentNode> arguments, string name)
    {
        foreach (var argument in arguments)
        {
            if (argument.Name.Value == name)
            {
                return argument;
            }
        }

        return null;
    }
}

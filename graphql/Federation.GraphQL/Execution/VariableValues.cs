using System.Text.Json;
using Federation.GraphQL.Language;
using Federation.GraphQL.Language.Syntax;
using Federation.GraphQL.Types;

namespace Federation.GraphQL.Execution;

/// <summary>
/// The coerced variable values of an operation, and what was given for each variable (its type,
/// default literal and raw value) for scalars that must see variables as literals.
/// A variable that was neither given nor defaulted is absent from <see cref="Coerced"/>.
/// </summary>
internal sealed class VariableValues
{
    public static readonly VariableValues Empty = new();

    public Dictionary<string, object?> Coerced { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, VariableSource> Sources { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// CoerceVariableValues: https://spec.graphql.org/September2025/#CoerceVariableValues()
    /// Returns null and fills <paramref name="errors"/> when any variable does not coerce.
    /// </summary>
    public static VariableValues? Coerce(
        Schema schema,
        IReadOnlyList<VariableDefinitionNode> definitions,
        IReadOnlyDictionary<string, object?>? inputs,
        List<GraphQLError> errors)
    {
        if (definitions.Count == 0)
        {
            return Empty;
        }

        const int maxErrors = 50;
        var result = new VariableValues();
        foreach (var definition in definitions)
        {
            var name = definition.Variable.Name.Value;
            var type = TypeSyntax.Resolve(schema, definition.Type);
            if (type is null || !type.IsInputType)
            {
                if (!Report(errors, new GraphQLError(
                        $"Variable \"${name}\" expected value of type \"{TypeSyntax.Print(definition.Type)}\" which cannot be used as an input type.",
                        definition.Type), maxErrors))
                {
                    return null;
                }

                continue;
            }

            object? value = null;
            var provided = inputs is not null && inputs.TryGetValue(name, out value);
            if (value is JsonElement json)
            {
                // Variables straight from a JSON request body read as the plain values they stand for.
                value = PlainValues.FromJson(json);
                provided = json.ValueKind != JsonValueKind.Undefined;
            }

            result.Sources[name] = new VariableSource(type, definition.DefaultValue, provided, value);
            if (!provided)
            {
                if (definition.DefaultValue is { } defaultLiteral)
                {
                    if (InputCoercion.TryCoerceLiteral(defaultLiteral, type, null, out var defaultValue))
                    {
                        result.Coerced[name] = defaultValue;
                    }
                    else
                    {
                        var reported = false;
                        InputValidation.ValidateLiteral(defaultLiteral, type, null, (error, _, path) =>
                        {
                            reported = true;
                            Report(errors, new GraphQLError($"Variable \"${name}\" has invalid default value{InputValidation.PrintPath(path)}: {error.Message}", definition), maxErrors);
                        });
                        if (!reported)
                        {
                            Report(errors, new GraphQLError($"Variable \"${name}\" has invalid default value: Expected value of type \"{type}\", found: {Printer.PrintForError(defaultLiteral)}.", definition), maxErrors);
                        }
                    }

                    continue;
                }

                if (type is not NonNullType)
                {
                    continue;
                }
            }

            if (InputCoercion.TryCoerceValue(value, type, out var coerced) && (provided || type is not NonNullType))
            {
                result.Coerced[name] = coerced;
                continue;
            }

            var tooMany = false;
            InputValidation.ValidateValue(value, provided, type, (message, path) =>
            {
                tooMany |= !Report(errors, new GraphQLError($"Variable \"${name}\" has invalid value{InputValidation.PrintPath(path)}: {message}", definition), maxErrors);
            });
            if (tooMany)
            {
                return null;
            }
        }

        return errors.Count == 0 ? result : null;
    }

    /// <summary>Adds an error; past graphql-js's limit of 50 it adds the limit error and answers false.</summary>
    private static bool Report(List<GraphQLError> errors, GraphQLError error, int maxErrors)
    {
        if (errors.Count >= maxErrors)
        {
            if (errors.Count == maxErrors)
            {
                errors.Add(new GraphQLError("Too many errors processing variables, error limit reached. Execution aborted."));
            }

            return false;
        }

        errors.Add(error);
        return true;
    }
}

/// <summary>What the request said about one variable.</summary>
internal readonly record struct VariableSource(GraphQLType Type, ValueNode? DefaultValue, bool Provided, object? Value);

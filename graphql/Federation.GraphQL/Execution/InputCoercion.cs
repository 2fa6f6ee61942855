using System.Collections;
using System.Runtime.CompilerServices;
using Federation.GraphQL.Language;
using Federation.GraphQL.Language.Syntax;
using Federation.GraphQL.Types;

namespace Federation.GraphQL.Execution;

/// <summary>
/// Input coercion of values given as variables and of literals in the document:
/// https://spec.graphql.org/September2025/#sec-Input-Values (per type: Scalars, Enums, Lists,
/// Input Objects, OneOf Input Objects, Non-Null). Each method answers false for a value that does
/// not coerce; <see cref="InputValidation"/> then explains why, worded as graphql-js words it.
/// Coerced input objects are dictionaries in field-definition order; coerced lists are arrays.
/// </summary>
internal static class InputCoercion
{
    private static readonly ConditionalWeakTable<InputValue, StrongBox<object?>> DefaultValues = [];

    /// <summary>graphql-js coerceInputValue, for a value that was given (a missing one is the caller's to handle).</summary>
    public static bool TryCoerceValue(object? value, GraphQLType type, out object? result)
    {
        result = null;
        if (type is NonNullType nonNull)
        {
            return value is not null && TryCoerceValue(value, nonNull.OfType, out result);
        }

        if (value is null)
        {
            return true;
        }

        switch (type)
        {
            case ListType list:
                if (!IsList(value))
                {
                    if (!TryCoerceValue(value, list.OfType, out var single))
                    {
                        return false;
                    }

                    result = new[] { single };
                    return true;
                }

                var items = new List<object?>();
                foreach (var item in (IEnumerable)value)
                {
                    if (!TryCoerceValue(item, list.OfType, out var coercedItem))
                    {
                        return false;
                    }

                    items.Add(coercedItem);
                }

                result = items.ToArray();
                return true;

            case InputObjectType inputObject:
                return TryCoerceObject(value, inputObject, out result);

            case EnumType enumType:
                return EnumCoercion.TryParseValue(enumType, value, out result);

            case ScalarType scalar:
                try
                {
                    result = scalar.ParseValue(value);
                    return true;
                }
                catch (Exception)
                {
                    return false;
                }

            default:
                return false;
        }
    }

    private static bool TryCoerceObject(object value, InputObjectType type, out object? result)
    {
        result = null;
        if (value is not IReadOnlyDictionary<string, object?> fields)
        {
            return false;
        }

        foreach (var key in fields.Keys)
        {
            if (type.GetField(key) is null)
            {
                return false;
            }
        }

        var coerced = new Dictionary<string, object?>(type.Fields.Count, StringComparer.Ordinal);
        foreach (var field in type.Fields)
        {
            if (!fields.TryGetValue(field.Name, out var fieldValue))
            {
                if (IsRequired(field))
                {
                    return false;
                }

                if (TryGetDefault(field, out var defaultValue))
                {
                    coerced[field.Name] = defaultValue;
                }

                continue;
            }

            if (!TryCoerceValue(fieldValue, field.Type, out var coercedField))
            {
                return false;
            }

            coerced[field.Name] = coercedField;
        }

        if (type.IsOneOf && (fields.Count != 1 || coerced.Count != 1 || FirstValue(coerced) is null))
        {
            return false;
        }

        result = coerced;
        return true;
    }

    /// <summary>graphql-js coerceInputLiteral: a literal, with variables taken from <paramref name="variables"/>.</summary>
    public static bool TryCoerceLiteral(ValueNode node, GraphQLType type, VariableValues? variables, out object? result)
    {
        result = null;
        if (node is VariableNode variable)
        {
            var found = variables is not null && variables.Coerced.TryGetValue(variable.Name.Value, out result);
            if (!found)
            {
                result = null;
            }

            return !(result is null && type is NonNullType);
        }

        if (type is NonNullType nonNull)
        {
            return node is not NullValueNode && TryCoerceLiteral(node, nonNull.OfType, variables, out result);
        }

        if (node is NullValueNode)
        {
            return true;
        }

        switch (type)
        {
            case ListType list:
                if (node is not ListValueNode listNode)
                {
                    if (!TryCoerceLiteral(node, list.OfType, variables, out var single))
                    {
                        return false;
                    }

                    result = new[] { single };
                    return true;
                }

                var items = new object?[listNode.Values.Count];
                for (var i = 0; i < items.Length; i++)
                {
                    var itemNode = listNode.Values[i];
                    if (!TryCoerceLiteral(itemNode, list.OfType, variables, out var item))
                    {
                        // A missing or null variable in a nullable item position is a null item.
                        if (itemNode is VariableNode itemVariable && VariableValueOrNull(itemVariable, variables) is null && list.OfType is not NonNullType)
                        {
                            item = null;
                        }
                        else
                        {
                            return false;
                        }
                    }

                    items[i] = item;
                }

                result = items;
                return true;

            case InputObjectType inputObject:
                return TryCoerceObjectLiteral(node, inputObject, variables, out result);

            case EnumType enumType:
                return EnumCoercion.TryParseLiteral(enumType, node, out result);

            case ScalarType scalar:
                try
                {
                    result = scalar.ParseLiteral(VariableSubstitution.ContainsVariables(node) ? VariableSubstitution.Replace(node, variables) : node);
                    return true;
                }
                catch (Exception)
                {
                    return false;
                }

            default:
                return false;
        }
    }

    private static bool TryCoerceObjectLiteral(ValueNode node, InputObjectType type, VariableValues? variables, out object? result)
    {
        result = null;
        if (node is not ObjectValueNode objectNode)
        {
            return false;
        }

        foreach (var fieldNode in objectNode.Fields)
        {
            if (type.GetField(fieldNode.Name.Value) is null)
            {
                return false;
            }
        }

        var coerced = new Dictionary<string, object?>(type.Fields.Count, StringComparer.Ordinal);
        foreach (var field in type.Fields)
        {
            var fieldNode = FindField(objectNode, field.Name);
            if (fieldNode is null || (fieldNode.Value is VariableNode v && IsMissingVariable(v, variables)))
            {
                if (IsRequired(field))
                {
                    return false;
                }

                if (TryGetDefault(field, out var defaultValue))
                {
                    coerced[field.Name] = defaultValue;
                }

                continue;
            }

            if (!TryCoerceLiteral(fieldNode.Value, field.Type, variables, out var fieldValue))
            {
                return false;
            }

            coerced[field.Name] = fieldValue;
        }

        if (type.IsOneOf)
        {
            if (DistinctFieldCount(objectNode) != 1 || coerced.Count != 1)
            {
                return false;
            }

            foreach (var fieldNode in objectNode.Fields)
            {
                if (fieldNode.Value is NullValueNode || (coerced.TryGetValue(fieldNode.Name.Value, out var fieldValue) && fieldValue is null))
                {
                    return false;
                }
            }
        }

        result = coerced;
        return true;
    }

    /// <summary>The coerced default of an argument or input field (graphql-js coerceDefaultValue), computed once.</summary>
    public static bool TryGetDefault(InputValue input, out object? value)
    {
        value = null;
        if (input.DefaultValue is not { } literal)
        {
            return false;
        }

        if (DefaultValues.TryGetValue(input, out var box))
        {
            value = box.Value;
            return true;
        }

        if (!TryCoerceLiteral(literal, input.Type, null, out value))
        {
            throw new GraphQLException(new GraphQLError($"Expected value of type \"{input.Type}\" to be valid, found: {Printer.PrintForError(literal)}."));
        }

        DefaultValues.AddOrUpdate(input, new StrongBox<object?>(value));
        return true;
    }

    public static bool IsRequired(InputValue input) => input.Type is NonNullType && !input.HasDefaultValue;

    /// <summary>graphql-js isIterableObject: any enumerable except strings and maps.</summary>
    public static bool IsList(object value) =>
        value is IEnumerable and not string and not IReadOnlyDictionary<string, object?> and not IDictionary;

    public static bool IsMissingVariable(VariableNode variable, VariableValues? variables) =>
        variables is null || !variables.Coerced.ContainsKey(variable.Name.Value);

    public static ObjectFieldNode? FindField(ObjectValueNode node, string name)
    {
        ObjectFieldNode? found = null;
        foreach (var field in node.Fields)
        {
            if (field.Name.Value == name)
            {
                // graphql-js keeps the last of duplicate fields (a Map built from the list).
                found = field;
            }
        }

        return found;
    }

    private static object? VariableValueOrNull(VariableNode variable, VariableValues? variables) =>
        variables is not null && variables.Coerced.TryGetValue(variable.Name.Value, out var value) ? value : null;

    private static int DistinctFieldCount(ObjectValueNode node)
    {
        if (node.Fields.Count <= 1)
        {
            return node.Fields.Count;
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var field in node.Fields)
        {
            names.Add(field.Name.Value);
        }

        return names.Count;
    }

    private static object? FirstValue(Dictionary<string, object?> map)
    {
        foreach (var pair in map)
        {
            return pair.Value;
        }

        return null;
    }
}

using System.Runtime.ExceptionServices;
using System.Text.Json;
using Federation.GraphQL.Types;
using Federation.GraphQL.Types.Scalars;

namespace Federation.GraphQL.Execution;

/// <summary>Value completion: https://spec.graphql.org/September2025/#sec-Value-Completion</summary>
internal sealed partial class OperationRun
{
    /// <summary>Completes a value into a slot; an error there becomes a field error at the slot's path.</summary>
    private void Complete(GraphQLType type, FieldPlan field, ResultNode node, int index, object? value)
    {
        try
        {
            CompleteValue(type, field, node, index, value);
        }
        catch (Exception exception) when (IsFieldError(exception))
        {
            FieldError(exception, field, node, index, type is NonNullType);
        }
    }

    /// <summary>CompleteValue: https://spec.graphql.org/September2025/#CompleteValue()</summary>
    private void CompleteValue(GraphQLType type, FieldPlan field, ResultNode node, int index, object? value)
    {
        if (value is Exception error)
        {
            // graphql-js treats an Error value as if the resolver had thrown it.
            ExceptionDispatchInfo.Throw(error);
        }

        var nonNull = false;
        if (type is NonNullType nonNullType)
        {
            if (IsNull(value))
            {
                throw ExecutionErrors.NullForNonNullField(field);
            }

            type = nonNullType.OfType;
            nonNull = true;
        }
        else if (IsNull(value))
        {
            return;
        }

        switch (type)
        {
            case ScalarType scalar:
                Set(node, index, SerializeScalar(scalar, value!));
                return;
            case EnumType enumType:
                Set(node, index, EnumCoercion.Serialize(enumType, value is JsonElement json ? JsonText.ToClr(json)! : value!));
                return;
            case ObjectType objectType:
                CompleteObject(objectType, field, node, index, nonNull, value!);
                return;
            case ListType listType:
                CompleteList(listType, field, node, index, nonNull, value!);
                return;
            default:
                CompleteObject(ResolveRuntimeType(type.Named, field, value!), field, node, index, nonNull, value!);
                return;
        }
    }

    private static object SerializeScalar(ScalarType scalar, object value)
    {
        var input = value is JsonElement json ? PlainValues.FromJson(json)! : value;

        // A built-in scalar handed a value of its own kind returns it unchanged: keep the box
        // rather than let Serialize box it again.
        switch (scalar)
        {
            case IntScalar when input is int:
            case StringScalar or IdScalar when input is string:
            case BooleanScalar when input is bool:
            case FloatScalar when input is double number && double.IsFinite(number):
                return input;
        }

        return scalar.Serialize(input) ?? throw ExecutionErrors.SerializedToNull(scalar, input);
    }

    private void CompleteObject(ObjectType type, FieldPlan field, ResultNode node, int index, bool nonNull, object value)
    {
        if (type.IsTypeOf is { } isTypeOf && !isTypeOf(value))
        {
            throw ExecutionErrors.NotOfType(type, value);
        }

        var child = new ResultObject(field.GetSubPlan(type, collector))
        {
            Parent = node,
            ParentIndex = index,
            NonNullInParent = nonNull,
        };
        Set(node, index, child);
        ExecuteFields(child, value);
    }

    private void CompleteList(ListType type, FieldPlan field, ResultNode node, int index, bool nonNull, object value)
    {
        var itemType = type.OfType;
        ResultList list;
        if (value is JsonElement json)
        {
            if (json.ValueKind != JsonValueKind.Array)
            {
                throw ExecutionErrors.NotIterable(field);
            }

            list = NewList(node, index, nonNull, json.GetArrayLength());
            foreach (var item in json.EnumerateArray())
            {
                Complete(itemType, field, list, list.Add(), item);
                if (list.IsNulled)
                {
                    return;
                }
            }

            return;
        }

        if (!InputCoercion.IsList(value))
        {
            throw ExecutionErrors.NotIterable(field);
        }

        if (value is IReadOnlyList<object?> items)
        {
            var count = items.Count;
            list = NewList(node, index, nonNull, count);
            for (var i = 0; i < count; i++)
            {
                Complete(itemType, field, list, list.Add(), items[i]);
                if (list.IsNulled)
                {
                    return;
                }
            }

            return;
        }

        list = NewList(node, index, nonNull, value is System.Collections.ICollection collection ? collection.Count : 4);
        foreach (var item in (System.Collections.IEnumerable)value)
        {
            Complete(itemType, field, list, list.Add(), item);
            if (list.IsNulled)
            {
                return;
            }
        }
    }

    private static ResultList NewList(ResultNode node, int index, bool nonNull, int capacity)
    {
        var list = new ResultList(capacity) { Parent = node, ParentIndex = index, NonNullInParent = nonNull };
        Set(node, index, list);
        return list;
    }

    /// <summary>ResolveAbstractType: https://spec.graphql.org/September2025/#ResolveAbstractType()</summary>
    private ObjectType ResolveRuntimeType(NamedType abstractType, FieldPlan field, object value)
    {
        var resolver = abstractType switch
        {
            InterfaceType iface => iface.ResolveType,
            UnionType union => union.ResolveType,
            _ => null,
        };
        var typeName = resolver is not null ? resolver(value) : DefaultResolvers.TypeName(Schema, abstractType, value);
        if (typeName is null)
        {
            throw ExecutionErrors.UnresolvedAbstractType(abstractType, field);
        }

        return Schema.GetType(typeName) switch
        {
            null => throw ExecutionErrors.UnknownRuntimeType(abstractType, typeName),
            ObjectType runtimeType when Schema.IsSubType(abstractType, runtimeType) => runtimeType,
            ObjectType runtimeType => throw ExecutionErrors.NotPossibleType(abstractType, runtimeType),
            _ => throw ExecutionErrors.NonObjectRuntimeType(abstractType, typeName),
        };
    }
}

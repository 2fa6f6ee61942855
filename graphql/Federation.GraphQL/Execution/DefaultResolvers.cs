using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using Federation.GraphQL.Types;

namespace Federation.GraphQL.Execution;

/// <summary>
/// What the executor does for a field without a resolver and an abstract type without a type
/// resolver — graphql-js's defaultFieldResolver and defaultTypeResolver.
/// </summary>
public static class DefaultResolvers
{
    private static readonly ConcurrentDictionary<(Type, string), Func<object, object?>?> Properties = new();

    /// <summary>
    /// The source's member named like the field: a dictionary entry (read-only dictionaries and
    /// mutable ones such as ExpandoObject), a JSON property, or a public
    /// property of a CLR object (exact name, else the name with its first letter upper-cased).
    /// </summary>
    public static FieldResolver Field { get; } = context => new ValueTask<object?>(Read(context.Source, context.FieldName));

    internal static object? Read(object? source, string name) => source switch
    {
        null => null,
        IReadOnlyDictionary<string, object?> map => map.TryGetValue(name, out var value) ? value : null,
        IDictionary<string, object?> map => map.TryGetValue(name, out var value) ? value : null,
        JsonElement { ValueKind: JsonValueKind.Object } json => json.TryGetProperty(name, out var property) ? property : null,
        JsonElement => null,
        string => null,
        _ => Properties.GetOrAdd((source.GetType(), name), static key => Getter(key.Item1, key.Item2)) is { } getter ? getter(source) : null,
    };

    /// <summary>
    /// The value's <c>__typename</c> when it is a string, else the first possible type whose
    /// <see cref="ObjectType.IsTypeOf"/> accepts the value; null when neither tells.
    /// </summary>
    internal static string? TypeName(Schema schema, NamedType abstractType, object value)
    {
        if (Read(value, "__typename") is { } typename)
        {
            if (typename is string name)
            {
                return name;
            }

            if (typename is JsonElement { ValueKind: JsonValueKind.String } json)
            {
                return json.GetString();
            }
        }

        foreach (var possible in schema.GetPossibleTypes(abstractType))
        {
            if (possible.IsTypeOf is { } isTypeOf && isTypeOf(value))
            {
                return possible.Name;
            }
        }

        return null;
    }

    private static Func<object, object?>? Getter(Type type, string name)
    {
        var property = type.GetProperty(name, BindingFlags.Public | BindingFlags.Instance)
            ?? (name.Length > 0 && char.IsLower(name[0])
                ? type.GetProperty(char.ToUpperInvariant(name[0]) + name[1..], BindingFlags.Public | BindingFlags.Instance)
                : null);
        if (property is null || !property.CanRead || property.GetIndexParameters().Length != 0)
        {
            return null;
        }

        return property.GetValue;
    }
}

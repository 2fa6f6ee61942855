using System.Collections.Frozen;

namespace Federation.GraphQL.Types;

/// <summary>An object or interface type: a type with fields and interfaces.</summary>
public abstract class FieldsType : NamedType
{
    private readonly Lazy<(IReadOnlyList<OutputField> List, FrozenDictionary<string, OutputField> ByName)> fields;
    private readonly Lazy<IReadOnlyList<InterfaceType>> interfaces;

    /// <param name="fields">Called once, on first use, so that types can refer to each other.</param>
    /// <param name="interfaces">Called once, on first use.</param>
    protected FieldsType(string name, Func<IEnumerable<OutputField>> fields, Func<IEnumerable<InterfaceType>>? interfaces)
        : base(name)
    {
        this.fields = new(() =>
        {
            var list = fields().ToArray();
            var byName = new Dictionary<string, OutputField>(list.Length);
            foreach (var field in list)
            {
                byName.TryAdd(field.Name, field);
            }

            return (list, byName.ToFrozenDictionary());
        });
        this.interfaces = new(() => interfaces is null ? [] : interfaces().ToArray());
    }

    /// <summary>The fields in definition order.</summary>
    public IReadOnlyList<OutputField> Fields => fields.Value.List;

    public IReadOnlyList<InterfaceType> Interfaces => interfaces.Value;

    /// <summary>
    /// Every type the SDL names as an interface of this type, in order, when some of them are not
    /// interface types: graphql-js builds such a schema and its validateSchema reports them, so a
    /// schema builder keeps them here (and only the interfaces in <see cref="Interfaces"/>).
    /// Set by SchemaBuilder; null for types built in code.
    /// </summary>
    internal Func<IEnumerable<NamedType>>? DeclaredInterfaces { get; init; }

    public OutputField? GetField(string fieldName) =>
        fields.Value.ByName.TryGetValue(fieldName, out var field) ? field : null;
}

/// <summary>https://spec.graphql.org/September2025/#sec-Objects</summary>
public sealed class ObjectType(string name, Func<IEnumerable<OutputField>> fields, Func<IEnumerable<InterfaceType>>? interfaces = null)
    : FieldsType(name, fields, interfaces)
{
    /// <summary>Optional check used when an abstract type has no type resolver.</summary>
    public Func<object, bool>? IsTypeOf { get; init; }
}

/// <summary>https://spec.graphql.org/September2025/#sec-Interfaces</summary>
public sealed class InterfaceType(string name, Func<IEnumerable<OutputField>> fields, Func<IEnumerable<InterfaceType>>? interfaces = null)
    : FieldsType(name, fields, interfaces)
{
    /// <summary>Names the concrete object type of a value; see <see cref="TypeResolver"/>.</summary>
    public TypeResolver? ResolveType { get; set; }
}

/// <summary>https://spec.graphql.org/September2025/#sec-Unions</summary>
public sealed class UnionType : NamedType
{
    private readonly Lazy<IReadOnlyList<ObjectType>> types;

    public UnionType(string name, Func<IEnumerable<ObjectType>> types)
        : base(name)
    {
        this.types = new(() => types().ToArray());
    }

    public IReadOnlyList<ObjectType> Types => types.Value;

    /// <summary>
    /// Every member the SDL names, in order, when some of them are not object types: graphql-js
    /// builds such a schema and its validateSchema reports them, so a schema builder keeps them here
    /// (and only the object types in <see cref="Types"/>). Set by SchemaBuilder; null for types built in code.
    /// </summary>
    internal Func<IEnumerable<NamedType>>? DeclaredTypes { get; init; }

    public TypeResolver? ResolveType { get; set; }
}

/// <summary>
/// Names the concrete object type of a runtime value of an abstract type,
/// or returns null when it cannot tell.
/// </summary>
public delegate string? TypeResolver(object value);

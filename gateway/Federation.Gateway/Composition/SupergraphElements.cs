namespace Federation.Gateway.Composition;

/// <summary>A subgraph of the supergraph: its name, URL and <c>join__Graph</c> value.</summary>
public sealed record SupergraphSubgraph(string Name, string Url, string GraphName);

public enum SupergraphTypeKind
{
    Scalar,
    Object,
    Interface,
    Union,
    Enum,
    InputObject,
}

/// <summary>A subgraph that defines a type (<c>@join__type</c>), with the key it gives the type there, if any.</summary>
/// <param name="Key">The key's field set; null for a type without key in that subgraph.</param>
/// <param name="Resolvable">False for a key the subgraph only references entities by (<c>resolvable: false</c>).</param>
/// <param name="Extension">The key was written on a type extension.</param>
/// <param name="IsInterfaceObject">The subgraph defines the interface as an object type (<c>@interfaceObject</c>).</param>
public sealed record TypeInSubgraph(string Subgraph, string? Key, bool Resolvable, bool Extension, bool IsInterfaceObject);

/// <summary>How a subgraph defines a field (<c>@join__field</c>, or the type's subgraphs when the field carries none).</summary>
/// <param name="External">The subgraph declares the field but another resolves it (it can only be provided or required).</param>
/// <param name="Requires">The <c>@requires</c> field set, if any.</param>
/// <param name="Provides">The <c>@provides</c> field set, if any.</param>
/// <param name="OverrideFrom">The subgraph this one takes the field over from (<c>@override(from:)</c>).</param>
/// <param name="OverrideLabel">The progressive override's label; both sides carry it.</param>
/// <param name="UsedOverridden">The field is overridden here but still used by a key or <c>@requires</c>.</param>
/// <param name="Type">The field's type in this subgraph when it differs between subgraphs, e.g. <c>String!</c>.</param>
public sealed record FieldInSubgraph(
    string Subgraph,
    bool External,
    string? Requires,
    string? Provides,
    string? OverrideFrom,
    string? OverrideLabel,
    bool UsedOverridden,
    string? Type);

/// <summary>A member of a union in a subgraph (<c>@join__unionMember</c>).</summary>
public sealed record UnionMemberInSubgraph(string Subgraph, string Member);

/// <summary>An interface a type implements in a subgraph (<c>@join__implements</c>).</summary>
public sealed record ImplementationInSubgraph(string Subgraph, string Interface);

/// <summary>A type of the supergraph and where the subgraphs define it.</summary>
public sealed class SupergraphType
{
    internal SupergraphType(
        string name,
        SupergraphTypeKind kind,
        bool isInaccessible,
        IReadOnlyList<TypeInSubgraph> subgraphs,
        IReadOnlyList<SupergraphField> fields,
        IReadOnlyList<UnionMemberInSubgraph> unionMembers,
        IReadOnlyList<ImplementationInSubgraph> implementations,
        IReadOnlyDictionary<string, IReadOnlyList<string>> enumValues)
    {
        Name = name;
        Kind = kind;
        IsInaccessible = isInaccessible;
        Subgraphs = subgraphs;
        Fields = fields;
        UnionMembers = unionMembers;
        Implementations = implementations;
        EnumValueSubgraphs = enumValues;
    }

    public string Name { get; }

    public SupergraphTypeKind Kind { get; }

    public bool IsInaccessible { get; }

    /// <summary>One entry per <c>@join__type</c>: a subgraph with two keys appears twice.</summary>
    public IReadOnlyList<TypeInSubgraph> Subgraphs { get; }

    /// <summary>The fields (or input fields), in supergraph order, <c>@inaccessible</c> ones included.</summary>
    public IReadOnlyList<SupergraphField> Fields { get; }

    public IReadOnlyList<UnionMemberInSubgraph> UnionMembers { get; }

    public IReadOnlyList<ImplementationInSubgraph> Implementations { get; }

    /// <summary>For an enum: the subgraphs that define each value (<c>@join__enumValue</c>).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> EnumValueSubgraphs { get; }

    /// <summary>An entity: some subgraph gives it a key.</summary>
    public bool IsEntity => Subgraphs.Any(s => s.Key is not null);

    public SupergraphField? Field(string name) => Fields.FirstOrDefault(f => f.Name == name);

    /// <summary>Whether the subgraph defines the type.</summary>
    public bool IsDefinedIn(string subgraph) => Subgraphs.Any(s => s.Subgraph == subgraph);

    /// <summary>The keys by which the subgraph resolves the entity (<c>resolvable</c> ones).</summary>
    public IReadOnlyList<string> ResolvableKeysIn(string subgraph) =>
        [.. Subgraphs.Where(s => s.Subgraph == subgraph && s.Key is not null && s.Resolvable).Select(s => s.Key!)];
}

/// <summary>A field of the supergraph and the subgraphs that define it.</summary>
public sealed class SupergraphField
{
    internal SupergraphField(string parent, string name, string type, bool isInaccessible, IReadOnlyList<FieldInSubgraph> subgraphs)
    {
        Parent = parent;
        Name = name;
        Type = type;
        IsInaccessible = isInaccessible;
        Subgraphs = subgraphs;
    }

    public string Parent { get; }

    public string Name { get; }

    public string Coordinate => Parent + "." + Name;

    /// <summary>The supergraph type of the field, e.g. <c>[Licence!]!</c>.</summary>
    public string Type { get; }

    public bool IsInaccessible { get; }

    public IReadOnlyList<FieldInSubgraph> Subgraphs { get; }

    /// <summary>The arguments of a field of an object or interface type, in supergraph order; empty for an input field.</summary>
    public IReadOnlyList<SupergraphArgument> Arguments { get; init; } = [];

    /// <summary>For an input field: whether it has a default value.</summary>
    public bool HasDefault { get; init; }

    /// <summary>
    /// The subgraphs that resolve the field themselves: those that define it without
    /// <c>@external</c> (external ones resolve it only on the paths a <c>@provides</c> names).
    /// </summary>
    public IEnumerable<string> ResolvingSubgraphs => Subgraphs.Where(s => !s.External).Select(s => s.Subgraph).Concat(ThroughInterfaceObjects);

    /// <summary>
    /// For a field of an object type that no subgraph defines on the type (<c>@join__field</c>
    /// naming no graph): the subgraphs that resolve it for the type as an <c>@interfaceObject</c>
    /// of one of its interfaces, by the interface's key.
    /// </summary>
    public IReadOnlyList<string> ThroughInterfaceObjects { get; internal set; } = [];

    public FieldInSubgraph? In(string subgraph) => Subgraphs.FirstOrDefault(s => s.Subgraph == subgraph);
}

/// <summary>An argument of a field of the supergraph.</summary>
/// <param name="Type">The argument's type, e.g. <c>PersonFilter</c> or <c>Int!</c>.</param>
public sealed record SupergraphArgument(string Name, string Type, bool HasDefault, bool IsInaccessible);

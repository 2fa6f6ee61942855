using Federation.GraphQL.Language.Syntax;

namespace Federation.Gateway.Composition;

/// <summary>
/// The supergraph as composition builds it, before printing: each element with its merged
/// definition, its supergraph directives (join, inaccessible, tag, deprecated…, already printed in
/// Apollo's order) and, for the rules, where each subgraph defined it.
/// </summary>
internal sealed class MergedSchema(IReadOnlyList<SubgraphSchema> subgraphs, int joinMinor)
{
    public IReadOnlyList<SubgraphSchema> Subgraphs { get; } = subgraphs;

    /// <summary>The <c>x</c> of <c>join/v0.x</c>.</summary>
    public int JoinMinor { get; } = joinMinor;

    public Dictionary<string, MergedType> Types { get; } = new(StringComparer.Ordinal);

    /// <summary>The executable directives every subgraph defines (e.g. <c>directive @lower on FIELD</c>), for clients to use.</summary>
    public List<MergedDirectiveDefinition> Directives { get; } = [];

    /// <summary>Specs linked besides link and join, in the order Apollo adds them: (url, purpose, name in the supergraph, name in the spec).</summary>
    public List<LinkedSpec> Links { get; } = [];

    /// <summary>The custom specs <c>@composeDirective</c> links, with their directives.</summary>
    public List<ComposedFeature> ComposedFeatures { get; } = [];

    /// <summary>How each enum is used: as an input, an output, or both; with an example coordinate of each.</summary>
    public Dictionary<string, EnumUsage> EnumUsages { get; } = new(StringComparer.Ordinal);

    public string? InaccessibleName => Links.Find(l => l.SpecName == "inaccessible")?.Name;

    public MergedType? Type(string name) => Types.GetValueOrDefault(name);

    public IEnumerable<string> RootKinds() =>
        new[] { ("query", "Query"), ("mutation", "Mutation"), ("subscription", "Subscription") }
            .Where(r => Types.TryGetValue(r.Item2, out var type) && type.Fields.Count > 0)
            .Select(r => r.Item1);

    /// <summary>Whether <paramref name="member"/> is a member of the union or an implementation of the interface <paramref name="abstractType"/>.</summary>
    public bool IsDirectSubtype(string abstractType, string member) =>
        Type(abstractType) is { } type && Type(member) is { } candidate
        && (type.Kind == TypeKind.Union ? type.Members.Contains(member) : type.Kind == TypeKind.Interface && candidate.Interfaces.Contains(abstractType));
}

internal sealed record LinkedSpec(string Url, string? Purpose, string Name, string SpecName);

internal sealed class EnumUsage
{
    public string? InputExample { get; set; }

    public string? OutputExample { get; set; }
}

internal sealed class MergedType(string name, TypeKind kind, SubgraphType?[] sources)
{
    public string Name { get; } = name;

    public TypeKind Kind { get; } = kind;

    /// <summary>The type in each subgraph (by subgraph index) where it has this kind; null elsewhere.</summary>
    public SubgraphType?[] Sources { get; } = sources;

    public string? Description { get; set; }

    public List<string> Directives { get; } = [];

    public List<string> Interfaces { get; } = [];

    public List<MergedField> Fields { get; } = [];

    public List<string> Members { get; } = [];

    public List<MergedEnumValue> Values { get; } = [];

    public bool IsInaccessible { get; set; }

    /// <summary>What its <c>@authenticated</c>, <c>@requiresScopes</c>, <c>@policy</c> require in the supergraph.</summary>
    public AccessRequirements Access { get; set; } = AccessRequirements.None;

    public MergedField? Field(string fieldName) => Fields.Find(f => f.Name == fieldName);
}

internal sealed class MergedField(MergedType parent, string name, SubgraphField?[] sources)
{
    public MergedType Parent { get; } = parent;

    public string Name { get; } = name;

    public string Coordinate => Parent.Name + "." + Name;

    /// <summary>The field in each subgraph (by subgraph index); null where the subgraph's type lacks it.</summary>
    public SubgraphField?[] Sources { get; } = sources;

    public string? Description { get; set; }

    public TypeNode Type { get; set; } = new NamedTypeNode(new NameNode("String"));

    public List<MergedArgument> Arguments { get; } = [];

    public ValueNode? DefaultValue { get; set; }

    public List<string> Directives { get; } = [];

    public bool IsInaccessible { get; set; }

    /// <summary>What its <c>@authenticated</c>, <c>@requiresScopes</c>, <c>@policy</c> require in the supergraph.</summary>
    public AccessRequirements Access { get; set; } = AccessRequirements.None;

    /// <summary>False when the subgraphs give the field types that differ (compatible or not).</summary>
    public bool AllTypesEqual { get; set; } = true;
}

internal sealed class MergedArgument(string ownerCoordinate, string name)
{
    public string Name { get; } = name;

    /// <summary><c>Type.field(name:)</c>, or <c>@directive(name:)</c>.</summary>
    public string Coordinate { get; } = $"{ownerCoordinate}({name}:)";

    public string? Description { get; set; }

    public TypeNode Type { get; set; } = new NamedTypeNode(new NameNode("String"));

    public ValueNode? DefaultValue { get; set; }

    public List<string> Directives { get; } = [];

    public bool IsInaccessible { get; set; }
}

internal sealed class MergedEnumValue(string name)
{
    public string Name { get; } = name;

    public string? Description { get; set; }

    public List<string> Directives { get; } = [];

    public bool IsInaccessible { get; set; }
}

internal sealed class MergedDirectiveDefinition(string name)
{
    public string Name { get; } = name;

    public string? Description { get; set; }

    public bool Repeatable { get; set; }

    public List<string> Locations { get; } = [];

    public List<MergedArgument> Arguments { get; } = [];
}

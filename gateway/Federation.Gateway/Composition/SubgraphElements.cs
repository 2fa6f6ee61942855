using Federation.GraphQL.Language.Syntax;

namespace Federation.Gateway.Composition;

internal enum TypeKind
{
    Scalar,
    Object,
    Interface,
    Union,
    Enum,
    InputObject,
}

/// <summary>A type of one subgraph, its definition and extensions read together.</summary>
internal sealed class SubgraphType(SubgraphSchema subgraph, string name, TypeKind kind)
{
    public SubgraphSchema Subgraph { get; } = subgraph;

    public string Name { get; } = name;

    public TypeKind Kind { get; } = kind;

    public string? Description { get; set; }

    /// <summary>Applied directives in source order, each with whether it was written on an extension.</summary>
    public List<(DirectiveNode Directive, bool OfExtension)> Directives { get; } = [];

    public List<string> Interfaces { get; } = [];

    /// <summary>The fields of an object or interface type, or the input fields of an input object type.</summary>
    public List<SubgraphField> Fields { get; } = [];

    public List<string> Members { get; } = [];

    public List<SubgraphEnumValue> Values { get; } = [];

    public List<SubgraphKey> Keys { get; } = [];

    public bool HasDefinition { get; set; }

    public bool HasExtension { get; set; }

    public SubgraphField? Field(string fieldName) => Fields.Find(f => f.Name == fieldName);

    public bool Has(string specDirective) => Directives.Exists(d => Subgraph.IsFederation(d.Directive, specDirective));

    /// <summary>An object type standing for an entity interface of other subgraphs (<c>@interfaceObject</c>).</summary>
    public bool IsInterfaceObject => Kind == TypeKind.Object && Has("interfaceObject");

    /// <summary>The kind the type has in the supergraph: an interface object is the interface there.</summary>
    public TypeKind MergedKind => IsInterfaceObject ? TypeKind.Interface : Kind;
}

/// <summary>A field (or input field) of a subgraph type with what federation says of it there.</summary>
internal sealed class SubgraphField(SubgraphType parent, FieldDefinitionNode? field, InputValueDefinitionNode? inputField, TypeNode type, bool ofExtension)
{
    public SubgraphType Parent { get; } = parent;

    public string Name { get; } = field?.Name.Value ?? inputField!.Name.Value;

    public string Coordinate => Parent.Name + "." + Name;

    public string? Description { get; } = field?.Description?.Value ?? inputField?.Description?.Value;

    public TypeNode Type { get; } = type;

    public ValueNode? DefaultValue { get; } = inputField?.DefaultValue;

    public IReadOnlyList<DirectiveNode> Directives { get; } = field?.Directives ?? inputField!.Directives;

    public List<SubgraphInputValue> Arguments { get; } = [];

    public bool OfExtension { get; } = ofExtension;

    public bool IsExternal { get; set; }

    public bool IsShareable { get; set; }

    /// <summary>An external field a <c>@provides</c> of this subgraph names: resolved here on those paths.</summary>
    public bool IsProvided { get; set; }

    /// <summary>An external field a key, <c>@requires</c> or <c>@provides</c> of this subgraph uses.</summary>
    public bool IsUsed { get; set; }

    public bool IsFullyExternal => IsExternal && !IsProvided;

    public string? Requires { get; set; }

    public string? Provides { get; set; }

    public string? OverrideFrom { get; set; }

    public string? OverrideLabel { get; set; }

    public SubgraphInputValue? Argument(string argumentName) => Arguments.Find(a => a.Name == argumentName);

    public bool Has(string specDirective) => Parent.Subgraph.Has(Directives, specDirective);
}

internal sealed class SubgraphInputValue(SubgraphField field, InputValueDefinitionNode node, TypeNode type)
{
    public SubgraphField Field { get; } = field;

    public string Name { get; } = node.Name.Value;

    public string Coordinate => $"{Field.Coordinate}({Name}:)";

    public string? Description { get; } = node.Description?.Value;

    public TypeNode Type { get; } = type;

    public ValueNode? DefaultValue { get; } = node.DefaultValue;

    public IReadOnlyList<DirectiveNode> Directives { get; } = node.Directives;

    public bool IsRequired => Type is NonNullTypeNode && DefaultValue is null;
}

internal sealed class SubgraphEnumValue(EnumValueDefinitionNode node)
{
    public string Name { get; } = node.Name.Value;

    public string? Description { get; } = node.Description?.Value;

    public IReadOnlyList<DirectiveNode> Directives { get; } = node.Directives;
}

/// <summary>A <c>@key</c> of a subgraph type: its field set text, whether the subgraph resolves the entity by it, and whether it was written on an extension.</summary>
internal sealed record SubgraphKey(string Fields, bool Resolvable, bool OfExtension);

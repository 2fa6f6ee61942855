using Federation.GraphQL;
using Federation.GraphQL.Language;
using Federation.GraphQL.Language.Syntax;
using Federation.Protocol.Spec;

namespace Federation.Gateway.Composition;

/// <summary>
/// One subgraph read for composition: its types with their definitions and extensions together,
/// root types renamed to <c>Query</c>/<c>Mutation</c>/<c>Subscription</c>, the federation
/// machinery (<c>_Any</c>, <c>_Service</c>, <c>_Entity</c>, <c>link__*</c>, the FieldSet scalars,
/// <c>_service</c>, <c>_entities</c>, directive definitions) left out, and the federation
/// directives recognised under the names the subgraph's <c>@link</c> gives them.
/// </summary>
internal sealed class SubgraphSchema
{
    /// <summary>The federation directives composition reads, in the order of the federation spec.</summary>
    internal static readonly string[] SpecDirectives =
        ["key", "requires", "provides", "external", "tag", "extends", "shareable", "inaccessible", "override", "composeDirective", "interfaceObject", "authenticated", "requiresScopes", "policy", "cost", "listSize", "cacheTag"];

    private static readonly string[] SpecScalars = ["FieldSet", "Scope", "Policy", "ContextFieldValue"];

    private readonly Dictionary<string, string> specNameOfLocal = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> rootRenames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SubgraphType> types = new(StringComparer.Ordinal);

    private SubgraphSchema(SubgraphSdl source, DocumentNode document, FederationSpec spec, int federationMinor)
    {
        Name = source.Name;
        Url = source.Url;
        Sdl = source.Sdl;
        Document = document;
        FederationMinor = federationMinor;
        Features = ComposedDirectives.Features(document);
        foreach (var name in SpecDirectives)
        {
            specNameOfLocal[spec.LocalName(name)] = name;
        }

        foreach (var scalar in SpecScalars)
        {
            FederationTypes.Add(spec.LocalName(scalar));
        }
    }

    public string Name { get; }

    public string Url { get; }

    public string Sdl { get; }

    public DocumentNode Document { get; }

    /// <summary>The <c>x</c> of the linked <c>federation/v2.x</c>.</summary>
    public int FederationMinor { get; }

    /// <summary>The specs (core features) the subgraph links, for <c>@composeDirective</c>.</summary>
    public List<ComposedDirectives.Feature> Features { get; }

    /// <summary>This subgraph's own directives that <c>@composeDirective</c> carries into the supergraph; set once all subgraphs are checked.</summary>
    public HashSet<string> ComposedDirectiveNames { get; } = new(StringComparer.Ordinal);

    /// <summary>The name of this subgraph's <c>join__Graph</c> value; set when the set of subgraphs is known.</summary>
    public string GraphName { get; set; } = "";

    public IEnumerable<SubgraphType> Types => types.Values;

    /// <summary>The subgraph's own directive definitions (not the federation, link or built-in ones).</summary>
    public List<DirectiveDefinitionNode> DirectiveDefinitions { get; } = [];

    private HashSet<string> FederationTypes { get; } = new(StringComparer.Ordinal) { "_Any", "_Service", "_Entity", "link__Import", "link__Purpose" };

    public SubgraphType? Type(string name) => types.GetValueOrDefault(name);

    /// <summary>The spec name (<c>key</c>, <c>shareable</c>…) of an applied directive that is a federation directive here, else null.</summary>
    public string? SpecName(DirectiveNode directive) => specNameOfLocal.GetValueOrDefault(directive.Name.Value);

    /// <summary>The spec name of a directive named <paramref name="local"/> here if it is a federation one, else null.</summary>
    public string? FederationSpecName(string local) =>
        specNameOfLocal.GetValueOrDefault(local) ?? (local.StartsWith("federation__", StringComparison.Ordinal) ? local["federation__".Length..] : null);

    /// <summary>The name a federation directive has here.</summary>
    public string? FederationLocalName(string specDirective) =>
        specNameOfLocal.FirstOrDefault(p => p.Value == specDirective).Key;

    public bool IsFederation(DirectiveNode directive, string specDirective) => SpecName(directive) == specDirective;

    public bool Has(IReadOnlyList<DirectiveNode> directives, string specDirective)
    {
        foreach (var directive in directives)
        {
            if (IsFederation(directive, specDirective))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Reads the subgraph, or reports why it cannot be read.</summary>
    public static SubgraphSchema? Read(SubgraphSdl source, List<CompositionError> errors)
    {
        DocumentNode document;
        try
        {
            document = Parser.Parse(source.Sdl, ParserOptions.Unlimited);
        }
        catch (GraphQLSyntaxException exception)
        {
            errors.Add(CompositionErrorCodes.InvalidGraphQL(source.Name, exception.Message));
            return null;
        }

        FederationSpec spec;
        try
        {
            spec = FederationSpec.FromLink(document);
        }
        catch (ArgumentException exception)
        {
            errors.Add(CompositionErrorCodes.InvalidLinkDirectiveUsage(source.Name, exception.Message));
            return null;
        }

        // Framework-printed federation definitions are checked against the spec and dropped.
        var before = errors.Count;
        var minor = LinkedFederationMinor(document);
        document = FederationDefinitions.Remove(source.Name, document, spec, minor, errors);
        UnsupportedDirectives.Check(source.Name, document, spec, errors);
        CacheTags.CheckVersion(source.Name, document, spec, minor, errors);
        if (errors.Count > before)
        {
            return null;
        }

        var subgraph = new SubgraphSchema(source, document, spec, minor);
        subgraph.ReadRootNames();
        subgraph.ReadTypes();
        subgraph.types.TryAdd("Query", new SubgraphType(subgraph, "Query", TypeKind.Object) { HasDefinition = true });
        FederationRoles.Assign(subgraph);
        return subgraph;
    }

    /// <summary>The root type name a subgraph's own name stands for (<c>RootQuery</c> → <c>Query</c>).</summary>
    public string Renamed(string name) => rootRenames.GetValueOrDefault(name, name);

    public TypeNode Renamed(TypeNode type) => type switch
    {
        NamedTypeNode named when rootRenames.ContainsKey(named.Name.Value) => new NamedTypeNode(new NameNode(Renamed(named.Name.Value))),
        ListTypeNode list => new ListTypeNode(Renamed(list.Type)),
        NonNullTypeNode nonNull => new NonNullTypeNode(Renamed(nonNull.Type)),
        _ => type,
    };

    private static int LinkedFederationMinor(DocumentNode document) =>
        FederationSpec.Link(document) is { } link
        && FederationSpec.StringArgument(link, "url") is { } url
        && int.TryParse(url.AsSpan(FederationSpec.UrlPrefix.Length), out var minor)
            ? minor
            : 0;

    private void ReadRootNames()
    {
        foreach (var definition in Document.Definitions)
        {
            var operations = definition switch
            {
                SchemaDefinitionNode schema => schema.OperationTypes,
                SchemaExtensionNode extension => extension.OperationTypes,
                _ => [],
            };
            foreach (var operation in operations)
            {
                var standard = operation.Operation switch
                {
                    OperationType.Query => "Query",
                    OperationType.Mutation => "Mutation",
                    _ => "Subscription",
                };
                if (operation.Type.Name.Value != standard)
                {
                    rootRenames[operation.Type.Name.Value] = standard;
                }
            }
        }
    }

    private void ReadTypes()
    {
        foreach (var definition in Document.Definitions)
        {
            if (definition is DirectiveDefinitionNode own && IsOwnDirective(own.Name.Value))
            {
                DirectiveDefinitions.Add(own);
            }

            if (definition is not ITypeDefinitionOrExtension typeNode || IsFederationType(typeNode.Name.Value))
            {
                continue;
            }

            var isExtension = definition is TypeExtensionNode;
            var kind = definition switch
            {
                ScalarTypeDefinitionNode or ScalarTypeExtensionNode => TypeKind.Scalar,
                ObjectTypeDefinitionNode or ObjectTypeExtensionNode => TypeKind.Object,
                InterfaceTypeDefinitionNode or InterfaceTypeExtensionNode => TypeKind.Interface,
                UnionTypeDefinitionNode or UnionTypeExtensionNode => TypeKind.Union,
                EnumTypeDefinitionNode or EnumTypeExtensionNode => TypeKind.Enum,
                _ => TypeKind.InputObject,
            };
            var name = Renamed(typeNode.Name.Value);
            if (!types.TryGetValue(name, out var type))
            {
                types[name] = type = new SubgraphType(this, name, kind);
            }
            else if (type.Kind != kind)
            {
                // The engine's validation reports an extension of another kind; keep the first.
                continue;
            }

            if (isExtension)
            {
                type.HasExtension = true;
            }
            else
            {
                type.HasDefinition = true;
                type.Description ??= (definition as TypeDefinitionNode)?.Description?.Value;
            }

            foreach (var directive in typeNode.Directives)
            {
                type.Directives.Add((directive, isExtension));
                if (IsFederation(directive, "key") && FederationSpec.StringArgument(directive, "fields") is { } fields)
                {
                    var resolvable = FederationSpec.Argument(directive, "resolvable") is not BooleanValueNode { Value: false };
                    type.Keys.Add(new SubgraphKey(fields, resolvable, isExtension));
                }
            }

            ReadMembers(definition, type, isExtension);
        }
    }

    private void ReadMembers(DefinitionNode definition, SubgraphType type, bool isExtension)
    {
        var (interfaces, fields, inputFields, members, values) = definition switch
        {
            ObjectTypeDefinitionNode n => (n.Interfaces, n.Fields, null, null, null),
            ObjectTypeExtensionNode n => (n.Interfaces, n.Fields, null, null, null),
            InterfaceTypeDefinitionNode n => (n.Interfaces, n.Fields, null, null, null),
            InterfaceTypeExtensionNode n => (n.Interfaces, n.Fields, null, null, null),
            UnionTypeDefinitionNode n => (null, null, null, n.Types, null),
            UnionTypeExtensionNode n => (null, null, null, n.Types, null),
            EnumTypeDefinitionNode n => (null, null, null, null, n.Values),
            EnumTypeExtensionNode n => (null, null, null, null, n.Values),
            InputObjectTypeDefinitionNode n => (null, null, n.Fields, null, null),
            InputObjectTypeExtensionNode n => (null, null, n.Fields, (IReadOnlyList<NamedTypeNode>?)null, (IReadOnlyList<EnumValueDefinitionNode>?)null),
            _ => ((IReadOnlyList<NamedTypeNode>?)null, (IReadOnlyList<FieldDefinitionNode>?)null, (IReadOnlyList<InputValueDefinitionNode>?)null, (IReadOnlyList<NamedTypeNode>?)null, (IReadOnlyList<EnumValueDefinitionNode>?)null),
        };

        foreach (var implemented in interfaces ?? [])
        {
            type.Interfaces.Add(implemented.Name.Value);
        }

        foreach (var field in fields ?? [])
        {
            if (type.Name == "Query" && field.Name.Value is "_service" or "_entities")
            {
                continue;
            }

            var subgraphField = new SubgraphField(type, field, null, Renamed(field.Type), isExtension);
            foreach (var argument in field.Arguments)
            {
                subgraphField.Arguments.Add(new SubgraphInputValue(subgraphField, argument, Renamed(argument.Type)));
            }

            type.Fields.Add(subgraphField);
        }

        foreach (var inputField in inputFields ?? [])
        {
            type.Fields.Add(new SubgraphField(type, null, inputField, inputField.Type, isExtension));
        }

        foreach (var member in members ?? [])
        {
            type.Members.Add(member.Name.Value);
        }

        foreach (var value in values ?? [])
        {
            type.Values.Add(new SubgraphEnumValue(value));
        }
    }

    private bool IsOwnDirective(string name) =>
        !specNameOfLocal.ContainsKey(name) && name is not ("link" or "deprecated" or "specifiedBy" or "oneOf" or "include" or "skip")
        && !name.StartsWith("federation__", StringComparison.Ordinal);

    private bool IsFederationType(string name) =>
        FederationTypes.Contains(name) || name.StartsWith("federation__", StringComparison.Ordinal) || name.StartsWith("link__", StringComparison.Ordinal);
}

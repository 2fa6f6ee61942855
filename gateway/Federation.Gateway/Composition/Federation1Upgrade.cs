using Federation.GraphQL;
using Federation.GraphQL.Language;
using Federation.GraphQL.Language.Syntax;
using Federation.Protocol.Spec;

namespace Federation.Gateway.Composition;

/// <summary>
/// Federation 1 subgraphs (no federation <c>@link</c>) rewritten as Federation 2 ones, as Apollo's
/// composition upgrades them (<c>federation-internals/src/schemaUpgrader.ts</c>) before composing:
/// linked to <c>federation/v2.4</c> with its directives imported; <c>fields</c> given as a list or an
/// enum value made a string; <c>@external</c> taken off interface fields, object types and the key
/// fields of type extensions; type extensions (<c>extend type</c>, <c>@extends</c>) made definitions
/// (an extension whose type no subgraph defines is <c>EXTENSION_WITH_NO_BASE</c>); <c>@key</c> off
/// interfaces and <c>@provides</c>/<c>@requires</c> off interface fields; <c>@provides</c> off fields of
/// scalar types; unused <c>@external</c> fields removed (a type left with none is removed, or
/// <c>TYPE_WITH_ONLY_UNUSED_EXTERNAL</c> when referenced); and <c>@shareable</c> added to the fields of
/// entities and root types that another subgraph also resolves, and to value types that another
/// subgraph also defines. Not done (Apollo does them): dropping inactive <c>@provides</c>/<c>@requires</c>
/// selections, removing <c>@tag</c> from external fields, the interface-key/<c>@interfaceObject</c> check.
/// </summary>
internal static class Federation1Upgrade
{
    private const string Link =
        """extend schema @link(url: "https://specs.apollo.dev/federation/v2.4", import: ["@key", "@requires", "@provides", "@external", "@tag", "@extends", "@shareable", "@inaccessible", "@override", "@composeDirective", "@interfaceObject"])""";

    private static readonly string[] Fed1Directives = ["key", "requires", "provides", "external", "extends", "tag", "inaccessible", "shareable", "override", "link"];

    private static readonly string[] Fed1Types = ["_Any", "_Service", "_Entity", "_FieldSet", "FieldSet", "link__Import", "link__Purpose"];

    /// <summary>The sources with every Federation 1 subgraph upgraded; the Federation 2 ones as they are.</summary>
    public static List<SubgraphSdl> Apply(List<SubgraphSdl> sources, List<CompositionError> errors)
    {
        var documents = new Dictionary<string, DocumentNode>(StringComparer.Ordinal);
        foreach (var source in sources)
        {
            try
            {
                var document = Parser.Parse(source.Sdl, ParserOptions.Unlimited);
                if (!HasFederationLink(document))
                {
                    documents[source.Name] = document;
                }
            }
            catch (GraphQLSyntaxException)
            {
                // Reported when the subgraph is read.
            }
        }

        if (documents.Count == 0)
        {
            return sources;
        }

        // Every subgraph as first read (Federation 1 ones linked but not yet upgraded): the other subgraphs' view of a type.
        var originals = new Dictionary<string, SubgraphSchema>(StringComparer.Ordinal);
        var linked = new Dictionary<string, DocumentNode>(StringComparer.Ordinal);
        var readErrors = new List<CompositionError>();
        foreach (var source in sources)
        {
            var sdl = source.Sdl;
            if (documents.TryGetValue(source.Name, out var document))
            {
                linked[source.Name] = Linked(document);
                sdl = Printer.Print(linked[source.Name]);
            }

            if (SubgraphSchema.Read(source with { Sdl = sdl }, readErrors) is { } read)
            {
                originals[source.Name] = read;
            }
        }

        var upgraded = new List<SubgraphSdl>(sources.Count);
        foreach (var source in sources)
        {
            if (!linked.TryGetValue(source.Name, out var document))
            {
                upgraded.Add(source);
                continue;
            }

            if (!originals.TryGetValue(source.Name, out var original))
            {
                // It does not read even linked: reading it again reports why.
                upgraded.Add(source with { Sdl = Printer.Print(document) });
                continue;
            }

            var before = errors.Count;
            var result = Upgrade(source, document, original, originals, errors);
            if (errors.Count == before)
            {
                upgraded.Add(source with { Sdl = Printer.Print(result) });
            }
        }

        return upgraded;
    }

    private static DocumentNode Upgrade(SubgraphSdl source, DocumentNode document, SubgraphSchema original, Dictionary<string, SubgraphSchema> all, List<CompositionError> errors)
    {
        var others = all.Where(s => s.Key != source.Name).Select(s => s.Value).ToList();

        // Which types are Federation 1 extensions: @extends, or only `extend type` (roots included).
        var extensionTypes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var type in original.Types)
        {
            if (type.Kind is not (TypeKind.Object or TypeKind.Interface) || !(type.Has("extends") || (type.HasExtension && !type.HasDefinition)))
            {
                continue;
            }

            extensionTypes.Add(type.Name);
            var isRoot = type.Name is "Query" or "Mutation" or "Subscription";
            if (!isRoot && !others.Any(o => o.Type(type.Name) is { HasDefinition: true } other))
            {
                errors.Add(CompositionErrorCodes.ExtensionWithNoBase(source.Name, type.Name));
            }
        }

        // @external to remove: interface fields, object types, key fields of extensions.
        var externalOff = new HashSet<string>(StringComparer.Ordinal);
        foreach (var type in original.Types)
        {
            if (type.Kind == TypeKind.Interface)
            {
                externalOff.UnionWith(type.Fields.Where(f => f.Has("external")).Select(f => f.Coordinate));
            }

            if (!extensionTypes.Contains(type.Name))
            {
                continue;
            }

            var keys = type.Keys.Select(k => k.Fields).ToList();
            var targets = keys.Count > 0
                ? keys.SelectMany(k => FieldSets.Targets(type, k))
                : others.Select(o => o.Type(type.Name)).FirstOrDefault(t => t is not null && t.Keys.Count > 0) is { } keyed
                    ? FieldSets.Targets(keyed, keyed.Keys[0].Fields).Select(f => type.Field(f.Name) is { } own && f.Parent == keyed ? own : null).OfType<SubgraphField>()
                    : [];
            externalOff.UnionWith(targets.Where(f => f.Parent == type && f.Has("external")).Select(f => f.Coordinate));
        }

        // First pass: directives and extensions.
        var rewritten = new List<DefinitionNode>();
        foreach (var definition in document.Definitions)
        {
            rewritten.Add(definition switch
            {
                ObjectTypeDefinitionNode n => n with { Directives = TypeDirectives(original, n.Name.Value, n.Directives, isInterface: false), Fields = Fields(original, n.Name.Value, n.Fields, externalOff, isInterface: false) },
                ObjectTypeExtensionNode n => n with { Directives = TypeDirectives(original, n.Name.Value, n.Directives, isInterface: false), Fields = Fields(original, n.Name.Value, n.Fields, externalOff, isInterface: false) },
                InterfaceTypeDefinitionNode n => n with { Directives = TypeDirectives(original, n.Name.Value, n.Directives, isInterface: true), Fields = Fields(original, n.Name.Value, n.Fields, externalOff, isInterface: true) },
                InterfaceTypeExtensionNode n => n with { Directives = TypeDirectives(original, n.Name.Value, n.Directives, isInterface: true), Fields = Fields(original, n.Name.Value, n.Fields, externalOff, isInterface: true) },
                _ => definition,
            });
        }

        rewritten = AsDefinitions(rewritten, extensionTypes, original);

        // Second pass, on the subgraph as it now reads: unused externals, then @shareable.
        var current = SubgraphSchema.Read(source with { Sdl = Printer.Print(new DocumentNode(rewritten)) }, []);
        if (current is null)
        {
            return new DocumentNode(rewritten);
        }

        var unused = new HashSet<string>(StringComparer.Ordinal);
        var implemented = ImplementedFields(current);
        foreach (var type in current.Types)
        {
            if (type.Kind is TypeKind.Object or TypeKind.Interface)
            {
                unused.UnionWith(type.Fields.Where(f => f.IsExternal && !f.IsUsed && !implemented.Contains(f.Coordinate)).Select(f => f.Coordinate));
            }
        }

        var removedTypes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var type in current.Types)
        {
            if (type.Kind is TypeKind.Object or TypeKind.Interface && type.Fields.Count > 0 && type.Fields.All(f => unused.Contains(f.Coordinate)))
            {
                if (IsReferenced(current, type.Name))
                {
                    errors.Add(CompositionErrorCodes.TypeWithOnlyUnusedExternal(source.Name, type.Name));
                }
                else
                {
                    removedTypes.Add(type.Name);
                }
            }
        }

        var result = new List<DefinitionNode>();
        foreach (var definition in rewritten)
        {
            if (definition is ITypeDefinitionOrExtension named && removedTypes.Contains(current.Renamed(named.Name.Value)))
            {
                continue;
            }

            result.Add(definition switch
            {
                ObjectTypeDefinitionNode n => Shareable(n, current, original, others, unused),
                ObjectTypeExtensionNode n => n with { Fields = [.. n.Fields.Where(f => !unused.Contains(current.Renamed(n.Name.Value) + "." + f.Name.Value))] },
                InterfaceTypeDefinitionNode n => n with { Fields = [.. n.Fields.Where(f => !unused.Contains(current.Renamed(n.Name.Value) + "." + f.Name.Value))] },
                InterfaceTypeExtensionNode n => n with { Fields = [.. n.Fields.Where(f => !unused.Contains(current.Renamed(n.Name.Value) + "." + f.Name.Value))] },
                _ => definition,
            });
        }

        return new DocumentNode(result);
    }

    /// <summary>The document without the Federation 1 definitions, its field sets as strings, linked to federation v2.4.</summary>
    private static DocumentNode Linked(DocumentNode document)
    {
        var definitions = new List<DefinitionNode>(document.Definitions.Count + 1);
        foreach (var definition in document.Definitions)
        {
            switch (definition)
            {
                case DirectiveDefinitionNode directive when Array.IndexOf(Fed1Directives, directive.Name.Value) >= 0:
                case TypeDefinitionNode type when Array.IndexOf(Fed1Types, type.Name.Value) >= 0:
                    continue;
                case ObjectTypeDefinitionNode n:
                    definitions.Add(n with { Directives = FieldSetsAsStrings(n.Directives), Fields = [.. n.Fields.Where(f => !IsOperation(f)).Select(f => f with { Directives = FieldSetsAsStrings(f.Directives) })] });
                    break;
                case ObjectTypeExtensionNode n:
                    definitions.Add(n with { Directives = FieldSetsAsStrings(n.Directives), Fields = [.. n.Fields.Where(f => !IsOperation(f)).Select(f => f with { Directives = FieldSetsAsStrings(f.Directives) })] });
                    break;
                case InterfaceTypeDefinitionNode n:
                    definitions.Add(n with { Directives = FieldSetsAsStrings(n.Directives), Fields = [.. n.Fields.Select(f => f with { Directives = FieldSetsAsStrings(f.Directives) })] });
                    break;
                case InterfaceTypeExtensionNode n:
                    definitions.Add(n with { Directives = FieldSetsAsStrings(n.Directives), Fields = [.. n.Fields.Select(f => f with { Directives = FieldSetsAsStrings(f.Directives) })] });
                    break;
                default:
                    definitions.Add(definition);
                    break;
            }
        }

        definitions.Add(Parser.Parse(Link).Definitions[0]);
        return new DocumentNode(definitions);
    }

    // Federation 1 ignores the _entities and _service fields a subgraph declares; they are added back.
    private static bool IsOperation(FieldDefinitionNode field) => field.Name.Value is "_entities" or "_service";

    /// <summary><c>fields: ["a", "b"]</c> and <c>fields: a</c>, which Federation 1 tolerated, as the string <c>"a b"</c>.</summary>
    private static IReadOnlyList<DirectiveNode> FieldSetsAsStrings(IReadOnlyList<DirectiveNode> directives)
    {
        if (!directives.Any(d => d.Name.Value is "key" or "requires" or "provides" && d.Arguments.Any(a => a.Name.Value == "fields" && a.Value is ListValueNode or EnumValueNode)))
        {
            return directives;
        }

        return [.. directives.Select(d => d.Name.Value is not ("key" or "requires" or "provides") ? d : d with
        {
            Arguments = [.. d.Arguments.Select(a => a.Name.Value != "fields" ? a : a.Value switch
            {
                ListValueNode list when list.Values.All(v => v is StringValueNode) => a with { Value = new StringValueNode(string.Join(' ', list.Values.Cast<StringValueNode>().Select(v => v.Value)), false) },
                EnumValueNode value => a with { Value = new StringValueNode(value.Value, false) },
                _ => a,
            })],
        })];
    }

    private static IReadOnlyList<DirectiveNode> TypeDirectives(SubgraphSchema subgraph, string name, IReadOnlyList<DirectiveNode> directives, bool isInterface) =>
        [.. directives.Where(d => !(subgraph.IsFederation(d, "external") && !isInterface) && !(isInterface && subgraph.IsFederation(d, "key")))];

    private static IReadOnlyList<FieldDefinitionNode> Fields(SubgraphSchema subgraph, string typeName, IReadOnlyList<FieldDefinitionNode> fields, HashSet<string> externalOff, bool isInterface)
    {
        var type = subgraph.Type(subgraph.Renamed(typeName));
        return [.. fields.Select(field =>
        {
            var coordinate = subgraph.Renamed(typeName) + "." + field.Name.Value;
            var scalarType = type is not null && subgraph.Type(FieldSets.NamedType(field.Type)) is not { Kind: TypeKind.Object or TypeKind.Interface or TypeKind.Union };
            return field with
            {
                Directives = [.. field.Directives.Where(d =>
                    !(externalOff.Contains(coordinate) && subgraph.IsFederation(d, "external"))
                    && !(isInterface && (subgraph.IsFederation(d, "provides") || subgraph.IsFederation(d, "requires")))
                    && !(scalarType && subgraph.IsFederation(d, "provides")))],
            };
        })];
    }

    /// <summary>Federation 1 type extensions as definitions: their extensions merged into one definition where the type had none.</summary>
    private static List<DefinitionNode> AsDefinitions(List<DefinitionNode> definitions, HashSet<string> extensionTypes, SubgraphSchema subgraph)
    {
        var result = new List<DefinitionNode>(definitions.Count);
        foreach (var definition in definitions)
        {
            result.Add(definition switch
            {
                ObjectTypeExtensionNode n when extensionTypes.Contains(subgraph.Renamed(n.Name.Value)) => new ObjectTypeDefinitionNode(n.Name, n.Interfaces, n.Directives, n.Fields),
                InterfaceTypeExtensionNode n when extensionTypes.Contains(subgraph.Renamed(n.Name.Value)) => new InterfaceTypeDefinitionNode(n.Name, n.Interfaces, n.Directives, n.Fields),
                _ => definition,
            });
        }

        // Two extensions of one type are now two definitions: merge them into the first.
        var merged = new List<DefinitionNode>(result.Count);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var definition in result)
        {
            if (definition is ObjectTypeDefinitionNode o && extensionTypes.Contains(subgraph.Renamed(o.Name.Value)))
            {
                if (seen.TryGetValue(o.Name.Value, out var at) && merged[at] is ObjectTypeDefinitionNode first)
                {
                    merged[at] = first with { Interfaces = [.. first.Interfaces, .. o.Interfaces], Directives = [.. first.Directives, .. o.Directives], Fields = [.. first.Fields, .. o.Fields] };
                    continue;
                }

                seen[o.Name.Value] = merged.Count;
            }

            merged.Add(definition);
        }

        return merged;
    }

    /// <summary>The fields of object types that satisfy an interface field: used, so never removed as unused externals.</summary>
    private static HashSet<string> ImplementedFields(SubgraphSchema subgraph)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var type in subgraph.Types)
        {
            foreach (var implemented in type.Interfaces)
            {
                if (subgraph.Type(implemented) is { } itf)
                {
                    used.UnionWith(itf.Fields.Where(f => type.Field(f.Name) is not null).Select(f => type.Name + "." + f.Name));
                }
            }
        }

        return used;
    }

    private static bool IsReferenced(SubgraphSchema subgraph, string typeName) =>
        subgraph.Types.Any(t => t.Interfaces.Contains(typeName) || t.Members.Contains(typeName)
            || t.Fields.Any(f => FieldSets.NamedType(f.Type) == typeName || f.Arguments.Any(a => FieldSets.NamedType(a.Type) == typeName)));

    /// <summary>@shareable where Apollo's upgrade adds it: fields of entities and root types another subgraph resolves too; value types another subgraph defines.</summary>
    private static ObjectTypeDefinitionNode Shareable(ObjectTypeDefinitionNode node, SubgraphSchema current, SubgraphSchema original, List<SubgraphSchema> others, HashSet<string> unused)
    {
        var name = current.Renamed(node.Name.Value);
        var fields = node.Fields.Where(f => !unused.Contains(name + "." + f.Name.Value)).ToList();
        if (name == "Subscription" || current.Type(name) is not { } type)
        {
            return node with { Fields = fields };
        }

        var shareable = new DirectiveNode(new NameNode("shareable"), []);
        if (type.Keys.Count > 0 || name is "Query" or "Mutation")
        {
            return node with
            {
                Fields = [.. fields.Select(f =>
                {
                    if (original.Type(name)?.Field(f.Name.Value) is { IsShareable: true } || f.Directives.Any(d => d.Name.Value == "shareable"))
                    {
                        return f;
                    }

                    // Another subgraph resolves it: defines it not external, or external but provided there.
                    var elsewhere = others.Any(o => o.Type(name)?.Field(f.Name.Value) is { } other && other.Parent.Kind is TypeKind.Object or TypeKind.Interface && (!other.IsExternal || other.IsProvided));
                    return elsewhere ? f with { Directives = [.. f.Directives, shareable] } : f;
                })],
            };
        }

        var definedElsewhere = others.Any(o => o.Type(name) is { Kind: TypeKind.Object or TypeKind.Interface });
        return definedElsewhere && !node.Directives.Any(d => d.Name.Value == "shareable")
            ? node with { Directives = [.. node.Directives, shareable], Fields = fields }
            : node with { Fields = fields };
    }

    /// <summary>A link to any version of the federation spec: only a subgraph without one is Federation 1.</summary>
    private static bool HasFederationLink(DocumentNode document) => FederationSpec.Link(document, "https://specs.apollo.dev/federation/") is not null;
}

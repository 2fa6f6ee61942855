using Federation.GraphQL.Introspection;
using Federation.GraphQL.Language.Syntax;
using Federation.GraphQL.Types.Scalars;

namespace Federation.GraphQL.Types.Building;

/// <summary>
/// Turns type system definitions and extensions into a schema, starting from an existing schema
/// or from nothing (graphql-js's extendSchemaImpl). Existing types are rebuilt so that they refer
/// to the new types; their resolvers come along.
/// </summary>
internal sealed class SchemaAssembler
{
    private readonly Schema? existing;
    private readonly List<TypeDefinitionNode> typeDefinitions = [];
    private readonly Dictionary<string, List<TypeExtensionNode>> typeExtensions = [];
    private readonly List<DirectiveDefinitionNode> directiveDefinitions = [];
    private readonly List<SchemaExtensionNode> schemaExtensions = [];
    private readonly Dictionary<string, List<DirectiveExtensionNode>> directiveExtensions = [];
    private readonly Dictionary<string, NamedType> typesByName = [];
    private readonly List<string> typeOrder = [];
    private readonly bool hasTypeSystemDefinitions;
    private SchemaDefinitionNode? schemaDefinition;

    public SchemaAssembler(Schema? existing, DocumentNode document)
    {
        this.existing = existing;
        foreach (var definition in document.Definitions)
        {
            switch (definition)
            {
                case SchemaDefinitionNode schema:
                    schemaDefinition = schema;
                    break;
                case SchemaExtensionNode extension:
                    schemaExtensions.Add(extension);
                    break;
                case DirectiveDefinitionNode directive:
                    directiveDefinitions.Add(directive);
                    break;
                case TypeDefinitionNode type:
                    typeDefinitions.Add(type);
                    break;
                case DirectiveExtensionNode extension:
                    (directiveExtensions.TryGetValue(extension.Name.Value, out var directiveList) ? directiveList : directiveExtensions[extension.Name.Value] = []).Add(extension);
                    break;
                case TypeExtensionNode extension:
                    (typeExtensions.TryGetValue(extension.Name.Value, out var list) ? list : typeExtensions[extension.Name.Value] = []).Add(extension);
                    break;
                default:
                    continue;
            }

            hasTypeSystemDefinitions = true;
        }
    }

    public Schema Assemble()
    {
        if (existing is not null && !hasTypeSystemDefinitions)
        {
            return existing;
        }

        if (existing is not null)
        {
            foreach (var type in existing.Types)
            {
                SetType(Rebuild(type));
            }
        }

        foreach (var definition in typeDefinitions)
        {
            SetType(StandardType(definition.Name.Value) ?? Build(definition));
        }

        var roots = RootTypes();
        var directives = Directives();
        var invalidRoots = roots.Where(r => r.Value is not ObjectType).Select(r => (r.Key, r.Value)).ToArray();
        return new Schema(
            RootOf(roots, OperationType.Query),
            RootOf(roots, OperationType.Mutation),
            RootOf(roots, OperationType.Subscription),
            typeOrder.Select(name => typesByName[name]).ToArray(),
            directives)
        {
            Description = schemaDefinition?.Description?.Value ?? existing?.Description,
            AppliedDirectives = [
                .. existing?.AppliedDirectives ?? [],
                .. schemaDefinition?.Directives ?? [],
                .. schemaExtensions.SelectMany(e => e.Directives)],
            Definition = schemaDefinition ?? existing?.Definition,
            ExtensionDefinitions = [.. existing?.ExtensionDefinitions ?? [], .. schemaExtensions],
            InvalidRootTypes = invalidRoots,
        };
    }

    /// <summary>The root operation types: the existing ones, then the schema definition's, then the extensions'.</summary>
    private Dictionary<OperationType, NamedType> RootTypes()
    {
        var roots = new Dictionary<OperationType, NamedType>();
        if (existing is not null)
        {
            AddRoot(roots, OperationType.Query, existing.QueryType);
            AddRoot(roots, OperationType.Mutation, existing.MutationType);
            AddRoot(roots, OperationType.Subscription, existing.SubscriptionType);
            foreach (var (operation, type) in existing.InvalidRootTypes)
            {
                roots[operation] = GetNamedType(type.Name);
            }
        }

        foreach (var operationType in schemaDefinition?.OperationTypes ?? [])
        {
            roots[operationType.Operation] = GetNamedType(operationType.Type.Name.Value);
        }

        foreach (var extension in schemaExtensions)
        {
            foreach (var operationType in extension.OperationTypes)
            {
                roots[operationType.Operation] = GetNamedType(operationType.Type.Name.Value);
            }
        }

        // buildASTSchema, without a schema definition, roots the operations at the types named
        // after them, even over what a schema extension said.
        if (existing is null && schemaDefinition is null)
        {
            foreach (var name in typeOrder)
            {
                switch (name)
                {
                    case "Query": roots[OperationType.Query] = typesByName[name]; break;
                    case "Mutation": roots[OperationType.Mutation] = typesByName[name]; break;
                    case "Subscription": roots[OperationType.Subscription] = typesByName[name]; break;
                }
            }
        }

        return roots;
    }

    /// <summary>
    /// The existing directives (with <c>extend directive</c>s folded in), then the new ones; a new
    /// schema also gets the specified directives it does not redefine.
    /// </summary>
    private List<DirectiveDefinition> Directives()
    {
        var directives = new List<DirectiveDefinition>();
        foreach (var directive in existing?.Directives ?? [])
        {
            var isSpecified = SpecifiedDirectives.Get(directive.Name) == directive;
            directives.Add(Extend(isSpecified ? directive : Rebuild(directive)));
        }

        foreach (var definition in directiveDefinitions)
        {
            directives.Add(Build(definition));
        }

        if (existing is null)
        {
            foreach (var specified in SpecifiedDirectives.All)
            {
                if (!directives.Exists(d => d.Name == specified.Name))
                {
                    directives.Add(specified);
                }
            }
        }

        return directives;
    }

    private static void AddRoot(Dictionary<OperationType, NamedType> roots, OperationType operation, ObjectType? type)
    {
        if (type is not null)
        {
            roots[operation] = type;
        }
    }

    private ObjectType? RootOf(Dictionary<OperationType, NamedType> roots, OperationType operation)
    {
        if (!roots.TryGetValue(operation, out var type))
        {
            return null;
        }

        // Rebuilt existing roots are looked up again so that the schema uses the new objects.
        return GetNamedType(type.Name) as ObjectType;
    }

    private void SetType(NamedType type)
    {
        if (typesByName.TryAdd(type.Name, type))
        {
            typeOrder.Add(type.Name);
        }
        else
        {
            typesByName[type.Name] = type;
        }
    }

    private static NamedType? StandardType(string name) => (NamedType?)SpecifiedScalars.Get(name) ?? IntrospectionTypes.Get(name);

    private NamedType GetNamedType(string name) =>
        StandardType(name)
        ?? (typesByName.TryGetValue(name, out var type) ? type : null)
        ?? throw new GraphQLException(new GraphQLError($"Unknown type: \"{name}\"."));

    private GraphQLType TypeFrom(TypeNode node) => node switch
    {
        ListTypeNode list => new ListType(TypeFrom(list.Type)),
        NonNullTypeNode nonNull => new NonNullType(TypeFrom(nonNull.Type)),
        NamedTypeNode named => GetNamedType(named.Name.Value),
        _ => throw new ArgumentOutOfRangeException(nameof(node)),
    };

    /// <summary>The same wrappers around the type of that name in the schema being built.</summary>
    private GraphQLType Remap(GraphQLType type) => type switch
    {
        ListType list => new ListType(Remap(list.OfType)),
        NonNullType nonNull => new NonNullType(Remap(nonNull.OfType)),
        NamedType named => GetNamedType(named.Name),
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    /// <summary>
    /// The types SDL names where it lists interfaces or union members. graphql-js builds a schema
    /// even when some of them have the wrong kind and lets validateSchema report them, so all are
    /// kept (see <see cref="FieldsType.DeclaredInterfaces"/>); the type lists hold the right kind only.
    /// </summary>
    private Func<IEnumerable<NamedType>> NamedTypes(IEnumerable<NamedTypeNode> names) =>
        () => names.Select(n => GetNamedType(n.Name.Value));

    /// <summary>What an existing type named, looked up in the schema being built, then what extensions add.</summary>
    private Func<IEnumerable<NamedType>> Renamed(Func<IEnumerable<NamedType>> existingTypes, IEnumerable<NamedTypeNode> added) =>
        () => existingTypes().Select(t => GetNamedType(t.Name)).Concat(added.Select(n => GetNamedType(n.Name.Value)));

    private List<T> ExtensionsOf<T>(string name)
        where T : TypeExtensionNode =>
        typeExtensions.TryGetValue(name, out var list) ? list.OfType<T>().ToList() : [];

    // ---- Building from definitions ----

    private NamedType Build(TypeDefinitionNode definition)
    {
        var name = definition.Name.Value;
        var description = definition.Description?.Value;
        switch (definition)
        {
            case ObjectTypeDefinitionNode obj:
            {
                var extensions = ExtensionsOf<ObjectTypeExtensionNode>(name);
                var declared = NamedTypes(obj.Interfaces.Concat(extensions.SelectMany(e => e.Interfaces)));
                return new ObjectType(name, () => BuildFields(obj.Fields.Concat(extensions.SelectMany(e => e.Fields))), () => declared().OfType<InterfaceType>())
                {
                    DeclaredInterfaces = declared,
                    Description = description,
                    Definition = definition,
                    ExtensionDefinitions = extensions,
                    AppliedDirectives = [.. obj.Directives, .. extensions.SelectMany(e => e.Directives)],
                };
            }

            case InterfaceTypeDefinitionNode iface:
            {
                var extensions = ExtensionsOf<InterfaceTypeExtensionNode>(name);
                var declared = NamedTypes(iface.Interfaces.Concat(extensions.SelectMany(e => e.Interfaces)));
                return new InterfaceType(name, () => BuildFields(iface.Fields.Concat(extensions.SelectMany(e => e.Fields))), () => declared().OfType<InterfaceType>())
                {
                    DeclaredInterfaces = declared,
                    Description = description,
                    Definition = definition,
                    ExtensionDefinitions = extensions,
                    AppliedDirectives = [.. iface.Directives, .. extensions.SelectMany(e => e.Directives)],
                };
            }

            case UnionTypeDefinitionNode union:
            {
                var extensions = ExtensionsOf<UnionTypeExtensionNode>(name);
                var declared = NamedTypes(union.Types.Concat(extensions.SelectMany(e => e.Types)));
                return new UnionType(name, () => declared().OfType<ObjectType>())
                {
                    DeclaredTypes = declared,
                    Description = description,
                    Definition = definition,
                    ExtensionDefinitions = extensions,
                    AppliedDirectives = [.. union.Directives, .. extensions.SelectMany(e => e.Directives)],
                };
            }

            case EnumTypeDefinitionNode enumType:
            {
                var extensions = ExtensionsOf<EnumTypeExtensionNode>(name);
                return new EnumType(name, BuildEnumValues(enumType.Values.Concat(extensions.SelectMany(e => e.Values))))
                {
                    Description = description,
                    Definition = definition,
                    ExtensionDefinitions = extensions,
                    AppliedDirectives = [.. enumType.Directives, .. extensions.SelectMany(e => e.Directives)],
                };
            }

            case InputObjectTypeDefinitionNode input:
            {
                var extensions = ExtensionsOf<InputObjectTypeExtensionNode>(name);
                return new InputObjectType(name, () => BuildInputValues(input.Fields.Concat(extensions.SelectMany(e => e.Fields))))
                {
                    Description = description,
                    Definition = definition,
                    ExtensionDefinitions = extensions,
                    AppliedDirectives = [.. input.Directives, .. extensions.SelectMany(e => e.Directives)],
                    // As graphql-js: only the definition can make an input object OneOf.
                    IsOneOf = AppliedDirectiveValues.IsOneOf(input),
                };
            }

            case ScalarTypeDefinitionNode scalar:
            {
                var extensions = ExtensionsOf<ScalarTypeExtensionNode>(name);
                var specifiedByUrl = AppliedDirectiveValues.SpecifiedByUrl(scalar);
                foreach (var extension in extensions)
                {
                    specifiedByUrl = AppliedDirectiveValues.SpecifiedByUrl(extension) ?? specifiedByUrl;
                }

                return new ScalarType(name)
                {
                    Description = description,
                    SpecifiedByUrl = specifiedByUrl,
                    Definition = definition,
                    ExtensionDefinitions = extensions,
                    AppliedDirectives = [.. scalar.Directives, .. extensions.SelectMany(e => e.Directives)],
                };
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(definition));
        }
    }

    private DirectiveDefinition Build(DirectiveDefinitionNode definition)
    {
        var extensions = directiveExtensions.GetValueOrDefault(definition.Name.Value) ?? [];
        return new(definition.Name.Value, definition.Locations.Select(DirectiveLocations.Parse).ToArray())
        {
            Description = definition.Description?.Value,
            IsRepeatable = definition.Repeatable,
            Arguments = BuildInputValues(definition.Arguments),
            DeprecationReason = AppliedDirectiveValues.DeprecationReason(definition) ?? DeprecationReasonOf(extensions),
            Definition = definition,
            ExtensionDefinitions = extensions,
        };
    }

    /// <summary>An existing directive with the <c>extend directive</c>s of the document folded in.</summary>
    private DirectiveDefinition Extend(DirectiveDefinition directive)
    {
        if (directiveExtensions.GetValueOrDefault(directive.Name) is not { } extensions)
        {
            return directive;
        }

        return new(directive.Name, directive.Locations)
        {
            Description = directive.Description,
            IsRepeatable = directive.IsRepeatable,
            Arguments = directive.Arguments,
            DeprecationReason = directive.DeprecationReason ?? DeprecationReasonOf(extensions),
            Definition = directive.Definition,
            ExtensionDefinitions = [.. directive.ExtensionDefinitions, .. extensions],
        };
    }

    private static string? DeprecationReasonOf(List<DirectiveExtensionNode> extensions)
    {
        foreach (var extension in extensions)
        {
            if (AppliedDirectiveValues.DeprecationReason(extension) is { } reason)
            {
                return reason;
            }
        }

        return null;
    }

    private List<OutputField> BuildFields(IEnumerable<FieldDefinitionNode> definitions) =>
        LastByName(definitions, d => d.Name.Value, d => new OutputField(d.Name.Value, TypeFrom(d.Type))
        {
            Description = d.Description?.Value,
            Arguments = BuildInputValues(d.Arguments),
            DeprecationReason = AppliedDirectiveValues.DeprecationReason(d),
            AppliedDirectives = d.Directives,
            Definition = d,
        });

    private List<InputValue> BuildInputValues(IEnumerable<InputValueDefinitionNode> definitions) =>
        LastByName(definitions, d => d.Name.Value, d => new InputValue(d.Name.Value, TypeFrom(d.Type))
        {
            Description = d.Description?.Value,
            DefaultValue = d.DefaultValue,
            DeprecationReason = AppliedDirectiveValues.DeprecationReason(d),
            AppliedDirectives = d.Directives,
            Definition = d,
        });

    private static List<EnumValue> BuildEnumValues(IEnumerable<EnumValueDefinitionNode> definitions) =>
        LastByName(definitions, d => d.Name.Value, d => new EnumValue(d.Name.Value)
        {
            Description = d.Description?.Value,
            DeprecationReason = AppliedDirectiveValues.DeprecationReason(d),
            AppliedDirectives = d.Directives,
            Definition = d,
        });

    /// <summary>
    /// Keyed like a JavaScript object: a name defined twice keeps its first place and its last
    /// definition (validation reports the duplicate; this only keeps building total).
    /// </summary>
    private static List<TResult> LastByName<TSource, TResult>(IEnumerable<TSource> sources, Func<TSource, string> nameOf, Func<TSource, TResult> build)
    {
        var results = new List<TResult>();
        var index = new Dictionary<string, int>();
        foreach (var source in sources)
        {
            var built = build(source);
            if (index.TryGetValue(nameOf(source), out var at))
            {
                results[at] = built;
            }
            else
            {
                index[nameOf(source)] = results.Count;
                results.Add(built);
            }
        }

        return results;
    }

    // ---- Rebuilding existing types (extendSchema) ----

    private NamedType Rebuild(NamedType type)
    {
        if (type.IsIntrospectionType || SpecifiedScalars.IsSpecified(type) && SpecifiedScalars.Get(type.Name) == type)
        {
            return type;
        }

        var name = type.Name;
        switch (type)
        {
            case ObjectType obj:
            {
                var extensions = ExtensionsOf<ObjectTypeExtensionNode>(name);
                var declared = Renamed(obj.DeclaredInterfaces ?? (() => obj.Interfaces), extensions.SelectMany(e => e.Interfaces));
                return new ObjectType(
                    name,
                    () => MergeFields(obj.Fields.Select(Rebuild), BuildFields(extensions.SelectMany(e => e.Fields))),
                    () => declared().OfType<InterfaceType>())
                {
                    DeclaredInterfaces = declared,
                    Description = obj.Description,
                    Definition = obj.Definition,
                    ExtensionDefinitions = [.. obj.ExtensionDefinitions, .. extensions],
                    AppliedDirectives = [.. obj.AppliedDirectives, .. extensions.SelectMany(e => e.Directives)],
                    IsTypeOf = obj.IsTypeOf,
                };
            }

            case InterfaceType iface:
            {
                var extensions = ExtensionsOf<InterfaceTypeExtensionNode>(name);
                var declared = Renamed(iface.DeclaredInterfaces ?? (() => iface.Interfaces), extensions.SelectMany(e => e.Interfaces));
                return new InterfaceType(
                    name,
                    () => MergeFields(iface.Fields.Select(Rebuild), BuildFields(extensions.SelectMany(e => e.Fields))),
                    () => declared().OfType<InterfaceType>())
                {
                    DeclaredInterfaces = declared,
                    Description = iface.Description,
                    Definition = iface.Definition,
                    ExtensionDefinitions = [.. iface.ExtensionDefinitions, .. extensions],
                    AppliedDirectives = [.. iface.AppliedDirectives, .. extensions.SelectMany(e => e.Directives)],
                    ResolveType = iface.ResolveType,
                };
            }

            case UnionType union:
            {
                var extensions = ExtensionsOf<UnionTypeExtensionNode>(name);
                var declared = Renamed(union.DeclaredTypes ?? (() => union.Types), extensions.SelectMany(e => e.Types));
                return new UnionType(name, () => declared().OfType<ObjectType>())
                {
                    DeclaredTypes = declared,
                    Description = union.Description,
                    Definition = union.Definition,
                    ExtensionDefinitions = [.. union.ExtensionDefinitions, .. extensions],
                    AppliedDirectives = [.. union.AppliedDirectives, .. extensions.SelectMany(e => e.Directives)],
                    ResolveType = union.ResolveType,
                };
            }

            case EnumType enumType:
            {
                var extensions = ExtensionsOf<EnumTypeExtensionNode>(name);
                if (extensions.Count == 0)
                {
                    return enumType;
                }

                return new EnumType(name, MergeByName(enumType.Values, BuildEnumValues(extensions.SelectMany(e => e.Values)), v => v.Name))
                {
                    Description = enumType.Description,
                    Definition = enumType.Definition,
                    ExtensionDefinitions = [.. enumType.ExtensionDefinitions, .. extensions],
                    AppliedDirectives = [.. enumType.AppliedDirectives, .. extensions.SelectMany(e => e.Directives)],
                };
            }

            case InputObjectType input:
            {
                var extensions = ExtensionsOf<InputObjectTypeExtensionNode>(name);
                return new InputObjectType(
                    name,
                    () => MergeByName(input.Fields.Select(Rebuild), BuildInputValues(extensions.SelectMany(e => e.Fields)), f => f.Name))
                {
                    Description = input.Description,
                    Definition = input.Definition,
                    ExtensionDefinitions = [.. input.ExtensionDefinitions, .. extensions],
                    AppliedDirectives = [.. input.AppliedDirectives, .. extensions.SelectMany(e => e.Directives)],
                    IsOneOf = input.IsOneOf,
                };
            }

            case ScalarType scalar:
            {
                var extensions = ExtensionsOf<ScalarTypeExtensionNode>(name);
                if (extensions.Count == 0)
                {
                    return scalar;
                }

                var specifiedByUrl = scalar.SpecifiedByUrl;
                foreach (var extension in extensions)
                {
                    specifiedByUrl = AppliedDirectiveValues.SpecifiedByUrl(extension) ?? specifiedByUrl;
                }

                return new ExtendedScalarType(scalar)
                {
                    Description = scalar.Description,
                    SpecifiedByUrl = specifiedByUrl,
                    Definition = scalar.Definition,
                    ExtensionDefinitions = [.. scalar.ExtensionDefinitions, .. extensions],
                    AppliedDirectives = [.. scalar.AppliedDirectives, .. extensions.SelectMany(e => e.Directives)],
                };
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(type));
        }
    }

    private OutputField Rebuild(OutputField field) => new(field.Name, Remap(field.Type))
    {
        Description = field.Description,
        Arguments = field.Arguments.Select(Rebuild).ToArray(),
        DeprecationReason = field.DeprecationReason,
        AppliedDirectives = field.AppliedDirectives,
        Definition = field.Definition,
        Resolver = field.Resolver,
    };

    private InputValue Rebuild(InputValue value) => new(value.Name, Remap(value.Type))
    {
        Description = value.Description,
        DefaultValue = value.DefaultValue,
        DeprecationReason = value.DeprecationReason,
        AppliedDirectives = value.AppliedDirectives,
        Definition = value.Definition,
    };

    private DirectiveDefinition Rebuild(DirectiveDefinition directive) => new(directive.Name, directive.Locations)
    {
        Description = directive.Description,
        IsRepeatable = directive.IsRepeatable,
        Arguments = directive.Arguments.Select(Rebuild).ToArray(),
        DeprecationReason = directive.DeprecationReason,
        Definition = directive.Definition,
        ExtensionDefinitions = directive.ExtensionDefinitions,
    };

    private static List<OutputField> MergeFields(IEnumerable<OutputField> existingFields, IEnumerable<OutputField> added) =>
        MergeByName(existingFields, added, f => f.Name);

    private static List<T> MergeByName<T>(IEnumerable<T> first, IEnumerable<T> second, Func<T, string> nameOf) =>
        LastByName(first.Concat(second), nameOf, item => item);
}

using Federation.GraphQL.Language.Syntax;

namespace Federation.GraphQL.Types;

/// <summary>
/// https://spec.graphql.org/September2025/#sec-Schema — the root operation types, every named
/// type reachable from them (introspection types included) and the directives.
/// Build one from SDL with <c>SchemaBuilder</c> or from code with the constructor.
/// </summary>
public sealed partial class Schema
{
    private readonly Dictionary<string, NamedType> types;
    private readonly Dictionary<string, DirectiveDefinition> directives;
    private readonly Dictionary<NamedType, IReadOnlyList<ObjectType>> possibleTypes = [];
    private readonly Dictionary<InterfaceType, IReadOnlyList<InterfaceType>> interfaceImplementations = [];

    public Schema(
        ObjectType? query,
        ObjectType? mutation = null,
        ObjectType? subscription = null,
        IEnumerable<NamedType>? types = null,
        IEnumerable<DirectiveDefinition>? directives = null)
    {
        QueryType = query;
        MutationType = mutation;
        SubscriptionType = subscription;
        this.directives = [];
        foreach (var directive in directives ?? SpecifiedDirectives.All)
        {
            this.directives.TryAdd(directive.Name, directive);
        }

        this.types = TypeCollector.Collect(this, types ?? []);
        ComputeImplementations();
    }

    /// <summary>Null only for schemas that fail validation (the spec requires a query type).</summary>
    public ObjectType? QueryType { get; }

    public ObjectType? MutationType { get; }

    public ObjectType? SubscriptionType { get; }

    public string? Description { get; init; }

    public IReadOnlyList<DirectiveNode> AppliedDirectives { get; init; } = [];

    public SchemaDefinitionNode? Definition { get; init; }

    public IReadOnlyList<SchemaExtensionNode> ExtensionDefinitions { get; init; } = [];

    /// <summary>
    /// Root operation types that SDL named but that are not object types (graphql-js keeps them
    /// as roots and validateSchema reports them); they are not in <see cref="QueryType"/> and friends.
    /// </summary>
    public IReadOnlyList<(OperationType Operation, NamedType Type)> InvalidRootTypes { get; init; } = [];

    /// <summary>Every named type, in the order graphql-js's type map lists them.</summary>
    public IReadOnlyCollection<NamedType> Types => types.Values;

    public IReadOnlyCollection<DirectiveDefinition> Directives => directives.Values;

    public NamedType? GetType(string name) => types.TryGetValue(name, out var type) ? type : null;

    public DirectiveDefinition? GetDirective(string name) => directives.TryGetValue(name, out var directive) ? directive : null;

    public ObjectType? GetRootType(OperationType operation) => operation switch
    {
        OperationType.Query => QueryType,
        OperationType.Mutation => MutationType,
        _ => SubscriptionType,
    };

    /// <summary>The object types that a value of an interface or union may have.</summary>
    public IReadOnlyList<ObjectType> GetPossibleTypes(NamedType abstractType) => abstractType switch
    {
        UnionType union => union.Types,
        InterfaceType => possibleTypes.TryGetValue(abstractType, out var objects) ? objects : [],
        ObjectType obj => [obj],
        _ => [],
    };

    /// <summary>The interfaces that implement <paramref name="interfaceType"/>.</summary>
    public IReadOnlyList<InterfaceType> GetInterfaceImplementations(InterfaceType interfaceType) =>
        interfaceImplementations.TryGetValue(interfaceType, out var list) ? list : [];

    /// <summary>True when <paramref name="maybeSubType"/> is a member or implementation of <paramref name="abstractType"/>.</summary>
    public bool IsSubType(NamedType abstractType, NamedType maybeSubType) => abstractType switch
    {
        UnionType union => maybeSubType is ObjectType o && union.Types.Contains(o),
        InterfaceType iface => maybeSubType switch
        {
            ObjectType o => GetPossibleTypes(iface).Contains(o),
            InterfaceType i => GetInterfaceImplementations(iface).Contains(i),
            _ => false,
        },
        _ => false,
    };

    private void ComputeImplementations()
    {
        var objects = new Dictionary<InterfaceType, List<ObjectType>>();
        var interfaces = new Dictionary<InterfaceType, List<InterfaceType>>();
        foreach (var type in types.Values)
        {
            if (type is ObjectType obj)
            {
                foreach (var iface in obj.Interfaces)
                {
                    (objects.TryGetValue(iface, out var list) ? list : objects[iface] = []).Add(obj);
                }
            }
            else if (type is InterfaceType inner)
            {
                foreach (var iface in inner.Interfaces)
                {
                    (interfaces.TryGetValue(iface, out var list) ? list : interfaces[iface] = []).Add(inner);
                }
            }
        }

        foreach (var (iface, list) in objects)
        {
            possibleTypes[iface] = list;
        }

        foreach (var (iface, list) in interfaces)
        {
            interfaceImplementations[iface] = list;
        }
    }
}

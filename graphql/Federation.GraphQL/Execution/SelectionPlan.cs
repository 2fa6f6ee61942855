using Federation.GraphQL.Language.Syntax;
using Federation.GraphQL.Types;

namespace Federation.GraphQL.Execution;

/// <summary>
/// The grouped field set of one selection set for one runtime object type
/// (https://spec.graphql.org/September2025/#CollectFields()), collected once per request and
/// shared by every object of that type at that position.
/// </summary>
internal sealed class SelectionPlan(ObjectType type, FieldPlan[] fields)
{
    public readonly ObjectType Type = type;

    public readonly FieldPlan[] Fields = fields;
}

/// <summary>One response key of a grouped field set: the merged field nodes and what executing them needs.</summary>
internal sealed class FieldPlan
{
    private SourceLocation[]? locations;
    private ObjectType? subPlanType;
    private SelectionPlan? subPlan;
    private Dictionary<ObjectType, SelectionPlan>? otherSubPlans;

    public FieldPlan(ObjectType parentType, string responseName, FieldNode node, OutputField? definition, FieldResolver resolver)
    {
        ParentType = parentType;
        ResponseName = responseName;
        Node = node;
        Definition = definition;
        Resolver = resolver;
    }

    public ObjectType ParentType { get; }

    public string ResponseName { get; }

    /// <summary>The first field node of the group: its name and arguments are the field's.</summary>
    public FieldNode Node { get; }

    /// <summary>The other field nodes merged under the same response key, if any.</summary>
    public List<FieldNode>? MoreNodes { get; set; }

    /// <summary>Null for <c>__typename</c>, which the executor answers itself.</summary>
    public OutputField? Definition { get; }

    public GraphQLType Type => Definition!.Type;

    public FieldResolver Resolver { get; }

    /// <summary>The field resolves with <see cref="DefaultResolvers.Field"/>, which the executor inlines.</summary>
    public bool ReadsSource => ReferenceEquals(Resolver, DefaultResolvers.Field);

    /// <summary>Arguments are the same for every execution of the field within one request.</summary>
    public IReadOnlyDictionary<string, object?>? Arguments { get; set; }

    public IReadOnlyList<FieldNode> Nodes
    {
        get
        {
            if (MoreNodes is null)
            {
                return [Node];
            }

            var all = new FieldNode[MoreNodes.Count + 1];
            all[0] = Node;
            MoreNodes.CopyTo(all, 1);
            return all;
        }
    }

    public IReadOnlyList<SourceLocation> Locations => locations ??= LocationsOf();

    public SelectionPlan GetSubPlan(ObjectType runtimeType, FieldCollector collector)
    {
        if (ReferenceEquals(subPlanType, runtimeType))
        {
            return subPlan!;
        }

        if (subPlanType is null)
        {
            subPlanType = runtimeType;
            return subPlan = collector.CollectSubfields(runtimeType, this);
        }

        otherSubPlans ??= [];
        if (!otherSubPlans.TryGetValue(runtimeType, out var plan))
        {
            plan = collector.CollectSubfields(runtimeType, this);
            otherSubPlans[runtimeType] = plan;
        }

        return plan;
    }

    private SourceLocation[] LocationsOf()
    {
        var nodes = Nodes;
        var list = new List<SourceLocation>(nodes.Count);
        foreach (var node in nodes)
        {
            if (node.Location is { } location)
            {
                list.Add(new SourceLocation(location.Line, location.Column));
            }
        }

        return [.. list];
    }
}

using Federation.GraphQL.Language;
using Federation.GraphQL.Language.Syntax;
using Federation.GraphQL.Types;

namespace Federation.Gateway.Planning;

/// <summary>
/// What the planner needs to know of the supergraph: the API schema for field types, and per
/// subgraph which types it knows, which keys it resolves, which fields it resolves and which
/// members its unions have. Built once per supergraph (<see cref="SupergraphPlanning"/>).
/// </summary>
internal sealed partial class PlanningSchema
{
    private readonly Dictionary<string, Dictionary<string, SubgraphTypeFacts>> types = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Type, string Field), List<string>> fieldSubgraphs = [];
    private readonly List<string> subgraphs = [];
    private readonly Dictionary<string, Uri?> urls = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Type, string Field, string Subgraph), (string Text, SelectionSetNode Fields)> requires = [];
    private readonly Dictionary<(string Type, string Field, string Subgraph), SelectionSetNode> provides = [];
    private readonly Dictionary<(string Type, string Field), string> overrideLabels = [];
    private readonly HashSet<(string Type, string Subgraph)> interfaceObjects = [];
    private readonly Dictionary<(string Type, string Field, string Subgraph), string> subgraphFieldTypes = [];

    public PlanningSchema(Schema api)
    {
        Api = api;
    }

    /// <summary>The schema clients see; operations are validated against it.</summary>
    public Schema Api { get; }

    /// <summary>Subgraph names in the supergraph's order; the planner breaks ties by it.</summary>
    public IReadOnlyList<string> Subgraphs => subgraphs;

    public PlanningSchema AddSubgraph(string subgraph, Uri? url = null)
    {
        if (!subgraphs.Contains(subgraph))
        {
            subgraphs.Add(subgraph);
        }

        if (url is not null || !urls.ContainsKey(subgraph))
        {
            urls[subgraph] = url;
        }

        return this;
    }

    /// <summary>Where the supergraph says the subgraph listens; null when it does not say.</summary>
    public Uri? SubgraphUrl(string subgraph) => urls.GetValueOrDefault(subgraph);

    public PlanningSchema AddType(string type, string subgraph)
    {
        AddSubgraph(subgraph);
        TypeIn(type, subgraph, create: true);
        return this;
    }

    /// <param name="fields">The key's field set, e.g. <c>idNumber</c> or <c>id owner { id }</c>.</param>
    public PlanningSchema AddKey(string type, string subgraph, string fields, bool resolvable)
    {
        var facts = TypeIn(type, subgraph, create: true)!;
        facts.Keys.Add(new SubgraphKey(FieldSet(fields), resolvable));
        return this;
    }

    /// <summary>Records that <paramref name="subgraph"/> resolves the field (it is neither missing there nor external).</summary>
    public PlanningSchema AddField(string type, string field, string subgraph)
    {
        TypeIn(type, subgraph, create: true);
        if (!fieldSubgraphs.TryGetValue((type, field), out var list))
        {
            fieldSubgraphs[(type, field)] = list = [];
        }

        if (!list.Contains(subgraph))
        {
            list.Add(subgraph);
        }

        return this;
    }

    public PlanningSchema AddMember(string abstractType, string member, string subgraph)
    {
        TypeIn(abstractType, subgraph, create: true)!.Members.Add(member);
        return this;
    }

    /// <summary>Records the field's <c>@requires</c> field set in the subgraph (<c>@join__field(requires:)</c>).</summary>
    public PlanningSchema AddRequires(string type, string field, string subgraph, string fields)
    {
        requires[(type, field, subgraph)] = (fields, FieldSet(fields));
        return this;
    }

    /// <summary>Records the field's <c>@provides</c> field set in the subgraph (<c>@join__field(provides:)</c>).</summary>
    public PlanningSchema AddProvides(string type, string field, string subgraph, string fields)
    {
        provides[(type, field, subgraph)] = FieldSet(fields);
        return this;
    }

    /// <summary>Records the field's type in the subgraph where it differs from the supergraph's (<c>@join__field(type:)</c>), e.g. <c>String!</c>.</summary>
    public PlanningSchema AddFieldType(string type, string field, string subgraph, string fieldType)
    {
        subgraphFieldTypes[(type, field, subgraph)] = fieldType;
        return this;
    }

    /// <summary>The field's type as the subgraph declares it; null when it is the supergraph's.</summary>
    public string? FieldTypeIn(string subgraph, string type, string field) => subgraphFieldTypes.GetValueOrDefault((type, field, subgraph));

    /// <summary>
    /// Records a progressive <c>@override</c> of the field (<c>@join__field(overrideLabel:)</c>). Which
    /// subgraph resolves it is decided by the labels the schema was read with (<see cref="SupergraphPlanning.From"/>).
    /// </summary>
    public PlanningSchema AddOverrideLabel(string type, string field, string label)
    {
        overrideLabels[(type, field)] = label;
        return this;
    }

    /// <summary>Records that the subgraph defines the interface as an object type (<c>@interfaceObject</c>).</summary>
    public PlanningSchema AddInterfaceObject(string type, string subgraph)
    {
        TypeIn(type, subgraph, create: true);
        interfaceObjects.Add((type, subgraph));
        return this;
    }

    /// <summary>The fields <paramref name="subgraph"/> needs in the representation to resolve the field; null when it needs none.</summary>
    public SelectionSetNode? Requires(string subgraph, string type, string field) =>
        requires.TryGetValue((type, field, subgraph), out var required) ? required.Fields : null;

    public string? RequiresText(string subgraph, string type, string field) =>
        requires.TryGetValue((type, field, subgraph), out var required) ? required.Text : null;

    /// <summary>What <paramref name="subgraph"/> resolves of the field's value where it returns it (<c>@provides</c>); null when nothing.</summary>
    public SelectionSetNode? Provides(string subgraph, string type, string field) =>
        provides.GetValueOrDefault((type, field, subgraph));

    public bool IsInterfaceObject(string type, string subgraph) => interfaceObjects.Contains((type, subgraph));

    /// <summary>The subgraphs that define the interface as an object type (<c>@interfaceObject</c>) and resolve the field there, in supergraph order.</summary>
    public IEnumerable<string> InterfaceObjectsResolving(string interfaceType, string field)
    {
        foreach (var subgraph in ResolvingSubgraphs(interfaceType, field))
        {
            if (IsInterfaceObject(interfaceType, subgraph))
            {
                yield return subgraph;
            }
        }
    }

    /// <summary>
    /// Why the planner cannot (yet) fetch <paramref name="type"/>.<paramref name="field"/> from
    /// <paramref name="subgraph"/> and get the right answer; null when it can. The one place the
    /// supergraph's features the planner does not handle are recognised, so that an operation
    /// touching one is refused naming the coordinate rather than answered wrongly.
    /// </summary>
    public string? NotPlanned(string subgraph, string type, string field) => null;

    public bool HasType(string type, string subgraph) => TypeIn(type, subgraph, create: false) is not null;

    /// <summary>The subgraphs that resolve the field, in supergraph order.</summary>
    public IReadOnlyList<string> ResolvingSubgraphs(string type, string field) =>
        fieldSubgraphs.TryGetValue((type, field), out var list) ? list : [];

    public bool Resolves(string subgraph, string type, string field) =>
        fieldSubgraphs.TryGetValue((type, field), out var list) && list.Contains(subgraph);

    /// <summary>The first key by which <paramref name="subgraph"/> can look the entity up; null when it cannot.</summary>
    public SelectionSetNode? ResolvableKey(string type, string subgraph) =>
        TypeIn(type, subgraph, create: false)?.Keys.Find(k => k.Resolvable)?.Fields;

    /// <summary>The keys by which <paramref name="subgraph"/> can look the entity up, in supergraph order.</summary>
    public IEnumerable<SelectionSetNode> ResolvableKeys(string type, string subgraph)
    {
        if (TypeIn(type, subgraph, create: false) is not { } facts)
        {
            yield break;
        }

        foreach (var key in facts.Keys)
        {
            if (key.Resolvable)
            {
                yield return key.Fields;
            }
        }
    }

    /// <summary>Whether <paramref name="subgraph"/> may return <paramref name="objectType"/> where it returns <paramref name="abstractType"/>.</summary>
    public bool IsMember(string abstractType, string objectType, string subgraph) =>
        TypeIn(abstractType, subgraph, create: false) is { } facts && facts.Members.Contains(objectType);

    private SubgraphTypeFacts? TypeIn(string type, string subgraph, bool create)
    {
        if (!types.TryGetValue(type, out var bySubgraph))
        {
            if (!create)
            {
                return null;
            }

            types[type] = bySubgraph = new(StringComparer.Ordinal);
        }

        if (!bySubgraph.TryGetValue(subgraph, out var facts) && create)
        {
            bySubgraph[subgraph] = facts = new SubgraphTypeFacts();
        }

        return facts;
    }

    private static SelectionSetNode FieldSet(string fields)
    {
        var document = Parser.Parse("{" + fields + "}", ParserOptions.Unlimited);
        return ((OperationDefinitionNode)document.Definitions[0]).SelectionSet;
    }

    private sealed class SubgraphTypeFacts
    {
        public List<SubgraphKey> Keys { get; } = [];

        public HashSet<string> Members { get; } = new(StringComparer.Ordinal);
    }

    private sealed record SubgraphKey(SelectionSetNode Fields, bool Resolvable);
}

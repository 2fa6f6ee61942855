using Federation.GraphQL.Language.Syntax;

namespace Federation.Gateway.Planning;

/// <summary>
/// One future fetch while the planner walks: the subgraph, where its results merge (empty for a
/// root fetch), what it selects, and the fetches that need its results first.
/// </summary>
internal sealed partial class FetchGroup
{
    private readonly List<(string Type, SelectionSetNode Key, SelectionBuilder Selection)> entities = [];

    /// <summary>Per entity type, the <c>@requires</c> fields its representations carry besides the key.</summary>
    private readonly Dictionary<string, SelectionBuilder> required = new(StringComparer.Ordinal);

    private FetchGroup(string subgraph, IReadOnlyList<string> path, bool isEntity, FetchGroup? parent)
    {
        Parent = parent;
        Depth = parent is null ? 0 : parent.Depth + 1;
        Subgraph = subgraph;
        Path = path;
        IsEntity = isEntity;
        PathKey = string.Join('.', path);
    }

    public string Subgraph { get; }

    /// <summary>The fetch this one runs after; null for a root fetch.</summary>
    public FetchGroup? Parent { get; }

    public int Depth { get; }

    /// <summary>Where the fetched fields merge: response names and <c>@</c> for lists.</summary>
    public IReadOnlyList<string> Path { get; }

    public string PathKey { get; }

    public bool IsEntity { get; }

    /// <summary>What a root fetch selects on the root type.</summary>
    public SelectionBuilder Root { get; } = new();

    public List<FetchGroup> Children { get; } = [];

    public static FetchGroup ForRoot(string subgraph) => new(subgraph, [], isEntity: false, parent: null);

    /// <summary>Whether this fetch is <paramref name="other"/> or runs before it on its chain.</summary>
    public bool IsAncestorOf(FetchGroup other)
    {
        for (var group = other; group is not null; group = group.Parent)
        {
            if (group == this)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The entity fetch of <paramref name="subgraph"/> for the objects at <paramref name="path"/>, made once per subgraph and path.</summary>
    public FetchGroup EntityChild(string subgraph, IReadOnlyList<string> path, string? type = null, SelectionSetNode? required = null)
    {
        var key = string.Join('.', path);
        var child = Children.Find(c => c.Subgraph == subgraph && c.PathKey == key && (required is null || !c.RequiresOtherwise(type!, required)));
        if (child is null)
        {
            child = new FetchGroup(subgraph, path, isEntity: true, parent: this);
            Children.Add(child);
        }

        return child;
    }

    /// <summary>The existing entity fetch at <paramref name="path"/> whose subgraph is one of <paramref name="subgraphs"/>.</summary>
    public FetchGroup? ExistingChild(IReadOnlyList<string> subgraphs, string pathKey) =>
        Children.Find(c => c.PathKey == pathKey && subgraphs.Contains(c.Subgraph));

    /// <summary>Where the selections on entities of <paramref name="type"/> go.</summary>
    public SelectionBuilder EntitySelection(string type, SelectionSetNode key)
    {
        foreach (var entity in entities)
        {
            if (entity.Type == type)
            {
                return entity.Selection;
            }
        }

        var selection = new SelectionBuilder();
        entities.Add((type, key, selection));
        return selection;
    }

    /// <summary>Adds <paramref name="fields"/> to the representations of <paramref name="type"/>: a requiring field is selected.</summary>
    public void AddRequired(string type, SelectionSetNode key, SelectionSetNode fields)
    {
        EntitySelection(type, key);
        if (!required.TryGetValue(type, out var builder))
        {
            required[type] = builder = new SelectionBuilder();
        }

        builder.AddSelections(fields);
    }

    public bool HasRequired => required.Count > 0;

    /// <summary>Per object type, the interface whose representation stands for it (<see cref="AddInterfaceEntity"/>).</summary>
    private readonly Dictionary<string, string> typenameRewrites = new(StringComparer.Ordinal);

    /// <summary>
    /// The fetch looks entities of the interface up by the interface's key: the subgraph knows the
    /// interface as one entity (an <c>@interfaceObject</c>, or an entity interface it resolves),
    /// so an object of any of <paramref name="implementations"/> is sent as a representation of the
    /// interface, its <c>__typename</c> the interface's name.
    /// </summary>
    public void AddInterfaceEntity(string interfaceType, IEnumerable<string> implementations)
    {
        typenameRewrites[interfaceType] = interfaceType;
        foreach (var implementation in implementations)
        {
            typenameRewrites[implementation] = interfaceType;
        }
    }

    /// <summary>What <see cref="AddInterfaceEntity"/> recorded; null when nothing.</summary>
    public IReadOnlyDictionary<string, string>? TypenameRewrites => typenameRewrites.Count > 0 ? typenameRewrites : null;

    /// <summary>What the fetch selects: the root selection, or one <c>... on T</c> per entity type.</summary>
    public SelectionSetNode BuildSelection()
    {
        if (sealedSelection is not null)
        {
            return sealedSelection;
        }

        if (!IsEntity)
        {
            return Root.Build();
        }

        var fragments = new List<SelectionNode>(entities.Count);
        foreach (var (type, _, selection) in entities)
        {
            fragments.Add(OnType(type, selection.Build()));
        }

        return new SelectionSetNode(fragments);
    }

    /// <summary>
    /// The representation selection: <c>... on T { __typename key required }</c> per entity type;
    /// with <paramref name="keysOnly"/>, without the required fields.
    /// </summary>
    public SelectionSetNode? BuildRequires(bool keysOnly = false)
    {
        if (!IsEntity)
        {
            return null;
        }

        var fragments = new List<SelectionNode>(entities.Count);
        foreach (var (type, key, _) in entities)
        {
            var representation = new SelectionBuilder();
            representation.AddTypename();
            representation.AddFieldSet(key);
            if (!keysOnly && required.TryGetValue(type, out var fields))
            {
                representation.AddSelections(fields.Build());
            }

            fragments.Add(OnType(type, representation.Build()));
        }

        return new SelectionSetNode(fragments);
    }

    private static InlineFragmentNode OnType(string type, SelectionSetNode selection) =>
        new(new NamedTypeNode(new NameNode(type)), [], selection);
}

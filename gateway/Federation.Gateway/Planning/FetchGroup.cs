using Federation.GraphQL.Language.Syntax;

namespace Federation.Gateway.Planning;

/// <summary>
/// One future fetch while the planner walks: the subgraph, where its results merge (empty for a
/// root fetch), what it selects, and the fetches that need its results first.
/// </summary>
internal sealed class FetchGroup
{
    private readonly List<(string Type, SelectionSetNode Key, SelectionBuilder Selection)> entities = [];

    private FetchGroup(string subgraph, IReadOnlyList<string> path, bool isEntity)
    {
        Subgraph = subgraph;
        Path = path;
        IsEntity = isEntity;
        PathKey = string.Join('.', path);
    }

    public string Subgraph { get; }

    /// <summary>Where the fetched fields merge: response names and <c>@</c> for lists.</summary>
    public IReadOnlyList<string> Path { get; }

    public string PathKey { get; }

    public bool IsEntity { get; }

    /// <summary>What a root fetch selects on the root type.</summary>
    public SelectionBuilder Root { get; } = new();

    public List<FetchGroup> Children { get; } = [];

    public static FetchGroup ForRoot(string subgraph) => new(subgraph, [], isEntity: false);

    /// <summary>The entity fetch of <paramref name="subgraph"/> for the objects at <paramref name="path"/>, made once per subgraph and path.</summary>
    public FetchGroup EntityChild(string subgraph, IReadOnlyList<string> path)
    {
        var key = string.Join('.', path);
        var child = Children.Find(c => c.Subgraph == subgraph && c.PathKey == key);
        if (child is null)
        {
            child = new FetchGroup(subgraph, path, isEntity: true);
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

    /// <summary>What the fetch selects: the root selection, or one <c>... on T</c> per entity type.</summary>
    public SelectionSetNode BuildSelection()
    {
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

    /// <summary>The representation selection: <c>... on T { __typename key }</c> per entity type.</summary>
    public SelectionSetNode? BuildRequires()
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
            fragments.Add(OnType(type, representation.Build()));
        }

        return new SelectionSetNode(fragments);
    }

    private static InlineFragmentNode OnType(string type, SelectionSetNode selection) =>
        new(new NamedTypeNode(new NameNode(type)), [], selection);
}

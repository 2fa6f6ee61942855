namespace Federation.Subgraphs.Hosting.Paging;

/// <summary>One page of a list as a store answers it: the items, whether more follow, how many match in all.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, bool HasNextPage, int TotalCount)
{
    /// <summary>
    /// The page from up to <c>First + 1</c> rows read after the cursor: the extra row only tells that
    /// another page follows.
    /// </summary>
    public static Page<T> FromRows(IReadOnlyList<T> rows, PageRequest request, int totalCount) =>
        rows.Count > request.First
            ? new Page<T>(rows.Take(request.First).ToList(), true, totalCount)
            : new Page<T>(rows, false, totalCount);
}

/// <summary>
/// A Relay connection built from a page: <c>edges { cursor node }</c>, <c>pageInfo</c>,
/// <c>totalCount</c>, with each edge's cursor the node's sort key sealed for the request's list and
/// caller (<see cref="PageRequest.Cursors"/>). The engine's default resolver reads these properties by name.
/// </summary>
public sealed class Connection
{
    private Connection(IReadOnlyList<Edge> edges, PageInfo pageInfo, int totalCount)
    {
        Edges = edges;
        PageInfo = pageInfo;
        TotalCount = totalCount;
    }

    public IReadOnlyList<Edge> Edges { get; }

    public PageInfo PageInfo { get; }

    public int TotalCount { get; }

    public static Connection From<T>(Page<T> page, PageRequest request, Func<T, string[]> sortKeyOf)
        where T : notnull
    {
        var cursors = request.Cursors
            ?? throw new InvalidOperationException("A connection's cursors are sealed for the list they belong to: make the request with PageRequest.For(context).");
        var edges = new Edge[page.Items.Count];
        for (var i = 0; i < edges.Length; i++)
        {
            edges[i] = new Edge(cursors.Seal(sortKeyOf(page.Items[i])), page.Items[i]);
        }

        return new Connection(
            edges,
            new PageInfo(page.HasNextPage, request.After is not null, edges.Length > 0 ? edges[0].Cursor : null, edges.Length > 0 ? edges[^1].Cursor : null),
            page.TotalCount);
    }
}

public sealed record Edge(string Cursor, object Node);

public sealed record PageInfo(bool HasNextPage, bool HasPreviousPage, string? StartCursor, string? EndCursor);

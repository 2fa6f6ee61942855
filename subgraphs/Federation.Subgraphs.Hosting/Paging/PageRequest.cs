using Federation.GraphQL.Execution;

namespace Federation.Subgraphs.Hosting.Paging;

/// <summary>
/// A validated request for one page of a connection: how many items and the sort key to continue
/// after (null for the first page). Stores fetch <see cref="First"/> + 1 rows to learn whether
/// another page follows. <see cref="Cursors"/> seals the cursors of the page's edges for the
/// list and caller the request came from.
/// </summary>
public sealed record PageRequest(int First, string[]? After)
{
    public const int DefaultMaximum = 100;

    /// <summary>The scope the page's cursors are sealed in; null for a request made by hand (a store's test), which cannot make a <see cref="Connection"/>.</summary>
    public CursorScope? Cursors { get; init; }

    /// <summary>A request for <paramref name="first"/> rows after the sort key <paramref name="after"/>, checked against <paramref name="maximum"/>.</summary>
    public static PageRequest Create(int first, string[]? after = null, int maximum = DefaultMaximum)
    {
        if (first < 0 || first > maximum)
        {
            throw PagingErrorCodes.PageSizeOutOfRange(first, maximum);
        }

        return new PageRequest(first, after);
    }

    /// <summary>
    /// Reads `first` and `after` of the field <paramref name="context"/> resolves; `after` must be a
    /// cursor this list handed to this caller (<see cref="CursorScope"/>), else <c>INVALID_CURSOR</c>.
    /// </summary>
    /// <param name="sortKeyParts">How many parts the connection's sort key has.</param>
    public static PageRequest For(ResolveContext context, int sortKeyParts = 1, int maximum = DefaultMaximum)
    {
        ArgumentNullException.ThrowIfNull(context);
        var arguments = context.Arguments;
        var first = arguments.TryGetValue("first", out var given) && given is not null ? Convert.ToInt32(given, System.Globalization.CultureInfo.InvariantCulture) : 20;
        if (first < 0 || first > maximum)
        {
            throw PagingErrorCodes.PageSizeOutOfRange(first, maximum);
        }

        var scope = CursorScope.Of(context);
        var after = arguments.TryGetValue("after", out var cursor) && cursor is string text ? scope.Open(text, sortKeyParts) : null;
        return new PageRequest(first, after) { Cursors = scope };
    }
}

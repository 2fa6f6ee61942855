namespace Federation.Subgraphs.Hosting.Paging;

/// <summary>
/// A validated request for one page of a connection: how many items and the sort key to continue
/// after (null for the first page). Stores fetch <see cref="First"/> + 1 rows to learn whether
/// another page follows.
/// </summary>
public sealed record PageRequest(int First, string[]? After)
{
    public const int DefaultMaximum = 100;

    /// <param name="first">The `first` argument.</param>
    /// <param name="after">The `after` argument.</param>
    /// <param name="sortKeyParts">How many parts the connection's sort key has.</param>
    public static PageRequest Create(int first, string? after, int sortKeyParts = 1, int maximum = DefaultMaximum)
    {
        if (first < 0 || first > maximum)
        {
            throw PagingErrorCodes.PageSizeOutOfRange(first, maximum);
        }

        return new PageRequest(first, after is null ? null : Cursor.Decode(after, sortKeyParts));
    }

    /// <summary>Reads `first` and `after` from a field's arguments.</summary>
    public static PageRequest FromArguments(IReadOnlyDictionary<string, object?> arguments, int sortKeyParts = 1, int maximum = DefaultMaximum) =>
        Create(
            arguments.TryGetValue("first", out var first) && first is not null ? Convert.ToInt32(first, System.Globalization.CultureInfo.InvariantCulture) : 20,
            arguments.TryGetValue("after", out var after) ? after as string : null,
            sortKeyParts,
            maximum);
}

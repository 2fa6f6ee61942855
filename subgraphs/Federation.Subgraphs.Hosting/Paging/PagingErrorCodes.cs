using Federation.GraphQL;

namespace Federation.Subgraphs.Hosting.Paging;

/// <summary>The codes of errors a connection's arguments produce, each with its one factory.</summary>
public static class PagingErrorCodes
{
    /// <summary>`first` is negative or above the connection's maximum.</summary>
    public const string InvalidPageSize = "INVALID_PAGE_SIZE";

    /// <summary>`after` is not a cursor this list handed to this caller: forged, altered, truncated, or from another list, filter or agency.</summary>
    public const string InvalidCursor = "INVALID_CURSOR";

    /// <summary>A batch lookup was given more keys than it answers at once.</summary>
    public const string TooManyKeys = "TOO_MANY_KEYS";

    public static GraphQLException PageSizeOutOfRange(int first, int maximum) => Error(
        InvalidPageSize, $"`first` must be between 0 and {maximum}; it was {first}.");

    public static GraphQLException CursorNotRecognised() => Error(
        InvalidCursor, "`after` is not a cursor of this list for this caller: pass a page's `endCursor` or an edge's `cursor` unchanged, to the same field with the same arguments.");

    public static GraphQLException KeysOverLimit(int count, int maximum) => Error(
        TooManyKeys, $"At most {maximum} keys can be looked up at once; {count} were given.");

    private static GraphQLException Error(string code, string message) =>
        new(new GraphQLError(message, extensions: new Dictionary<string, object?> { ["code"] = code }));
}

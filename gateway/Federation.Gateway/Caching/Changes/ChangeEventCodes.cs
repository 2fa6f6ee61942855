namespace Federation.Gateway.Caching.Changes;

/// <summary>
/// Why the change-event listener dropped a message of <c>federation:changes</c>. Anyone who can
/// publish on the Redis server can publish there, so each message is checked before it evicts
/// anything; a dropped one is logged with its code (event 7101), never echoed whole.
/// </summary>
internal static class ChangeEventCodes
{
    /// <summary>Longer than <see cref="ChangeNotice.MaxBytes"/>.</summary>
    public const string TooLarge = "CHANGE_EVENT_TOO_LARGE";

    /// <summary>Not a JSON object with the members of a change event, each of its kind.</summary>
    public const string Malformed = "CHANGE_EVENT_MALFORMED";

    /// <summary>Names no subgraph of the supergraph served.</summary>
    public const string UnknownSubgraph = "CHANGE_EVENT_SUBGRAPH_UNKNOWN";

    /// <summary>Names a type the subgraph does not resolve as an entity by a one-field key.</summary>
    public const string UnknownType = "CHANGE_EVENT_TYPE_UNKNOWN";

    /// <summary>An empty key, one over <see cref="ChangeNotice.MaxKeyLength"/> characters, one with control characters, or one in braces.</summary>
    public const string InvalidKey = "CHANGE_EVENT_KEY_INVALID";
}

namespace Federation.Gateway.Planning;

/// <summary>
/// A selection the plan sent to a subgraph under a generated alias that the client asked under
/// <see cref="ResponseName"/>: the objects at <see cref="Path"/> (response names as the fetch
/// sent them, from the fetch's data — for an entity fetch, from each entity — lists walked
/// through) carry <see cref="Alias"/>, which the gateway renames back before merging, so a
/// generated alias never reaches the merged result nor the answer.
/// </summary>
internal sealed record AliasRename(IReadOnlyList<string> Path, string Alias, string ResponseName);

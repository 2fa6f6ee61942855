namespace Federation.Gateway.Requests;

/// <summary>An entity served from the cache, for <c>extensions.cache</c> of an answer the operator asked the plan of.</summary>
internal sealed record CachedEntityServed(string Subgraph, string Type, string Key);

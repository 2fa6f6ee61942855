namespace Federation.Subgraphs.Hosting;

/// <summary>
/// Who the gateway asks on behalf of: the calling agency, its declared purpose and, when the
/// request belongs to a case, the matter. The gateway signs these with the request.
/// </summary>
public sealed record GatewayCaller(string Agency, string Purpose, string? Matter = null);

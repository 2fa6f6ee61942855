namespace Federation.Protocol.Signing;

/// <summary>The headers that carry the gateway's signature and the caller it covers.</summary>
public static class GatewaySignatureHeaders
{
    /// <summary>Unix time in seconds at which the gateway signed.</summary>
    public const string Timestamp = "X-Gateway-Timestamp";

    /// <summary>
    /// A random value, new for every request (16 to 128 characters of <c>A–Z a–z 0–9 - _</c>), so two
    /// identical requests signed in the same second still carry different signatures and neither is
    /// mistaken for a replay of the other.
    /// </summary>
    public const string Nonce = "X-Gateway-Nonce";

    /// <summary><c>v4=</c> and the lower-case hex HMAC-SHA256 of the canonical request.</summary>
    public const string Signature = "X-Gateway-Signature";

    public const string CallerAgency = "X-Caller-Agency";

    public const string CallerPurpose = "X-Caller-Purpose";

    public const string CallerMatter = "X-Caller-Matter";

    /// <summary>
    /// The caller's administrative division (GB/T 2260, six digits). When present, division-scoped
    /// lists and lookups answer, count and page only rows within it; the gateway leaves it out for
    /// the subgraph's own providing agency, which reads all its rows.
    /// </summary>
    public const string CallerDivision = "X-Caller-Division";

    /// <summary>
    /// The row-scoped catalogue resources of the subgraph's agency that the caller may read for its
    /// purpose, comma-separated (possibly empty). A subgraph withholds the rows of any other row-scoped
    /// resource; without the header, every such row. The gateway names only resources of the called
    /// subgraph's agency.
    /// </summary>
    public const string CallerRowResources = "X-Caller-Row-Resources";

    /// <summary>
    /// The W3C trace context (<c>00-{trace id}-{parent span id}-{flags}</c>) of the gateway's fetch; signed,
    /// so the subgraph continues the gateway's trace and no one on the way can change which.
    /// </summary>
    public const string TraceParent = "traceparent";

    /// <summary>Vendor trace state: never sent by the gateway (it is not signed), and removed from a signed request.</summary>
    public const string TraceState = "tracestate";
}

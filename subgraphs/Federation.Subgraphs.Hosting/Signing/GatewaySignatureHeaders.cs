namespace Federation.Subgraphs.Hosting;

/// <summary>The headers that carry the gateway's signature and the caller it covers.</summary>
public static class GatewaySignatureHeaders
{
    /// <summary>Unix time in seconds at which the gateway signed.</summary>
    public const string Timestamp = "X-Gateway-Timestamp";

    /// <summary><c>v1=</c> and the lower-case hex HMAC-SHA256 of the canonical request.</summary>
    public const string Signature = "X-Gateway-Signature";

    public const string CallerAgency = "X-Caller-Agency";

    public const string CallerPurpose = "X-Caller-Purpose";

    public const string CallerMatter = "X-Caller-Matter";
}

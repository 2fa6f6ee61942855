namespace Federation.Gateway.Authorization;

/// <summary>How denials are enforced, for rolling out new share-condition rules safely.</summary>
public enum AuthorizationMode
{
    /// <summary>Denied fields are removed before planning and answered with null and a coded error; the rest is served.</summary>
    Filter,

    /// <summary>Any denied field fails the whole request with 403 and the list of denied paths; no subgraph is asked.</summary>
    Reject,

    /// <summary>Everything is served as sent; each denial that would have been made is logged and audited.</summary>
    DryRun,
}

/// <summary>Bound from the <c>Authorization</c> configuration section.</summary>
public sealed class AuthorizationOptions
{
    public const string Section = "Authorization";

    public AuthorizationMode Mode { get; set; } = AuthorizationMode.Filter;

    /// <summary>How many documents' field analyses are kept per supergraph (the decision itself is made on every request).</summary>
    public int AnalysisCacheSize { get; set; } = 1_000;
}

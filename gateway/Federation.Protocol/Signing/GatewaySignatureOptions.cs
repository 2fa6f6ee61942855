namespace Federation.Protocol.Signing;

/// <summary>How a subgraph checks the gateway's signature; bound from the <c>GatewaySignature</c> configuration section.</summary>
public sealed class GatewaySignatureOptions
{
    public const string Section = "GatewaySignature";

    /// <summary>The secret shared with the gateway (at least 32 bytes). Required unless signatures are switched off.</summary>
    public string? Secret { get; set; }

    /// <summary>
    /// Only for development on a laptop: <c>false</c> accepts unsigned requests (the caller headers,
    /// when sent, are still passed to resolvers, unverified).
    /// </summary>
    public bool RequireGatewaySignature { get; set; } = true;

    /// <summary>How old a signature may be.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How far in the future a timestamp may lie (clocks of gateway and subgraph differ a little).</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Most signatures remembered within the window to refuse replays (about 50 bytes each): the
    /// default takes 16 000 signed requests a second with the 60-second window.
    /// </summary>
    public int ReplayMemory { get; set; } = 1_000_000;

    /// <summary>Largest body hashed; larger requests are refused with 413 before the GraphQL endpoint sees them.</summary>
    public long MaxBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>The clock; replaced in tests.</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;
}

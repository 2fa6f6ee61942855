using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Federation.Protocol.Signing;

/// <summary>
/// The gateway's signature on a subgraph request: HMAC-SHA256, under a secret the gateway and the
/// subgraphs share, of
/// <code>
/// v4\n{METHOD}\n{path and query}\n{timestamp}\n{nonce}\n{agency}\n{purpose}\n{matter}\n{division}\n{row resources}\n{traceparent}\n{hex SHA-256 of the body}
/// </code>
/// sent as <c>X-Gateway-Signature: v4=&lt;hex&gt;</c> with <c>X-Gateway-Timestamp</c>, the caller headers
/// and the W3C <c>traceparent</c> (an absent matter, division or trace context signs as the empty string, so
/// adding or removing the header breaks the signature; the row resources are the ids joined by commas).
/// v3 added the row resources: a v2 signature is refused, so a subgraph never reads rows a gateway that
/// did not sign them has not decided. v4 added the trace context: the subgraph continues the gateway's
/// trace, and nobody on the way can graft its requests onto another trace or detach them from it.
/// Header values cannot hold line breaks, so the fields cannot be shifted into one another.
/// </summary>
public sealed class GatewaySignature
{
    private const string Version = "v4";
    private const int MinimumSecretBytes = 32;

    private readonly byte[] secret;
    private readonly TimeProvider clock;

    /// <param name="secret">At least 32 bytes once UTF-8 encoded.</param>
    /// <param name="clock">The clock that stamps requests; the system clock by default.</param>
    public GatewaySignature(string secret, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(secret);
        this.secret = Encoding.UTF8.GetBytes(secret);
        if (this.secret.Length < MinimumSecretBytes)
        {
            throw new ArgumentException($"The gateway signing secret must be at least {MinimumSecretBytes} bytes.", nameof(secret));
        }

        this.clock = clock ?? TimeProvider.System;
    }

    /// <summary>
    /// Sets the caller headers, the timestamp and the signature on <paramref name="request"/>,
    /// replacing any already there. Buffers the content to hash it. The request's URI must be
    /// absolute, or relative from the root (<c>/graphql</c>) with a client whose base address has no path.
    /// </summary>
    public async Task SignAsync(HttpRequestMessage request, GatewayCaller caller, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(caller);
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        var pathAndQuery = request.RequestUri switch
        {
            { IsAbsoluteUri: true } absolute => absolute.PathAndQuery,
            { OriginalString: ['/', ..] rooted } => rooted,
            _ => throw new ArgumentException("Sign a request whose URI is absolute or starts with '/': the signature covers the path the subgraph sees.", nameof(request)),
        };

        var headers = request.Headers;
        Replace(headers, GatewaySignatureHeaders.CallerAgency, caller.Agency);
        Replace(headers, GatewaySignatureHeaders.CallerPurpose, caller.Purpose);
        Replace(headers, GatewaySignatureHeaders.CallerMatter, caller.Matter);
        Replace(headers, GatewaySignatureHeaders.CallerDivision, caller.Division);
        Replace(headers, GatewaySignatureHeaders.CallerRowResources, caller.RowResourcesHeader);
        var traceParent = TraceParentOf(Activity.Current);
        Replace(headers, GatewaySignatureHeaders.TraceParent, traceParent);
        Replace(headers, GatewaySignatureHeaders.TraceState, null);
        var nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        Replace(headers, GatewaySignatureHeaders.Timestamp, timestamp.ToString(CultureInfo.InvariantCulture));
        Replace(headers, GatewaySignatureHeaders.Nonce, nonce);
        Replace(headers, GatewaySignatureHeaders.Signature, Compute(request.Method.Method, pathAndQuery, timestamp, nonce, caller, traceParent, SHA256.HashData(body)));
    }

    /// <summary>
    /// The W3C <c>traceparent</c> of <paramref name="activity"/> (the gateway's fetch span), or null when
    /// there is no trace to continue. The gateway's subgraph handler propagates nothing itself
    /// (<c>SocketsHttpHandler.ActivityHeadersPropagator</c> is null), so this signed value is the one sent.
    /// </summary>
    internal static string? TraceParentOf(Activity? activity) =>
        activity is { IdFormat: ActivityIdFormat.W3C } ? activity.Id : null;

    /// <summary>The header value <c>v4=&lt;hex&gt;</c> for a request with these parts.</summary>
    internal string Compute(string method, string pathAndQuery, long timestamp, string nonce, GatewayCaller caller, string? traceParent, ReadOnlySpan<byte> bodySha256) =>
        Version + "=" + Convert.ToHexStringLower(Mac(method, pathAndQuery, timestamp, nonce, caller, traceParent, bodySha256));

    /// <summary>Whether <paramref name="presented"/> is the signature of these parts, compared in constant time.</summary>
    internal bool Verify(string presented, string method, string pathAndQuery, long timestamp, string nonce, GatewayCaller caller, string? traceParent, ReadOnlySpan<byte> bodySha256)
    {
        const string prefix = Version + "=";
        Span<byte> given = stackalloc byte[HMACSHA256.HashSizeInBytes];
        if (!presented.StartsWith(prefix, StringComparison.Ordinal)
            || presented.Length != prefix.Length + 2 * given.Length
            || Convert.FromHexString(presented.AsSpan(prefix.Length), given, out _, out var written) != System.Buffers.OperationStatus.Done
            || written != given.Length)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(given, Mac(method, pathAndQuery, timestamp, nonce, caller, traceParent, bodySha256));
    }

    private byte[] Mac(string method, string pathAndQuery, long timestamp, string nonce, GatewayCaller caller, string? traceParent, ReadOnlySpan<byte> bodySha256)
    {
        var canonical = string.Join('\n',
            Version,
            method.ToUpperInvariant(),
            pathAndQuery,
            timestamp.ToString(CultureInfo.InvariantCulture),
            nonce,
            caller.Agency,
            caller.Purpose,
            caller.Matter ?? "",
            caller.Division ?? "",
            caller.RowResourcesHeader,
            traceParent ?? "",
            Convert.ToHexStringLower(bodySha256));
        return HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes(canonical));
    }

    private static void Replace(System.Net.Http.Headers.HttpRequestHeaders headers, string name, string? value)
    {
        headers.Remove(name);
        if (value is not null)
        {
            headers.TryAddWithoutValidation(name, value);
        }
    }
}

/// <summary>
/// Signs every request an <see cref="HttpClient"/> sends to a subgraph, for the caller the
/// request's <see cref="HttpRequestMessage.Options"/> carry under <see cref="CallerOption"/>. Its inner
/// <see cref="SocketsHttpHandler"/> needs <c>ActivityHeadersPropagator = null</c>: else, when no span is
/// current at signing, the handler's own span adds a <c>traceparent</c> the signature did not cover.
/// </summary>
public sealed class GatewaySigningHandler(GatewaySignature signature) : DelegatingHandler
{
    public static readonly HttpRequestOptionsKey<GatewayCaller> CallerOption = new("Federation.GatewayCaller");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!request.Options.TryGetValue(CallerOption, out var caller))
        {
            throw new InvalidOperationException("A subgraph request needs its caller: set request.Options.Set(GatewaySigningHandler.CallerOption, caller).");
        }

        await signature.SignAsync(request, caller, cancellationToken).ConfigureAwait(false);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}

using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Federation.Protocol.Agencies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace Federation.Protocol.Signing;

/// <summary>
/// Runs before a subgraph endpoint: refuses, with 401 and a GraphQL-shaped error, every request
/// that does not carry a valid, fresh, first-seen gateway signature over its method, target,
/// caller and body; otherwise records the verified caller for the resolvers (<see cref="CallerOf"/>).
/// </summary>
public sealed partial class GatewaySignatureCheck
{
    private static readonly (int Status, string Code, string Message) DivisionRefusal =
        (401, SignatureErrorCodes.CallerDivisionInvalid, "The caller's division is not a GB/T 2260 division code.");

    private readonly ILogger logger;
    private readonly GatewaySignatureOptions options;
    private readonly GatewaySignature? signature;
    private readonly ReplayMemory replays;

    public GatewaySignatureCheck(GatewaySignatureOptions options, ILogger logger)
    {
        this.options = options;
        this.logger = logger;
        if (options.RequireGatewaySignature)
        {
            if (string.IsNullOrEmpty(options.Secret))
            {
                throw new InvalidOperationException(
                    $"The subgraph needs the gateway's signing secret ({GatewaySignatureOptions.Section}:Secret); only development may set {GatewaySignatureOptions.Section}:RequireGatewaySignature to false.");
            }

            signature = new GatewaySignature(options.Secret, options.Clock);
        }

        replays = new ReplayMemory(options.ReplayMemory);
    }

    /// <summary>The caller the check verified for this request (or, with signatures off, the caller headers as sent); null when none.</summary>
    public static GatewayCaller? CallerOf(HttpContext context) => context.Features.Get<GatewayCallerFeature>()?.Caller;

    /// <summary>The endpoint <paramref name="next"/>, run only for requests the check lets through.</summary>
    public RequestDelegate Wrap(RequestDelegate next) => async context =>
    {
        if (signature is null)
        {
            if (ReadCaller(context.Request) is { } unverified)
            {
                // Unsigned, yet never read as "no division": a division that cannot be applied is refused.
                if (unverified.Division is { } division && !DivisionCode.TryParse(division, out _, out _))
                {
                    await RefuseAsync(context, DivisionRefusal);
                    return;
                }

                context.Features.Set(new GatewayCallerFeature(unverified));
            }

            await next(context);
            return;
        }

        var refusal = await CheckAsync(context, signature);
        if (refusal is not null)
        {
            // Security staff look for these: who claimed to call, from where, and why it was refused.
            LogRefused(
                logger,
                refusal.Value.Code,
                context.Request.Headers[GatewaySignatureHeaders.CallerAgency].ToString(),
                context.Connection.RemoteIpAddress?.ToString(),
                context.Request.Path.Value);
            await RefuseAsync(context, refusal.Value);
            return;
        }

        await next(context);
    };

    private async Task<(int Status, string Code, string Message)?> CheckAsync(HttpContext context, GatewaySignature key)
    {
        var request = context.Request;
        var presented = request.Headers[GatewaySignatureHeaders.Signature].ToString();
        var stamp = request.Headers[GatewaySignatureHeaders.Timestamp].ToString();
        var nonce = request.Headers[GatewaySignatureHeaders.Nonce].ToString();
        if (presented.Length == 0 || stamp.Length == 0 || nonce.Length == 0)
        {
            return (401, SignatureErrorCodes.SignatureMissing, "The request carries no gateway signature.");
        }

        if (ReadCaller(request) is not { } caller)
        {
            return (401, SignatureErrorCodes.CallerMissing, "The request names no calling agency and purpose.");
        }

        if (caller.Division is { } division && !DivisionCode.TryParse(division, out _, out _))
        {
            return DivisionRefusal;
        }

        if (!IsNonce(nonce))
        {
            return (401, SignatureErrorCodes.SignatureInvalid, "The gateway signature's nonce is not 16 to 128 characters of A-Z, a-z, 0-9, '-' and '_'.");
        }

        if (!long.TryParse(stamp, NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp))
        {
            return (401, SignatureErrorCodes.SignatureInvalid, "The gateway signature's timestamp is not a number of seconds.");
        }

        var now = options.Clock.GetUtcNow().ToUnixTimeSeconds();
        if (timestamp < now - (long)options.Window.TotalSeconds)
        {
            return (401, SignatureErrorCodes.SignatureExpired, "The gateway signature has expired.");
        }

        if (timestamp > now + (long)options.ClockSkew.TotalSeconds)
        {
            return (401, SignatureErrorCodes.SignatureExpired, "The gateway signature's timestamp lies in the future.");
        }

        if (await HashBodyAsync(request, context.RequestAborted) is not { } bodyHash)
        {
            return (413, "BODY_TOO_LARGE", "The request body is larger than the subgraph accepts.");
        }

        var traceParent = request.Headers[GatewaySignatureHeaders.TraceParent].ToString();
        if (!key.Verify(presented, request.Method, Target(context), timestamp, nonce, caller, traceParent.Length == 0 ? null : traceParent, bodyHash))
        {
            return (401, SignatureErrorCodes.SignatureInvalid, "The gateway signature does not match the request.");
        }

        // Kept as a number, so a copy with the hex re-cased is still a replay.
        switch (replays.Record(presented.AsSpan(3), timestamp + (long)options.Window.TotalSeconds, now))
        {
            case ReplayMemory.Outcome.Replayed:
                return (401, SignatureErrorCodes.SignatureReplayed, "The gateway signature was already used.");
            case ReplayMemory.Outcome.Full:
                return (503, SignatureErrorCodes.ReplayMemoryFull, "The subgraph cannot take more signed requests now.");
        }

        context.Features.Set(new GatewayCallerFeature(caller));
        return null;
    }

    private static bool IsNonce(string nonce)
    {
        if (nonce.Length is < 16 or > 128)
        {
            return false;
        }

        foreach (var c in nonce)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '-' && c != '_')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The request target as the client sent it, which is what the gateway signed.</summary>
    private static string Target(HttpContext context)
    {
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (!string.IsNullOrEmpty(raw) && raw[0] == '/')
        {
            return raw;
        }

        var request = context.Request;
        return request.PathBase.Add(request.Path).ToUriComponent() + request.QueryString.ToUriComponent();
    }

    /// <summary>Hashes the body and rewinds it for the endpoint; null when it exceeds the limit.</summary>
    private async Task<byte[]?> HashBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > options.MaxBodyBytes)
        {
            return null;
        }

        // No limit on the buffering stream itself: it would throw before this loop could count the
        // bytes (a 500 for a chunked body over the limit). The loop stops one read past the limit,
        // so at most MaxBodyBytes and one piece are ever buffered.
        request.EnableBuffering(bufferThreshold: 64 * 1024);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

        // Pooled: a fresh buffer for every signed request was most of what a subgraph allocated
        // per request, and the garbage collections it caused paused every request in flight.
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            long total = 0;
            int read;
            while ((read = await request.Body.ReadAsync(buffer, cancellationToken)) > 0)
            {
                total += read;
                if (total > options.MaxBodyBytes)
                {
                    return null;
                }

                hash.AppendData(buffer, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        request.Body.Position = 0;
        return hash.GetHashAndReset();
    }

    private static GatewayCaller? ReadCaller(HttpRequest request)
    {
        var agency = request.Headers[GatewaySignatureHeaders.CallerAgency].ToString();
        var purpose = request.Headers[GatewaySignatureHeaders.CallerPurpose].ToString();
        var matter = request.Headers[GatewaySignatureHeaders.CallerMatter].ToString();
        var division = request.Headers[GatewaySignatureHeaders.CallerDivision].ToString();
        var rows = request.Headers[GatewaySignatureHeaders.CallerRowResources].ToString();
        return agency.Length == 0 || purpose.Length == 0
            ? null
            : new GatewayCaller(agency, purpose, matter.Length == 0 ? null : matter, division.Length == 0 ? null : division)
            {
                RowResources = GatewayCaller.ParseRowResources(rows),
            };
    }

    private static async Task RefuseAsync(HttpContext context, (int Status, string Code, string Message) refusal)
    {
        var response = context.Response;
        response.StatusCode = refusal.Status;
        response.ContentType = "application/json; charset=utf-8";
        if (refusal.Status == 401)
        {
            response.Headers.WWWAuthenticate = "GatewaySignature";
        }

        await using var writer = new Utf8JsonWriter(response.Body);
        writer.WriteStartObject();
        writer.WriteStartArray("errors");
        writer.WriteStartObject();
        writer.WriteString("message", refusal.Message);
        writer.WriteStartObject("extensions");
        writer.WriteString("code", refusal.Code);
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteEndObject();
        await writer.FlushAsync(context.RequestAborted);
    }
}

public sealed partial class GatewaySignatureCheck
{
    [LoggerMessage(EventId = 4010, Level = LogLevel.Warning, Message = "Refused a request not signed by the gateway: {Code} (claimed agency {Agency}, from {RemoteAddress}, path {Path})")]
    private static partial void LogRefused(ILogger logger, string code, string agency, string? remoteAddress, string? path);
}

/// <summary>The caller of the current request, as the signature check found it.</summary>
internal sealed record GatewayCallerFeature(GatewayCaller Caller);

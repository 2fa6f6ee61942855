using System.Buffers;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using Federation.Gateway.Telemetry;
using Federation.Protocol.Signing;
using Polly.CircuitBreaker;
using Federation.Gateway.Requests;

namespace Federation.Gateway.Execution;

/// <summary>
/// Sends operations to one subgraph: a JSON POST over the pooled connections of its
/// <see cref="HttpClient"/> (whose handlers sign each request for its caller, see
/// <see cref="SubgraphHttpClients"/>), bounded by the subgraph's timeout, the body read once
/// into pooled memory and parsed by <see cref="Utf8JsonReader"/> straight into the plain values
/// the result is merged from. Never throws for the subgraph's faults: they come back as
/// <see cref="SubgraphResponse.Failure"/>. Only the caller's own cancellation throws.
/// The caller's division goes with every request (<c>X-Caller-Division</c>, signed), so the subgraph
/// counts and pages division-scoped lists over the caller's division only — except for a caller
/// that is <paramref name="provider"/>, the agency providing the subgraph, which reads all its rows.
/// The row-scoped resources the caller may read go with it too (<c>X-Caller-Row-Resources</c>,
/// signed), but only those of <paramref name="rowResources"/>, the subgraph's agency's: another
/// agency's decisions are none of this subgraph's business.
/// </summary>
/// <param name="provider">The credit code of the subgraph's providing agency (the catalogue's <c>subgraphs:</c>); null when no catalogue names it, and then every caller's division is sent.</param>
/// <param name="rowResources">The row-scoped resources the subgraph's agency provides; none when null (the subgraph then withholds every row they guard).</param>
internal sealed class SubgraphClient(
    string name,
    HttpClient http,
    Uri url,
    TimeSpan timeout,
    long maxResponseBytes = SubgraphClient.DefaultMaxResponseBytes,
    string? provider = null,
    IReadOnlySet<string>? rowResources = null,
    GatewayMetrics? metrics = null)
{
    public const long DefaultMaxResponseBytes = 64L * 1024 * 1024;

    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };
    private static readonly MediaTypeWithQualityHeaderValue AcceptJson = new("application/json");

    public string Name { get; } = name;

    public Uri Url { get; } = url;

    public TimeSpan Timeout { get; } = timeout;

    /// <summary>The agency providing the subgraph, whose requests carry no division; null when unknown.</summary>
    public string? Provider { get; } = provider;

    /// <summary>
    /// Sends <paramref name="operation"/> for <paramref name="caller"/>. <paramref name="query"/> says the
    /// operation only reads: only then may a request that could not be delivered be sent again
    /// (<see cref="SubgraphResilience"/>); a mutation is sent once, whatever happens.
    /// </summary>
    public async Task<SubgraphResponse> SendAsync(
        string operation,
        IReadOnlyDictionary<string, object?>? variables,
        GatewayCaller caller,
        CancellationToken cancellationToken,
        bool query = false)
    {
        using var span = GatewayTelemetry.StartFetch(Name);
        var started = Stopwatch.GetTimestamp();
        var response = await SendOnceAsync(operation, variables, caller, query, cancellationToken).ConfigureAwait(false);
        if (response.Failure is { } failure)
        {
            var code = GatewayTelemetry.CodeOf(failure);
            GatewayTelemetry.Failed(span, code);
            metrics?.Fetched(Name, started, code);
        }
        else
        {
            metrics?.Fetched(Name, started, null);
        }

        return response;
    }

    private async Task<SubgraphResponse> SendOnceAsync(
        string operation,
        IReadOnlyDictionary<string, object?>? variables,
        GatewayCaller caller,
        bool query,
        CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(Timeout);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, Url) { Content = Body(operation, variables) };
            request.Headers.Accept.Add(AcceptJson);
            request.Options.Set(GatewaySigningHandler.CallerOption, ForThisSubgraph(caller));
            request.Options.Set(SubgraphResilience.SubgraphOption, Name);
            request.Options.Set(SubgraphResilience.QueryOption, query);

            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                return SubgraphResponse.Failed(ExecutionErrorCodes.Unavailable(Name, $"it answered HTTP {(int)response.StatusCode}."));
            }

            var owner = await ReadBodyAsync(response.Content, deadline.Token).ConfigureAwait(false);
            if (owner is null)
            {
                return SubgraphResponse.Failed(ExecutionErrorCodes.InvalidResponse(Name, $"the body is larger than {maxResponseBytes} bytes."));
            }

            using (owner)
            {
                return Parse(owner.Memory.Span);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return SubgraphResponse.Failed(ExecutionErrorCodes.Timeout(Name, Timeout));
        }
        catch (BrokenCircuitException)
        {
            // Refused at once, without a connection: the subgraph failed too often lately (SubgraphResilience).
            return SubgraphResponse.Failed(ExecutionErrorCodes.Unavailable(Name, "it failed repeatedly and is not asked again for a while."));
        }
        catch (HttpRequestException exception)
        {
            // The kind of failure only: the exception's text names internal hosts and ports, which callers need not see.
            return SubgraphResponse.Failed(ExecutionErrorCodes.Unavailable(Name, Describe(exception.HttpRequestError)));
        }
        catch (IOException)
        {
            return SubgraphResponse.Failed(ExecutionErrorCodes.Unavailable(Name, "the connection broke off."));
        }
    }

    /// <summary>
    /// The caller as this subgraph is told of it: without a division when it is the providing agency,
    /// with only the row-scoped resources of this subgraph's agency.
    /// </summary>
    internal GatewayCaller ForThisSubgraph(GatewayCaller caller)
    {
        var told = caller.Division is not null && Provider is not null && string.Equals(caller.Agency, Provider, StringComparison.Ordinal)
            ? caller with { Division = null }
            : caller;
        return told.RowResources.Count == 0 ? told : told with { RowResources = OwnRowResources(told.RowResources) };
    }

    /// <summary>Whether the subgraph withholds some rows from callers who may not read a row-scoped resource of its agency.</summary>
    internal bool WithholdsRows => rowResources is { Count: > 0 };

    private IReadOnlyList<string> OwnRowResources(IReadOnlyList<string> readable)
    {
        if (rowResources is not { Count: > 0 } own)
        {
            return [];
        }

        List<string>? kept = null;
        foreach (var id in readable)
        {
            if (own.Contains(id))
            {
                (kept ??= new List<string>(readable.Count)).Add(id);
            }
        }

        return kept is null ? [] : kept;
    }

    private static string Describe(HttpRequestError error) => error switch
    {
        HttpRequestError.ConnectionError => "it cannot be connected to.",
        HttpRequestError.NameResolutionError => "its host name does not resolve.",
        HttpRequestError.SecureConnectionError => "the TLS handshake failed.",
        HttpRequestError.ResponseEnded => "the connection closed before the response ended.",
        _ => "the request failed (" + error + ").",
    };

    private static ReadOnlyMemoryContent Body(string operation, IReadOnlyDictionary<string, object?>? variables)
    {
        var buffer = new ArrayBufferWriter<byte>(operation.Length + 256);
        using (var writer = new Utf8JsonWriter(buffer, PlainJson.WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("query"u8, operation);
            if (variables is { Count: > 0 })
            {
                writer.WritePropertyName("variables"u8);
                PlainJson.Write(writer, variables);
            }

            // The subgraphs refuse a signature they have seen (replay protection), and the
            // signature covers the body: an identical operation for the same caller within the
            // same second would be refused without something unique in the body.
            writer.WritePropertyName("extensions"u8);
            writer.WriteStartObject();
            writer.WriteString("requestId"u8, Guid.NewGuid().ToString("N"));
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        var content = new ReadOnlyMemoryContent(buffer.WrittenMemory);
        content.Headers.ContentType = Json;
        return content;
    }

    /// <summary>The whole body in pooled memory; null when it passes the size limit.</summary>
    private async Task<PooledBody?> ReadBodyAsync(HttpContent content, CancellationToken cancellationToken)
    {
        var length = content.Headers.ContentLength;
        if (length > maxResponseBytes)
        {
            return null;
        }

        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var body = new PooledBody((int)Math.Max(length ?? 16 * 1024, 1024));
            try
            {
                while (true)
                {
                    if (body.Free == 0)
                    {
                        if (body.Length >= maxResponseBytes)
                        {
                            body.Dispose();
                            return null;
                        }

                        body.Grow();
                    }

                    var read = await stream.ReadAsync(body.FreeMemory, cancellationToken).ConfigureAwait(false);
                    if (read == 0)
                    {
                        return body;
                    }

                    body.Advance(read);
                }
            }
            catch
            {
                body.Dispose();
                throw;
            }
        }
    }

    private static string NotJson(JsonException exception) =>
        exception.LineNumber is { } line && exception.BytePositionInLine is { } position
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"the body is not JSON (line {line + 1}, byte {position + 1}).")
            : "the body is not JSON.";

    private SubgraphResponse Parse(ReadOnlySpan<byte> body)
    {
        object? root;
        try
        {
            root = PlainJson.Read(body);
        }
        catch (JsonException exception)
        {
            // The position only: the parser's message quotes the subgraph's bytes, which are not the caller's to read.
            return SubgraphResponse.Failed(ExecutionErrorCodes.InvalidResponse(Name, NotJson(exception)));
        }

        if (root is not Dictionary<string, object?> response)
        {
            return SubgraphResponse.Failed(ExecutionErrorCodes.InvalidResponse(Name, "the body is not a JSON object."));
        }

        var data = response.GetValueOrDefault("data");
        if (data is not (null or Dictionary<string, object?>))
        {
            return SubgraphResponse.Failed(ExecutionErrorCodes.InvalidResponse(Name, "\"data\" is not an object."));
        }

        var errors = new List<Dictionary<string, object?>>();
        switch (response.GetValueOrDefault("errors"))
        {
            case null:
                break;
            case List<object?> list:
                foreach (var item in list)
                {
                    if (item is not Dictionary<string, object?> error || error.GetValueOrDefault("message") is not string)
                    {
                        return SubgraphResponse.Failed(ExecutionErrorCodes.InvalidResponse(Name, "an error has no message."));
                    }

                    errors.Add(error);
                }

                break;
            default:
                return SubgraphResponse.Failed(ExecutionErrorCodes.InvalidResponse(Name, "\"errors\" is not a list."));
        }

        if (data is null && errors.Count == 0)
        {
            return SubgraphResponse.Failed(ExecutionErrorCodes.InvalidResponse(Name, "the response has neither data nor errors."));
        }

        return SubgraphResponse.Answered((Dictionary<string, object?>?)data, errors);
    }

    /// <summary>A growing byte buffer rented from the shared pool.</summary>
    private sealed class PooledBody(int capacity) : IDisposable
    {
        private byte[] buffer = ArrayPool<byte>.Shared.Rent(capacity);

        public int Length { get; private set; }

        public int Free => buffer.Length - Length;

        public Memory<byte> FreeMemory => buffer.AsMemory(Length);

        public Memory<byte> Memory => buffer.AsMemory(0, Length);

        public void Advance(int count) => Length += count;

        public void Grow()
        {
            var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
            buffer.AsSpan(0, Length).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(buffer);
            buffer = larger;
        }

        public void Dispose() => ArrayPool<byte>.Shared.Return(buffer);
    }
}

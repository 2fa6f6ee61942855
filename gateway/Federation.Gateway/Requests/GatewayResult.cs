using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Federation.GraphQL;
using Federation.GraphQL.AspNetCore.Engine;
using Federation.GraphQL.Execution;

namespace Federation.Gateway.Requests;

/// <summary>
/// The gateway's answer: the engine's result over the merged data, plus subgraph errors that no
/// field position took, plus — when asked for — the printed plan in <c>extensions.queryPlan</c>.
/// </summary>
internal sealed class GatewayResult : IOperationResult
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };

    public GatewayResult(ExecutionResult result, IReadOnlyList<GraphQLError> gatewayErrors, string? queryPlan)
    {
        Result = result;
        GatewayErrors = gatewayErrors;
        QueryPlan = queryPlan;
    }

    public ExecutionResult Result { get; }

    /// <summary>Errors besides the engine's: subgraph errors without a position, or why planning failed.</summary>
    public IReadOnlyList<GraphQLError> GatewayErrors { get; }

    public string? QueryPlan { get; }

    /// <summary>The entities the cache served, written as <c>extensions.cache.entities</c> when there are any; null when not asked for.</summary>
    public IReadOnlyList<CachedEntityServed>? CachedEntities { get; init; }

    public bool HasData => Result.HasData;

    /// <summary>401 or 403 when authorization refused the whole request; null for the endpoint's own choice.</summary>
    public int? StatusCode { get; init; }

    public IReadOnlyList<GraphQLError> Errors => GatewayErrors.Count == 0 ? Result.Errors : [.. Result.Errors, .. GatewayErrors];

    /// <summary>A request the gateway refused as a whole (401, 403, or null for the endpoint's choice): errors only, no <c>data</c>.</summary>
    public static GatewayResult Refused(IReadOnlyList<GraphQLError> errors, int? statusCode = null) => new(new ExecutionResult(errors), [], null) { StatusCode = statusCode };

    /// <summary>A request the gateway could not run at all: errors only, no <c>data</c>.</summary>
    public static GatewayResult Failed(GraphQLError error, string? queryPlan = null) => new(new ExecutionResult([error]), [], queryPlan);

    /// <summary>Whether the body is serialised already (<see cref="Prepare"/>) and waits to be written.</summary>
    internal bool IsPrepared => prepared is not null;

    /// <summary>
    /// Serialises the body now, into a pooled buffer that <see cref="WriteTo"/> then copies: the record stage
    /// does this while the request's audit record is being made durable, so the serialising overlaps the
    /// group commit's fsync. Nothing leaves by this: the endpoint writes the body only once the pipeline
    /// returned, after the record stage awaited the record.
    /// </summary>
    internal void Prepare()
    {
        if (prepared is not null)
        {
            return;
        }

        var body = new PreparedBody();
        try
        {
            WriteBody(body);
        }
        catch
        {
            body.Dispose();
            throw;
        }

        prepared = body;
    }

    /// <summary>Lets the prepared body go: the request is answered otherwise (its record could not be made durable).</summary>
    internal void Discard()
    {
        prepared?.Dispose();
        prepared = null;
    }

    public void WriteTo(IBufferWriter<byte> output)
    {
        if (prepared is { } body)
        {
            prepared = null;
            output.Write(body.Written);
            body.Dispose();
            return;
        }

        WriteBody(output);
    }

    private void WriteBody(IBufferWriter<byte> output)
    {
        var cached = CachedEntities is { Count: > 0 } served ? served : null;
        if (GatewayErrors.Count == 0 && QueryPlan is null && cached is null)
        {
            Result.WriteTo(output);
            return;
        }

        using var writer = new Utf8JsonWriter(output, WriterOptions);
        writer.WriteStartObject();
        var errors = Errors;
        if (errors.Count > 0)
        {
            writer.WritePropertyName("errors"u8);
            writer.WriteStartArray();
            foreach (var error in errors)
            {
                ExecutionResult.WriteError(writer, error);
            }

            writer.WriteEndArray();
        }

        if (Result.HasData)
        {
            // The engine writes data in selection order; taking its "data" keeps that order.
            var engine = new ArrayBufferWriter<byte>();
            Result.WriteTo(engine);
            using var document = JsonDocument.Parse(engine.WrittenMemory);
            writer.WritePropertyName("data"u8);
            document.RootElement.GetProperty("data"u8).WriteTo(writer);
        }

        if (QueryPlan is not null || cached is not null)
        {
            writer.WritePropertyName("extensions"u8);
            writer.WriteStartObject();
            if (QueryPlan is not null)
            {
                writer.WriteString("queryPlan"u8, QueryPlan);
            }

            if (cached is not null)
            {
                writer.WritePropertyName("cache"u8);
                writer.WriteStartObject();
                writer.WritePropertyName("entities"u8);
                writer.WriteStartArray();
                foreach (var entity in cached)
                {
                    writer.WriteStartObject();
                    writer.WriteString("subgraph"u8, entity.Subgraph);
                    writer.WriteString("type"u8, entity.Type);
                    writer.WritePropertyName("key"u8);
                    writer.WriteRawValue(entity.Key, skipInputValidation: true);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    public string ToJson()
    {
        if (prepared is { } body)
        {
            return Encoding.UTF8.GetString(body.Written);
        }

        var buffer = new ArrayBufferWriter<byte>();
        WriteTo(buffer);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public override string ToString() => ToJson();

    private PreparedBody? prepared;

    /// <summary>A body serialised ahead of its writing, in an array rented from the shared pool.</summary>
    private sealed class PreparedBody : IBufferWriter<byte>, IDisposable
    {
        private byte[] buffer = ArrayPool<byte>.Shared.Rent(4096);
        private int length;

        public ReadOnlySpan<byte> Written => buffer.AsSpan(0, length);

        public void Advance(int count) => length += count;

        public Memory<byte> GetMemory(int sizeHint = 0)
        {
            Ensure(sizeHint);
            return buffer.AsMemory(length);
        }

        public Span<byte> GetSpan(int sizeHint = 0)
        {
            Ensure(sizeHint);
            return buffer.AsSpan(length);
        }

        public void Dispose()
        {
            var rented = Interlocked.Exchange(ref buffer, []);
            if (rented.Length > 0)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }

        private void Ensure(int sizeHint)
        {
            if (buffer.Length - length >= Math.Max(sizeHint, 1))
            {
                return;
            }

            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(buffer.Length * 2, length + sizeHint));
            buffer.AsSpan(0, length).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(buffer);
            buffer = larger;
        }
    }
}

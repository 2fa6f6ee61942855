using System.Buffers;
using System.Collections;
using System.Globalization;
using System.Text.Json;
using System.Text;
using Federation.GraphQL.Types;

namespace Federation.GraphQL.Execution;

/// <summary>
/// The response: https://spec.graphql.org/September2025/#sec-Response-Format
/// Written straight to JSON in the key order graphql-js produces: <c>errors</c> (when any)
/// before <c>data</c>, and object keys in selection order.
/// </summary>
public sealed class ExecutionResult
{
    private readonly ResultObject? data;

    internal ExecutionResult(IReadOnlyList<GraphQLError> errors, ResultObject? data, bool hasData)
    {
        Errors = errors;
        this.data = data;
        HasData = hasData;
    }

    /// <summary>A result of request errors only: execution did not start and there is no <c>data</c> entry.</summary>
    public ExecutionResult(IReadOnlyList<GraphQLError> errors)
        : this(errors, null, hasData: false)
    {
    }

    public IReadOnlyList<GraphQLError> Errors { get; }

    /// <summary>False when the request failed before execution; the response then has no <c>data</c> entry.</summary>
    public bool HasData { get; }

    /// <summary>The data as plain values: dictionaries in key order, lists and leaves. Built on each call.</summary>
    public IReadOnlyDictionary<string, object?>? ToData() => data is null ? null : (IReadOnlyDictionary<string, object?>?)Plain(data);

    public void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        if (Errors.Count > 0)
        {
            writer.WritePropertyName("errors"u8);
            writer.WriteStartArray();
            foreach (var error in Errors)
            {
                WriteError(writer, error);
            }

            writer.WriteEndArray();
        }

        if (HasData)
        {
            writer.WritePropertyName("data"u8);
            WriteValue(writer, data);
        }

        writer.WriteEndObject();
    }

    public void WriteTo(IBufferWriter<byte> output)
    {
        using var writer = new Utf8JsonWriter(output, JsonText.WriterOptions);
        WriteTo(writer);
    }

    public async Task WriteToAsync(Stream stream, CancellationToken cancellationToken = default)
    {
        await using var writer = new Utf8JsonWriter(stream, JsonText.WriterOptions);
        WriteTo(writer);
        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The response as compact JSON text.</summary>
    public string ToJson()
    {
        var buffer = new ArrayBufferWriter<byte>();
        WriteTo(buffer);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public override string ToString() => ToJson();

    /// <summary>
    /// One error as the response format has it (message, locations, path, extensions), for hosts
    /// that assemble responses of their own, such as a gateway adding its subgraphs' errors.
    /// </summary>
    public static void WriteError(Utf8JsonWriter writer, GraphQLError error)
    {
        writer.WriteStartObject();
        writer.WriteString("message"u8, error.Message);
        if (error.Locations.Count > 0)
        {
            writer.WritePropertyName("locations"u8);
            writer.WriteStartArray();
            foreach (var location in error.Locations)
            {
                writer.WriteStartObject();
                writer.WriteNumber("line"u8, location.Line);
                writer.WriteNumber("column"u8, location.Column);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        if (error.Path is { } path)
        {
            writer.WritePropertyName("path"u8);
            writer.WriteStartArray();
            foreach (var key in path)
            {
                if (key is int index)
                {
                    writer.WriteNumberValue(index);
                }
                else
                {
                    writer.WriteStringValue(key.ToString());
                }
            }

            writer.WriteEndArray();
        }

        if (error.Extensions is { Count: > 0 } extensions)
        {
            writer.WritePropertyName("extensions"u8);
            WriteValue(writer, extensions);
        }

        writer.WriteEndObject();
    }

    internal static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case ResultObject obj:
                writer.WriteStartObject();
                var fields = obj.Plan.Fields;
                var values = obj.Values;
                for (var i = 0; i < fields.Length; i++)
                {
                    writer.WritePropertyName(fields[i].ResponseName);
                    WriteValue(writer, values[i]);
                }

                writer.WriteEndObject();
                break;
            case ResultList list:
                writer.WriteStartArray();
                var items = list.Items;
                for (var i = 0; i < list.Count; i++)
                {
                    WriteValue(writer, items[i]);
                }

                writer.WriteEndArray();
                break;
            case string s:
                writer.WriteStringValue(s);
                break;
            case bool b:
                writer.WriteBooleanValue(b);
                break;
            case int i:
                writer.WriteNumberValue(i);
                break;
            case long l:
                writer.WriteNumberValue(l);
                break;
            case double d:
                WriteNumber(writer, d);
                break;
            case float f:
                WriteNumber(writer, f);
                break;
            case decimal m:
                writer.WriteNumberValue(m);
                break;
            case JsonElement json:
                json.WriteTo(writer);
                break;
            case IEnumerable<KeyValuePair<string, object?>> map:
                writer.WriteStartObject();
                foreach (var (key, item) in map)
                {
                    writer.WritePropertyName(key);
                    WriteValue(writer, item);
                }

                writer.WriteEndObject();
                break;
            case IEnumerable enumerable:
                writer.WriteStartArray();
                foreach (var item in enumerable)
                {
                    WriteValue(writer, item);
                }

                writer.WriteEndArray();
                break;
            case short or byte or sbyte or ushort or uint or ulong:
                writer.WriteRawValue(Convert.ToString(value, CultureInfo.InvariantCulture)!, skipInputValidation: true);
                break;
            default:
                JsonSerializer.Serialize(writer, value, value.GetType(), JsonText.Options);
                break;
        }
    }

    /// <summary>Numbers as JSON.stringify writes them (integers without a fraction, JS exponent form).</summary>
    private static void WriteNumber(Utf8JsonWriter writer, double value)
    {
        if (double.IsInteger(value) && Math.Abs(value) < 9007199254740992d)
        {
            writer.WriteNumberValue((long)value);
            return;
        }

        writer.WriteRawValue(JsNumber.Format(value), skipInputValidation: true);
    }

    private static object? Plain(object? value)
    {
        switch (value)
        {
            case ResultObject obj:
                var map = new Dictionary<string, object?>(obj.Values.Length, StringComparer.Ordinal);
                for (var i = 0; i < obj.Values.Length; i++)
                {
                    map[obj.Plan.Fields[i].ResponseName] = Plain(obj.Values[i]);
                }

                return map;
            case ResultList list:
                var items = new object?[list.Count];
                for (var i = 0; i < list.Count; i++)
                {
                    items[i] = Plain(list.Items[i]);
                }

                return items;
            default:
                return value;
        }
    }
}

using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Federation.GraphQL.AspNetCore.Http;

/// <summary>
/// Reads the request parameters from a GET query string or a POST JSON body, refusing with a
/// clear error anything that is not a GraphQL-over-HTTP request:
/// https://graphql.github.io/graphql-over-http/draft/#sec-Request
/// </summary>
internal static class RequestReader
{
    public static GraphQLRequest FromQueryString(IQueryCollection query, out RequestFailure? failure)
    {
        failure = null;
        var text = Single(query, "query", ref failure);
        var operationName = Single(query, "operationName", ref failure);
        var documentId = Single(query, "documentId", ref failure);
        var variables = JsonObjectParameter(Single(query, "variables", ref failure), "variables", ref failure);
        var extensions = JsonObjectParameter(Single(query, "extensions", ref failure), "extensions", ref failure);
        return new GraphQLRequest(text, operationName, variables, extensions, documentId);
    }

    public static async ValueTask<(GraphQLRequest? Request, RequestFailure? Failure)> FromBodyAsync(HttpRequest request, int maxBodyBytes)
    {
        if (request.ContentLength > maxBodyBytes)
        {
            return (null, RequestFailure.BodyTooLarge(maxBodyBytes));
        }

        var reader = request.BodyReader;
        while (true)
        {
            var read = await reader.ReadAsync(request.HttpContext.RequestAborted);
            if (read.Buffer.Length > maxBodyBytes)
            {
                reader.AdvanceTo(read.Buffer.Start, read.Buffer.End);
                return (null, RequestFailure.BodyTooLarge(maxBodyBytes));
            }

            if (read.IsCompleted || read.IsCanceled)
            {
                try
                {
                    return Parse(read.Buffer);
                }
                finally
                {
                    reader.AdvanceTo(read.Buffer.End);
                }
            }

            reader.AdvanceTo(read.Buffer.Start, read.Buffer.End);
        }
    }

    internal static (GraphQLRequest? Request, RequestFailure? Failure) Parse(ReadOnlySequence<byte> body)
    {
        if (body.IsEmpty)
        {
            return (null, RequestFailure.InvalidRequest("The request body is empty; send a JSON object with a \"query\"."));
        }

        // The JSON reader checks UTF-8 only in the strings it is asked to decode; a body is refused
        // whole if any byte sequence in it is not UTF-8 (RFC 8259 §8.1), wherever it is.
        if (!IsUtf8(body))
        {
            return (null, RequestFailure.InvalidUnicode("The request body is not valid UTF-8."));
        }

        try
        {
            var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = 128 });
            reader.Read();
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                return (null, RequestFailure.InvalidRequest($"The request body must be a JSON object, not {JsonValues.KindOf(reader.TokenType)}."));
            }

            string? query = null, operationName = null, documentId = null;
            Dictionary<string, object?>? variables = null, extensions = null;
            RequestFailure? failure = null;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                var name = reader.GetString();
                reader.Read();
                switch (name)
                {
                    case "query":
                        query = StringParameter(ref reader, "query", ref failure);
                        break;
                    case "operationName":
                        operationName = StringParameter(ref reader, "operationName", ref failure);
                        break;
                    case "documentId":
                        documentId = StringParameter(ref reader, "documentId", ref failure);
                        break;
                    case "variables":
                        variables = ObjectParameter(ref reader, "variables", ref failure);
                        break;
                    case "extensions":
                        extensions = ObjectParameter(ref reader, "extensions", ref failure);
                        break;
                    default:
                        // Read, not skipped: a lone surrogate escape is refused wherever it is.
                        JsonValues.Read(ref reader);
                        break;
                }
            }

            // Reading to the end finds trailing garbage such as a second JSON value.
            while (reader.Read())
            {
            }

            return failure is null ? (new GraphQLRequest(query, operationName, variables, extensions, documentId), null) : (null, failure);
        }
        catch (JsonException exception)
        {
            return (null, RequestFailure.InvalidJson(DescribeJsonError(exception)));
        }
        catch (InvalidOperationException exception)
        {
            // GetString on an escaped lone surrogate ("\ud800"): not text, so not a GraphQL value.
            return (null, RequestFailure.InvalidUnicode(DescribeUnicodeError(exception)));
        }
    }

    private static bool IsUtf8(ReadOnlySequence<byte> body)
    {
        if (body.IsSingleSegment)
        {
            return System.Text.Unicode.Utf8.IsValid(body.FirstSpan);
        }

        // A character may straddle two segments; bodies this large are rare, and bounded by MaxBodyBytes.
        return System.Text.Unicode.Utf8.IsValid(body.ToArray());
    }

    private static string DescribeUnicodeError(InvalidOperationException exception) =>
        exception.Message.Contains("surrogate", StringComparison.OrdinalIgnoreCase)
            ? "The request body has a string with a lone surrogate escape (such as \\ud800), which is not Unicode text."
            : "The request body has a string that is not valid Unicode text.";

    private static string? StringParameter(ref Utf8JsonReader reader, string name, ref RequestFailure? failure)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return reader.GetString();
        }

        if (reader.TokenType != JsonTokenType.Null)
        {
            failure ??= RequestFailure.InvalidParameter(name, $"a string, not {JsonValues.KindOf(reader.TokenType)}");
            reader.Skip();
        }

        return null;
    }

    private static Dictionary<string, object?>? ObjectParameter(ref Utf8JsonReader reader, string name, ref RequestFailure? failure)
    {
        if (reader.TokenType == JsonTokenType.StartObject)
        {
            return JsonValues.ReadObject(ref reader);
        }

        if (reader.TokenType != JsonTokenType.Null)
        {
            failure ??= RequestFailure.InvalidParameter(name, $"an object (a map), not {JsonValues.KindOf(reader.TokenType)}");
            reader.Skip();
        }

        return null;
    }

    private static string? Single(IQueryCollection query, string name, ref RequestFailure? failure)
    {
        if (!query.TryGetValue(name, out var values) || values.Count == 0)
        {
            return null;
        }

        if (values.Count > 1)
        {
            failure ??= RequestFailure.InvalidParameter(name, "given once");
        }

        return values[0];
    }

    /// <summary>GET carries variables and extensions as JSON text in the query string.</summary>
    private static Dictionary<string, object?>? JsonObjectParameter(string? text, string name, ref RequestFailure? failure)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        try
        {
            var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(text));
            reader.Read();
            if (reader.TokenType == JsonTokenType.Null)
            {
                return null;
            }

            if (reader.TokenType != JsonTokenType.StartObject)
            {
                failure ??= RequestFailure.InvalidParameter(name, $"a JSON object, not {JsonValues.KindOf(reader.TokenType)}");
                return null;
            }

            var value = JsonValues.ReadObject(ref reader);
            while (reader.Read())
            {
            }

            return value;
        }
        catch (JsonException exception)
        {
            failure ??= RequestFailure.InvalidParameter(name, $"a JSON object ({DescribeJsonError(exception)})");
            return null;
        }
        catch (InvalidOperationException exception)
        {
            failure ??= RequestFailure.InvalidUnicode(DescribeUnicodeError(exception));
            return null;
        }
    }

    /// <summary>The reader's message without its type-name noise, with the position it gives.</summary>
    private static string DescribeJsonError(JsonException exception)
    {
        var message = exception.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        var text = cut > 0 ? message[..cut].TrimEnd() : message;
        return exception.LineNumber is { } line && exception.BytePositionInLine is { } position
            ? $"{text} (line {line + 1}, byte {position + 1})"
            : text;
    }
}

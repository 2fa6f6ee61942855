using Microsoft.Net.Http.Headers;

namespace Federation.GraphQL.AspNetCore.Http;

internal enum ResponseFormat
{
    /// <summary>application/graphql-response+json: request errors get 4xx statuses.</summary>
    GraphQLResponse,

    /// <summary>application/json: every well-formed request gets 200.</summary>
    Json,

    /// <summary>text/html: the GraphiQL page.</summary>
    Html,
}

/// <summary>
/// Content negotiation on Accept: https://graphql.github.io/graphql-over-http/draft/#sec-Accept
/// A request without Accept, or with only */*, gets application/json as the spec asks of servers
/// until its watershed; when several types are equally acceptable,
/// application/graphql-response+json wins.
/// </summary>
internal static class MediaTypes
{
    public const string GraphQLResponse = "application/graphql-response+json";
    public const string Json = "application/json";
    public const string Html = "text/html";

    public const string GraphQLResponseUtf8 = "application/graphql-response+json; charset=utf-8";
    public const string JsonUtf8 = "application/json; charset=utf-8";

    /// <summary>The format to answer in, or null when Accept names nothing we can produce (406).</summary>
    public static ResponseFormat? Negotiate(IList<string>? accept, bool htmlAllowed)
    {
        if (accept is null || accept.Count == 0 || (accept.Count == 1 && string.IsNullOrWhiteSpace(accept[0])))
        {
            return ResponseFormat.Json;
        }

        if (accept.Count == 1)
        {
            // The common single values, without parsing.
            switch (accept[0])
            {
                case GraphQLResponse:
                    return ResponseFormat.GraphQLResponse;
                case Json or "*/*":
                    return ResponseFormat.Json;
            }
        }

        if (!MediaTypeHeaderValue.TryParseList(accept, out var values))
        {
            return ResponseFormat.Json;
        }

        ResponseFormat? best = null;
        var bestQuality = 0.0;
        foreach (var value in values)
        {
            var quality = value.Quality ?? 1.0;
            if (quality <= 0)
            {
                continue;
            }

            ResponseFormat? format = value.MediaType.Value?.ToLowerInvariant() switch
            {
                GraphQLResponse => ResponseFormat.GraphQLResponse,
                Json or "application/*" or "*/*" => ResponseFormat.Json,
                Html when htmlAllowed => ResponseFormat.Html,
                _ => null,
            };
            if (format is null)
            {
                continue;
            }

            // Equal quality: graphql-response+json before json before html (enum order).
            if (best is null || quality > bestQuality || (quality == bestQuality && format < best))
            {
                best = format;
                bestQuality = quality;
            }
        }

        return best;
    }

    public static string ContentTypeOf(ResponseFormat format) =>
        format == ResponseFormat.GraphQLResponse ? GraphQLResponseUtf8 : JsonUtf8;

    /// <summary>A POST body must be application/json in UTF-8 (the charset may be left out).</summary>
    public static bool IsJsonRequest(string? contentType)
    {
        if (contentType is null || !MediaTypeHeaderValue.TryParse(contentType, out var value))
        {
            return false;
        }

        if (!value.MediaType.Equals(Json, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return value.Charset.Length == 0 || value.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)
            || value.Charset.Equals("utf8", StringComparison.OrdinalIgnoreCase);
    }
}

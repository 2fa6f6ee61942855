using System.Collections.Frozen;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;

namespace Federation.GraphQL.AspNetCore.GraphiQL;

/// <summary>
/// The GraphiQL IDE for browsers: an HTML page at the endpoint and its scripts and styles at
/// <c>{endpoint}/graphiql/{file}</c>, all served from resources embedded at build time so the
/// page works without internet access.
/// </summary>
internal static class GraphiQLPage
{
    public const string AssetFolder = "graphiql";

    private static readonly FrozenDictionary<string, Asset> Assets = LoadAssets();

    /// <summary>
    /// The page; <paramref name="headers"/>, when given, fill its headers editor (as JSON in
    /// <c>data-headers</c>: the content security policy allows no inline script to carry them).
    /// </summary>
    public static async Task WriteAsync(HttpContext context, string endpointPath, IReadOnlyDictionary<string, string>? headers = null)
    {
        var assets = endpointPath.TrimEnd('/') + "/" + AssetFolder + "/";
        var endpoint = WebUtility.HtmlEncode(endpointPath);
        var headersAttribute = headers is { Count: > 0 }
            ? $" data-headers=\"{WebUtility.HtmlEncode(JsonSerializer.Serialize(headers, HeadersJson.Default.IReadOnlyDictionaryStringString))}\""
            : "";
        var html = $$"""
            <!doctype html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <title>GraphiQL</title>
              <link rel="stylesheet" href="{{assets}}graphiql.min.css">
              <style>body { margin: 0; } #graphiql { height: 100vh; }</style>
            </head>
            <body>
              <div id="graphiql" data-endpoint="{{endpoint}}"{{headersAttribute}}>Loading GraphiQL…</div>
              <script src="{{assets}}react.production.min.js"></script>
              <script src="{{assets}}react-dom.production.min.js"></script>
              <script src="{{assets}}graphiql.min.js"></script>
              <script src="{{assets}}graphiql-start.js"></script>
            </body>
            </html>
            """;
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "text/html; charset=utf-8";
        // no-store: headers may hold a token, which no cache should keep.
        context.Response.Headers.CacheControl = headersAttribute.Length > 0 ? "no-store" : "no-cache";
        context.Response.Headers.ContentSecurityPolicy =
            "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'";
        await context.Response.WriteAsync(html, context.RequestAborted);
    }

    public static async Task WriteAssetAsync(HttpContext context, string file)
    {
        if (!Assets.TryGetValue(file, out var asset))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        if (context.Request.Headers.IfNoneMatch == asset.ETag)
        {
            context.Response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = asset.ContentType;
        context.Response.ContentLength = asset.Content.Length;
        context.Response.Headers.ETag = asset.ETag;
        context.Response.Headers.CacheControl = "public, max-age=86400";
        await context.Response.Body.WriteAsync(asset.Content, context.RequestAborted);
    }

    private static FrozenDictionary<string, Asset> LoadAssets()
    {
        var assembly = typeof(GraphiQLPage).Assembly;
        var assets = new Dictionary<string, Asset>();
        foreach (var name in assembly.GetManifestResourceNames())
        {
            if (!name.StartsWith(AssetFolder + "/", StringComparison.Ordinal))
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(name)!;
            var content = new byte[stream.Length];
            stream.ReadExactly(content);
            var file = name[(AssetFolder.Length + 1)..];
            var contentType = file.EndsWith(".css", StringComparison.Ordinal) ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8";
            assets[file] = new Asset(content, contentType, $"\"{Convert.ToHexStringLower(SHA256.HashData(content))[..16]}\"");
        }

        return assets.ToFrozenDictionary();
    }

    private sealed record Asset(byte[] Content, string ContentType, string ETag);
}

/// <summary>The page's headers as JSON, without reflection.</summary>
[JsonSourceGenerationOptions(WriteIndented = true)]
[JsonSerializable(typeof(IReadOnlyDictionary<string, string>))]
internal sealed partial class HeadersJson : JsonSerializerContext;

using System.Collections.Frozen;
using System.Net;
using System.Security.Cryptography;
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

    public static async Task WriteAsync(HttpContext context, string endpointPath)
    {
        var assets = endpointPath.TrimEnd('/') + "/" + AssetFolder + "/";
        var endpoint = WebUtility.HtmlEncode(endpointPath);
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
              <div id="graphiql" data-endpoint="{{endpoint}}">Loading GraphiQL…</div>
              <script src="{{assets}}react.production.min.js"></script>
              <script src="{{assets}}react-dom.production.min.js"></script>
              <script src="{{assets}}graphiql.min.js"></script>
              <script src="{{assets}}graphiql-start.js"></script>
            </body>
            </html>
            """;
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers.CacheControl = "no-cache";
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

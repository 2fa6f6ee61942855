using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Federation.ServiceDefaults.Logging;

/// <summary>The log lines every service writes: JSON on the console, each with its UTC time and its request.</summary>
public static class ServiceLogging
{
    /// <summary>Replaces the providers with the JSON console, timestamps in ISO 8601 UTC and the request's scope on every line.</summary>
    public static TBuilder AddServiceLogging<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        builder.Logging.ClearProviders();
        builder.Logging.AddJsonConsole(options =>
        {
            // Every line says when (UTC, ISO 8601) and, through ASP.NET Core's request scope, which request.
            options.IncludeScopes = true;
            options.UseUtcTimestamp = true;
            options.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
        });

        // Its "Request starting" lines carry the query string, where a GET holds the document and its variables
        // (identity numbers among them): the request's id, path and status are in the other lines' scope.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);
        return builder;
    }
}

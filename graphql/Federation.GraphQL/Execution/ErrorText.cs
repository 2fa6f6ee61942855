using System.Text.Json;
using Federation.GraphQL.Types;

namespace Federation.GraphQL.Execution;

/// <summary>Values quoted in error messages, as graphql-js's inspect quotes them.</summary>
internal static class ErrorText
{
    /// <summary>Like <see cref="ValueInspector.Inspect"/>, reading JSON values as the JavaScript values they stand for.</summary>
    public static string Inspect(object? value) => ValueInspector.Inspect(value is JsonElement json ? PlainValues.FromJson(json) : value);
}

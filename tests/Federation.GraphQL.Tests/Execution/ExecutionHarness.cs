using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Federation.GraphQL.Execution;
using Federation.GraphQL.Language;
using Federation.GraphQL.Types;
using Federation.GraphQL.Types.Building;
using Xunit;

namespace Federation.GraphQL.Tests.Execution;

/// <summary>Builds schemas from SDL, runs documents and compares the response JSON text.</summary>
internal static class ExecutionHarness
{
    public static Schema Schema([StringSyntax("graphql")] string sdl) => SchemaBuilder.FromDocument(Parser.Parse(sdl));

    /// <summary>JSON text as a root value: the default resolver reads its properties.</summary>
    public static JsonElement Json([StringSyntax("json")] string json) => JsonDocument.Parse(json).RootElement.Clone();

    public static ValueTask<ExecutionResult> Execute(
        Schema schema,
        [StringSyntax("graphql")] string document,
        object? root = null,
        IReadOnlyDictionary<string, object?>? variables = null,
        string? operationName = null,
        object? context = null,
        CancellationToken? cancellationToken = null) =>
        Executor.ExecuteAsync(
            new ExecutionRequest
            {
                Schema = schema,
                Document = Parser.Parse(document),
                RootValue = root,
                Variables = variables,
                OperationName = operationName,
                Context = context,
            },
            cancellationToken ?? TestContext.Current.CancellationToken);

    public static async Task ExpectJson(
        Schema schema,
        [StringSyntax("graphql")] string document,
        [StringSyntax("json")] string expected,
        object? root = null,
        IReadOnlyDictionary<string, object?>? variables = null,
        string? operationName = null)
    {
        var result = await Execute(schema, document, root, variables, operationName);
        Assert.Equal(Compact(expected), result.ToJson());
    }

    /// <summary>The same JSON without insignificant whitespace, key order kept.</summary>
    public static string Compact([StringSyntax("json")] string json)
    {
        using var document = JsonDocument.Parse(json);
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            document.WriteTo(writer);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static Dictionary<string, object?> Vars(params (string Name, object? Value)[] values)
    {
        var map = new Dictionary<string, object?>();
        foreach (var (name, value) in values)
        {
            map[name] = value;
        }

        return map;
    }

    public static Dictionary<string, object?> Map(params (string Name, object? Value)[] values) => Vars(values);
}

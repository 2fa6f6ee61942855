using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Federation.GraphQL.Conformance;
using DotNet = global::GraphQL;

namespace Federation.GraphQL.Tests.Differential;

/// <summary>
/// GraphQL.NET 8.8.5 as a third engine of the differential corpus, in-process, one schema per
/// corpus schema: each document through its <c>DocumentExecuter</c> (parse, the core validation
/// rules, execution), the outcome worded as the line graphql-js-runner.mjs prints. The harness
/// gives it what the graphql-js runner gives graphql-js: fields resolve from the root JSON by
/// name, <c>{"$error"}</c> raises a field error with that message (an <c>ExecutionError</c>,
/// GraphQL.NET's way to choose the message a client reads), <c>{"$args": true}</c> echoes the
/// coerced arguments, and errors carry no extensions (its default error codes switched off, as
/// graphql-js adds none).
/// </summary>
internal static class GraphQLDotNetEngine
{
    private static readonly ConcurrentDictionary<string, Lazy<DotNet.Types.Schema>> Schemas = new();
    private static readonly ConcurrentDictionary<string, Lazy<object?>> Roots = new();
    private static readonly DotNet.IDocumentExecuter Executer = new DotNet.DocumentExecuter();
    private static readonly DotNet.SystemTextJson.GraphQLSerializer Serializer = new(new DotNet.Execution.ErrorInfoProvider(new DotNet.Execution.ErrorInfoProviderOptions
    {
        ExposeCode = false,
        ExposeCodes = false,
        ExposeData = false,
        ExposeExtensions = false,
    }));

    public static async Task<JsonObject> ResultAsync(CorpusSchema schema, string queryName, CancellationToken cancellationToken)
    {
        var graph = Schemas.GetOrAdd(schema.Name, _ => new(() => Build(schema))).Value;
        var root = Roots.GetOrAdd(schema.Name, _ => new(() => ReadRoot(schema))).Value;
        var query = schema.Queries.Single(q => q.Name == queryName);

        var result = await Executer.ExecuteAsync(new DotNet.ExecutionOptions
        {
            Schema = graph,
            Query = query.Query,
            OperationName = query.OperationName,
            Variables = query.Variables is { } variables ? Serializer.Deserialize<DotNet.Inputs>(variables.GetRawText()) : null,
            Root = root,
            ThrowOnUnhandledException = false,
            CancellationToken = cancellationToken,
        });

        var response = JsonNode.Parse(Serializer.Serialize(result))!.AsObject();
        var errors = response["errors"]?.AsArray();
        var line = new JsonObject { ["name"] = queryName };

        // A syntax error or a validation rule's errors stop GraphQL.NET before execution, as
        // they stop graphql-js; variable values it refuses (InvalidVariableError, a kind of
        // ValidationError) are execute()'s errors in graphql-js, so they stay a result.
        if (result.Errors is { Count: > 0 } && result.Errors.Any(e => e is DotNet.Execution.SyntaxError))
        {
            line["parseError"] = Located(errors![0]!);
        }
        else if (!result.Executed && result.Errors is { Count: > 0 } && result.Errors.All(e => e is DotNet.Validation.ValidationError and not DotNet.Validation.InvalidVariableError))
        {
            line["validationErrors"] = new JsonArray(errors!.Select(e => (JsonNode)Located(e!)).ToArray());
        }
        else
        {
            line["result"] = response.DeepClone();
        }

        return line;
    }

    private static DotNet.Types.Schema Build(CorpusSchema schema)
    {
        try
        {
            var built = GraphQLDotNetSchema.Build(File.ReadAllText(schema.SchemaPath), Resolve);
            built.Initialize();
            return built;
        }
        catch (Exception exception)
        {
            throw new InvalidOperationException($"GraphQL.NET does not build the {schema.Name} schema: {exception.Message.Split('\n')[0]}", exception);
        }
    }

    /// <summary>As graphql-js-runner.mjs's errorJson: message and locations (empty when none).</summary>
    private static JsonObject Located(JsonNode error) => new()
    {
        ["message"] = error["message"]?.DeepClone(),
        ["locations"] = error["locations"]?.DeepClone() ?? new JsonArray(),
    };

    private static object? ReadRoot(CorpusSchema schema)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(schema.RootPath));
        return RootValue.FromJson(document.RootElement);
    }

    private static object? Resolve(DotNet.IResolveFieldContext context)
    {
        if (context.Source is not IReadOnlyDictionary<string, object?> parent || !parent.TryGetValue(context.FieldDefinition.Name, out var value))
        {
            return null;
        }

        return value switch
        {
            RootValueError error => throw new DotNet.ExecutionError(error.Message),
            ArgumentsEcho => JsJson.Stringify(Arguments(context)),
            _ => value,
        };
    }

    /// <summary>The coerced arguments in definition order; those neither given nor defaulted are absent, as in graphql-js.</summary>
    private static List<KeyValuePair<string, object?>> Arguments(DotNet.IResolveFieldContext context)
    {
        var arguments = new List<KeyValuePair<string, object?>>();
        foreach (var definition in context.FieldDefinition.Arguments ?? [])
        {
            // GraphQL.NET lists an argument neither given nor defaulted as null from the field's (absent) default.
            if (context.Arguments is { } given && given.TryGetValue(definition.Name, out var argument)
                && !(argument.Source == DotNet.Execution.ArgumentSource.FieldDefault && definition.DefaultValue is null))
            {
                arguments.Add(new(definition.Name, argument.Value));
            }
        }

        return arguments;
    }
}

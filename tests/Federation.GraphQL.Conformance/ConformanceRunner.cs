using System.Text;
using System.Text.Json;
using Federation.GraphQL.Execution;
using Federation.GraphQL.Language;
using Federation.GraphQL.Language.Syntax;
using Federation.GraphQL.Types;
using Federation.GraphQL.Types.Building;
using Federation.GraphQL.Types.SchemaValidation;
using Federation.GraphQL.Validation;

namespace Federation.GraphQL.Conformance;

/// <summary>
/// Our side of the differential test: runs the queries of a corpus through our engine and words
/// each outcome as one JSON line, in the format of tests/peer/graphql-js-runner.mjs:
/// <c>{"name","parseError"}</c>, <c>{"name","validationErrors"}</c> or <c>{"name","result"}</c>.
/// Fields resolve from the root JSON by name (see <see cref="RootValue"/>); the root JSON is the
/// root value of every operation; abstract types resolve by the value's <c>__typename</c>.
/// </summary>
internal sealed class ConformanceRunner
{
    private readonly Schema schema;
    private readonly object? root;

    private ConformanceRunner(Schema schema, object? root)
    {
        this.schema = schema;
        this.root = root;
    }

    /// <summary>
    /// A runner for the schema and root value, or null with <paramref name="schemaErrorsLine"/>
    /// set when the schema does not build or is invalid.
    /// </summary>
    public static ConformanceRunner? Create(string sdl, string rootJson, out string? schemaErrorsLine)
    {
        schemaErrorsLine = null;
        var schema = BuildAndValidate(sdl, out var errors);
        if (schema is null)
        {
            schemaErrorsLine = JsJson.Stringify(new List<KeyValuePair<string, object?>> { new("schemaErrors", errors) });
            return null;
        }

        using var rootDocument = JsonDocument.Parse(rootJson);
        BindResolvers(schema);
        return new ConformanceRunner(schema, RootValue.FromJson(rootDocument.RootElement));
    }

    /// <summary>
    /// <c>{"name","schemaErrors":[..]}</c> for one type system document: empty when the schema
    /// is valid, else why it does not build or validate, as graphql-js-runner.mjs --schemas prints it.
    /// </summary>
    public static string SchemaLine(string name, string sdl)
    {
        BuildAndValidate(sdl, out var errors);
        return Line(name, "schemaErrors", errors);
    }

    /// <summary>
    /// The schema, or null with the errors graphql-js reports: a syntax error; the SDL rules'
    /// errors as one error whose message joins them by blank lines, without locations (buildSchema
    /// throws so); or validateSchema's errors.
    /// </summary>
    private static Schema? BuildAndValidate(string sdl, out List<object?> errors)
    {
        errors = [];
        Schema schema;
        try
        {
            schema = SchemaBuilder.FromDocument(Parser.Parse(sdl, ParserOptions.Unlimited));
        }
        catch (InvalidSdlException invalid)
        {
            errors.Add(ErrorWithLocations(new GraphQLError(string.Join("\n\n", invalid.Errors.Select(e => e.Message)))));
            return null;
        }
        catch (GraphQLException exception)
        {
            errors.Add(ErrorWithLocations(exception.Error));
            return null;
        }

        foreach (var error in SchemaValidator.Validate(schema))
        {
            errors.Add(ErrorWithLocations(error));
        }

        return errors.Count == 0 ? schema : null;
    }

    public async Task<string> RunAsync(ConformanceQuery query, CancellationToken cancellationToken = default)
    {
        DocumentNode document;
        try
        {
            document = Parser.Parse(query.Query, ParserOptions.Unlimited);
        }
        catch (GraphQLException syntax)
        {
            return Line(query.Name, "parseError", ErrorWithLocations(syntax.Error));
        }

        var validationErrors = DocumentValidator.Validate(schema, document);
        if (validationErrors.Count > 0)
        {
            var list = new List<object?>(validationErrors.Count);
            foreach (var error in validationErrors)
            {
                list.Add(ErrorWithLocations(error));
            }

            return Line(query.Name, "validationErrors", list);
        }

        var variables = query.Variables is { } json ? RootValue.PlainFromJson(json) as IReadOnlyDictionary<string, object?> : null;
        var result = await ExecuteAsync(document, variables, query.OperationName, cancellationToken);
        return Line(query.Name, "result", result);
    }

    /// <summary>The execution result as graphql-js's execute() gives it: errors (when any) before data (when executed).</summary>
    private async Task<List<KeyValuePair<string, object?>>> ExecuteAsync(
        DocumentNode document, IReadOnlyDictionary<string, object?>? variables, string? operationName, CancellationToken cancellationToken)
    {
        var result = await Executor.ExecuteAsync(
            new ExecutionRequest
            {
                Schema = schema,
                Document = document,
                RootValue = root,
                Variables = variables,
                OperationName = operationName,
            },
            cancellationToken);

        var members = new List<KeyValuePair<string, object?>>(2);
        if (result.Errors is { Count: > 0 } errors)
        {
            var list = new List<object?>(errors.Count);
            foreach (var error in errors)
            {
                list.Add(ExecutionError(error));
            }

            members.Add(new("errors", list));
        }

        if (result.HasData)
        {
            members.Add(new("data", result.ToData()));
        }

        return members;
    }

    private static void BindResolvers(Schema schema)
    {
        foreach (var type in schema.Types)
        {
            if (type.Name.StartsWith("__", StringComparison.Ordinal))
            {
                continue;
            }

            switch (type)
            {
                case ObjectType objectType:
                    foreach (var field in objectType.Fields)
                    {
                        field.Resolver = ResolveFromRoot;
                    }

                    break;
                case InterfaceType interfaceType:
                    interfaceType.ResolveType = TypenameOf;
                    break;
                case UnionType unionType:
                    unionType.ResolveType = TypenameOf;
                    break;
            }
        }
    }

    private static ValueTask<object?> ResolveFromRoot(ResolveContext context)
    {
        if (context.Source is not IReadOnlyDictionary<string, object?> parent || !parent.TryGetValue(context.Field.Name, out var value))
        {
            return new ValueTask<object?>((object?)null);
        }

        return value switch
        {
            RootValueError error => throw new RootValueError(error.Message),
            ArgumentsEcho => new ValueTask<object?>(JsJson.Stringify(context.Arguments)),
            _ => new ValueTask<object?>(value),
        };
    }

    private static string? TypenameOf(object value) =>
        value is IReadOnlyDictionary<string, object?> members && members.TryGetValue("__typename", out var name) ? name as string : null;

    private static List<KeyValuePair<string, object?>> ErrorWithLocations(GraphQLError error) =>
    [
        new("message", error.Message),
        new("locations", Locations(error.Locations)),
    ];

    /// <summary>As graphql-js's GraphQLError.toJSON: locations, path and extensions only when present.</summary>
    private static List<KeyValuePair<string, object?>> ExecutionError(GraphQLError error)
    {
        var members = new List<KeyValuePair<string, object?>> { new("message", error.Message) };
        if (error.Locations.Count > 0)
        {
            members.Add(new("locations", Locations(error.Locations)));
        }

        if (error.Path is not null)
        {
            members.Add(new("path", error.Path));
        }

        if (error.Extensions is { Count: > 0 })
        {
            members.Add(new("extensions", error.Extensions));
        }

        return members;
    }

    private static List<object?> Locations(IReadOnlyList<SourceLocation> locations)
    {
        var list = new List<object?>(locations.Count);
        foreach (var location in locations)
        {
            list.Add(new List<KeyValuePair<string, object?>> { new("line", location.Line), new("column", location.Column) });
        }

        return list;
    }

    private static string Line(string name, string kind, object? value)
    {
        var text = new StringBuilder();
        JsJson.Write(text, new List<KeyValuePair<string, object?>> { new("name", name), new(kind, value) });
        return text.ToString();
    }
}

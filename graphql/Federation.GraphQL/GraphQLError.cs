using Federation.GraphQL.Language.Syntax;

namespace Federation.GraphQL;

/// <summary>A position in a source document, 1-based, as the response format prints it.</summary>
public readonly record struct SourceLocation(int Line, int Column);

/// <summary>
/// The one error type of the engine, for syntax, validation and execution alike:
/// https://spec.graphql.org/September2025/#sec-Errors
/// </summary>
public sealed record GraphQLError
{
    public GraphQLError(string message, IReadOnlyList<SourceLocation>? locations = null, IReadOnlyList<object>? path = null, IReadOnlyDictionary<string, object?>? extensions = null)
    {
        Message = message;
        Locations = locations ?? [];
        Path = path;
        Extensions = extensions;
    }

    public GraphQLError(string message, params ReadOnlySpan<SyntaxNode?> nodes)
        : this(message, LocationsOf(nodes))
    {
    }

    public string Message { get; init; }

    public IReadOnlyList<SourceLocation> Locations { get; init; }

    /// <summary>Response path: strings for field keys, ints for list indices. Null outside execution.</summary>
    public IReadOnlyList<object>? Path { get; init; }

    public IReadOnlyDictionary<string, object?>? Extensions { get; init; }

    /// <summary>This error with <c>extensions.code</c> set to <paramref name="code"/>, unless it has a code already; its other extensions kept.</summary>
    public GraphQLError WithCode(string code)
    {
        if (Extensions is { } existing && existing.ContainsKey("code"))
        {
            return this;
        }

        var extensions = new Dictionary<string, object?> { ["code"] = code };
        if (Extensions is not null)
        {
            foreach (var (key, value) in Extensions)
            {
                extensions[key] = value;
            }
        }

        return this with { Extensions = extensions };
    }

    public override string ToString() =>
        Locations.Count == 0 ? Message : $"{Message} ({string.Join(", ", Locations.Select(l => $"{l.Line}:{l.Column}"))})";

    private static SourceLocation[] LocationsOf(ReadOnlySpan<SyntaxNode?> nodes)
    {
        var count = 0;
        foreach (var node in nodes)
        {
            if (node?.Location is not null)
            {
                count++;
            }
        }

        var locations = new SourceLocation[count];
        var i = 0;
        foreach (var node in nodes)
        {
            if (node?.Location is { } location)
            {
                locations[i++] = new SourceLocation(location.Line, location.Column);
            }
        }

        return locations;
    }
}

/// <summary>Thrown where an engine error cannot be returned as data (parsing, schema building).</summary>
public class GraphQLException(GraphQLError error) : Exception(error.Message)
{
    public GraphQLError Error { get; } = error;
}

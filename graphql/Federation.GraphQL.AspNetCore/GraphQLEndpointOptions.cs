using Federation.GraphQL.AspNetCore.TrustedDocuments;
using Microsoft.AspNetCore.Http;

namespace Federation.GraphQL.AspNetCore;

/// <summary>How one GraphQL endpoint behaves. The defaults suit a public endpoint.</summary>
public sealed class GraphQLEndpointOptions
{
    public RequestLimits Limits { get; set; } = new();

    /// <summary>Whether <c>__schema</c> and <c>__type</c> may be queried; switch off in production if the schema is private.</summary>
    public bool EnableIntrospection { get; set; } = true;

    /// <summary>Whether browsers asking for text/html get the GraphiQL page.</summary>
    public bool EnableGraphiQL { get; set; } = true;

    /// <summary>
    /// Headers the GraphiQL page opens with in its headers editor (a development token, say), made for
    /// each page served; null or empty for none. Whoever loads the page reads them: never set it where
    /// the page is reachable by others than the developer the headers are for.
    /// </summary>
    public Func<HttpContext, IReadOnlyDictionary<string, string>?>? GraphiQLHeaders { get; set; }

    /// <summary>Whether queries may be sent with GET (mutations never may).</summary>
    public bool AllowGet { get; set; } = true;

    public TrustedDocumentOptions TrustedDocuments { get; set; } = new();

    /// <summary>How many parsed and validated documents are kept; 0 disables the cache.</summary>
    public int DocumentCacheSize { get; set; } = 1_000;

    /// <summary>The per-request object resolvers see as their context (the user, the tenant); null by default.</summary>
    public Func<HttpContext, object?>? CreateContext { get; set; }

    /// <summary>The source value of the root fields.</summary>
    public object? RootValue { get; set; }

    /// <summary>The longest an operation may run before it is cancelled and answered with 504.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Runs admitted operations instead of the engine's executor (resolvers on the schema); everything
    /// before — parsing, validation, limits, cost, trusted documents — stays the endpoint's.
    /// </summary>
    public Engine.IOperationExecutor? Executor { get; set; }
}

/// <summary>
/// Limits a request must stay within. Each breach is a request error naming the limit and
/// its value, in <c>extensions.code</c>, <c>extensions.limit</c> and <c>extensions.value</c>.
/// </summary>
public sealed class RequestLimits
{
    /// <summary>Largest request body accepted, in bytes (answered with 413 beyond).</summary>
    public int MaxBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Longest document accepted, in UTF-16 code units.</summary>
    public int MaxDocumentLength { get; set; } = 64 * 1024;

    /// <summary>Most lexical tokens in a document.</summary>
    public int MaxTokens { get; set; } = 5_000;

    /// <summary>Deepest nesting of selection sets (and of list and object values) in a document.</summary>
    public int MaxDepth { get; set; } = 32;

    /// <summary>Most aliased fields in a document.</summary>
    public int MaxAliases { get; set; } = 100;

    /// <summary>Highest static cost of an operation, computed from <c>@cost</c> and <c>@listSize</c>.</summary>
    public double MaxCost { get; set; } = 10_000;

    /// <summary>How deep list fields of the introspection types may nest (types → fields → args is 3).</summary>
    public int MaxIntrospectionListDepth { get; set; } = 3;

    /// <summary>Size assumed for a list field that has no <c>@listSize</c> and no slicing argument.</summary>
    public int DefaultListSize { get; set; } = 10;
}

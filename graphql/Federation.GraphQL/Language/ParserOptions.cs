namespace Federation.GraphQL.Language;

/// <summary>
/// Limits that stop abusive documents early. Every limit breached ends parsing with a
/// <see cref="GraphQLSyntaxException"/> naming the limit and its value.
/// </summary>
public sealed record ParserOptions
{
    /// <summary>
    /// For documents sent to a server: 1 MiB of text, 15 000 tokens, nesting 64 deep and
    /// 1 000 aliases. A real operation is far inside all four; a schema document (SDL) from a
    /// trusted place should be parsed with <see cref="Unlimited"/>.
    /// </summary>
    public static ParserOptions Default { get; } = new();

    /// <summary>
    /// No limit but the engine's own nesting cap (<see cref="HardMaxDepth"/>), which keeps even
    /// trusted input from exhausting the stack. For tooling, SDL and tests.
    /// </summary>
    public static ParserOptions Unlimited { get; } = new()
    {
        MaxDocumentLength = int.MaxValue,
        MaxTokens = int.MaxValue,
        MaxDepth = int.MaxValue,
        MaxAliases = int.MaxValue,
    };

    /// <summary>Nesting beyond this is refused whatever <see cref="MaxDepth"/> says.</summary>
    public const int HardMaxDepth = 1000;

    /// <summary>Longest document accepted, in UTF-16 code units (graphql-js maxSourceLength).</summary>
    public int MaxDocumentLength { get; init; } = 1024 * 1024;

    /// <summary>Most lexical tokens, comments excluded (graphql-js maxTokens).</summary>
    public int MaxTokens { get; init; } = 15_000;

    /// <summary>Deepest nesting of selection sets, list and object values and list types, together.</summary>
    public int MaxDepth { get; init; } = 64;

    /// <summary>Most aliased fields in one document.</summary>
    public int MaxAliases { get; init; } = 1_000;
}

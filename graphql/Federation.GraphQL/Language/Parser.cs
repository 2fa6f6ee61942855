using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using Federation.GraphQL.Language.Syntax;

namespace Federation.GraphQL.Language;

/// <summary>
/// Recursive-descent parser of the GraphQL language, one method per grammar production, split
/// into partial files by spec section. It accepts what graphql-js 17.1.0 accepts and rejects the
/// rest with graphql-js's message and location.
/// https://spec.graphql.org/September2025/#sec-Language
/// </summary>
public sealed partial class Parser
{
    private readonly int _maxTokens;
    private readonly int _maxDepth;
    private readonly int _maxAliases;
    private Lexer _lexer;
    private Token _token;
    private int _lastEnd;
    private int _tokenCount;
    private int _depth;
    private int _aliasCount;

    // Lists of child nodes are gathered on one stack shared by all nesting levels, then copied
    // into an array of exactly the right size: one allocation per list.
    private SyntaxNode[] _pending = new SyntaxNode[32];
    private int _pendingCount;

    private Parser(string source, ParserOptions? options)
    {
        ArgumentNullException.ThrowIfNull(source);
        options ??= ParserOptions.Default;
        if (source.Length > options.MaxDocumentLength)
        {
            SyntaxError.Throw(source, options.MaxDocumentLength, $"Source contains more than {options.MaxDocumentLength} UTF-16 code units. Parsing aborted.");
        }

        _maxTokens = options.MaxTokens;
        _maxDepth = options.MaxDepth;
        _maxAliases = options.MaxAliases;
        _lexer = new Lexer(source);
        _token = new Token(TokenKind.StartOfFile, 0, 0, 1, 1);
    }

    /// <summary>Parses an executable or type-system document.</summary>
    /// <param name="options">Limits; <see cref="ParserOptions.Default"/> when null.</param>
    /// <exception cref="GraphQLSyntaxException">The source is not a GraphQL document or breaks a limit.</exception>
    public static DocumentNode Parse([StringSyntax("graphql")] string source, ParserOptions? options = null) =>
        new Parser(source, options).ParseDocument();

    /// <summary>Parses a value literal that may contain variables, such as <c>[1, $a]</c>.</summary>
    public static ValueNode ParseValue([StringSyntax("graphql")] string source, ParserOptions? options = null)
    {
        var parser = new Parser(source, options);
        parser.Expect(TokenKind.StartOfFile);
        var value = parser.ParseValueLiteral(isConst: false);
        parser.Expect(TokenKind.EndOfFile);
        return value;
    }

    /// <summary>Parses a value literal without variables.</summary>
    public static ValueNode ParseConstValue([StringSyntax("graphql")] string source, ParserOptions? options = null)
    {
        var parser = new Parser(source, options);
        parser.Expect(TokenKind.StartOfFile);
        var value = parser.ParseValueLiteral(isConst: true);
        parser.Expect(TokenKind.EndOfFile);
        return value;
    }

    /// <summary>Parses a type reference such as <c>[String!]!</c>.</summary>
    public static TypeNode ParseType([StringSyntax("graphql")] string source, ParserOptions? options = null)
    {
        var parser = new Parser(source, options);
        parser.Expect(TokenKind.StartOfFile);
        var type = parser.ParseTypeReference();
        parser.Expect(TokenKind.EndOfFile);
        return type;
    }

    private Location LocationFrom(in Token start) => new(start.Start, _lastEnd, start.Line, start.Column);

    private void Advance()
    {
        _lastEnd = _token.End;
        _token = _lexer.Next();
        if (_token.Kind != TokenKind.EndOfFile && ++_tokenCount > _maxTokens)
        {
            Fail(_token.Start, $"Document contains more than {_maxTokens} tokens. Parsing aborted.");
        }
    }

    /// <summary>The token after the current one, lexed on a copy of the lexer.</summary>
    private Token Lookahead()
    {
        var lexer = _lexer;
        return lexer.Next();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool Peek(TokenKind kind) => _token.Kind == kind;

    private Token Expect(TokenKind kind)
    {
        var token = _token;
        if (token.Kind != kind)
        {
            Fail(token.Start, $"Expected {Token.Describe(kind)}, found {Describe(token)}.");
        }

        Advance();
        return token;
    }

    private bool ExpectOptional(TokenKind kind)
    {
        if (_token.Kind != kind)
        {
            return false;
        }

        Advance();
        return true;
    }

    private bool PeekKeyword(string keyword) =>
        _token.Kind == TokenKind.Name && _lexer.Text(_token).SequenceEqual(keyword);

    private void ExpectKeyword(string keyword)
    {
        if (!PeekKeyword(keyword))
        {
            Fail(_token.Start, $"Expected \"{keyword}\", found {Describe(_token)}.");
        }

        Advance();
    }

    private bool ExpectOptionalKeyword(string keyword)
    {
        if (!PeekKeyword(keyword))
        {
            return false;
        }

        Advance();
        return true;
    }

    /// <summary>
    /// Whether the current token's value is <paramref name="value"/>, as graphql-js compares
    /// <c>token.value</c>: a string token counts by its cooked value.
    /// </summary>
    private bool TokenValueIs(string value) => _token.Kind switch
    {
        TokenKind.Name => _lexer.Text(_token).SequenceEqual(value),
        TokenKind.String or TokenKind.BlockString => _lexer.DescribeValue(_token) == value,
        _ => false,
    };

    private string Describe(in Token token)
    {
        var value = _lexer.DescribeValue(token);
        return value is null ? Token.Describe(token.Kind) : $"{Token.Describe(token.Kind)} \"{value}\"";
    }

    /// <summary>Entering a selection set, list value, object value or list type.</summary>
    private void EnterNesting(in Token opening)
    {
        if (++_depth > _maxDepth)
        {
            Fail(opening.Start, $"Document nesting is deeper than {_maxDepth} levels (MaxDepth). Parsing aborted.");
        }

        if (_depth > ParserOptions.HardMaxDepth || !RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            Fail(opening.Start, $"Document nesting is deeper than {ParserOptions.HardMaxDepth} levels (the parser's own limit). Parsing aborted.");
        }
    }

    private void CountAlias(in Token alias)
    {
        if (++_aliasCount > _maxAliases)
        {
            Fail(alias.Start, $"Document contains more than {_maxAliases} aliases (MaxAliases). Parsing aborted.");
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Push(SyntaxNode node)
    {
        if (_pendingCount == _pending.Length)
        {
            Array.Resize(ref _pending, _pending.Length * 2);
        }

        _pending[_pendingCount++] = node;
    }

    /// <summary>The nodes pushed since <paramref name="mark"/>, removed from the pending stack.</summary>
    private T[] PopList<T>(int mark) where T : SyntaxNode
    {
        var count = _pendingCount - mark;
        if (count == 0)
        {
            return [];
        }

        var list = new T[count];
        for (var i = 0; i < count; i++)
        {
            list[i] = Unsafe.As<T>(_pending[mark + i]);
            _pending[mark + i] = null!;
        }

        _pendingCount = mark;
        return list;
    }

    [DoesNotReturn]
    private void FailUnexpected(in Token token) => Fail(token.Start, $"Unexpected {Describe(token)}.");

    [DoesNotReturn]
    private void FailUnexpected() => FailUnexpected(_token);

    [DoesNotReturn]
    private void Fail(int position, string description) => SyntaxError.Throw(_lexer.Source, position, description);
}

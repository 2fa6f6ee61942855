namespace Federation.GraphQL.Language;

/// <summary>https://spec.graphql.org/September2025/#sec-Language.Source-Text.Lexical-Tokens</summary>
internal enum TokenKind : byte
{
    StartOfFile,
    EndOfFile,
    Bang,
    Dollar,
    Amp,
    ParenL,
    ParenR,
    Spread,
    Colon,
    Equals,
    At,
    BracketL,
    BracketR,
    BraceL,
    Pipe,
    BraceR,
    Name,
    Int,
    Float,
    String,
    BlockString,
}

/// <summary>
/// A lexical token: only its kind and where it lies. Its text is read from the source
/// only when the parser asks for it, so lexing allocates nothing.
/// </summary>
internal readonly record struct Token(TokenKind Kind, int Start, int End, int Line, int Column)
{
    /// <summary>How graphql-js names a kind of token in its error messages.</summary>
    public static string Describe(TokenKind kind) => kind switch
    {
        TokenKind.StartOfFile => "<SOF>",
        TokenKind.EndOfFile => "<EOF>",
        TokenKind.Bang => "\"!\"",
        TokenKind.Dollar => "\"$\"",
        TokenKind.Amp => "\"&\"",
        TokenKind.ParenL => "\"(\"",
        TokenKind.ParenR => "\")\"",
        TokenKind.Spread => "\"...\"",
        TokenKind.Colon => "\":\"",
        TokenKind.Equals => "\"=\"",
        TokenKind.At => "\"@\"",
        TokenKind.BracketL => "\"[\"",
        TokenKind.BracketR => "\"]\"",
        TokenKind.BraceL => "\"{\"",
        TokenKind.Pipe => "\"|\"",
        TokenKind.BraceR => "\"}\"",
        TokenKind.Name => "Name",
        TokenKind.Int => "Int",
        TokenKind.Float => "Float",
        TokenKind.String => "String",
        _ => "BlockString",
    };
}

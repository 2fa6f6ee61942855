using Federation.GraphQL.Language.Syntax;

namespace Federation.GraphQL.Language;

/// <summary>https://spec.graphql.org/September2025/#sec-Input-Values</summary>
public sealed partial class Parser
{
    /// <summary>
    /// Value[Const] :
    ///   [~Const] Variable | IntValue | FloatValue | StringValue | BooleanValue | NullValue
    ///   | EnumValue | ListValue[?Const] | ObjectValue[?Const]
    /// </summary>
    private ValueNode ParseValueLiteral(bool isConst)
    {
        var token = _token;
        switch (token.Kind)
        {
            case TokenKind.BracketL:
                return ParseList(isConst);
            case TokenKind.BraceL:
                return ParseObject(isConst);
            case TokenKind.Int:
                Advance();
                return new IntValueNode(_lexer.NumberText(token)) { Location = LocationFrom(token) };
            case TokenKind.Float:
                Advance();
                return new FloatValueNode(_lexer.NumberText(token)) { Location = LocationFrom(token) };
            case TokenKind.String:
            case TokenKind.BlockString:
                return ParseStringLiteral();
            case TokenKind.Name:
                Advance();
                return _lexer.Text(token) switch
                {
                    "true" => new BooleanValueNode(true) { Location = LocationFrom(token) },
                    "false" => new BooleanValueNode(false) { Location = LocationFrom(token) },
                    "null" => new NullValueNode { Location = LocationFrom(token) },
                    _ => new EnumValueNode(_lexer.Name(token)) { Location = LocationFrom(token) },
                };
            case TokenKind.Dollar:
                if (isConst)
                {
                    Advance();
                    if (Peek(TokenKind.Name))
                    {
                        Fail(token.Start, $"Unexpected variable \"${_lexer.Name(_token)}\" in constant value.");
                    }

                    FailUnexpected(token);
                }

                return ParseVariable();
            default:
                FailUnexpected();
                return null;
        }
    }

    /// <summary>StringValue, as a value or as a description.</summary>
    private StringValueNode ParseStringLiteral()
    {
        var token = _token;
        Advance();
        var block = token.Kind == TokenKind.BlockString;
        var value = block ? _lexer.BlockStringValue(token) : _lexer.StringValue(token);
        return new StringValueNode(value, block) { Location = LocationFrom(token) };
    }

    /// <summary>ListValue[Const] : [ ] | [ Value[?Const]+ ]</summary>
    private ListValueNode ParseList(bool isConst)
    {
        var start = _token;
        Expect(TokenKind.BracketL);
        EnterNesting(start);
        var mark = _pendingCount;
        while (!ExpectOptional(TokenKind.BracketR))
        {
            Push(ParseValueLiteral(isConst));
        }

        _depth--;
        return new ListValueNode(PopList<ValueNode>(mark)) { Location = LocationFrom(start) };
    }

    /// <summary>ObjectValue[Const] : { } | { ObjectField[?Const]+ }</summary>
    private ObjectValueNode ParseObject(bool isConst)
    {
        var start = _token;
        Expect(TokenKind.BraceL);
        EnterNesting(start);
        var mark = _pendingCount;
        while (!ExpectOptional(TokenKind.BraceR))
        {
            Push(ParseObjectField(isConst));
        }

        _depth--;
        return new ObjectValueNode(PopList<ObjectFieldNode>(mark)) { Location = LocationFrom(start) };
    }

    /// <summary>ObjectField[Const] : Name : Value[?Const]</summary>
    private ObjectFieldNode ParseObjectField(bool isConst)
    {
        var start = _token;
        var name = ParseName();
        Expect(TokenKind.Colon);
        var value = ParseValueLiteral(isConst);
        return new ObjectFieldNode(name, value) { Location = LocationFrom(start) };
    }
}

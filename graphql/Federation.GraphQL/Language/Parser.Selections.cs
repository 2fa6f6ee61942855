using Federation.GraphQL.Language.Syntax;

namespace Federation.GraphQL.Language;

/// <summary>https://spec.graphql.org/September2025/#sec-Selection-Sets</summary>
public sealed partial class Parser
{
    /// <summary>
    /// SelectionSet : { Selection+ }
    /// graphql-js 17.1.0 also accepts an empty selection set <c>{}</c>, and so do we.
    /// </summary>
    private SelectionSetNode ParseSelectionSet()
    {
        var start = _token;
        Expect(TokenKind.BraceL);
        EnterNesting(start);
        var mark = _pendingCount;
        while (!ExpectOptional(TokenKind.BraceR))
        {
            Push(Peek(TokenKind.Spread) ? ParseFragment() : ParseField());
        }

        _depth--;
        return new SelectionSetNode(PopList<SelectionNode>(mark)) { Location = LocationFrom(start) };
    }

    /// <summary>Field : Alias? Name Arguments? Directives? SelectionSet?</summary>
    private FieldNode ParseField()
    {
        var start = _token;
        var nameOrAlias = ParseName();
        NameNode? alias = null;
        var name = nameOrAlias;
        if (ExpectOptional(TokenKind.Colon))
        {
            CountAlias(start);
            alias = nameOrAlias;
            name = ParseName();
        }

        var arguments = ParseArguments(isConst: false);
        var directives = ParseDirectives(isConst: false);
        var selectionSet = Peek(TokenKind.BraceL) ? ParseSelectionSet() : null;
        return new FieldNode(alias, name, arguments, directives, selectionSet) { Location = LocationFrom(start) };
    }

    /// <summary>
    /// FragmentSpread : ... FragmentName Directives?
    /// InlineFragment : ... TypeCondition? Directives? SelectionSet
    /// </summary>
    private SelectionNode ParseFragment()
    {
        var start = _token;
        Expect(TokenKind.Spread);
        var hasTypeCondition = ExpectOptionalKeyword("on");
        if (!hasTypeCondition && Peek(TokenKind.Name))
        {
            var name = ParseFragmentName();
            var spreadDirectives = ParseDirectives(isConst: false);
            return new FragmentSpreadNode(name, spreadDirectives) { Location = LocationFrom(start) };
        }

        var typeCondition = hasTypeCondition ? ParseNamedType() : null;
        var directives = ParseDirectives(isConst: false);
        var selectionSet = ParseSelectionSet();
        return new InlineFragmentNode(typeCondition, directives, selectionSet) { Location = LocationFrom(start) };
    }

    /// <summary>Arguments[Const] : ( Argument[?Const]+ )</summary>
    private ArgumentNode[] ParseArguments(bool isConst)
    {
        if (!ExpectOptional(TokenKind.ParenL))
        {
            return [];
        }

        var mark = _pendingCount;
        do
        {
            Push(ParseArgument(isConst));
        }
        while (!ExpectOptional(TokenKind.ParenR));

        return PopList<ArgumentNode>(mark);
    }

    /// <summary>Argument[Const] : Name : Value[?Const]</summary>
    private ArgumentNode ParseArgument(bool isConst)
    {
        var start = _token;
        var name = ParseName();
        Expect(TokenKind.Colon);
        var value = ParseValueLiteral(isConst);
        return new ArgumentNode(name, value) { Location = LocationFrom(start) };
    }

    /// <summary>Directives[Const] : Directive[?Const]+</summary>
    private DirectiveNode[] ParseDirectives(bool isConst)
    {
        if (!Peek(TokenKind.At))
        {
            return [];
        }

        var mark = _pendingCount;
        do
        {
            Push(ParseDirective(isConst));
        }
        while (Peek(TokenKind.At));

        return PopList<DirectiveNode>(mark);
    }

    /// <summary>Directive[Const] : @ Name Arguments[?Const]?</summary>
    private DirectiveNode ParseDirective(bool isConst)
    {
        var start = _token;
        Expect(TokenKind.At);
        var name = ParseName();
        var arguments = ParseArguments(isConst);
        return new DirectiveNode(name, arguments) { Location = LocationFrom(start) };
    }
}

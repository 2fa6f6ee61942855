using Federation.GraphQL.Language.Syntax;

namespace Federation.GraphQL.Language;

/// <summary>https://spec.graphql.org/September2025/#sec-Type-References</summary>
public sealed partial class Parser
{
    /// <summary>
    /// Type : NamedType | ListType | NonNullType
    /// ListType : [ Type ]
    /// NonNullType : NamedType ! | ListType !
    /// </summary>
    private TypeNode ParseTypeReference()
    {
        var start = _token;
        TypeNode type;
        if (ExpectOptional(TokenKind.BracketL))
        {
            EnterNesting(start);
            var itemType = ParseTypeReference();
            Expect(TokenKind.BracketR);
            _depth--;
            type = new ListTypeNode(itemType) { Location = LocationFrom(start) };
        }
        else
        {
            type = ParseNamedType();
        }

        return ExpectOptional(TokenKind.Bang) ? new NonNullTypeNode(type) { Location = LocationFrom(start) } : type;
    }

    /// <summary>NamedType : Name</summary>
    private NamedTypeNode ParseNamedType()
    {
        var start = _token;
        var name = ParseName();
        return new NamedTypeNode(name) { Location = LocationFrom(start) };
    }
}

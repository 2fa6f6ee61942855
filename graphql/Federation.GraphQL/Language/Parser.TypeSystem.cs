using Federation.GraphQL.Language.Syntax;

namespace Federation.GraphQL.Language;

/// <summary>https://spec.graphql.org/September2025/#sec-Type-System</summary>
public sealed partial class Parser
{
    /// <summary>SchemaDefinition : Description? schema Directives[Const]? { RootOperationTypeDefinition+ }</summary>
    private SchemaDefinitionNode ParseSchemaDefinition()
    {
        var start = _token;
        var description = ParseDescription();
        ExpectKeyword("schema");
        var directives = ParseDirectives(isConst: true);
        Expect(TokenKind.BraceL);
        var operationTypes = ParseRootOperationTypeDefinitionsAfterBrace();
        return new SchemaDefinitionNode(directives, operationTypes) { Description = description, Location = LocationFrom(start) };
    }

    private OperationTypeDefinitionNode[] ParseRootOperationTypeDefinitionsAfterBrace()
    {
        var mark = _pendingCount;
        do
        {
            Push(ParseRootOperationTypeDefinition());
        }
        while (!ExpectOptional(TokenKind.BraceR));

        return PopList<OperationTypeDefinitionNode>(mark);
    }

    /// <summary>RootOperationTypeDefinition : OperationType : NamedType</summary>
    private OperationTypeDefinitionNode ParseRootOperationTypeDefinition()
    {
        var start = _token;
        var operation = ParseOperationType();
        Expect(TokenKind.Colon);
        var type = ParseNamedType();
        return new OperationTypeDefinitionNode(operation, type) { Location = LocationFrom(start) };
    }

    /// <summary>ScalarTypeDefinition : Description? scalar Name Directives[Const]?</summary>
    private ScalarTypeDefinitionNode ParseScalarTypeDefinition()
    {
        var start = _token;
        var description = ParseDescription();
        ExpectKeyword("scalar");
        var name = ParseName();
        var directives = ParseDirectives(isConst: true);
        return new ScalarTypeDefinitionNode(name, directives) { Description = description, Location = LocationFrom(start) };
    }

    /// <summary>ObjectTypeDefinition : Description? type Name ImplementsInterfaces? Directives[Const]? FieldsDefinition?</summary>
    private ObjectTypeDefinitionNode ParseObjectTypeDefinition()
    {
        var start = _token;
        var description = ParseDescription();
        ExpectKeyword("type");
        var name = ParseName();
        var interfaces = ParseImplementsInterfaces();
        var directives = ParseDirectives(isConst: true);
        var fields = ParseFieldsDefinition();
        return new ObjectTypeDefinitionNode(name, interfaces, directives, fields) { Description = description, Location = LocationFrom(start) };
    }

    /// <summary>ImplementsInterfaces : ImplementsInterfaces &amp; NamedType | implements &amp;? NamedType</summary>
    private NamedTypeNode[] ParseImplementsInterfaces()
    {
        if (!ExpectOptionalKeyword("implements"))
        {
            return [];
        }

        ExpectOptional(TokenKind.Amp);
        var mark = _pendingCount;
        do
        {
            Push(ParseNamedType());
        }
        while (ExpectOptional(TokenKind.Amp));

        return PopList<NamedTypeNode>(mark);
    }

    /// <summary>FieldsDefinition : { FieldDefinition+ }</summary>
    private FieldDefinitionNode[] ParseFieldsDefinition()
    {
        if (!ExpectOptional(TokenKind.BraceL))
        {
            return [];
        }

        var mark = _pendingCount;
        do
        {
            Push(ParseFieldDefinition());
        }
        while (!ExpectOptional(TokenKind.BraceR));

        return PopList<FieldDefinitionNode>(mark);
    }

    /// <summary>FieldDefinition : Description? Name ArgumentsDefinition? : Type Directives[Const]?</summary>
    private FieldDefinitionNode ParseFieldDefinition()
    {
        var start = _token;
        var description = ParseDescription();
        var name = ParseName();
        var arguments = ParseArgumentsDefinition();
        Expect(TokenKind.Colon);
        var type = ParseTypeReference();
        var directives = ParseDirectives(isConst: true);
        return new FieldDefinitionNode(name, arguments, type, directives) { Description = description, Location = LocationFrom(start) };
    }

    /// <summary>ArgumentsDefinition : ( InputValueDefinition+ )</summary>
    private InputValueDefinitionNode[] ParseArgumentsDefinition()
    {
        if (!ExpectOptional(TokenKind.ParenL))
        {
            return [];
        }

        var mark = _pendingCount;
        do
        {
            Push(ParseInputValueDefinition());
        }
        while (!ExpectOptional(TokenKind.ParenR));

        return PopList<InputValueDefinitionNode>(mark);
    }

    /// <summary>InputValueDefinition : Description? Name : Type DefaultValue? Directives[Const]?</summary>
    private InputValueDefinitionNode ParseInputValueDefinition()
    {
        var start = _token;
        var description = ParseDescription();
        var name = ParseName();
        Expect(TokenKind.Colon);
        var type = ParseTypeReference();
        var defaultValue = ExpectOptional(TokenKind.Equals) ? ParseValueLiteral(isConst: true) : null;
        var directives = ParseDirectives(isConst: true);
        return new InputValueDefinitionNode(name, type, defaultValue, directives) { Description = description, Location = LocationFrom(start) };
    }

    /// <summary>InterfaceTypeDefinition : Description? interface Name ImplementsInterfaces? Directives[Const]? FieldsDefinition?</summary>
    private InterfaceTypeDefinitionNode ParseInterfaceTypeDefinition()
    {
        var start = _token;
        var description = ParseDescription();
        ExpectKeyword("interface");
        var name = ParseName();
        var interfaces = ParseImplementsInterfaces();
        var directives = ParseDirectives(isConst: true);
        var fields = ParseFieldsDefinition();
        return new InterfaceTypeDefinitionNode(name, interfaces, directives, fields) { Description = description, Location = LocationFrom(start) };
    }

    /// <summary>UnionTypeDefinition : Description? union Name Directives[Const]? UnionMemberTypes?</summary>
    private UnionTypeDefinitionNode ParseUnionTypeDefinition()
    {
        var start = _token;
        var description = ParseDescription();
        ExpectKeyword("union");
        var name = ParseName();
        var directives = ParseDirectives(isConst: true);
        var types = ParseUnionMemberTypes();
        return new UnionTypeDefinitionNode(name, directives, types) { Description = description, Location = LocationFrom(start) };
    }

    /// <summary>UnionMemberTypes : UnionMemberTypes | NamedType | = |? NamedType</summary>
    private NamedTypeNode[] ParseUnionMemberTypes()
    {
        if (!ExpectOptional(TokenKind.Equals))
        {
            return [];
        }

        ExpectOptional(TokenKind.Pipe);
        var mark = _pendingCount;
        do
        {
            Push(ParseNamedType());
        }
        while (ExpectOptional(TokenKind.Pipe));

        return PopList<NamedTypeNode>(mark);
    }

    /// <summary>EnumTypeDefinition : Description? enum Name Directives[Const]? EnumValuesDefinition?</summary>
    private EnumTypeDefinitionNode ParseEnumTypeDefinition()
    {
        var start = _token;
        var description = ParseDescription();
        ExpectKeyword("enum");
        var name = ParseName();
        var directives = ParseDirectives(isConst: true);
        var values = ParseEnumValuesDefinition();
        return new EnumTypeDefinitionNode(name, directives, values) { Description = description, Location = LocationFrom(start) };
    }

    /// <summary>EnumValuesDefinition : { EnumValueDefinition+ }</summary>
    private EnumValueDefinitionNode[] ParseEnumValuesDefinition()
    {
        if (!ExpectOptional(TokenKind.BraceL))
        {
            return [];
        }

        var mark = _pendingCount;
        do
        {
            Push(ParseEnumValueDefinition());
        }
        while (!ExpectOptional(TokenKind.BraceR));

        return PopList<EnumValueDefinitionNode>(mark);
    }

    /// <summary>
    /// EnumValueDefinition : Description? EnumValue Directives[Const]?
    /// EnumValue : Name but not `true`, `false` or `null`
    /// </summary>
    private EnumValueDefinitionNode ParseEnumValueDefinition()
    {
        var start = _token;
        var description = ParseDescription();
        if (TokenValueIs("true") || TokenValueIs("false") || TokenValueIs("null"))
        {
            Fail(_token.Start, $"{Describe(_token)} is reserved and cannot be used for an enum value.");
        }

        var name = ParseName();
        var directives = ParseDirectives(isConst: true);
        return new EnumValueDefinitionNode(name, directives) { Description = description, Location = LocationFrom(start) };
    }

    /// <summary>InputObjectTypeDefinition : Description? input Name Directives[Const]? InputFieldsDefinition?</summary>
    private InputObjectTypeDefinitionNode ParseInputObjectTypeDefinition()
    {
        var start = _token;
        var description = ParseDescription();
        ExpectKeyword("input");
        var name = ParseName();
        var directives = ParseDirectives(isConst: true);
        var fields = ParseInputFieldsDefinition();
        return new InputObjectTypeDefinitionNode(name, directives, fields) { Description = description, Location = LocationFrom(start) };
    }

    /// <summary>InputFieldsDefinition : { InputValueDefinition+ }</summary>
    private InputValueDefinitionNode[] ParseInputFieldsDefinition()
    {
        if (!ExpectOptional(TokenKind.BraceL))
        {
            return [];
        }

        var mark = _pendingCount;
        do
        {
            Push(ParseInputValueDefinition());
        }
        while (!ExpectOptional(TokenKind.BraceR));

        return PopList<InputValueDefinitionNode>(mark);
    }

    /// <summary>
    /// DirectiveDefinition : Description? directive @ Name ArgumentsDefinition? Directives[Const]? repeatable? on DirectiveLocations
    /// (graphql-js 17 accepts directives applied to a directive definition.)
    /// </summary>
    private DirectiveDefinitionNode ParseDirectiveDefinition()
    {
        var start = _token;
        var description = ParseDescription();
        ExpectKeyword("directive");
        Expect(TokenKind.At);
        var name = ParseName();
        var arguments = ParseArgumentsDefinition();
        var directives = ParseDirectives(isConst: true);
        var repeatable = ExpectOptionalKeyword("repeatable");
        ExpectKeyword("on");
        var locations = ParseDirectiveLocations();
        return new DirectiveDefinitionNode(name, arguments, repeatable, locations)
        {
            Description = description,
            Directives = directives,
            Location = LocationFrom(start),
        };
    }

    /// <summary>DirectiveLocations : DirectiveLocations | DirectiveLocation | |? DirectiveLocation</summary>
    private NameNode[] ParseDirectiveLocations()
    {
        ExpectOptional(TokenKind.Pipe);
        var mark = _pendingCount;
        do
        {
            var start = _token;
            var name = ParseName();
            if (!IsDirectiveLocation(name.Value))
            {
                FailUnexpected(start);
            }

            Push(name);
        }
        while (ExpectOptional(TokenKind.Pipe));

        return PopList<NameNode>(mark);
    }

    /// <summary>ExecutableDirectiveLocation and TypeSystemDirectiveLocation, as graphql-js 17.1.0 lists them.</summary>
    private static bool IsDirectiveLocation(string name) => name switch
    {
        "QUERY" or "MUTATION" or "SUBSCRIPTION" or "FIELD" or "FRAGMENT_DEFINITION" or "FRAGMENT_SPREAD"
            or "INLINE_FRAGMENT" or "VARIABLE_DEFINITION" or "FRAGMENT_VARIABLE_DEFINITION" or "SCHEMA" or "SCALAR"
            or "OBJECT" or "FIELD_DEFINITION" or "ARGUMENT_DEFINITION" or "INTERFACE" or "UNION" or "ENUM"
            or "ENUM_VALUE" or "INPUT_OBJECT" or "INPUT_FIELD_DEFINITION" or "DIRECTIVE_DEFINITION" => true,
        _ => false,
    };
}

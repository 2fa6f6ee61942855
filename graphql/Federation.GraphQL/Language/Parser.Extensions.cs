using Federation.GraphQL.Language.Syntax;

namespace Federation.GraphQL.Language;

/// <summary>https://spec.graphql.org/September2025/#TypeSystemExtension</summary>
public sealed partial class Parser
{
    /// <summary>TypeSystemExtension : SchemaExtension | TypeExtension (and graphql-js's DirectiveExtension)</summary>
    private TypeSystemExtensionNode ParseTypeSystemExtension()
    {
        var keyword = Lookahead();
        if (keyword.Kind == TokenKind.Name)
        {
            switch (_lexer.Text(keyword))
            {
                case "schema":
                    return ParseSchemaExtension();
                case "scalar":
                    return ParseScalarTypeExtension();
                case "type":
                    return ParseObjectTypeExtension();
                case "interface":
                    return ParseInterfaceTypeExtension();
                case "union":
                    return ParseUnionTypeExtension();
                case "enum":
                    return ParseEnumTypeExtension();
                case "input":
                    return ParseInputObjectTypeExtension();
                case "directive":
                    return ParseDirectiveExtension();
            }
        }

        FailUnexpected(keyword);
        return null;
    }

    /// <summary>
    /// SchemaExtension :
    ///   extend schema Directives[Const]? { RootOperationTypeDefinition+ }
    ///   extend schema Directives[Const] [lookahead != {]
    /// </summary>
    private SchemaExtensionNode ParseSchemaExtension()
    {
        var start = _token;
        ExpectKeyword("extend");
        ExpectKeyword("schema");
        var directives = ParseDirectives(isConst: true);
        OperationTypeDefinitionNode[] operationTypes = ExpectOptional(TokenKind.BraceL) ? ParseRootOperationTypeDefinitionsAfterBrace() : [];
        if (directives.Length == 0 && operationTypes.Length == 0)
        {
            FailUnexpected();
        }

        return new SchemaExtensionNode(directives, operationTypes) { Location = LocationFrom(start) };
    }

    /// <summary>ScalarTypeExtension : extend scalar Name Directives[Const]</summary>
    private ScalarTypeExtensionNode ParseScalarTypeExtension()
    {
        var start = _token;
        ExpectKeyword("extend");
        ExpectKeyword("scalar");
        var name = ParseName();
        var directives = ParseDirectives(isConst: true);
        if (directives.Length == 0)
        {
            FailUnexpected();
        }

        return new ScalarTypeExtensionNode(name, directives) { Location = LocationFrom(start) };
    }

    /// <summary>
    /// ObjectTypeExtension :
    ///   extend type Name ImplementsInterfaces? Directives[Const]? FieldsDefinition
    ///   extend type Name ImplementsInterfaces? Directives[Const] [lookahead != {]
    ///   extend type Name ImplementsInterfaces [lookahead != {]
    /// </summary>
    private ObjectTypeExtensionNode ParseObjectTypeExtension()
    {
        var start = _token;
        ExpectKeyword("extend");
        ExpectKeyword("type");
        var name = ParseName();
        var interfaces = ParseImplementsInterfaces();
        var directives = ParseDirectives(isConst: true);
        var fields = ParseFieldsDefinition();
        if (interfaces.Length == 0 && directives.Length == 0 && fields.Length == 0)
        {
            FailUnexpected();
        }

        return new ObjectTypeExtensionNode(name, interfaces, directives, fields) { Location = LocationFrom(start) };
    }

    /// <summary>
    /// InterfaceTypeExtension :
    ///   extend interface Name ImplementsInterfaces? Directives[Const]? FieldsDefinition
    ///   extend interface Name ImplementsInterfaces? Directives[Const] [lookahead != {]
    ///   extend interface Name ImplementsInterfaces [lookahead != {]
    /// </summary>
    private InterfaceTypeExtensionNode ParseInterfaceTypeExtension()
    {
        var start = _token;
        ExpectKeyword("extend");
        ExpectKeyword("interface");
        var name = ParseName();
        var interfaces = ParseImplementsInterfaces();
        var directives = ParseDirectives(isConst: true);
        var fields = ParseFieldsDefinition();
        if (interfaces.Length == 0 && directives.Length == 0 && fields.Length == 0)
        {
            FailUnexpected();
        }

        return new InterfaceTypeExtensionNode(name, interfaces, directives, fields) { Location = LocationFrom(start) };
    }

    /// <summary>
    /// UnionTypeExtension :
    ///   extend union Name Directives[Const]? UnionMemberTypes
    ///   extend union Name Directives[Const]
    /// </summary>
    private UnionTypeExtensionNode ParseUnionTypeExtension()
    {
        var start = _token;
        ExpectKeyword("extend");
        ExpectKeyword("union");
        var name = ParseName();
        var directives = ParseDirectives(isConst: true);
        var types = ParseUnionMemberTypes();
        if (directives.Length == 0 && types.Length == 0)
        {
            FailUnexpected();
        }

        return new UnionTypeExtensionNode(name, directives, types) { Location = LocationFrom(start) };
    }

    /// <summary>
    /// EnumTypeExtension :
    ///   extend enum Name Directives[Const]? EnumValuesDefinition
    ///   extend enum Name Directives[Const] [lookahead != {]
    /// </summary>
    private EnumTypeExtensionNode ParseEnumTypeExtension()
    {
        var start = _token;
        ExpectKeyword("extend");
        ExpectKeyword("enum");
        var name = ParseName();
        var directives = ParseDirectives(isConst: true);
        var values = ParseEnumValuesDefinition();
        if (directives.Length == 0 && values.Length == 0)
        {
            FailUnexpected();
        }

        return new EnumTypeExtensionNode(name, directives, values) { Location = LocationFrom(start) };
    }

    /// <summary>
    /// InputObjectTypeExtension :
    ///   extend input Name Directives[Const]? InputFieldsDefinition
    ///   extend input Name Directives[Const] [lookahead != {]
    /// </summary>
    private InputObjectTypeExtensionNode ParseInputObjectTypeExtension()
    {
        var start = _token;
        ExpectKeyword("extend");
        ExpectKeyword("input");
        var name = ParseName();
        var directives = ParseDirectives(isConst: true);
        var fields = ParseInputFieldsDefinition();
        if (directives.Length == 0 && fields.Length == 0)
        {
            FailUnexpected();
        }

        return new InputObjectTypeExtensionNode(name, directives, fields) { Location = LocationFrom(start) };
    }

    /// <summary>DirectiveExtension (graphql-js 17) : extend directive @ Name Directives[Const]</summary>
    private DirectiveExtensionNode ParseDirectiveExtension()
    {
        var start = _token;
        ExpectKeyword("extend");
        ExpectKeyword("directive");
        Expect(TokenKind.At);
        var name = ParseName();
        var directives = ParseDirectives(isConst: true);
        if (directives.Length == 0)
        {
            FailUnexpected();
        }

        return new DirectiveExtensionNode(name, directives) { Location = LocationFrom(start) };
    }
}

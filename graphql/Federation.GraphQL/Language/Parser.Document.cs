using Federation.GraphQL.Language.Syntax;

namespace Federation.GraphQL.Language;

/// <summary>https://spec.graphql.org/September2025/#sec-Document and #sec-Language.Operations, #sec-Language.Fragments</summary>
public sealed partial class Parser
{
    /// <summary>Document : Definition+</summary>
    private DocumentNode ParseDocument()
    {
        var start = _token;
        Expect(TokenKind.StartOfFile);
        var mark = _pendingCount;
        do
        {
            Push(ParseDefinition());
        }
        while (!ExpectOptional(TokenKind.EndOfFile));

        return new DocumentNode(PopList<DefinitionNode>(mark)) { Location = LocationFrom(start) };
    }

    /// <summary>
    /// Definition : ExecutableDefinition | TypeSystemDefinitionOrExtension
    /// A leading description is looked past to find the keyword that decides the definition.
    /// </summary>
    private DefinitionNode ParseDefinition()
    {
        if (Peek(TokenKind.BraceL))
        {
            return ParseOperationDefinition();
        }

        var hasDescription = Peek(TokenKind.String) || Peek(TokenKind.BlockString);
        var keyword = hasDescription ? Lookahead() : _token;
        if (hasDescription && keyword.Kind == TokenKind.BraceL)
        {
            Fail(_token.Start, "Unexpected description, descriptions are not supported on shorthand queries.");
        }

        if (keyword.Kind == TokenKind.Name)
        {
            switch (_lexer.Text(keyword))
            {
                case "schema":
                    return ParseSchemaDefinition();
                case "scalar":
                    return ParseScalarTypeDefinition();
                case "type":
                    return ParseObjectTypeDefinition();
                case "interface":
                    return ParseInterfaceTypeDefinition();
                case "union":
                    return ParseUnionTypeDefinition();
                case "enum":
                    return ParseEnumTypeDefinition();
                case "input":
                    return ParseInputObjectTypeDefinition();
                case "directive":
                    return ParseDirectiveDefinition();
                case "query":
                case "mutation":
                case "subscription":
                    return ParseOperationDefinition();
                case "fragment":
                    return ParseFragmentDefinition();
                case "extend" when !hasDescription:
                    return ParseTypeSystemExtension();
            }

            if (hasDescription)
            {
                Fail(_token.Start, "Unexpected description, only GraphQL definitions support descriptions.");
            }
        }

        FailUnexpected(keyword);
        return null;
    }

    /// <summary>
    /// OperationDefinition :
    ///   Description? OperationType Name? VariablesDefinition? Directives? SelectionSet
    ///   SelectionSet
    /// </summary>
    private OperationDefinitionNode ParseOperationDefinition()
    {
        var start = _token;
        if (Peek(TokenKind.BraceL))
        {
            var shorthand = ParseSelectionSet();
            return new OperationDefinitionNode(OperationType.Query, null, [], [], shorthand) { Location = LocationFrom(start) };
        }

        var description = ParseDescription();
        var operation = ParseOperationType();
        var name = Peek(TokenKind.Name) ? ParseName() : null;
        var variableDefinitions = ParseVariableDefinitions();
        var directives = ParseDirectives(isConst: false);
        var selectionSet = ParseSelectionSet();
        return new OperationDefinitionNode(operation, name, variableDefinitions, directives, selectionSet)
        {
            Description = description,
            Location = LocationFrom(start),
        };
    }

    /// <summary>OperationType : one of `query` `mutation` `subscription`</summary>
    private OperationType ParseOperationType()
    {
        var token = Expect(TokenKind.Name);
        switch (_lexer.Text(token))
        {
            case "query":
                return OperationType.Query;
            case "mutation":
                return OperationType.Mutation;
            case "subscription":
                return OperationType.Subscription;
        }

        FailUnexpected(token);
        return default;
    }

    /// <summary>VariablesDefinition : ( VariableDefinition+ )</summary>
    private VariableDefinitionNode[] ParseVariableDefinitions()
    {
        if (!ExpectOptional(TokenKind.ParenL))
        {
            return [];
        }

        var mark = _pendingCount;
        do
        {
            Push(ParseVariableDefinition());
        }
        while (!ExpectOptional(TokenKind.ParenR));

        return PopList<VariableDefinitionNode>(mark);
    }

    /// <summary>VariableDefinition : Description? Variable : Type DefaultValue? Directives[Const]?</summary>
    private VariableDefinitionNode ParseVariableDefinition()
    {
        var start = _token;
        var description = ParseDescription();
        var variable = ParseVariable();
        Expect(TokenKind.Colon);
        var type = ParseTypeReference();
        var defaultValue = ExpectOptional(TokenKind.Equals) ? ParseValueLiteral(isConst: true) : null;
        var directives = ParseDirectives(isConst: true);
        return new VariableDefinitionNode(variable, type, defaultValue, directives)
        {
            Description = description,
            Location = LocationFrom(start),
        };
    }

    /// <summary>Variable : $ Name</summary>
    private VariableNode ParseVariable()
    {
        var start = _token;
        Expect(TokenKind.Dollar);
        var name = ParseName();
        return new VariableNode(name) { Location = LocationFrom(start) };
    }

    /// <summary>FragmentDefinition : Description? fragment FragmentName TypeCondition Directives? SelectionSet</summary>
    private FragmentDefinitionNode ParseFragmentDefinition()
    {
        var start = _token;
        var description = ParseDescription();
        ExpectKeyword("fragment");
        var name = ParseFragmentName();
        ExpectKeyword("on");
        var typeCondition = ParseNamedType();
        var directives = ParseDirectives(isConst: false);
        var selectionSet = ParseSelectionSet();
        return new FragmentDefinitionNode(name, typeCondition, directives, selectionSet)
        {
            Description = description,
            Location = LocationFrom(start),
        };
    }

    /// <summary>FragmentName : Name but not `on`</summary>
    private NameNode ParseFragmentName()
    {
        if (TokenValueIs("on"))
        {
            FailUnexpected();
        }

        return ParseName();
    }

    /// <summary>Name :: NameStart NameContinue*</summary>
    private NameNode ParseName()
    {
        var token = Expect(TokenKind.Name);
        return new NameNode(_lexer.Name(token)) { Location = LocationFrom(token) };
    }

    /// <summary>Description : StringValue</summary>
    private StringValueNode? ParseDescription() =>
        Peek(TokenKind.String) || Peek(TokenKind.BlockString) ? ParseStringLiteral() : null;
}

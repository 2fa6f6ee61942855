using Federation.GraphQL.Language.Syntax;

namespace Federation.GraphQL.Validation;

/// <summary>
/// What one validation rule does while the document is walked: an enter and a leave hook per
/// kind of node, as graphql-js's visitor objects. An enter hook that returns false skips the
/// node's children for this rule only; the other rules still see them.
/// Only the hooks a rule overrides are ever called (see <see cref="RuleHooks"/>).
/// </summary>
internal abstract class RuleVisitor
{
    /// <summary>
    /// Called for every node this rule is interested in; sends it to the hook of its kind.
    /// A rule that wants every node (graphql-js's bare <c>enter</c>) overrides this instead.
    /// </summary>
    public virtual bool Enter(SyntaxNode node) => node switch
    {
        FieldNode field => EnterField(field),
        SelectionSetNode selectionSet => EnterSelectionSet(selectionSet),
        ArgumentNode argument => EnterArgument(argument),
        ValueNode and not VariableNode => EnterValue((ValueNode)node),
        ObjectFieldNode objectField => EnterObjectField(objectField),
        DirectiveNode directive => EnterDirective(directive),
        NamedTypeNode namedType => EnterNamedType(namedType),
        FragmentSpreadNode spread => EnterFragmentSpread(spread),
        InlineFragmentNode inline => EnterInlineFragment(inline),
        VariableDefinitionNode variableDefinition => EnterVariableDefinition(variableDefinition),
        OperationDefinitionNode operation => EnterOperationDefinition(operation),
        FragmentDefinitionNode fragment => EnterFragmentDefinition(fragment),
        DocumentNode document => EnterDocument(document),
        TypeDefinitionNode typeDefinition => EnterTypeDefinition(typeDefinition),
        TypeExtensionNode typeExtension => EnterTypeExtension(typeExtension),
        SchemaDefinitionNode schema => EnterSchemaDefinition(schema),
        SchemaExtensionNode schemaExtension => EnterSchemaExtension(schemaExtension),
        DirectiveDefinitionNode directiveDefinition => EnterDirectiveDefinition(directiveDefinition),
        _ => true,
    };

    public void Leave(SyntaxNode node)
    {
        switch (node)
        {
            case FieldNode field:
                LeaveField(field);
                break;
            case DirectiveNode directive:
                LeaveDirective(directive);
                break;
            case ObjectValueNode objectValue:
                LeaveObjectValue(objectValue);
                break;
            case OperationDefinitionNode operation:
                LeaveOperationDefinition(operation);
                break;
            case FragmentDefinitionNode fragment:
                LeaveFragmentDefinition(fragment);
                break;
            case DocumentNode document:
                LeaveDocument(document);
                break;
        }
    }

    public virtual bool EnterDocument(DocumentNode node) => true;

    public virtual void LeaveDocument(DocumentNode node)
    {
    }

    public virtual bool EnterOperationDefinition(OperationDefinitionNode node) => true;

    public virtual void LeaveOperationDefinition(OperationDefinitionNode node)
    {
    }

    public virtual bool EnterVariableDefinition(VariableDefinitionNode node) => true;

    public virtual bool EnterSelectionSet(SelectionSetNode node) => true;

    public virtual bool EnterField(FieldNode node) => true;

    public virtual void LeaveField(FieldNode node)
    {
    }

    public virtual bool EnterArgument(ArgumentNode node) => true;

    public virtual bool EnterFragmentSpread(FragmentSpreadNode node) => true;

    public virtual bool EnterInlineFragment(InlineFragmentNode node) => true;

    public virtual bool EnterFragmentDefinition(FragmentDefinitionNode node) => true;

    public virtual void LeaveFragmentDefinition(FragmentDefinitionNode node)
    {
    }

    public virtual bool EnterDirective(DirectiveNode node) => true;

    public virtual void LeaveDirective(DirectiveNode node)
    {
    }

    /// <summary>Every literal except variables: Int, Float, String, Boolean, Null, Enum, List and Object values.</summary>
    public virtual bool EnterValue(ValueNode node) => true;

    public virtual void LeaveObjectValue(ObjectValueNode node)
    {
    }

    public virtual bool EnterObjectField(ObjectFieldNode node) => true;

    public virtual bool EnterNamedType(NamedTypeNode node) => true;

    public virtual bool EnterSchemaDefinition(SchemaDefinitionNode node) => true;

    public virtual bool EnterSchemaExtension(SchemaExtensionNode node) => true;

    /// <summary>Scalar, object, interface, union, enum and input object type definitions.</summary>
    public virtual bool EnterTypeDefinition(TypeDefinitionNode node) => true;

    /// <summary>Scalar, object, interface, union, enum and input object type extensions.</summary>
    public virtual bool EnterTypeExtension(TypeExtensionNode node) => true;

    public virtual bool EnterDirectiveDefinition(DirectiveDefinitionNode node) => true;
}

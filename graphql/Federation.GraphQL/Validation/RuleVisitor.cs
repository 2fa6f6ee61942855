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
    public virtual bool Enter(SyntaxNode node) => node.Kind switch
    {
        SyntaxKind.Field => EnterField((FieldNode)node),
        SyntaxKind.SelectionSet => EnterSelectionSet((SelectionSetNode)node),
        SyntaxKind.Argument => EnterArgument((ArgumentNode)node),
        SyntaxKind.IntValue or SyntaxKind.FloatValue or SyntaxKind.StringValue or SyntaxKind.BooleanValue
            or SyntaxKind.NullValue or SyntaxKind.EnumValue or SyntaxKind.ListValue or SyntaxKind.ObjectValue => EnterValue((ValueNode)node),
        SyntaxKind.ObjectField => EnterObjectField((ObjectFieldNode)node),
        SyntaxKind.Directive => EnterDirective((DirectiveNode)node),
        SyntaxKind.NamedType => EnterNamedType((NamedTypeNode)node),
        SyntaxKind.FragmentSpread => EnterFragmentSpread((FragmentSpreadNode)node),
        SyntaxKind.InlineFragment => EnterInlineFragment((InlineFragmentNode)node),
        SyntaxKind.VariableDefinition => EnterVariableDefinition((VariableDefinitionNode)node),
        SyntaxKind.OperationDefinition => EnterOperationDefinition((OperationDefinitionNode)node),
        SyntaxKind.FragmentDefinition => EnterFragmentDefinition((FragmentDefinitionNode)node),
        SyntaxKind.Document => EnterDocument((DocumentNode)node),
        SyntaxKind.SchemaDefinition => EnterSchemaDefinition((SchemaDefinitionNode)node),
        SyntaxKind.SchemaExtension => EnterSchemaExtension((SchemaExtensionNode)node),
        SyntaxKind.DirectiveDefinition => EnterDirectiveDefinition((DirectiveDefinitionNode)node),
        _ => node switch
        {
            TypeDefinitionNode typeDefinition => EnterTypeDefinition(typeDefinition),
            TypeExtensionNode typeExtension => EnterTypeExtension(typeExtension),
            _ => true,
        },
    };

    public void Leave(SyntaxNode node)
    {
        switch (node.Kind)
        {
            case SyntaxKind.Field:
                LeaveField((FieldNode)node);
                break;
            case SyntaxKind.Directive:
                LeaveDirective((DirectiveNode)node);
                break;
            case SyntaxKind.ObjectValue:
                LeaveObjectValue((ObjectValueNode)node);
                break;
            case SyntaxKind.OperationDefinition:
                LeaveOperationDefinition((OperationDefinitionNode)node);
                break;
            case SyntaxKind.FragmentDefinition:
                LeaveFragmentDefinition((FragmentDefinitionNode)node);
                break;
            case SyntaxKind.Document:
                LeaveDocument((DocumentNode)node);
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

using Federation.GraphQL.Language.Syntax;

namespace Federation.GraphQL.Validation;

/// <summary>
/// A depth-first walk of a syntax tree that visits children in graphql-js's key order
/// (<c>QueryDocumentKeys</c>, descriptions and names left out as validation never looks at them).
/// <see cref="OnEnter"/> returning false skips the node's children, but <see cref="OnLeave"/> still runs.
/// </summary>
internal abstract class SyntaxWalker
{
    /// <summary>The nodes from the root down to the parent of the node being entered or left.</summary>
    protected List<SyntaxNode> Ancestors { get; } = new(32);

    protected abstract bool OnEnter(SyntaxNode node);

    protected abstract void OnLeave(SyntaxNode node);

    public void Walk(SyntaxNode node)
    {
        if (OnEnter(node))
        {
            Ancestors.Add(node);
            WalkChildren(node);
            Ancestors.RemoveAt(Ancestors.Count - 1);
        }

        OnLeave(node);
    }

    private void WalkAll<T>(IReadOnlyList<T> nodes)
        where T : SyntaxNode
    {
        for (var i = 0; i < nodes.Count; i++)
        {
            Walk(nodes[i]);
        }
    }

    private void WalkChildren(SyntaxNode node)
    {
        switch (node.Kind)
        {
            case SyntaxKind.Field:
                var field = (FieldNode)node;
                WalkAll(field.Arguments);
                WalkAll(field.Directives);
                if (field.SelectionSet is { } fieldSelections)
                {
                    Walk(fieldSelections);
                }

                break;
            case SyntaxKind.SelectionSet:
                WalkAll(((SelectionSetNode)node).Selections);
                break;
            case SyntaxKind.Argument:
                Walk(((ArgumentNode)node).Value);
                break;
            case SyntaxKind.ListValue:
                WalkAll(((ListValueNode)node).Values);
                break;
            case SyntaxKind.ObjectValue:
                WalkAll(((ObjectValueNode)node).Fields);
                break;
            case SyntaxKind.ObjectField:
                Walk(((ObjectFieldNode)node).Value);
                break;
            case SyntaxKind.Directive:
                WalkAll(((DirectiveNode)node).Arguments);
                break;
            case SyntaxKind.FragmentSpread:
                WalkAll(((FragmentSpreadNode)node).Directives);
                break;
            case SyntaxKind.InlineFragment:
                var inline = (InlineFragmentNode)node;
                if (inline.TypeCondition is { } condition)
                {
                    Walk(condition);
                }

                WalkAll(inline.Directives);
                Walk(inline.SelectionSet);
                break;
            case SyntaxKind.ListType:
                Walk(((ListTypeNode)node).Type);
                break;
            case SyntaxKind.NonNullType:
                Walk(((NonNullTypeNode)node).Type);
                break;
            case SyntaxKind.VariableDefinition:
                var variableDefinition = (VariableDefinitionNode)node;
                Walk(variableDefinition.Variable);
                Walk(variableDefinition.Type);
                if (variableDefinition.DefaultValue is { } defaultValue)
                {
                    Walk(defaultValue);
                }

                WalkAll(variableDefinition.Directives);
                break;
            case SyntaxKind.OperationDefinition:
                var operation = (OperationDefinitionNode)node;
                WalkAll(operation.VariableDefinitions);
                WalkAll(operation.Directives);
                Walk(operation.SelectionSet);
                break;
            case SyntaxKind.FragmentDefinition:
                var fragment = (FragmentDefinitionNode)node;
                Walk(fragment.TypeCondition);
                WalkAll(fragment.Directives);
                Walk(fragment.SelectionSet);
                break;
            case SyntaxKind.Document:
                WalkAll(((DocumentNode)node).Definitions);
                break;
            case SyntaxKind.Name or SyntaxKind.Variable or SyntaxKind.NamedType or SyntaxKind.IntValue or SyntaxKind.FloatValue
                or SyntaxKind.StringValue or SyntaxKind.BooleanValue or SyntaxKind.NullValue or SyntaxKind.EnumValue:
                break;
            default:
                WalkTypeSystemChildren(node);
                break;
        }
    }

    private void WalkTypeSystemChildren(SyntaxNode node)
    {
        switch (node)
        {
            case SchemaDefinitionNode schema:
                WalkAll(schema.Directives);
                WalkAll(schema.OperationTypes);
                break;
            case SchemaExtensionNode schemaExtension:
                WalkAll(schemaExtension.Directives);
                WalkAll(schemaExtension.OperationTypes);
                break;
            case OperationTypeDefinitionNode operationType:
                Walk(operationType.Type);
                break;
            case ScalarTypeDefinitionNode scalar:
                WalkAll(scalar.Directives);
                break;
            case ScalarTypeExtensionNode scalarExtension:
                WalkAll(scalarExtension.Directives);
                break;
            case ObjectTypeDefinitionNode obj:
                WalkAll(obj.Interfaces);
                WalkAll(obj.Directives);
                WalkAll(obj.Fields);
                break;
            case ObjectTypeExtensionNode objExtension:
                WalkAll(objExtension.Interfaces);
                WalkAll(objExtension.Directives);
                WalkAll(objExtension.Fields);
                break;
            case InterfaceTypeDefinitionNode iface:
                WalkAll(iface.Interfaces);
                WalkAll(iface.Directives);
                WalkAll(iface.Fields);
                break;
            case InterfaceTypeExtensionNode ifaceExtension:
                WalkAll(ifaceExtension.Interfaces);
                WalkAll(ifaceExtension.Directives);
                WalkAll(ifaceExtension.Fields);
                break;
            case FieldDefinitionNode field:
                WalkAll(field.Arguments);
                Walk(field.Type);
                WalkAll(field.Directives);
                break;
            case InputValueDefinitionNode inputValue:
                Walk(inputValue.Type);
                if (inputValue.DefaultValue is { } defaultValue)
                {
                    Walk(defaultValue);
                }

                WalkAll(inputValue.Directives);
                break;
            case UnionTypeDefinitionNode union:
                WalkAll(union.Directives);
                WalkAll(union.Types);
                break;
            case UnionTypeExtensionNode unionExtension:
                WalkAll(unionExtension.Directives);
                WalkAll(unionExtension.Types);
                break;
            case EnumTypeDefinitionNode enumType:
                WalkAll(enumType.Directives);
                WalkAll(enumType.Values);
                break;
            case EnumTypeExtensionNode enumExtension:
                WalkAll(enumExtension.Directives);
                WalkAll(enumExtension.Values);
                break;
            case EnumValueDefinitionNode enumValue:
                WalkAll(enumValue.Directives);
                break;
            case InputObjectTypeDefinitionNode input:
                WalkAll(input.Directives);
                WalkAll(input.Fields);
                break;
            case InputObjectTypeExtensionNode inputExtension:
                WalkAll(inputExtension.Directives);
                WalkAll(inputExtension.Fields);
                break;
            case DirectiveDefinitionNode directive:
                WalkAll(directive.Arguments);
                WalkAll(directive.Directives);
                break;
        }
    }
}

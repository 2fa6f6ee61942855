using Federation.GraphQL.Language.Syntax;

namespace Federation.GraphQL.Language;

/// <summary>
/// Equality of syntax trees by structure: same kinds, names, values and children in the same
/// order; locations are ignored. The hash agrees with it, so trees can key dictionaries
/// (for example a cache of parsed and validated operations).
/// </summary>
public sealed class SyntaxComparer : IEqualityComparer<SyntaxNode>
{
    public static SyntaxComparer Instance { get; } = new();

    private SyntaxComparer()
    {
    }

    public bool Equals(SyntaxNode? x, SyntaxNode? y)
    {
        if (ReferenceEquals(x, y))
        {
            return true;
        }

        if (x is null || y is null || x.Kind != y.Kind)
        {
            return false;
        }

        return (x, y) switch
        {
            (NameNode a, NameNode b) => a.Value == b.Value,
            (DocumentNode a, DocumentNode b) => All(a.Definitions, b.Definitions),
            (OperationDefinitionNode a, OperationDefinitionNode b) => a.Operation == b.Operation && Equals(a.Name, b.Name)
                && All(a.VariableDefinitions, b.VariableDefinitions) && All(a.Directives, b.Directives)
                && Equals(a.SelectionSet, b.SelectionSet) && Equals(a.Description, b.Description),
            (VariableDefinitionNode a, VariableDefinitionNode b) => Equals(a.Variable, b.Variable) && Equals(a.Type, b.Type)
                && Equals(a.DefaultValue, b.DefaultValue) && All(a.Directives, b.Directives) && Equals(a.Description, b.Description),
            (SelectionSetNode a, SelectionSetNode b) => All(a.Selections, b.Selections),
            (FieldNode a, FieldNode b) => Equals(a.Alias, b.Alias) && Equals(a.Name, b.Name) && All(a.Arguments, b.Arguments)
                && All(a.Directives, b.Directives) && Equals(a.SelectionSet, b.SelectionSet),
            (ArgumentNode a, ArgumentNode b) => Equals(a.Name, b.Name) && Equals(a.Value, b.Value),
            (FragmentSpreadNode a, FragmentSpreadNode b) => Equals(a.Name, b.Name) && All(a.Directives, b.Directives),
            (InlineFragmentNode a, InlineFragmentNode b) => Equals(a.TypeCondition, b.TypeCondition)
                && All(a.Directives, b.Directives) && Equals(a.SelectionSet, b.SelectionSet),
            (FragmentDefinitionNode a, FragmentDefinitionNode b) => Equals(a.Name, b.Name) && Equals(a.TypeCondition, b.TypeCondition)
                && All(a.Directives, b.Directives) && Equals(a.SelectionSet, b.SelectionSet) && Equals(a.Description, b.Description),
            (VariableNode a, VariableNode b) => Equals(a.Name, b.Name),
            (IntValueNode a, IntValueNode b) => a.Value == b.Value,
            (FloatValueNode a, FloatValueNode b) => a.Value == b.Value,
            (StringValueNode a, StringValueNode b) => a.Value == b.Value && a.Block == b.Block,
            (BooleanValueNode a, BooleanValueNode b) => a.Value == b.Value,
            (NullValueNode, NullValueNode) => true,
            (EnumValueNode a, EnumValueNode b) => a.Value == b.Value,
            (ListValueNode a, ListValueNode b) => All(a.Values, b.Values),
            (ObjectValueNode a, ObjectValueNode b) => All(a.Fields, b.Fields),
            (ObjectFieldNode a, ObjectFieldNode b) => Equals(a.Name, b.Name) && Equals(a.Value, b.Value),
            (DirectiveNode a, DirectiveNode b) => Equals(a.Name, b.Name) && All(a.Arguments, b.Arguments),
            (NamedTypeNode a, NamedTypeNode b) => Equals(a.Name, b.Name),
            (ListTypeNode a, ListTypeNode b) => Equals(a.Type, b.Type),
            (NonNullTypeNode a, NonNullTypeNode b) => Equals(a.Type, b.Type),
            (SchemaDefinitionNode a, SchemaDefinitionNode b) => Equals(a.Description, b.Description)
                && All(a.Directives, b.Directives) && All(a.OperationTypes, b.OperationTypes),
            (OperationTypeDefinitionNode a, OperationTypeDefinitionNode b) => a.Operation == b.Operation && Equals(a.Type, b.Type),
            (ScalarTypeDefinitionNode a, ScalarTypeDefinitionNode b) => Equals(a.Description, b.Description)
                && Equals(a.Name, b.Name) && All(a.Directives, b.Directives),
            (ObjectTypeDefinitionNode a, ObjectTypeDefinitionNode b) => Equals(a.Description, b.Description) && Equals(a.Name, b.Name)
                && All(a.Interfaces, b.Interfaces) && All(a.Directives, b.Directives) && All(a.Fields, b.Fields),
            (FieldDefinitionNode a, FieldDefinitionNode b) => Equals(a.Description, b.Description) && Equals(a.Name, b.Name)
                && All(a.Arguments, b.Arguments) && Equals(a.Type, b.Type) && All(a.Directives, b.Directives),
            (InputValueDefinitionNode a, InputValueDefinitionNode b) => Equals(a.Description, b.Description) && Equals(a.Name, b.Name)
                && Equals(a.Type, b.Type) && Equals(a.DefaultValue, b.DefaultValue) && All(a.Directives, b.Directives),
            (InterfaceTypeDefinitionNode a, InterfaceTypeDefinitionNode b) => Equals(a.Description, b.Description) && Equals(a.Name, b.Name)
                && All(a.Interfaces, b.Interfaces) && All(a.Directives, b.Directives) && All(a.Fields, b.Fields),
            (UnionTypeDefinitionNode a, UnionTypeDefinitionNode b) => Equals(a.Description, b.Description) && Equals(a.Name, b.Name)
                && All(a.Directives, b.Directives) && All(a.Types, b.Types),
            (EnumTypeDefinitionNode a, EnumTypeDefinitionNode b) => Equals(a.Description, b.Description) && Equals(a.Name, b.Name)
                && All(a.Directives, b.Directives) && All(a.Values, b.Values),
            (EnumValueDefinitionNode a, EnumValueDefinitionNode b) => Equals(a.Description, b.Description) && Equals(a.Name, b.Name)
                && All(a.Directives, b.Directives),
            (InputObjectTypeDefinitionNode a, InputObjectTypeDefinitionNode b) => Equals(a.Description, b.Description)
                && Equals(a.Name, b.Name) && All(a.Directives, b.Directives) && All(a.Fields, b.Fields),
            (DirectiveDefinitionNode a, DirectiveDefinitionNode b) => Equals(a.Description, b.Description) && Equals(a.Name, b.Name)
                && All(a.Arguments, b.Arguments) && All(a.Directives, b.Directives) && a.Repeatable == b.Repeatable
                && All(a.Locations, b.Locations),
            (SchemaExtensionNode a, SchemaExtensionNode b) => All(a.Directives, b.Directives) && All(a.OperationTypes, b.OperationTypes),
            (ScalarTypeExtensionNode a, ScalarTypeExtensionNode b) => Equals(a.Name, b.Name) && All(a.Directives, b.Directives),
            (ObjectTypeExtensionNode a, ObjectTypeExtensionNode b) => Equals(a.Name, b.Name) && All(a.Interfaces, b.Interfaces)
                && All(a.Directives, b.Directives) && All(a.Fields, b.Fields),
            (InterfaceTypeExtensionNode a, InterfaceTypeExtensionNode b) => Equals(a.Name, b.Name) && All(a.Interfaces, b.Interfaces)
                && All(a.Directives, b.Directives) && All(a.Fields, b.Fields),
            (UnionTypeExtensionNode a, UnionTypeExtensionNode b) => Equals(a.Name, b.Name) && All(a.Directives, b.Directives)
                && All(a.Types, b.Types),
            (EnumTypeExtensionNode a, EnumTypeExtensionNode b) => Equals(a.Name, b.Name) && All(a.Directives, b.Directives)
                && All(a.Values, b.Values),
            (InputObjectTypeExtensionNode a, InputObjectTypeExtensionNode b) => Equals(a.Name, b.Name)
                && All(a.Directives, b.Directives) && All(a.Fields, b.Fields),
            (DirectiveExtensionNode a, DirectiveExtensionNode b) => Equals(a.Name, b.Name) && All(a.Directives, b.Directives),
            _ => throw new ArgumentException($"Cannot compare {x.Kind} nodes."),
        };
    }

    public int GetHashCode(SyntaxNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var hash = new HashCode();
        Add(ref hash, node);
        return hash.ToHashCode();
    }

    private bool All<T>(IReadOnlyList<T> x, IReadOnlyList<T> y) where T : SyntaxNode
    {
        if (x.Count != y.Count)
        {
            return false;
        }

        for (var i = 0; i < x.Count; i++)
        {
            if (!Equals(x[i], y[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static void Add(ref HashCode hash, SyntaxNode? node)
    {
        if (node is null)
        {
            hash.Add(-1);
            return;
        }

        hash.Add(node.Kind);
        switch (node)
        {
            case NameNode name:
                hash.Add(name.Value);
                break;
            case DocumentNode document:
                AddAll(ref hash, document.Definitions);
                break;
            case OperationDefinitionNode operation:
                hash.Add(operation.Operation);
                Add(ref hash, operation.Description);
                Add(ref hash, operation.Name);
                AddAll(ref hash, operation.VariableDefinitions);
                AddAll(ref hash, operation.Directives);
                Add(ref hash, operation.SelectionSet);
                break;
            case VariableDefinitionNode variable:
                Add(ref hash, variable.Description);
                Add(ref hash, variable.Variable);
                Add(ref hash, variable.Type);
                Add(ref hash, variable.DefaultValue);
                AddAll(ref hash, variable.Directives);
                break;
            case SelectionSetNode selectionSet:
                AddAll(ref hash, selectionSet.Selections);
                break;
            case FieldNode field:
                Add(ref hash, field.Alias);
                Add(ref hash, field.Name);
                AddAll(ref hash, field.Arguments);
                AddAll(ref hash, field.Directives);
                Add(ref hash, field.SelectionSet);
                break;
            case ArgumentNode argument:
                Add(ref hash, argument.Name);
                Add(ref hash, argument.Value);
                break;
            case FragmentSpreadNode spread:
                Add(ref hash, spread.Name);
                AddAll(ref hash, spread.Directives);
                break;
            case InlineFragmentNode inline:
                Add(ref hash, inline.TypeCondition);
                AddAll(ref hash, inline.Directives);
                Add(ref hash, inline.SelectionSet);
                break;
            case FragmentDefinitionNode fragment:
                Add(ref hash, fragment.Description);
                Add(ref hash, fragment.Name);
                Add(ref hash, fragment.TypeCondition);
                AddAll(ref hash, fragment.Directives);
                Add(ref hash, fragment.SelectionSet);
                break;
            case VariableNode variable:
                Add(ref hash, variable.Name);
                break;
            case IntValueNode intValue:
                hash.Add(intValue.Value);
                break;
            case FloatValueNode floatValue:
                hash.Add(floatValue.Value);
                break;
            case StringValueNode stringValue:
                hash.Add(stringValue.Value);
                hash.Add(stringValue.Block);
                break;
            case BooleanValueNode boolean:
                hash.Add(boolean.Value);
                break;
            case EnumValueNode enumValue:
                hash.Add(enumValue.Value);
                break;
            case ListValueNode list:
                AddAll(ref hash, list.Values);
                break;
            case ObjectValueNode obj:
                AddAll(ref hash, obj.Fields);
                break;
            case ObjectFieldNode objectField:
                Add(ref hash, objectField.Name);
                Add(ref hash, objectField.Value);
                break;
            case DirectiveNode directive:
                Add(ref hash, directive.Name);
                AddAll(ref hash, directive.Arguments);
                break;
            case NamedTypeNode namedType:
                Add(ref hash, namedType.Name);
                break;
            case ListTypeNode listType:
                Add(ref hash, listType.Type);
                break;
            case NonNullTypeNode nonNull:
                Add(ref hash, nonNull.Type);
                break;
            case OperationTypeDefinitionNode operationType:
                hash.Add(operationType.Operation);
                Add(ref hash, operationType.Type);
                break;
            case SchemaDefinitionNode schema:
                Add(ref hash, schema.Description);
                AddAll(ref hash, schema.Directives);
                AddAll(ref hash, schema.OperationTypes);
                break;
            case SchemaExtensionNode schema:
                AddAll(ref hash, schema.Directives);
                AddAll(ref hash, schema.OperationTypes);
                break;
            case FieldDefinitionNode field:
                Add(ref hash, field.Description);
                Add(ref hash, field.Name);
                AddAll(ref hash, field.Arguments);
                Add(ref hash, field.Type);
                AddAll(ref hash, field.Directives);
                break;
            case InputValueDefinitionNode inputValue:
                Add(ref hash, inputValue.Description);
                Add(ref hash, inputValue.Name);
                Add(ref hash, inputValue.Type);
                Add(ref hash, inputValue.DefaultValue);
                AddAll(ref hash, inputValue.Directives);
                break;
            case EnumValueDefinitionNode enumValue:
                Add(ref hash, enumValue.Description);
                Add(ref hash, enumValue.Name);
                AddAll(ref hash, enumValue.Directives);
                break;
            case DirectiveDefinitionNode directive:
                Add(ref hash, directive.Description);
                Add(ref hash, directive.Name);
                AddAll(ref hash, directive.Arguments);
                AddAll(ref hash, directive.Directives);
                hash.Add(directive.Repeatable);
                AddAll(ref hash, directive.Locations);
                break;
            case TypeDefinitionNode type:
                // The members of type definitions are few and varied; the name, the description
                // and the directives spread the hash enough, and Equals settles the rest.
                Add(ref hash, type.Description);
                Add(ref hash, type.Name);
                AddAll(ref hash, type.Directives);
                break;
            case TypeExtensionNode extension:
                Add(ref hash, extension.Name);
                AddAll(ref hash, extension.Directives);
                break;
            case DirectiveExtensionNode directive:
                Add(ref hash, directive.Name);
                AddAll(ref hash, directive.Directives);
                break;
        }
    }

    private static void AddAll<T>(ref HashCode hash, IReadOnlyList<T> nodes) where T : SyntaxNode
    {
        hash.Add(nodes.Count);
        for (var i = 0; i < nodes.Count; i++)
        {
            Add(ref hash, nodes[i]);
        }
    }
}

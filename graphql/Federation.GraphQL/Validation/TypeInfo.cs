using Federation.GraphQL.Introspection;
using Federation.GraphQL.Language.Syntax;
using Federation.GraphQL.Types;

namespace Federation.GraphQL.Validation;

/// <summary>
/// Tracks, during a walk of an executable document, the schema element at the current node:
/// the type of the current field, the composite type whose fields are being selected, the
/// input type a literal must fit, and the field, argument, directive and enum value in play
/// (graphql-js's <c>TypeInfo</c>). Unknown names leave null on the stacks, so rules further
/// down see "unknown" rather than a wrong type.
/// </summary>
internal sealed class TypeInfo(Schema schema)
{
    private readonly List<GraphQLType?> typeStack = [];
    private readonly List<NamedType?> parentTypeStack = [];
    private readonly List<GraphQLType?> inputTypeStack = [];
    private readonly List<OutputField?> fieldDefStack = [];
    private readonly List<InputValue?> defaultValueStack = [];

    public Schema Schema { get; } = schema;

    /// <summary>The output type of the current field, operation or fragment.</summary>
    public GraphQLType? Type => typeStack.Count == 0 ? null : typeStack[^1];

    /// <summary>The composite type whose selection set is being walked.</summary>
    public NamedType? ParentType => parentTypeStack.Count == 0 ? null : parentTypeStack[^1];

    /// <summary>The type that the current argument, list item or object field value must fit.</summary>
    public GraphQLType? InputType => inputTypeStack.Count == 0 ? null : inputTypeStack[^1];

    /// <summary>The input type one level up, e.g. the list type around an item or the input object around a field.</summary>
    public GraphQLType? ParentInputType => inputTypeStack.Count < 2 ? null : inputTypeStack[^2];

    public OutputField? FieldDef => fieldDefStack.Count == 0 ? null : fieldDefStack[^1];

    /// <summary>The argument or input field whose default (if any) applies at the current value position.</summary>
    public InputValue? DefaultValueOwner => defaultValueStack.Count == 0 ? null : defaultValueStack[^1];

    public DirectiveDefinition? Directive { get; private set; }

    public InputValue? Argument { get; private set; }

    public EnumValue? EnumValue { get; private set; }

    public void Enter(SyntaxNode node)
    {
        switch (node.Kind)
        {
            case SyntaxKind.SelectionSet:
                var named = Type?.Named;
                parentTypeStack.Add(named is ObjectType or InterfaceType or UnionType ? named : null);
                break;
            case SyntaxKind.Field:
                var field = (FieldNode)node;
                var parent = ParentType;
                var fieldDef = parent is null ? null : GetFieldDefinition(Schema, parent, field.Name.Value);
                fieldDefStack.Add(fieldDef);
                typeStack.Add(fieldDef is not null && fieldDef.Type.IsOutputType ? fieldDef.Type : null);
                break;
            case SyntaxKind.Directive:
                var directive = (DirectiveNode)node;
                Directive = Schema.GetDirective(directive.Name.Value);
                break;
            case SyntaxKind.OperationDefinition:
                var operation = (OperationDefinitionNode)node;
                typeStack.Add(Schema.GetRootType(operation.Operation));
                break;
            case SyntaxKind.InlineFragment:
                var inline = (InlineFragmentNode)node;
                var conditionType = inline.TypeCondition is { } condition ? Schema.GetType(condition.Name.Value) : Type?.Named;
                typeStack.Add(conditionType is not null && conditionType.IsOutputType ? conditionType : null);
                break;
            case SyntaxKind.FragmentDefinition:
                var fragment = (FragmentDefinitionNode)node;
                var fragmentType = Schema.GetType(fragment.TypeCondition.Name.Value);
                typeStack.Add(fragmentType is not null && fragmentType.IsOutputType ? fragmentType : null);
                break;
            case SyntaxKind.VariableDefinition:
                var variable = (VariableDefinitionNode)node;
                var variableType = TypeFromSyntax(Schema, variable.Type);
                inputTypeStack.Add(variableType is not null && variableType.IsInputType ? variableType : null);
                break;
            case SyntaxKind.Argument:
                var argument = (ArgumentNode)node;
                InputValue? argDef = null;
                if (Directive is { } directiveDef)
                {
                    argDef = directiveDef.GetArgument(argument.Name.Value);
                }
                else if (FieldDef is { } argField)
                {
                    argDef = argField.GetArgument(argument.Name.Value);
                }

                Argument = argDef;
                defaultValueStack.Add(argDef);
                inputTypeStack.Add(argDef is not null && argDef.Type.IsInputType ? argDef.Type : null);
                break;
            case SyntaxKind.ListValue:
                var listType = InputType?.Nullable as ListType;
                defaultValueStack.Add(null);
                inputTypeStack.Add(listType?.OfType);
                break;
            case SyntaxKind.ObjectField:
                var objectField = (ObjectFieldNode)node;
                InputValue? inputField = null;
                if (InputType?.Named is InputObjectType inputObject)
                {
                    inputField = inputObject.GetField(objectField.Name.Value);
                }

                defaultValueStack.Add(inputField);
                inputTypeStack.Add(inputField is not null && inputField.Type.IsInputType ? inputField.Type : null);
                break;
            case SyntaxKind.EnumValue:
                var enumValue = (EnumValueNode)node;
                EnumValue = InputType?.Named is EnumType enumType ? enumType.GetValue(enumValue.Value) : null;
                break;
        }
    }

    public void Leave(SyntaxNode node)
    {
        switch (node.Kind)
        {
            case SyntaxKind.SelectionSet:
                parentTypeStack.RemoveAt(parentTypeStack.Count - 1);
                break;
            case SyntaxKind.Field:
                fieldDefStack.RemoveAt(fieldDefStack.Count - 1);
                typeStack.RemoveAt(typeStack.Count - 1);
                break;
            case SyntaxKind.Directive:
                Directive = null;
                break;
            case SyntaxKind.OperationDefinition or SyntaxKind.InlineFragment or SyntaxKind.FragmentDefinition:
                typeStack.RemoveAt(typeStack.Count - 1);
                break;
            case SyntaxKind.VariableDefinition:
                inputTypeStack.RemoveAt(inputTypeStack.Count - 1);
                break;
            case SyntaxKind.Argument:
                Argument = null;
                defaultValueStack.RemoveAt(defaultValueStack.Count - 1);
                inputTypeStack.RemoveAt(inputTypeStack.Count - 1);
                break;
            case SyntaxKind.ListValue or SyntaxKind.ObjectField:
                defaultValueStack.RemoveAt(defaultValueStack.Count - 1);
                inputTypeStack.RemoveAt(inputTypeStack.Count - 1);
                break;
            case SyntaxKind.EnumValue:
                EnumValue = null;
                break;
        }
    }

    /// <summary>A field by name, counting the meta fields <c>__typename</c>, <c>__schema</c> and <c>__type</c>.</summary>
    public static OutputField? GetFieldDefinition(Schema schema, NamedType parentType, string fieldName) =>
        IntrospectionFields.GetField(schema, parentType, fieldName);

    /// <summary>graphql-js <c>typeFromAST</c>: the schema type a type reference names, or null if its name is unknown.</summary>
    public static GraphQLType? TypeFromSyntax(Schema schema, TypeNode typeNode)
    {
        switch (typeNode)
        {
            case NamedTypeNode named:
                return schema.GetType(named.Name.Value);
            case ListTypeNode list:
                var item = TypeFromSyntax(schema, list.Type);
                return item is null ? null : new ListType(item);
            case NonNullTypeNode nonNull:
                var inner = TypeFromSyntax(schema, nonNull.Type);
                return inner is null or NonNullType ? null : new NonNullType(inner);
            default:
                return null;
        }
    }
}

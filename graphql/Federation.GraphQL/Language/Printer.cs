using System.Text;
using Federation.GraphQL.Language.Syntax;

namespace Federation.GraphQL.Language;

/// <summary>
/// Prints a syntax tree as GraphQL text, exactly as graphql-js 17.1.0's <c>print()</c> does:
/// same spacing, indentation, block-string layout, and wrapping of argument lists and values
/// that would pass 80 characters.
/// </summary>
public static class Printer
{
    private const int MaxLineLength = 80;

    /// <summary>How deep <see cref="PrintForError"/> indents before it lays the rest out on one line.</summary>
    internal const int ErrorMaxIndentDepth = 100;

    public static string Print(SyntaxNode node) => Print(node, int.MaxValue);

    /// <summary>
    /// graphql-js <c>print(ast, { maxIndentDepth })</c>: lines nested deeper than
    /// <paramref name="maxIndentDepth"/> levels are neither indented nor broken (block strings
    /// keep their line breaks).
    /// </summary>
    public static string Print(SyntaxNode node, int maxIndentDepth)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentOutOfRangeException.ThrowIfNegative(maxIndentDepth);
        return Reduce(node).Render(maxIndentDepth);
    }

    /// <summary>
    /// graphql-js <c>printForError</c>: how values and types are quoted in error messages, so a
    /// hostile, deeply nested literal cannot make a message grow quadratically.
    /// </summary>
    public static string PrintForError(SyntaxNode node) => Print(node, ErrorMaxIndentDepth);

    private static PrintBuffer Reduce(SyntaxNode? node) => node switch
    {
        null => PrintBuffer.Empty,
        NameNode name => Text(name.Value),
        VariableNode variable => Join(["$", Reduce(variable.Name)]),
        DocumentNode document => Join(ReduceAll(document.Definitions), "\n\n"),
        OperationDefinitionNode operation => PrintOperation(operation),
        VariableDefinitionNode variableDefinition => Join(
        [
            Wrap("", Reduce(variableDefinition.Description), "\n"),
            Reduce(variableDefinition.Variable),
            ": ",
            Reduce(variableDefinition.Type),
            Wrap(" = ", Reduce(variableDefinition.DefaultValue)),
            Wrap(" ", Join(ReduceAll(variableDefinition.Directives), " ")),
        ]),
        SelectionSetNode selectionSet => selectionSet.Selections.Count == 0 ? Text("{}") : Block(ReduceAll(selectionSet.Selections)),
        FieldNode field => PrintField(field),
        ArgumentNode argument => Join([Reduce(argument.Name), ": ", Reduce(argument.Value)]),
        FragmentSpreadNode spread => Join([Join(["...", Reduce(spread.Name)]), Wrap(" ", Join(ReduceAll(spread.Directives), " "))]),
        InlineFragmentNode inline => Join(
            ["...", Wrap("on ", Reduce(inline.TypeCondition)), Join(ReduceAll(inline.Directives), " "), Reduce(inline.SelectionSet)],
            " "),
        FragmentDefinitionNode fragment => Join(
        [
            Wrap("", Reduce(fragment.Description), "\n"),
            "fragment ",
            Reduce(fragment.Name),
            " on ",
            Reduce(fragment.TypeCondition),
            " ",
            Wrap("", Join(ReduceAll(fragment.Directives), " "), " "),
            Reduce(fragment.SelectionSet),
        ]),
        IntValueNode intValue => Text(intValue.Value),
        FloatValueNode floatValue => Text(floatValue.Value),
        StringValueNode stringValue => stringValue.Block
            ? new PrintBuffer(BlockString.Print(stringValue.Value), isBlockString: true)
            : Text(PrintString(stringValue.Value)),
        BooleanValueNode boolean => Text(boolean.Value ? "true" : "false"),
        NullValueNode => Text("null"),
        EnumValueNode enumValue => Text(enumValue.Value),
        ListValueNode list => PrintList(list),
        ObjectValueNode obj => PrintObject(obj),
        ObjectFieldNode objectField => Join([Reduce(objectField.Name), ": ", Reduce(objectField.Value)]),
        DirectiveNode directive => Join(["@", Reduce(directive.Name), Wrap("(", Join(ReduceAll(directive.Arguments), ", "), ")")]),
        NamedTypeNode namedType => Reduce(namedType.Name),
        ListTypeNode listType => Join(["[", Reduce(listType.Type), "]"]),
        NonNullTypeNode nonNull => Join([Reduce(nonNull.Type), "!"]),
        SchemaDefinitionNode schema => Join(
        [
            Wrap("", Reduce(schema.Description), "\n"),
            Join(["schema", Join(ReduceAll(schema.Directives), " "), Block(ReduceAll(schema.OperationTypes))], " "),
        ]),
        OperationTypeDefinitionNode operationType => Join([Keyword(operationType.Operation), ": ", Reduce(operationType.Type)]),
        ScalarTypeDefinitionNode scalar => Join(
        [
            Wrap("", Reduce(scalar.Description), "\n"),
            Join(["scalar", Reduce(scalar.Name), Join(ReduceAll(scalar.Directives), " ")], " "),
        ]),
        ObjectTypeDefinitionNode objectType => Join(
        [
            Wrap("", Reduce(objectType.Description), "\n"),
            Join(
            [
                "type",
                Reduce(objectType.Name),
                Wrap("implements ", Join(ReduceAll(objectType.Interfaces), " & ")),
                Join(ReduceAll(objectType.Directives), " "),
                Block(ReduceAll(objectType.Fields)),
            ], " "),
        ]),
        FieldDefinitionNode fieldDefinition => Join(
        [
            Wrap("", Reduce(fieldDefinition.Description), "\n"),
            Reduce(fieldDefinition.Name),
            ArgumentDefinitions(ReduceAll(fieldDefinition.Arguments)),
            ": ",
            Reduce(fieldDefinition.Type),
            Wrap(" ", Join(ReduceAll(fieldDefinition.Directives), " ")),
        ]),
        InputValueDefinitionNode inputValue => Join(
        [
            Wrap("", Reduce(inputValue.Description), "\n"),
            Reduce(inputValue.Name),
            ": ",
            Reduce(inputValue.Type),
            Wrap(" = ", Reduce(inputValue.DefaultValue)),
            Wrap(" ", Join(ReduceAll(inputValue.Directives), " ")),
        ]),
        InterfaceTypeDefinitionNode interfaceType => Join(
        [
            Wrap("", Reduce(interfaceType.Description), "\n"),
            Join(
            [
                "interface",
                Reduce(interfaceType.Name),
                Wrap("implements ", Join(ReduceAll(interfaceType.Interfaces), " & ")),
                Join(ReduceAll(interfaceType.Directives), " "),
                Block(ReduceAll(interfaceType.Fields)),
            ], " "),
        ]),
        UnionTypeDefinitionNode union => Join(
        [
            Wrap("", Reduce(union.Description), "\n"),
            Join(["union", Reduce(union.Name), Join(ReduceAll(union.Directives), " "), Wrap("= ", Join(ReduceAll(union.Types), " | "))], " "),
        ]),
        EnumTypeDefinitionNode enumType => Join(
        [
            Wrap("", Reduce(enumType.Description), "\n"),
            Join(["enum", Reduce(enumType.Name), Join(ReduceAll(enumType.Directives), " "), Block(ReduceAll(enumType.Values))], " "),
        ]),
        EnumValueDefinitionNode enumValue => Join(
        [
            Wrap("", Reduce(enumValue.Description), "\n"),
            Join([Reduce(enumValue.Name), Join(ReduceAll(enumValue.Directives), " ")], " "),
        ]),
        InputObjectTypeDefinitionNode inputType => Join(
        [
            Wrap("", Reduce(inputType.Description), "\n"),
            Join(["input", Reduce(inputType.Name), Join(ReduceAll(inputType.Directives), " "), Block(ReduceAll(inputType.Fields))], " "),
        ]),
        DirectiveDefinitionNode directive => Join(
        [
            Wrap("", Reduce(directive.Description), "\n"),
            "directive @",
            Reduce(directive.Name),
            ArgumentDefinitions(ReduceAll(directive.Arguments)),
            Wrap(" ", Join(ReduceAll(directive.Directives), " ")),
            directive.Repeatable ? " repeatable" : "",
            " on ",
            Join(ReduceAll(directive.Locations), " | "),
        ]),
        SchemaExtensionNode schema => Join(
            ["extend schema", Join(ReduceAll(schema.Directives), " "), Block(ReduceAll(schema.OperationTypes))], " "),
        ScalarTypeExtensionNode scalar => Join(["extend scalar", Reduce(scalar.Name), Join(ReduceAll(scalar.Directives), " ")], " "),
        ObjectTypeExtensionNode objectType => Join(
        [
            "extend type",
            Reduce(objectType.Name),
            Wrap("implements ", Join(ReduceAll(objectType.Interfaces), " & ")),
            Join(ReduceAll(objectType.Directives), " "),
            Block(ReduceAll(objectType.Fields)),
        ], " "),
        InterfaceTypeExtensionNode interfaceType => Join(
        [
            "extend interface",
            Reduce(interfaceType.Name),
            Wrap("implements ", Join(ReduceAll(interfaceType.Interfaces), " & ")),
            Join(ReduceAll(interfaceType.Directives), " "),
            Block(ReduceAll(interfaceType.Fields)),
        ], " "),
        UnionTypeExtensionNode union => Join(
            ["extend union", Reduce(union.Name), Join(ReduceAll(union.Directives), " "), Wrap("= ", Join(ReduceAll(union.Types), " | "))], " "),
        EnumTypeExtensionNode enumType => Join(
            ["extend enum", Reduce(enumType.Name), Join(ReduceAll(enumType.Directives), " "), Block(ReduceAll(enumType.Values))], " "),
        InputObjectTypeExtensionNode inputType => Join(
            ["extend input", Reduce(inputType.Name), Join(ReduceAll(inputType.Directives), " "), Block(ReduceAll(inputType.Fields))], " "),
        DirectiveExtensionNode directive => Join(
            [Join(["extend directive @", Reduce(directive.Name)]), Join(ReduceAll(directive.Directives), " ")], " "),
        _ => throw new ArgumentException($"Cannot print a {node.Kind} node.", nameof(node)),
    };

    private static PrintBuffer PrintOperation(OperationDefinitionNode operation)
    {
        var description = Reduce(operation.Description);
        var name = Reduce(operation.Name);
        var variables = ReduceAll(operation.VariableDefinitions);
        var variableDefinitions = HasMultilineItems(variables)
            ? Wrap("(\n", Join(variables, "\n"), "\n)")
            : Wrap("(", Join(variables, ", "), ")");
        var directives = Join(ReduceAll(operation.Directives), " ");
        var keyword = Keyword(operation.Operation);
        var prefix = Join(
        [
            Wrap("", description, "\n"),
            Join([keyword, Join([name, variableDefinitions]), directives], " "),
        ]);
        var selectionSet = Reduce(operation.SelectionSet);

        // The query keyword is left out when nothing else would stand before the selection set.
        return Join(
        [
            operation.Operation == OperationType.Query && prefix.Length == keyword.Length ? PrintBuffer.Empty : Join([prefix, " "]),
            selectionSet,
        ]);
    }

    private static PrintBuffer PrintField(FieldNode field)
    {
        var prefix = Join([Wrap("", Reduce(field.Alias), ": "), Reduce(field.Name)]);
        var arguments = ReduceAll(field.Arguments);
        var directives = Join(ReduceAll(field.Directives), " ");
        var selectionSet = Reduce(field.SelectionSet);
        return Join([WrappedLineAndArguments(prefix, arguments), Wrap(" ", directives), Wrap(" ", selectionSet)]);
    }

    private static PrintBuffer PrintList(ListValueNode list)
    {
        var values = ReduceAll(list.Values);
        if (2 + JoinedLength(values, ", ") > MaxLineLength)
        {
            return Wrap("[\n", Join(values, "\n").Indent(), "\n]");
        }

        return Join(["[", Join(values, ", "), "]"]);
    }

    private static PrintBuffer PrintObject(ObjectValueNode obj)
    {
        var fields = ReduceAll(obj.Fields);
        return 4 + JoinedLength(fields, ", ") > MaxLineLength
            ? Block(fields)
            : Join(["{ ", Join(fields, ", "), " }"]);
    }

    private static PrintBuffer ArgumentDefinitions(PrintBuffer[] arguments) =>
        HasMultilineItems(arguments)
            ? Wrap("(\n", Join(arguments, "\n").Indent(), "\n)")
            : Wrap("(", Join(arguments, ", "), ")");

    private static PrintBuffer WrappedLineAndArguments(PrintBuffer prefix, PrintBuffer[] arguments)
    {
        if (arguments.Length == 0)
        {
            return prefix;
        }

        return Join(
        [
            prefix,
            prefix.Length + JoinedLength(arguments, ", ") + 2 > MaxLineLength
                ? Wrap("(\n", Join(arguments, "\n").Indent(), "\n)")
                : Wrap("(", Join(arguments, ", "), ")"),
        ]);
    }

    private static string Keyword(OperationType operation) => operation switch
    {
        OperationType.Query => "query",
        OperationType.Mutation => "mutation",
        _ => "subscription",
    };

    private static PrintBuffer Text(string text) => new(text);

    private static PrintBuffer[] ReduceAll<T>(IReadOnlyList<T> nodes) where T : SyntaxNode
    {
        if (nodes.Count == 0)
        {
            return [];
        }

        var buffers = new PrintBuffer[nodes.Count];
        for (var i = 0; i < buffers.Length; i++)
        {
            buffers[i] = Reduce(nodes[i]);
        }

        return buffers;
    }

    /// <summary>Joins non-empty pieces with a separator; the first piece becomes the result and grows.</summary>
    private static PrintBuffer Join(ReadOnlySpan<Piece> pieces, string separator = "")
    {
        var result = PrintBuffer.Empty;
        foreach (var piece in pieces)
        {
            result = JoinStep(result, piece.Buffer, separator);
        }

        return result;
    }

    private static PrintBuffer Join(PrintBuffer[] pieces, string separator)
    {
        var result = PrintBuffer.Empty;
        foreach (var buffer in pieces)
        {
            result = JoinStep(result, buffer, separator);
        }

        return result;
    }

    /// <summary>One step of a join: empty pieces are skipped; the first non-empty one becomes the result and grows.</summary>
    private static PrintBuffer JoinStep(PrintBuffer result, PrintBuffer next, string separator) =>
        next.Length == 0 ? result : result.Length == 0 ? next : result.Append(separator).Append(next);

    private static int JoinedLength(PrintBuffer[] pieces, string separator)
    {
        var length = 0;
        foreach (var piece in pieces)
        {
            if (piece.Length != 0)
            {
                length += (length == 0 ? 0 : separator.Length) + piece.Length;
            }
        }

        return length;
    }

    private static PrintBuffer Block(PrintBuffer[] pieces) => Wrap("{\n", Join(pieces, "\n").Indent(), "\n}");

    private static PrintBuffer Wrap(string start, PrintBuffer buffer, string end = "")
    {
        if (buffer.Length == 0)
        {
            return PrintBuffer.Empty;
        }

        return start.Length == 0 ? buffer.Append(end) : new PrintBuffer(start).Append(buffer).Append(end);
    }

    private static bool HasMultilineItems(PrintBuffer[] pieces)
    {
        foreach (var piece in pieces)
        {
            if (piece.Newlines != 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>graphql-js printString: a double-quoted string with control characters escaped.</summary>
    internal static string PrintString(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"':
                    builder.Append("\\\"");
                    break;
                case '\\':
                    builder.Append("\\\\");
                    break;
                case '\b':
                    builder.Append("\\b");
                    break;
                case '\t':
                    builder.Append("\\t");
                    break;
                case '\n':
                    builder.Append("\\n");
                    break;
                case '\f':
                    builder.Append("\\f");
                    break;
                case '\r':
                    builder.Append("\\r");
                    break;
                case < '\u0020' or (>= '\u007F' and <= '\u009F'):
                    builder.Append("\\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }

        return builder.Append('"').ToString();
    }

    /// <summary>A piece to join: literal text or a printed node.</summary>
    private readonly struct Piece
    {
        private Piece(PrintBuffer buffer) => Buffer = buffer;

        public PrintBuffer Buffer { get; }

        public static implicit operator Piece(PrintBuffer buffer) => new(buffer);

        public static implicit operator Piece(string text) => new(text.Length == 0 ? PrintBuffer.Empty : new PrintBuffer(text));
    }
}

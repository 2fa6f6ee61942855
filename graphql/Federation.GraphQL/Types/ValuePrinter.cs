using Federation.GraphQL.Language;
using Federation.GraphQL.Language.Syntax;

namespace Federation.GraphQL.Types;

/// <summary>
/// Prints value literals and strings as graphql-js's printer does, for what the type layer
/// prints (defaults, coercion messages, descriptions); the language printer does the work.
/// </summary>
internal static class ValuePrinter
{
    public static string Print(ValueNode value) => Printer.Print(value);

    /// <summary>graphql-js printString: a quoted string with control characters escaped.</summary>
    public static string PrintString(string value) => Printer.PrintString(value);

    /// <summary>graphql-js print of a block string.</summary>
    public static string PrintBlockString(string value) => Printer.Print(new StringValueNode(value, Block: true));
}

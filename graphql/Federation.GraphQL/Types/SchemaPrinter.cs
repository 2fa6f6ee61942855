using System.Text;
using Federation.GraphQL.Language;
using Federation.GraphQL.Language.Syntax;
using Federation.GraphQL.Types.Scalars;

namespace Federation.GraphQL.Types;

/// <summary>
/// Prints a schema as SDL, text for text as graphql-js 17.1.0's <c>printSchema</c> does:
/// the schema definition when the roots are not the default ones, then the directives and the
/// types in type map order; specified directives, built-in scalars and introspection types left out.
/// Applied directives other than @deprecated, @specifiedBy and @oneOf are not printed.
/// </summary>
public static class SchemaPrinter
{
    public static string Print(Schema schema) =>
        PrintFiltered(schema, d => !SpecifiedDirectives.IsSpecified(d), t => !SpecifiedScalars.IsSpecified(t) && !t.IsIntrospectionType);

    /// <summary>The specified directives and the introspection types (graphql-js <c>printIntrospectionSchema</c>).</summary>
    public static string PrintIntrospection(Schema schema) =>
        PrintFiltered(schema, SpecifiedDirectives.IsSpecified, t => t.IsIntrospectionType);

    private static string PrintFiltered(Schema schema, Func<DirectiveDefinition, bool> directiveFilter, Func<NamedType, bool> typeFilter)
    {
        var parts = new List<string>();
        if (PrintSchemaDefinition(schema) is { } definition)
        {
            parts.Add(definition);
        }

        foreach (var directive in schema.Directives)
        {
            if (directiveFilter(directive))
            {
                parts.Add(PrintDirective(directive));
            }
        }

        foreach (var type in schema.Types)
        {
            if (typeFilter(type))
            {
                parts.Add(PrintType(type));
            }
        }

        return string.Join("\n\n", parts);
    }

    private static string? PrintSchemaDefinition(Schema schema)
    {
        var query = RootOf(schema, OperationType.Query);
        var mutation = RootOf(schema, OperationType.Mutation);
        var subscription = RootOf(schema, OperationType.Subscription);
        if (query is null && mutation is null && subscription is null)
        {
            return null;
        }

        var hasDefaultRoots =
            query == schema.GetType("Query")
            && mutation == schema.GetType("Mutation")
            && subscription == schema.GetType("Subscription");
        if (schema.Description is null && hasDefaultRoots)
        {
            return null;
        }

        var builder = new StringBuilder(PrintDescription(schema.Description)).Append("schema {\n");
        if (query is not null)
        {
            builder.Append("  query: ").Append(query.Name).Append('\n');
        }

        if (mutation is not null)
        {
            builder.Append("  mutation: ").Append(mutation.Name).Append('\n');
        }

        if (subscription is not null)
        {
            builder.Append("  subscription: ").Append(subscription.Name).Append('\n');
        }

        return builder.Append('}').ToString();
    }

    /// <summary>The root type of an operation, counting roots of the wrong kind as graphql-js does.</summary>
    private static NamedType? RootOf(Schema schema, OperationType operation)
    {
        if (schema.GetRootType(operation) is { } root)
        {
            return root;
        }

        foreach (var (candidate, type) in schema.InvalidRootTypes)
        {
            if (candidate == operation)
            {
                return type;
            }
        }

        return null;
    }

    private static string PrintType(NamedType type) => type switch
    {
        ScalarType scalar => PrintDescription(scalar.Description) + "scalar " + scalar.Name + PrintSpecifiedByUrl(scalar),
        ObjectType obj => PrintDescription(obj.Description) + "type " + obj.Name + PrintInterfaces(obj) + PrintFields(obj),
        InterfaceType iface => PrintDescription(iface.Description) + "interface " + iface.Name + PrintInterfaces(iface) + PrintFields(iface),
        UnionType union => PrintDescription(union.Description) + "union " + union.Name + PrintMembers(union),
        EnumType enumType => PrintDescription(enumType.Description) + "enum " + enumType.Name + PrintBlock(enumType.Values.Select((value, i) =>
            PrintDescription(value.Description, "  ", i == 0) + "  " + value.Name + PrintDeprecated(value.DeprecationReason))),
        InputObjectType input => PrintDescription(input.Description) + "input " + input.Name + (input.IsOneOf ? " @oneOf" : string.Empty)
            + PrintBlock(input.Fields.Select((field, i) => PrintDescription(field.Description, "  ", i == 0) + "  " + PrintInputValue(field))),
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    // Types of the wrong kind that SDL named (kept for schema validation) print as graphql-js prints them.
    private static string PrintInterfaces(FieldsType type)
    {
        var interfaces = (type.DeclaredInterfaces?.Invoke() ?? type.Interfaces).Select(i => i.Name).ToList();
        return interfaces.Count > 0 ? " implements " + string.Join(" & ", interfaces) : string.Empty;
    }

    private static string PrintMembers(UnionType union)
    {
        var members = (union.DeclaredTypes?.Invoke() ?? union.Types).Select(t => t.Name).ToList();
        return members.Count > 0 ? " = " + string.Join(" | ", members) : string.Empty;
    }

    private static string PrintFields(FieldsType type) =>
        PrintBlock(type.Fields.Select((field, i) =>
            PrintDescription(field.Description, "  ", i == 0) + "  " + field.Name + PrintArguments(field.Arguments, "  ")
            + ": " + field.Type + PrintDeprecated(field.DeprecationReason)));

    private static string PrintBlock(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count > 0 ? " {\n" + string.Join("\n", list) + "\n}" : string.Empty;
    }

    private static string PrintArguments(IReadOnlyList<InputValue> arguments, string indentation = "")
    {
        if (arguments.Count == 0)
        {
            return string.Empty;
        }

        if (arguments.All(a => a.Description is null))
        {
            return "(" + string.Join(", ", arguments.Select(PrintInputValue)) + ")";
        }

        return "(\n"
            + string.Join("\n", arguments.Select((argument, i) =>
                PrintDescription(argument.Description, "  " + indentation, i == 0) + "  " + indentation + PrintInputValue(argument)))
            + "\n" + indentation + ")";
    }

    private static string PrintInputValue(InputValue value)
    {
        var declaration = value.Name + ": " + value.Type;
        if (value.DefaultValue is not null)
        {
            declaration += " = " + Printer.Print(value.DefaultValue);
        }

        return declaration + PrintDeprecated(value.DeprecationReason);
    }

    private static string PrintDirective(DirectiveDefinition directive) =>
        PrintDescription(directive.Description) + "directive @" + directive.Name + PrintArguments(directive.Arguments)
        + PrintDeprecated(directive.DeprecationReason)
        + (directive.IsRepeatable ? " repeatable" : string.Empty)
        + " on " + string.Join(" | ", directive.Locations.Select(DirectiveLocations.NameOf));

    private static string PrintDeprecated(string? reason) => reason switch
    {
        null => string.Empty,
        SpecifiedDirectives.DefaultDeprecationReason => " @deprecated",
        _ => " @deprecated(reason: " + Printer.PrintString(reason) + ")",
    };

    private static string PrintSpecifiedByUrl(ScalarType scalar) =>
        scalar.SpecifiedByUrl is null ? string.Empty : " @specifiedBy(url: " + Printer.PrintString(scalar.SpecifiedByUrl) + ")";

    private static string PrintDescription(string? description, string indentation = "", bool firstInBlock = true)
    {
        if (description is null)
        {
            return string.Empty;
        }

        var text = IsPrintableAsBlockString(description) ? BlockString.Print(description) : Printer.PrintString(description);
        var prefix = indentation.Length > 0 && !firstInBlock ? "\n" + indentation : indentation;
        return prefix + text.Replace("\n", "\n" + indentation, StringComparison.Ordinal) + "\n";
    }

    /// <summary>
    /// graphql-js isPrintableAsBlockString: a block string would give back the very same text
    /// (no characters it cannot hold, no blank first or last line, no common indentation).
    /// </summary>
    private static bool IsPrintableAsBlockString(string value)
    {
        if (value.Length == 0)
        {
            return true;
        }

        var isEmptyLine = true;
        var hasIndent = false;
        var hasCommonIndent = true;
        var seenNonEmptyLine = false;
        foreach (var c in value)
        {
            switch (c)
            {
                case <= '\u0008' or '\u000B' or '\u000C' or '\u000E' or '\u000F' or '\r':
                    return false;
                case '\n':
                    if (isEmptyLine && !seenNonEmptyLine)
                    {
                        return false;
                    }

                    seenNonEmptyLine = true;
                    isEmptyLine = true;
                    hasIndent = false;
                    break;
                case '\t' or ' ':
                    hasIndent |= isEmptyLine;
                    break;
                default:
                    hasCommonIndent &= hasIndent;
                    isEmptyLine = false;
                    break;
            }
        }

        return !isEmptyLine && !(hasCommonIndent && seenNonEmptyLine);
    }
}

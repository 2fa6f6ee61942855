using System.Text;
using Federation.GraphQL.Language.Syntax;

namespace Federation.Gateway.Composition;

/// <summary>
/// Prints the merged schema byte for byte as Apollo's <c>composeServices</c> prints a supergraph
/// (<c>@apollo/federation-internals</c> <c>print.ts</c> with <c>shallowOrderPrintedDefinitions</c>):
/// the schema definition with its <c>@link</c>s, then directive definitions and types each sorted
/// by name as JavaScript's <c>localeCompare</c> sorts them, elements separated by a blank line,
/// type-level directives one per line, no final newline.
/// </summary>
internal static class SupergraphPrinter
{
    private const string Indent = "  ";

    private const string EveryLocation =
        "FIELD_DEFINITION | OBJECT | INTERFACE | UNION | ARGUMENT_DEFINITION | SCALAR | ENUM | ENUM_VALUE | INPUT_OBJECT | INPUT_FIELD_DEFINITION";

    public static string Print(MergedSchema schema)
    {
        var definitions = new List<string> { PrintSchemaDefinition(schema) };
        definitions.AddRange(DirectiveDefinitions(schema).OrderBy(d => d.Name, LocaleOrder.Instance).Select(d => d.Text));
        var types = schema.Types.Values.Select(t => (t.Name, Text: PrintType(t)))
            .Concat(SpecTypes(schema))
            .OrderBy(t => t.Name, LocaleOrder.Instance);
        definitions.AddRange(types.Select(t => t.Text));
        return string.Join("\n\n", definitions);
    }

    private static string PrintSchemaDefinition(MergedSchema schema)
    {
        var links = new List<string>
        {
            "@link(url: \"https://specs.apollo.dev/link/v1.0\")",
            $"@link(url: \"https://specs.apollo.dev/join/v0.{schema.JoinMinor}\", for: EXECUTION)",
        };
        foreach (var link in schema.Links)
        {
            if (link.Url == DemandControl.Url)
            {
                // One link for both directives of the cost spec, the first one's place, @listSize imported.
                if (schema.Links.Find(l => l.Url == DemandControl.Url) == link)
                {
                    links.Add(DemandControlLink(schema));
                }

                continue;
            }

            var text = new StringBuilder("@link(url: ").Append(SupergraphValues.Quote(link.Url));
            if (link.Purpose is { } purpose)
            {
                text.Append(", for: ").Append(purpose);
            }

            if (link.Name != link.SpecName)
            {
                text.Append(", import: [{name: \"@").Append(link.SpecName).Append("\", as: \"@").Append(link.Name).Append("\"}]");
            }

            links.Add(text.Append(')').ToString());
        }

        foreach (var feature in schema.ComposedFeatures)
        {
            var imports = feature.Imports.Select(i => i.Name == i.NameInFeature ? $"\"@{i.Name}\"" : $"{{name: \"@{i.NameInFeature}\", as: \"@{i.Name}\"}}");
            links.Add($"@link(url: {SupergraphValues.Quote(feature.Url)}, import: [{string.Join(", ", imports)}])");
        }

        var roots = schema.RootKinds().Select(kind => Indent + kind + ": " + char.ToUpperInvariant(kind[0]) + kind[1..]).ToList();
        return "schema" + AppliedOnLines(links, roots.Count > 0) + (roots.Count == 0 ? "" : "{\n" + string.Join("\n", roots) + "\n}");
    }

    private static string DemandControlLink(MergedSchema schema)
    {
        var imports = new List<string>();
        foreach (var link in schema.Links.Where(l => l.Url == DemandControl.Url).OrderBy(l => l.SpecName == "cost" ? 0 : 1))
        {
            if (link.Name != link.SpecName)
            {
                imports.Add($"{{name: \"@{link.SpecName}\", as: \"@{link.Name}\"}}");
            }
            else if (link.SpecName == "listSize")
            {
                imports.Add("\"@listSize\"");
            }
        }

        return $"@link(url: {SupergraphValues.Quote(DemandControl.Url)}" + (imports.Count > 0 ? $", import: [{string.Join(", ", imports)}]" : "") + ")";
    }

    private static IEnumerable<(string Name, string Text)> DirectiveDefinitions(MergedSchema schema)
    {
        var joinField = "directive @join__field(graph: join__Graph, requires: join__FieldSet, provides: join__FieldSet, type: String, external: Boolean, override: String, usedOverridden: Boolean"
            + (schema.JoinMinor >= 4 ? ", overrideLabel: String" : "")
            + (schema.JoinMinor >= 5 ? ", contextArguments: [join__ContextArgument!]" : "")
            + ") repeatable on FIELD_DEFINITION | INPUT_FIELD_DEFINITION";
        yield return ("join__enumValue", "directive @join__enumValue(graph: join__Graph!) repeatable on ENUM_VALUE");
        yield return ("join__field", joinField);
        yield return ("join__graph", "directive @join__graph(name: String!, url: String!) on ENUM_VALUE");
        yield return ("join__implements", "directive @join__implements(graph: join__Graph!, interface: String!) repeatable on OBJECT | INTERFACE");
        yield return ("join__type", "directive @join__type(graph: join__Graph!, key: join__FieldSet, extension: Boolean! = false, resolvable: Boolean! = true, isInterfaceObject: Boolean! = false) repeatable on OBJECT | INTERFACE | UNION | ENUM | INPUT_OBJECT | SCALAR");
        yield return ("join__unionMember", "directive @join__unionMember(graph: join__Graph!, member: String!) repeatable on UNION");
        if (schema.JoinMinor >= 4)
        {
            yield return ("join__directive", "directive @join__directive(graphs: [join__Graph!], name: String!, args: join__DirectiveArguments) repeatable on SCHEMA | OBJECT | INTERFACE | FIELD_DEFINITION");
        }

        yield return ("link", "directive @link(url: String, as: String, for: link__Purpose, import: [link__Import]) repeatable on SCHEMA");
        foreach (var directive in schema.Directives)
        {
            yield return (directive.Name, Description(directive.Description, "", true) + "directive @" + directive.Name + Arguments(directive.Arguments, "")
                + (directive.Repeatable ? " repeatable" : "") + " on " + string.Join(" | ", directive.Locations));
        }

        foreach (var link in schema.Links)
        {
            if (link.Url == DemandControl.Url)
            {
                // The cost spec's link brings both its directives, the unused one under the spec's prefix.
                if (schema.Links.Find(l => l.Url == DemandControl.Url) == link)
                {
                    var cost = schema.Links.Find(l => l.SpecName == "cost")?.Name ?? "cost";
                    var listSize = schema.Links.Find(l => l.SpecName == "listSize")?.Name ?? "cost__listSize";
                    yield return (cost, DemandControl.Definition("cost", cost));
                    yield return (listSize, DemandControl.Definition("listSize", listSize));
                }

                continue;
            }

            if (link.SpecName == "cacheTag")
            {
                // Carried as @join__directive: Apollo defines no @cacheTag in the supergraph.
                continue;
            }

            yield return link.SpecName switch
            {
                "tag" => (link.Name, $"directive @{link.Name}(name: String!) repeatable on {EveryLocation} | SCHEMA"),
                "inaccessible" => (link.Name, $"directive @{link.Name} on {EveryLocation}"),
                _ => (link.Name, AccessControlDefinition(link)),
            };
        }
    }

    private static string AccessControlDefinition(LinkedSpec link)
    {
        var (_, _, argument, scalar) = Array.Find(AccessControl.Specs, s => s.SpecName == link.SpecName);
        return argument is null
            ? $"directive @{link.Name} on {AccessControl.Locations}"
            : $"directive @{link.Name}({argument}: [[{scalar}!]!]!) on {AccessControl.Locations}";
    }

    private static IEnumerable<(string Name, string Text)> SpecTypes(MergedSchema schema)
    {
        foreach (var (specName, _, _, scalar) in AccessControl.Specs)
        {
            if (scalar is not null && schema.Links.Exists(l => l.SpecName == specName))
            {
                yield return (scalar, "scalar " + scalar);
            }
        }

        yield return ("join__FieldSet", "scalar join__FieldSet");
        var graphs = schema.Subgraphs.Select(s => $"{Indent}{s.GraphName} @join__graph(name: {SupergraphValues.Quote(s.Name)}, url: {SupergraphValues.Quote(s.Url)})");
        yield return ("join__Graph", "enum join__Graph {\n" + string.Join("\n", graphs) + "\n}");
        if (schema.JoinMinor >= 4)
        {
            yield return ("join__DirectiveArguments", "scalar join__DirectiveArguments");
        }

        if (schema.JoinMinor >= 5)
        {
            yield return ("join__FieldValue", "scalar join__FieldValue");
            yield return ("join__ContextArgument", "input join__ContextArgument {\n  name: String!\n  type: String!\n  context: String!\n  selection: join__FieldValue!\n}");
        }

        yield return ("link__Import", "scalar link__Import");
        yield return ("link__Purpose",
            "enum link__Purpose {\n"
            + "  \"\"\"\n  `SECURITY` features provide metadata necessary to securely resolve fields.\n  \"\"\"\n  SECURITY\n\n"
            + "  \"\"\"\n  `EXECUTION` features provide metadata necessary for operation execution.\n  \"\"\"\n  EXECUTION\n}");
    }

    private static string PrintType(MergedType type)
    {
        var head = Description(type.Description, "", true);
        switch (type.Kind)
        {
            case TypeKind.Scalar:
                return head + "scalar " + type.Name + AppliedOnLines(type.Directives, false);
            case TypeKind.Union:
                return head + "union " + type.Name + AppliedOnLines(type.Directives, type.Members.Count > 0)
                    + (type.Members.Count > 0 ? " = " + string.Join(" | ", type.Members) : "");
            case TypeKind.Enum:
                var values = type.Values.Select((v, i) => Description(v.Description, Indent, i == 0) + Indent + v.Name + Applied(v.Directives)).ToList();
                return head + "enum " + type.Name + AppliedOnLines(type.Directives, values.Count > 0)
                    + (type.Directives.Count == 0 && values.Count > 0 ? " " : "") + Block(values);
            default:
                var keyword = type.Kind switch { TypeKind.Object => "type ", TypeKind.Interface => "interface ", _ => "input " };
                var implements = type.Interfaces.Count > 0 ? " implements " + string.Join(" & ", type.Interfaces) : "";
                var fields = type.Fields.Select((f, i) => Description(f.Description, Indent, i == 0) + Indent + Field(f) + Applied(f.Directives)).ToList();
                return head + keyword + type.Name + implements + AppliedOnLines(type.Directives, fields.Count > 0)
                    + (type.Directives.Count == 0 && fields.Count > 0 ? " " : "") + Block(fields);
        }
    }

    private static string Field(MergedField field)
    {
        var text = field.Name + Arguments(field.Arguments, Indent) + ": " + TypeReferences.Print(field.Type);
        return field.DefaultValue is { } value ? text + " = " + SupergraphValues.Print(value, field.Type) : text;
    }

    private static string Arguments(List<MergedArgument> arguments, string indentation)
    {
        if (arguments.Count == 0)
        {
            return "";
        }

        if (arguments.TrueForAll(a => string.IsNullOrEmpty(a.Description)))
        {
            return "(" + string.Join(", ", arguments.Select(Argument)) + ")";
        }

        var lines = arguments.Select((a, i) => Description(a.Description, Indent + indentation, i == 0) + Indent + indentation + Argument(a));
        return "(\n" + string.Join("\n", lines) + "\n" + indentation + ")";
    }

    private static string Argument(MergedArgument argument) =>
        argument.Name + ": " + TypeReferences.Print(argument.Type)
        + (argument.DefaultValue is { } value ? " = " + SupergraphValues.Print(value, argument.Type) : "")
        + Applied(argument.Directives);

    private static string Applied(List<string> directives) => directives.Count == 0 ? "" : " " + string.Join(" ", directives);

    private static string AppliedOnLines(List<string> directives, bool endWithNewLine) =>
        directives.Count == 0 ? "" : "\n" + Indent + string.Join("\n" + Indent, directives) + (endWithNewLine ? "\n" : "");

    private static string Block(List<string> items) => items.Count == 0 ? "" : "{\n" + string.Join("\n", items) + "\n}";

    /// <summary>Apollo's <c>printDescription</c>: a block string, a blank line before it inside a block unless it comes first.</summary>
    private static string Description(string? description, string indentation, bool firstInBlock)
    {
        if (description is null)
        {
            return "";
        }

        var block = BlockString(description, description.Length > 70);
        var prefix = indentation.Length > 0 && !firstInBlock ? "\n" + indentation : indentation;
        return prefix + block.Replace("\n", "\n" + indentation, StringComparison.Ordinal) + "\n";
    }

    /// <summary>graphql-js's <c>printBlockString</c> as Apollo's printer calls it.</summary>
    private static string BlockString(string value, bool preferMultipleLines)
    {
        var isSingleLine = !value.Contains('\n', StringComparison.Ordinal);
        var hasLeadingSpace = value.Length > 0 && value[0] is ' ' or '\t';
        var hasTrailingQuote = value.EndsWith('"');
        var hasTrailingSlash = value.EndsWith('\\');
        var multipleLines = !isSingleLine || hasTrailingQuote || hasTrailingSlash || preferMultipleLines;
        var result = new StringBuilder();
        if (multipleLines && !(isSingleLine && hasLeadingSpace))
        {
            result.Append('\n');
        }

        result.Append(value);
        if (multipleLines)
        {
            result.Append('\n');
        }

        return "\"\"\"" + result.ToString().Replace("\"\"\"", "\\\"\"\"", StringComparison.Ordinal) + "\"\"\"";
    }
}

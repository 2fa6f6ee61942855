using System.Text;
using Federation.GraphQL.Language.Syntax;

namespace Federation.Protocol.Spec;

/// <summary>
/// The definitions a Federation v2 subgraph adds to its schema, named as the subgraph's
/// <c>@link(url: "https://specs.apollo.dev/federation/v2.x", import: [...])</c> asks: an imported
/// element keeps its name (or takes its <c>as</c>), any other is prefixed with the link's
/// namespace, <c>federation__</c> by default.
/// https://www.apollographql.com/docs/graphos/schema-design/federated-schemas/reference/subgraph-spec#subgraph-schema-additions
/// </summary>
public sealed class FederationSpec
{
    /// <summary>The federation link's URL up to its minor version.</summary>
    public const string UrlPrefix = "https://specs.apollo.dev/federation/v2.";

    private const string EveryLocation =
        "FIELD_DEFINITION | OBJECT | INTERFACE | UNION | ARGUMENT_DEFINITION | SCALAR | ENUM | ENUM_VALUE | INPUT_OBJECT | INPUT_FIELD_DEFINITION";

    private const string AuthLocations = "FIELD_DEFINITION | OBJECT | INTERFACE | SCALAR | ENUM";

    // Each directive of the federation v2 spec with its arguments and locations; {FieldSet},
    // {Scope}, {Policy} and {ContextFieldValue} stand for the local names of the spec's scalars.
    private static readonly (string Name, string Definition)[] Directives =
    [
        ("key", "(fields: {FieldSet}!, resolvable: Boolean = true) repeatable on OBJECT | INTERFACE"),
        ("requires", "(fields: {FieldSet}!) on FIELD_DEFINITION"),
        ("provides", "(fields: {FieldSet}!) on FIELD_DEFINITION"),
        ("external", " on OBJECT | FIELD_DEFINITION"),
        ("shareable", " repeatable on OBJECT | FIELD_DEFINITION"),
        ("inaccessible", " on " + EveryLocation),
        ("override", "(from: String!, label: String) on FIELD_DEFINITION"),
        ("tag", "(name: String!) repeatable on " + EveryLocation),
        ("composeDirective", "(name: String!) repeatable on SCHEMA"),
        ("interfaceObject", " on OBJECT"),
        ("extends", " on OBJECT | INTERFACE"),
        ("authenticated", " on " + AuthLocations),
        ("requiresScopes", "(scopes: [[{Scope}!]!]!) on " + AuthLocations),
        ("policy", "(policies: [[{Policy}!]!]!) on " + AuthLocations),
        ("context", "(name: String!) repeatable on INTERFACE | OBJECT | UNION"),
        ("fromContext", "(field: {ContextFieldValue}) on ARGUMENT_DEFINITION"),
        ("cost", "(weight: Int!) on ARGUMENT_DEFINITION | ENUM | FIELD_DEFINITION | INPUT_FIELD_DEFINITION | OBJECT | SCALAR"),
        ("listSize", "(assumedSize: Int, slicingArguments: [String!], sizedFields: [String!], requireOneSlicingArgument: Boolean = true) on FIELD_DEFINITION"),
        ("cacheTag", "(format: String!) repeatable on OBJECT | FIELD_DEFINITION"),
    ];

    private static readonly string[] Scalars = ["FieldSet", "Scope", "Policy", "ContextFieldValue"];

    private readonly Dictionary<string, string> localNames = new(StringComparer.Ordinal);

    private FederationSpec(string prefix) => Prefix = prefix;

    /// <summary>The link's namespace prefix, <c>federation__</c> unless <c>as:</c> renames it.</summary>
    public string Prefix { get; }

    /// <summary>
    /// Reads the federation <c>@link</c> of the subgraph's <c>schema</c> definition or extensions.
    /// </summary>
    /// <exception cref="ArgumentException">No federation v2 link, or an import the spec does not define.</exception>
    public static FederationSpec FromLink(DocumentNode document)
    {
        var link = Link(document)
            ?? throw new ArgumentException(
                $"The subgraph SDL has no `extend schema @link(url: \"{UrlPrefix}x\", import: [...])`; only Federation v2 subgraphs are supported.");

        var prefix = (StringArgument(link, "as") ?? "federation") + "__";
        var spec = new FederationSpec(prefix);
        if (Argument(link, "import") is not { } imports)
        {
            return spec;
        }

        foreach (var import in imports is ListValueNode list ? list.Values : [imports])
        {
            var (name, alias) = import switch
            {
                StringValueNode text => (text.Value, text.Value),
                ObjectValueNode entry => (Field(entry, "name") ?? "", Field(entry, "as") ?? Field(entry, "name") ?? ""),
                _ => ("", ""),
            };
            var known = name.StartsWith('@')
                ? Array.Exists(Directives, d => "@" + d.Name == name)
                : Array.IndexOf(Scalars, name) >= 0;
            if (!known || name.StartsWith('@') != alias.StartsWith('@'))
            {
                throw new ArgumentException($"The federation link imports \"{name}\", which Federation v2 does not define (or renames it to \"{alias}\").");
            }

            spec.localNames[name.TrimStart('@')] = alias.TrimStart('@');
        }

        return spec;
    }

    /// <summary>The name the subgraph uses for the spec's directive or scalar <paramref name="specName"/> (no <c>@</c>).</summary>
    public string LocalName(string specName) =>
        localNames.TryGetValue(specName, out var local) ? local : Prefix + specName;

    /// <summary>
    /// The directive and scalar definitions, plus the link spec's own (<c>@link</c>, <c>link__Import</c>,
    /// <c>link__Purpose</c>), leaving out any the subgraph's SDL already defines (some subgraphs
    /// carry the definitions, as Apollo's tools print them).
    /// </summary>
    public string Definitions(DocumentNode subgraph)
    {
        var written = new HashSet<string>(StringComparer.Ordinal);
        foreach (var definition in subgraph.Definitions)
        {
            switch (definition)
            {
                case DirectiveDefinitionNode directive:
                    written.Add("@" + directive.Name.Value);
                    break;
                case TypeDefinitionNode type:
                    written.Add(type.Name.Value);
                    break;
            }
        }

        var sdl = new StringBuilder();
        if (!written.Contains("@link"))
        {
            sdl.Append("directive @link(url: String!, as: String, for: link__Purpose, import: [link__Import]) repeatable on SCHEMA\n");
        }

        if (!written.Contains("link__Import"))
        {
            sdl.Append("scalar link__Import\n");
        }

        if (!written.Contains("link__Purpose"))
        {
            sdl.Append("enum link__Purpose { SECURITY EXECUTION }\n");
        }

        foreach (var scalar in Scalars)
        {
            if (!written.Contains(LocalName(scalar)))
            {
                sdl.Append("scalar ").Append(LocalName(scalar)).Append('\n');
            }
        }

        foreach (var (name, definition) in Directives)
        {
            if (written.Contains("@" + LocalName(name)))
            {
                continue;
            }

            var text = definition;
            foreach (var scalar in Scalars)
            {
                text = text.Replace("{" + scalar + "}", LocalName(scalar), StringComparison.Ordinal);
            }

            sdl.Append("directive @").Append(LocalName(name)).Append(text).Append('\n');
        }

        return sdl.ToString();
    }

    /// <summary>The first <c>@link</c> on the schema definition or an extension whose url starts with <paramref name="urlPrefix"/> (by default, federation v2's).</summary>
    public static DirectiveNode? Link(DocumentNode document, string urlPrefix = UrlPrefix)
    {
        foreach (var definition in document.Definitions)
        {
            var directives = definition switch
            {
                SchemaDefinitionNode schema => schema.Directives,
                SchemaExtensionNode extension => extension.Directives,
                _ => [],
            };
            foreach (var directive in directives)
            {
                if (directive.Name.Value == "link" && StringArgument(directive, "url") is { } url && url.StartsWith(urlPrefix, StringComparison.Ordinal))
                {
                    return directive;
                }
            }
        }

        return null;
    }

    /// <summary>The value of <paramref name="directive"/>'s argument <paramref name="name"/>, or null when it has none.</summary>
    public static ValueNode? Argument(DirectiveNode directive, string name)
    {
        foreach (var argument in directive.Arguments)
        {
            if (argument.Name.Value == name)
            {
                return argument.Value;
            }
        }

        return null;
    }

    /// <summary>The string value of <paramref name="directive"/>'s argument <paramref name="name"/>, or null when it has none or another kind.</summary>
    public static string? StringArgument(DirectiveNode directive, string name) => (Argument(directive, name) as StringValueNode)?.Value;

    private static string? Field(ObjectValueNode entry, string name)
    {
        foreach (var field in entry.Fields)
        {
            if (field.Name.Value == name)
            {
                return (field.Value as StringValueNode)?.Value;
            }
        }

        return null;
    }
}

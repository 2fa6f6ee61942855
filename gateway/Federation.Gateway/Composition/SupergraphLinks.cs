using Federation.GraphQL.Language.Syntax;
using Federation.Protocol.Spec;

namespace Federation.Gateway.Composition;

/// <summary>
/// The specs a supergraph links (<c>@link</c> on its schema definition) and the names they give
/// their directives there: <c>@inaccessible</c> and <c>@tag</c> may be imported under other names.
/// https://specs.apollo.dev/link/v1.0
/// </summary>
internal sealed class SupergraphLinks
{
    private SupergraphLinks(string inaccessible, string tag, IReadOnlyList<string> accessControl)
    {
        Inaccessible = inaccessible;
        Tag = tag;
        AccessControl = accessControl;
    }

    public string Inaccessible { get; }

    public string Tag { get; }

    /// <summary>The access-control specs linked (<c>authenticated</c>, <c>requiresScopes</c>, <c>policy</c>): rules for the router to enforce.</summary>
    public IReadOnlyList<string> AccessControl { get; }

    /// <exception cref="FormatException">No link to the join spec.</exception>
    public static SupergraphLinks Read(DocumentNode document)
    {
        var links = document.Definitions
            .SelectMany(d => d switch { SchemaDefinitionNode s => s.Directives, SchemaExtensionNode e => e.Directives, _ => [] })
            .Where(d => d.Name.Value == "link")
            .ToList();
        if (!links.Exists(l => FederationSpec.StringArgument(l, "url")?.StartsWith("https://specs.apollo.dev/join/v0.", StringComparison.Ordinal) == true))
        {
            throw new FormatException("The supergraph does not link the join spec (@link(url: \"https://specs.apollo.dev/join/v0.x\")): it is not a supergraph.");
        }

        var accessControl = Composition.AccessControl.Specs.Select(s => s.SpecName)
            .Where(spec => links.Exists(l => FederationSpec.StringArgument(l, "url")?.Contains($"specs.apollo.dev/{spec}/", StringComparison.Ordinal) == true))
            .ToList();
        return new SupergraphLinks(NameOf(links, "inaccessible"), NameOf(links, "tag"), accessControl);
    }

    /// <summary>The join and link definitions a supergraph carries for routers, never part of the API.</summary>
    public static bool IsMachinery(string name) =>
        name.StartsWith("join__", StringComparison.Ordinal) || name.StartsWith("link__", StringComparison.Ordinal) || name == "link";

    public bool IsInaccessible(IReadOnlyList<DirectiveNode> directives) => directives.Any(d => d.Name.Value == Inaccessible);

    private static string NameOf(List<DirectiveNode> links, string spec)
    {
        var link = links.Find(l => FederationSpec.StringArgument(l, "url")?.Contains($"specs.apollo.dev/{spec}/", StringComparison.Ordinal) == true);
        if (link is null)
        {
            return spec;
        }

        if (FederationSpec.Argument(link, "import") is ListValueNode imports)
        {
            foreach (var import in imports.Values.OfType<ObjectValueNode>())
            {
                var name = import.Fields.FirstOrDefault(f => f.Name.Value == "name")?.Value as StringValueNode;
                var alias = import.Fields.FirstOrDefault(f => f.Name.Value == "as")?.Value as StringValueNode;
                if (name?.Value == "@" + spec && alias is not null)
                {
                    return alias.Value.TrimStart('@');
                }
            }
        }

        return FederationSpec.StringArgument(link, "as") is { } prefix ? prefix : spec;
    }
}

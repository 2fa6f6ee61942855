using System.Diagnostics.CodeAnalysis;
using Federation.GraphQL.Language;
using Federation.GraphQL.Language.Syntax;
using Federation.GraphQL.Types;

namespace Federation.Protocol.Spec;

/// <summary>
/// A Federation v2 subgraph's SDL completed as the subgraph specification asks: the federation
/// directive and scalar definitions its <c>@link</c> names (<see cref="FederationSpec"/>), <c>_Any</c>,
/// <c>_Service</c>, <c>Query._service</c> and — when there are entities — <c>_Entity</c> and
/// <c>Query._entities</c>. A subgraph server builds its schema from it, and the gateway's composition
/// checks a subgraph with the same reading.
/// https://www.apollographql.com/docs/graphos/schema-design/federated-schemas/reference/subgraph-spec#subgraph-schema-additions
/// </summary>
public sealed class SubgraphDocument
{
    private readonly Dictionary<string, List<(string Fields, bool Resolvable)>> keys;

    private SubgraphDocument(FederationSpec spec, DocumentNode document, Dictionary<string, List<(string Fields, bool Resolvable)>> keys)
    {
        Spec = spec;
        Document = document;
        this.keys = keys;
    }

    public FederationSpec Spec { get; }

    /// <summary>The SDL with the additions; an <c>extend type X</c> of a type the SDL does not define defines it.</summary>
    public DocumentNode Document { get; }

    /// <summary>The object types with a <c>@key</c>: the members of <c>_Entity</c>.</summary>
    public IReadOnlyCollection<string> EntityTypes => keys.Keys;

    /// <exception cref="ArgumentException">No federation link, an unknown import, or a <c>@key</c> without a string <c>fields</c>.</exception>
    /// <exception cref="GraphQLSyntaxException">The SDL does not parse.</exception>
    public static SubgraphDocument Parse([StringSyntax("graphql")] string sdl)
    {
        var document = OrphanExtensionsAsDefinitions(Parser.Parse(sdl, ParserOptions.Unlimited));
        var spec = FederationSpec.FromLink(document);
        var keyed = KeyedObjectTypes(document, spec.LocalName("key"));
        var additions = spec.Definitions(document) + SubgraphAdditions(document, keyed.Keys);
        return new SubgraphDocument(spec, new DocumentNode([.. document.Definitions, .. Parser.Parse(additions).Definitions]), keyed);
    }

    /// <summary>Each entity type's resolvable keys, in SDL order, read against <paramref name="schema"/> (built from <see cref="Document"/>).</summary>
    /// <exception cref="ArgumentException">A key (resolvable or not) names fields the type does not have.</exception>
    public IReadOnlyDictionary<string, IReadOnlyList<FieldSet>> ResolvableKeys(Schema schema)
    {
        var resolvable = new Dictionary<string, IReadOnlyList<FieldSet>>(StringComparer.Ordinal);
        foreach (var (typeName, typeKeys) in keys)
        {
            var type = (ObjectType)schema.GetType(typeName)!;
            var sets = new List<FieldSet>();
            foreach (var (fields, isResolvable) in typeKeys)
            {
                var fieldSet = FieldSet.Parse(fields, type);
                if (isResolvable)
                {
                    sets.Add(fieldSet);
                }
            }

            resolvable[typeName] = sets;
        }

        return resolvable;
    }

    /// <summary>
    /// Federation v2 reads <c>extend type X</c> of a type the subgraph does not define as its
    /// definition (subgraphs extend types other subgraphs own); the first such extension becomes one.
    /// </summary>
    private static DocumentNode OrphanExtensionsAsDefinitions(DocumentNode document)
    {
        var defined = new HashSet<string>(StringComparer.Ordinal);
        foreach (var definition in document.Definitions)
        {
            if (definition is TypeDefinitionNode type)
            {
                defined.Add(type.Name.Value);
            }
        }

        var definitions = new List<DefinitionNode>(document.Definitions.Count);
        foreach (var definition in document.Definitions)
        {
            definitions.Add(definition is ObjectTypeExtensionNode extension && defined.Add(extension.Name.Value)
                ? new ObjectTypeDefinitionNode(extension.Name, extension.Interfaces, extension.Directives, extension.Fields) { Location = extension.Location }
                : definition);
        }

        return document with { Definitions = definitions };
    }

    /// <summary>Object types (definitions and extensions) with their <c>@key</c> field sets and whether each is resolvable.</summary>
    private static Dictionary<string, List<(string Fields, bool Resolvable)>> KeyedObjectTypes(DocumentNode document, string keyDirective)
    {
        var keyed = new Dictionary<string, List<(string, bool)>>(StringComparer.Ordinal);
        foreach (var definition in document.Definitions)
        {
            var (name, directives) = definition switch
            {
                ObjectTypeDefinitionNode type => (type.Name.Value, type.Directives),
                ObjectTypeExtensionNode extension => (extension.Name.Value, extension.Directives),
                _ => (null, []),
            };
            foreach (var directive in directives)
            {
                if (name is null || directive.Name.Value != keyDirective)
                {
                    continue;
                }

                var fields = FederationSpec.StringArgument(directive, "fields")
                    ?? throw new ArgumentException($"@{keyDirective} on {name} needs a string \"fields\" argument.");
                var resolvable = FederationSpec.Argument(directive, "resolvable") is not BooleanValueNode { Value: false };
                if (!keyed.TryGetValue(name, out var keys))
                {
                    keyed[name] = keys = [];
                }

                keys.Add((fields, resolvable));
            }
        }

        return keyed;
    }

    /// <summary>
    /// <c>_Any</c>, <c>_Service</c>, <c>_Entity</c> and the two fields on <c>Query</c>; <c>_entities</c>
    /// and <c>_Entity</c> only when the subgraph has entities, as the spec allows.
    /// </summary>
    private static string SubgraphAdditions(DocumentNode document, IEnumerable<string> entityTypes)
    {
        var members = string.Join(" | ", entityTypes);
        var hasQuery = document.Definitions.Any(d => d is ObjectTypeDefinitionNode { Name.Value: "Query" });
        return "scalar _Any\n"
            + "type _Service { sdl: String! }\n"
            + (members.Length > 0 ? $"union _Entity = {members}\n" : "")
            + (hasQuery ? "extend type Query {\n" : "type Query {\n")
            + (members.Length > 0 ? "  _entities(representations: [_Any!]!): [_Entity]!\n" : "")
            + "  _service: _Service!\n}\n";
    }
}

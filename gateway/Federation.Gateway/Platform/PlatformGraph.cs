using System.Reflection;
using Federation.Gateway.Auditing;
using Federation.Gateway.Sharing;
using Federation.GraphQL;
using Federation.GraphQL.Execution;
using Federation.GraphQL.Language;
using Federation.GraphQL.Language.Syntax;
using Federation.GraphQL.Types;
using Federation.GraphQL.Types.Building;

namespace Federation.Gateway.Platform;

/// <summary>
/// The schema the gateway serves: the supergraph's API schema extended with the platform's own
/// part (<c>Platform/platform.graphql</c>: the catalogue, share applications and grants;
/// <c>Platform/audit.graphql</c>: the audit trail for security staff; <c>Platform/cache.graphql</c>: the
/// competent department's cache eviction), whose fields the gateway
/// resolves itself. Made once per supergraph.
/// </summary>
internal sealed class PlatformGraph
{
    /// <summary>
    /// The root fields of <c>Query</c> anyone may read, without a token when so configured: the
    /// published catalogue (Ningbo art. 11; Zhengzhou art. 16).
    /// </summary>
    public static readonly IReadOnlySet<string> PublicRootFields = new HashSet<string>(StringComparer.Ordinal) { "catalogue", "catalogueResource" };

    private static readonly Lazy<DocumentNode> Sdl = new(() => Parser.Parse(ReadSdl(), ParserOptions.Unlimited));

    private readonly HashSet<string> rootFields;

    private PlatformGraph(Schema schema, HashSet<string> rootFields, HashSet<string> coordinates)
    {
        Schema = schema;
        this.rootFields = rootFields;
        Coordinates = coordinates;
    }

    /// <summary>The served schema: API schema and platform part, with the platform's resolvers bound.</summary>
    public Schema Schema { get; }

    /// <summary>
    /// Every field the platform defines, as coordinates (<c>Query.grants</c>, <c>Grant.agency</c>):
    /// the gateway's own data, covered by no catalogue resource and fetched from no subgraph.
    /// </summary>
    public IReadOnlySet<string> Coordinates { get; }

    /// <summary>The platform's SDL, as served.</summary>
    public static string SdlText => ReadSdl();

    /// <summary>Whether <paramref name="fieldName"/> of the root type <paramref name="rootTypeName"/> is resolved by the platform.</summary>
    public bool IsRootField(string rootTypeName, string fieldName) => rootFields.Contains(rootTypeName + "." + fieldName);

    /// <summary>
    /// Extends <paramref name="api"/> with the platform's part and binds its resolvers to <paramref name="workflow"/>
    /// and, for the audit part, to <paramref name="auditing"/> (null when no trail is kept: its fields then refuse), and the
    /// competent department's cache eviction to <paramref name="eviction"/> (null: it refuses).
    /// </summary>
    /// <exception cref="InvalidOperationException">A platform type or root field has the name of one of the supergraph's.</exception>
    public static PlatformGraph Serve(Schema api, ShareWorkflow workflow, AuditReading? auditing = null, ServedEviction? eviction = null)
    {
        var document = Sdl.Value;
        var clashes = Clashes(api, document);
        if (clashes.Count > 0)
        {
            throw new InvalidOperationException(
                "The platform's part of the graph clashes with the supergraph, which defines " + string.Join(", ", clashes) +
                " too. Rename the subgraphs' elements: the platform's names are part of its published API.");
        }

        var schema = SchemaBuilder.Extend(api, ForSchema(api, document));
        var rootFields = new HashSet<string>(StringComparer.Ordinal);
        var coordinates = new HashSet<string>(StringComparer.Ordinal);
        foreach (var definition in document.Definitions)
        {
            switch (definition)
            {
                case ObjectTypeExtensionNode extension:
                    foreach (var field in extension.Fields)
                    {
                        rootFields.Add(extension.Name.Value + "." + field.Name.Value);
                        coordinates.Add(extension.Name.Value + "." + field.Name.Value);
                    }

                    break;
                case ObjectTypeDefinitionNode type:
                    foreach (var field in type.Fields)
                    {
                        // Platform objects are maps keyed by field name, not the merged tree keyed by response name.
                        schema.Bind(type.Name.Value + "." + field.Name.Value, DefaultResolvers.Field);
                        coordinates.Add(type.Name.Value + "." + field.Name.Value);
                    }

                    break;
            }
        }

        return new PlatformGraph(CacheResolvers.BindTo(AuditResolvers.BindTo(PlatformResolvers.BindTo(schema, workflow), auditing), eviction), rootFields, coordinates);
    }

    /// <summary>
    /// Separates the platform's root fields from the rest (<see cref="PlatformSplit"/>); the
    /// document is returned as it is when the operation selects none of them.
    /// </summary>
    public PlatformSplit Split(DocumentNode document, string? operationName) => PlatformSplit.Of(this, document, operationName);

    /// <inheritdoc cref="Split(DocumentNode, string?)"/>
    public PlatformSplit Split(DocumentNode document, OperationDefinitionNode operation, IReadOnlyDictionary<string, FragmentDefinitionNode> fragments) =>
        PlatformSplit.Of(this, document, operation, fragments);

    /// <summary>The supergraph's types and root fields that the platform's SDL defines as well.</summary>
    private static List<string> Clashes(Schema api, DocumentNode document)
    {
        var clashes = new List<string>();
        foreach (var definition in document.Definitions)
        {
            switch (definition)
            {
                case TypeDefinitionNode type when api.GetType(type.Name.Value) is not null:
                    clashes.Add("type " + type.Name.Value);
                    break;
                case ObjectTypeExtensionNode extension when api.GetType(extension.Name.Value) is FieldsType root:
                    clashes.AddRange(extension.Fields.Where(f => root.GetField(f.Name.Value) is not null).Select(f => extension.Name.Value + "." + f.Name.Value));
                    break;
            }
        }

        return clashes;
    }

    /// <summary>
    /// The SDL adapted to the supergraph: the date scalars it lacks declared, and the root types
    /// it lacks (a supergraph without mutations) defined rather than extended.
    /// </summary>
    private static DocumentNode ForSchema(Schema api, DocumentNode document)
    {
        var definitions = new List<DefinitionNode>();
        foreach (var scalar in new[] { "DateTime", "Date" })
        {
            if (api.GetType(scalar) is null)
            {
                definitions.Add(new ScalarTypeDefinitionNode(new NameNode(scalar), []));
            }
        }

        var added = new List<OperationTypeDefinitionNode>();
        foreach (var definition in document.Definitions)
        {
            if (definition is ObjectTypeExtensionNode extension && api.GetType(extension.Name.Value) is null)
            {
                definitions.Add(new ObjectTypeDefinitionNode(extension.Name, extension.Interfaces, extension.Directives, extension.Fields));
                added.Add(new OperationTypeDefinitionNode(extension.Name.Value == "Mutation" ? OperationType.Mutation : OperationType.Query, new NamedTypeNode(extension.Name)));
                continue;
            }

            definitions.Add(definition);
        }

        if (added.Count > 0)
        {
            definitions.Add(new SchemaExtensionNode([], added));
        }

        return new DocumentNode(definitions);
    }

    private static string ReadSdl() => ReadResource("platform.graphql") + "\n" + ReadResource("audit.graphql") + "\n" + ReadResource("cache.graphql");

    private static string ReadResource(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The gateway was built without the platform's SDL ({name}).");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

using System.Diagnostics.CodeAnalysis;
using Federation.Gateway.Catalogue;
using Federation.GraphQL;
using Federation.GraphQL.Language;
using Federation.GraphQL.Language.Syntax;
using Federation.GraphQL.Types;
using Federation.GraphQL.Types.Building;
using Federation.Protocol.Spec;

namespace Federation.Gateway.Composition;

/// <summary>
/// A supergraph read from its SDL (Apollo's format, <c>join/v0.3</c> to <c>v0.5</c>), immutable:
/// the subgraphs, for each type the subgraphs that define it with their keys, for each field the
/// subgraphs that define it with <c>@external</c>/<c>@requires</c>/<c>@provides</c>/<c>@override</c>,
/// union members and interface implementations per subgraph — what the query planner needs — and
/// the <see cref="ApiSchema"/> clients see.
/// https://specs.apollo.dev/join/v0.4
/// </summary>
public sealed class Supergraph
{
    /// <summary>The supergraph's file in the schema directory, beside the subgraph config.</summary>
    public const string FileName = "supergraph.graphql";

    private readonly Dictionary<string, SupergraphType> types;

    private Supergraph(string sdl, IReadOnlyList<SupergraphSubgraph> subgraphs, Dictionary<string, SupergraphType> types, DocumentNode apiDocument, Schema apiSchema, ShareCatalogue? catalogue)
    {
        Catalogue = catalogue;
        Sdl = sdl;
        Subgraphs = subgraphs;
        this.types = types;
        ApiDocument = apiDocument;
        ApiSchema = apiSchema;
    }

    public string Sdl { get; }

    /// <summary>
    /// The share catalogue this supergraph is served with, which covers it (<see cref="CatalogueCoverage"/>);
    /// its NOT_SHARED fields are not in <see cref="ApiSchema"/>. Null for a supergraph read without one.
    /// </summary>
    internal ShareCatalogue? Catalogue { get; }

    public IReadOnlyList<SupergraphSubgraph> Subgraphs { get; }

    /// <summary>Every type of the supergraph except the join and link machinery, by name.</summary>
    public IReadOnlyDictionary<string, SupergraphType> Types => types;

    /// <summary>
    /// The public schema: without the join and link machinery and without <c>@inaccessible</c>
    /// elements, as Apollo's API schema; ready for validation and execution. Custom scalars pass
    /// values through, as a router leaves them to the subgraphs.
    /// </summary>
    public Schema ApiSchema { get; }

    /// <summary>
    /// The API schema as a document, to build it with other scalar implementations, e.g.
    /// <c>AgencyScalars.BuildSchema(supergraph.ApiDocument, AgencyScalars.All())</c> to check
    /// identifiers at the gateway as the subgraphs do.
    /// </summary>
    public DocumentNode ApiDocument { get; }

    /// <summary>
    /// The access-control specs the supergraph links (<c>authenticated</c>, <c>requiresScopes</c>,
    /// <c>policy</c>). This gateway authorizes by the share catalogue and does not enforce them, so
    /// it refuses to serve a supergraph that has any (<see cref="SupergraphSource"/>).
    /// </summary>
    public IReadOnlyList<string> AccessControlSpecs { get; private init; } = [];

    public SupergraphSubgraph? Subgraph(string name) => Subgraphs.FirstOrDefault(s => s.Name == name);

    public SupergraphType? Type(string name) => types.GetValueOrDefault(name);

    /// <exception cref="FormatException">The text is not a supergraph: no join link, no <c>join__Graph</c>, or not a valid schema.</exception>
    public static Supergraph Parse([StringSyntax("graphql")] string supergraphSdl) => Parse(supergraphSdl, null);

    /// <summary>
    /// As <see cref="Parse(string)"/>, served with <paramref name="catalogue"/>: the fields of its
    /// NOT_SHARED resources are left out of the API schema, as <c>@inaccessible</c> ones are, so
    /// introspection and validation do not know them. Check coverage first (<see cref="CatalogueCoverage.Check"/>).
    /// </summary>
    /// <exception cref="FormatException">The text is not a supergraph, or its API schema without the not-shared fields is not valid.</exception>
    internal static Supergraph Parse([StringSyntax("graphql")] string supergraphSdl, ShareCatalogue? catalogue)
    {
        ArgumentNullException.ThrowIfNull(supergraphSdl);
        DocumentNode document;
        try
        {
            document = Parser.Parse(supergraphSdl, ParserOptions.Unlimited);
        }
        catch (GraphQLSyntaxException exception)
        {
            throw new FormatException("The supergraph does not parse: " + exception.Message, exception);
        }

        var links = SupergraphLinks.Read(document);
        var subgraphs = ReadGraphs(document);
        var byGraph = subgraphs.ToDictionary(s => s.GraphName, StringComparer.Ordinal);
        var types = new Dictionary<string, SupergraphType>(StringComparer.Ordinal);
        foreach (var definition in document.Definitions.OfType<TypeDefinitionNode>())
        {
            if (!SupergraphLinks.IsMachinery(definition.Name.Value))
            {
                types[definition.Name.Value] = ReadType(definition, byGraph, links);
            }
        }

        ResolveThroughInterfaceObjects(types);
        var notShared = catalogue?.Resources.Where(r => r.Class == ShareClass.NotShared).SelectMany(r => r.Fields).ToHashSet(StringComparer.Ordinal);
        var apiDocument = ApiSchemaDocument.From(document, links, notShared);
        Schema apiSchema;
        try
        {
            apiSchema = SchemaBuilder.FromDocument(apiDocument);
        }
        catch (GraphQLException exception)
        {
            throw new FormatException("The supergraph's API schema is not valid: " + exception.Message, exception);
        }

        return new Supergraph(supergraphSdl, subgraphs, types, apiDocument, apiSchema, catalogue) { AccessControlSpecs = links.AccessControl };
    }

    /// <summary>Records which interface objects resolve the fields an implementation has only through them (<see cref="SupergraphField.ThroughInterfaceObjects"/>).</summary>
    private static void ResolveThroughInterfaceObjects(Dictionary<string, SupergraphType> types)
    {
        foreach (var type in types.Values.Where(t => t.Kind == SupergraphTypeKind.Object))
        {
            foreach (var field in type.Fields.Where(f => f.Subgraphs.Count == 0))
            {
                var through = new List<string>();
                foreach (var implemented in type.Implementations.Select(i => i.Interface).Distinct())
                {
                    if (!types.TryGetValue(implemented, out var interfaceType) || interfaceType.Field(field.Name) is not { } interfaceField)
                    {
                        continue;
                    }

                    foreach (var interfaceObject in interfaceType.Subgraphs.Where(s => s.IsInterfaceObject).Select(s => s.Subgraph).Distinct())
                    {
                        if (interfaceField.ResolvingSubgraphs.Contains(interfaceObject) && !through.Contains(interfaceObject))
                        {
                            through.Add(interfaceObject);
                        }
                    }
                }

                field.ThroughInterfaceObjects = through;
            }
        }
    }

    private static List<SupergraphSubgraph> ReadGraphs(DocumentNode document)
    {
        var graphEnum = document.Definitions.OfType<EnumTypeDefinitionNode>().FirstOrDefault(e => e.Name.Value == "join__Graph")
            ?? throw new FormatException("The supergraph has no join__Graph enum.");
        var subgraphs = new List<SupergraphSubgraph>();
        foreach (var value in graphEnum.Values)
        {
            var graph = value.Directives.FirstOrDefault(d => d.Name.Value == "join__graph")
                ?? throw new FormatException($"join__Graph.{value.Name.Value} has no @join__graph(name:, url:).");
            subgraphs.Add(new SupergraphSubgraph(
                FederationSpec.StringArgument(graph, "name") ?? value.Name.Value,
                FederationSpec.StringArgument(graph, "url") ?? "",
                value.Name.Value));
        }

        return subgraphs;
    }

    private static SupergraphType ReadType(TypeDefinitionNode definition, Dictionary<string, SupergraphSubgraph> byGraph, SupergraphLinks links)
    {
        string SubgraphOf(DirectiveNode directive) =>
            FederationSpec.Argument(directive, "graph") is EnumValueNode graph && byGraph.TryGetValue(graph.Value, out var subgraph)
                ? subgraph.Name
                : throw new FormatException($"@{directive.Name.Value} on {definition.Name.Value} names no graph of join__Graph.");

        var inSubgraphs = new List<TypeInSubgraph>();
        var members = new List<UnionMemberInSubgraph>();
        var implementations = new List<ImplementationInSubgraph>();
        foreach (var directive in definition.Directives)
        {
            switch (directive.Name.Value)
            {
                case "join__type":
                    inSubgraphs.Add(new TypeInSubgraph(
                        SubgraphOf(directive),
                        FederationSpec.StringArgument(directive, "key"),
                        FederationSpec.Argument(directive, "resolvable") is not BooleanValueNode { Value: false },
                        FederationSpec.Argument(directive, "extension") is BooleanValueNode { Value: true },
                        FederationSpec.Argument(directive, "isInterfaceObject") is BooleanValueNode { Value: true }));
                    break;
                case "join__unionMember":
                    members.Add(new UnionMemberInSubgraph(SubgraphOf(directive), FederationSpec.StringArgument(directive, "member") ?? ""));
                    break;
                case "join__implements":
                    implementations.Add(new ImplementationInSubgraph(SubgraphOf(directive), FederationSpec.StringArgument(directive, "interface") ?? ""));
                    break;
            }
        }

        var definingSubgraphs = inSubgraphs.Select(s => s.Subgraph).Distinct().ToList();
        var fieldNodes = definition switch
        {
            ObjectTypeDefinitionNode o => o.Fields.Select(f => (f.Name.Value, f.Type, (IReadOnlyList<DirectiveNode>)f.Directives, f.Arguments)),
            InterfaceTypeDefinitionNode i => i.Fields.Select(f => (f.Name.Value, f.Type, (IReadOnlyList<DirectiveNode>)f.Directives, f.Arguments)),
            InputObjectTypeDefinitionNode input => input.Fields.Select(f => (f.Name.Value, f.Type, f.Directives, (IReadOnlyList<InputValueDefinitionNode>)[f])),
            _ => [],
        };
        var fields = new List<SupergraphField>();
        foreach (var (name, type, directives, inputs) in fieldNodes)
        {
            var joinFields = directives.Where(d => d.Name.Value == "join__field" && FederationSpec.Argument(d, "graph") is not null).ToList();
            var inFieldSubgraphs = joinFields.Count == 0 && !directives.Any(d => d.Name.Value == "join__field")
                ? definingSubgraphs.Select(s => new FieldInSubgraph(s, false, null, null, null, null, false, null)).ToList()
                : joinFields.Select(d => new FieldInSubgraph(
                    SubgraphOf(d),
                    FederationSpec.Argument(d, "external") is BooleanValueNode { Value: true },
                    FederationSpec.StringArgument(d, "requires"),
                    FederationSpec.StringArgument(d, "provides"),
                    FederationSpec.StringArgument(d, "override"),
                    FederationSpec.StringArgument(d, "overrideLabel"),
                    FederationSpec.Argument(d, "usedOverridden") is BooleanValueNode { Value: true },
                    FederationSpec.StringArgument(d, "type"))).ToList();
            // An input field is read like a field; only the fields of object and interface types have arguments.
            var arguments = definition is InputObjectTypeDefinitionNode
                ? []
                : inputs.Select(a => new SupergraphArgument(a.Name.Value, TypeReferences.Print(a.Type), a.DefaultValue is not null, links.IsInaccessible(a.Directives))).ToList();
            fields.Add(new SupergraphField(definition.Name.Value, name, TypeReferences.Print(type), links.IsInaccessible(directives), inFieldSubgraphs)
            {
                Arguments = arguments,
                HasDefault = definition is InputObjectTypeDefinitionNode && inputs[0].DefaultValue is not null,
            });
        }

        var enumValues = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (definition is EnumTypeDefinitionNode enumType)
        {
            foreach (var value in enumType.Values)
            {
                enumValues[value.Name.Value] = [.. value.Directives.Where(d => d.Name.Value == "join__enumValue").Select(SubgraphOf)];
            }
        }

        var kind = definition switch
        {
            ScalarTypeDefinitionNode => SupergraphTypeKind.Scalar,
            ObjectTypeDefinitionNode => SupergraphTypeKind.Object,
            InterfaceTypeDefinitionNode => SupergraphTypeKind.Interface,
            UnionTypeDefinitionNode => SupergraphTypeKind.Union,
            EnumTypeDefinitionNode => SupergraphTypeKind.Enum,
            _ => SupergraphTypeKind.InputObject,
        };
        return new SupergraphType(definition.Name.Value, kind, links.IsInaccessible(definition.Directives), inSubgraphs, fields, members, implementations, enumValues);
    }
}

using Federation.GraphQL.Language;
using Federation.GraphQL.Language.Syntax;
using Federation.GraphQL.Types;
using Federation.GraphQL.Types.Building;

namespace Federation.Gateway.Planning;

/// <summary>
/// Reads what the planner needs from a supergraph in Apollo's format (join v0.3–v0.5): the
/// subgraphs (<c>@join__graph</c>), per type the subgraphs and keys (<c>@join__type</c>), per
/// field the subgraphs that resolve it (<c>@join__field</c>, external ones left out; a field
/// without it is resolved wherever its type is), union members (<c>@join__unionMember</c>) and
/// interface implementations (<c>@join__implements</c>) per subgraph.
/// </summary>
internal static class SupergraphPlanning
{
    /// <param name="api">The API schema clients see; when null, the supergraph SDL itself is built as the schema (enough to plan).</param>
    public static PlanningSchema FromSdl(string supergraphSdl, Schema? api = null)
    {
        var document = Parser.Parse(supergraphSdl, ParserOptions.Unlimited);
        var schema = new PlanningSchema(api ?? SchemaBuilder.FromDocument(document));
        var graphs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var definition in document.Definitions)
        {
            if (definition is EnumTypeDefinitionNode { Name.Value: "join__Graph" } graphEnum)
            {
                foreach (var value in graphEnum.Values)
                {
                    var graph = Find(value.Directives, "join__graph");
                    var name = graph is null ? value.Name.Value : String(graph, "name") ?? value.Name.Value;
                    graphs[value.Name.Value] = name;
                    schema.AddSubgraph(name, String(graph, "url") is { } url ? new Uri(url) : null);
                }
            }
        }

        foreach (var definition in document.Definitions)
        {
            switch (definition)
            {
                case ObjectTypeDefinitionNode type:
                    Fields(schema, graphs, type.Name.Value, type.Directives, type.Fields);
                    foreach (var implements in All(type.Directives, "join__implements"))
                    {
                        schema.AddMember(String(implements, "interface")!, type.Name.Value, graphs[Enum(implements, "graph")!]);
                    }

                    break;
                case InterfaceTypeDefinitionNode type:
                    Fields(schema, graphs, type.Name.Value, type.Directives, type.Fields);
                    break;
                case UnionTypeDefinitionNode union:
                    foreach (var joinType in All(union.Directives, "join__type"))
                    {
                        schema.AddType(union.Name.Value, graphs[Enum(joinType, "graph")!]);
                    }

                    foreach (var member in All(union.Directives, "join__unionMember"))
                    {
                        schema.AddMember(union.Name.Value, String(member, "member")!, graphs[Enum(member, "graph")!]);
                    }

                    break;
            }
        }

        return schema;
    }

    private static void Fields(
        PlanningSchema schema,
        Dictionary<string, string> graphs,
        string type,
        IReadOnlyList<DirectiveNode> directives,
        IReadOnlyList<FieldDefinitionNode> fields)
    {
        var typeGraphs = new List<string>();
        foreach (var joinType in All(directives, "join__type"))
        {
            var graph = graphs[Enum(joinType, "graph")!];
            if (!typeGraphs.Contains(graph))
            {
                typeGraphs.Add(graph);
            }

            schema.AddType(type, graph);
            if (String(joinType, "key") is { } key)
            {
                schema.AddKey(type, graph, key, Boolean(joinType, "resolvable") ?? true);
            }
        }

        foreach (var field in fields)
        {
            var joinFields = All(field.Directives, "join__field").ToList();
            if (joinFields.Count == 0 || joinFields.All(j => Enum(j, "graph") is null))
            {
                foreach (var graph in typeGraphs)
                {
                    schema.AddField(type, field.Name.Value, graph);
                }

                continue;
            }

            foreach (var joinField in joinFields)
            {
                if (Enum(joinField, "graph") is { } graph && Boolean(joinField, "external") != true)
                {
                    schema.AddField(type, field.Name.Value, graphs[graph]);
                }
            }
        }
    }

    private static DirectiveNode? Find(IReadOnlyList<DirectiveNode> directives, string name) =>
        directives.FirstOrDefault(d => d.Name.Value == name);

    private static IEnumerable<DirectiveNode> All(IReadOnlyList<DirectiveNode> directives, string name) =>
        directives.Where(d => d.Name.Value == name);

    private static ValueNode? Argument(DirectiveNode? directive, string name) =>
        directive?.Arguments.FirstOrDefault(a => a.Name.Value == name)?.Value;

    private static string? String(DirectiveNode? directive, string name) => (Argument(directive, name) as StringValueNode)?.Value;

    private static string? Enum(DirectiveNode? directive, string name) => (Argument(directive, name) as EnumValueNode)?.Value;

    private static bool? Boolean(DirectiveNode? directive, string name) => (Argument(directive, name) as BooleanValueNode)?.Value;
}

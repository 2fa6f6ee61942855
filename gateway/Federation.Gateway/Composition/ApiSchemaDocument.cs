using Federation.GraphQL.Language.Syntax;

namespace Federation.Gateway.Composition;

/// <summary>
/// The API schema of a supergraph as a document: the supergraph without the join and link
/// machinery, without the <c>@inaccessible</c> and <c>@tag</c> definitions and applications, and
/// without the elements marked <c>@inaccessible</c> (types, fields, arguments, enum values, input
/// fields, and the union members and implemented interfaces that name an inaccessible type), and
/// without the fields, arguments and input fields the share catalogue does not share (NOT_SHARED is
/// not part of the public schema).
/// https://www.apollographql.com/docs/graphos/schema-design/federated-schemas/reference/directives#inaccessible
/// </summary>
internal static class ApiSchemaDocument
{
    /// <param name="notShared">Coordinates (<c>Type.field</c>, <c>Type.field(argument:)</c>, <c>Input.field</c>) to leave out besides the inaccessible ones.</param>
    public static DocumentNode From(DocumentNode supergraph, SupergraphLinks links, IReadOnlySet<string>? notShared = null)
    {
        var hidden = new HashSet<string>(StringComparer.Ordinal);
        foreach (var type in supergraph.Definitions.OfType<TypeDefinitionNode>())
        {
            if (links.IsInaccessible(type.Directives))
            {
                hidden.Add(type.Name.Value);
            }
        }

        bool Visible(IReadOnlyList<DirectiveNode> directives) => !links.IsInaccessible(directives);
        IReadOnlyList<DirectiveNode> Public(IReadOnlyList<DirectiveNode> directives) =>
            [.. directives.Where(d => d.Name.Value != links.Inaccessible && d.Name.Value != links.Tag && !SupergraphLinks.IsMachinery(d.Name.Value))];
        // An input value's coordinate: Input.field for an input field, Type.field(argument:) for an argument.
        IReadOnlyList<InputValueDefinitionNode> Inputs(IReadOnlyList<InputValueDefinitionNode> values, Func<InputValueDefinitionNode, string> coordinate) =>
            [.. values.Where(v => Visible(v.Directives) && Shared(coordinate(v))).Select(v => v with { Directives = Public(v.Directives) })];
        bool Shared(string coordinate) => notShared is null || !notShared.Contains(coordinate);
        IReadOnlyList<FieldDefinitionNode> Fields(string type, IReadOnlyList<FieldDefinitionNode> fields) =>
            [.. fields.Where(f => Visible(f.Directives) && Shared(type + "." + f.Name.Value)).Select(f => f with
            {
                Arguments = Inputs(f.Arguments, a => $"{type}.{f.Name.Value}({a.Name.Value}:)"),
                Directives = Public(f.Directives),
            })];
        IReadOnlyList<NamedTypeNode> Named(IReadOnlyList<NamedTypeNode> types) => [.. types.Where(t => !hidden.Contains(t.Name.Value))];

        var definitions = new List<DefinitionNode>();
        foreach (var definition in supergraph.Definitions)
        {
            switch (definition)
            {
                case SchemaDefinitionNode schema:
                    definitions.Add(schema with { Directives = [] });
                    break;
                case DirectiveDefinitionNode directive when SupergraphLinks.IsMachinery(directive.Name.Value) || directive.Name.Value == links.Inaccessible || directive.Name.Value == links.Tag:
                    break;
                case DirectiveDefinitionNode directive:
                    definitions.Add(directive);
                    break;
                case TypeDefinitionNode type when SupergraphLinks.IsMachinery(type.Name.Value) || hidden.Contains(type.Name.Value):
                    break;
                case ObjectTypeDefinitionNode type:
                    definitions.Add(type with { Interfaces = Named(type.Interfaces), Directives = Public(type.Directives), Fields = Fields(type.Name.Value, type.Fields) });
                    break;
                case InterfaceTypeDefinitionNode type:
                    definitions.Add(type with { Interfaces = Named(type.Interfaces), Directives = Public(type.Directives), Fields = Fields(type.Name.Value, type.Fields) });
                    break;
                case UnionTypeDefinitionNode type:
                    definitions.Add(type with { Directives = Public(type.Directives), Types = Named(type.Types) });
                    break;
                case EnumTypeDefinitionNode type:
                    definitions.Add(type with
                    {
                        Directives = Public(type.Directives),
                        Values = [.. type.Values.Where(v => Visible(v.Directives)).Select(v => v with { Directives = Public(v.Directives) })],
                    });
                    break;
                case InputObjectTypeDefinitionNode type:
                    definitions.Add(type with { Directives = Public(type.Directives), Fields = Inputs(type.Fields, f => type.Name.Value + "." + f.Name.Value) });
                    break;
                case ScalarTypeDefinitionNode type:
                    definitions.Add(type with { Directives = Public(type.Directives) });
                    break;
            }
        }

        return new DocumentNode(definitions);
    }
}

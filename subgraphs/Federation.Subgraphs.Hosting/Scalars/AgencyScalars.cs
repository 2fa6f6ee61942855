using System.Diagnostics.CodeAnalysis;
using Federation.GraphQL.Language;
using Federation.GraphQL.Language.Syntax;
using Federation.GraphQL.Types;
using Federation.GraphQL.Types.Building;

namespace Federation.Subgraphs.Hosting.Scalars;

/// <summary>
/// The validating scalars of the agency subgraphs, and how a schema built from SDL gets them.
/// <see cref="SchemaBuilder"/> gives every custom scalar identity coercion and has no hook to
/// supply an implementation, so <see cref="BuildSchema(string)"/> starts from a schema that holds
/// only the implementations and extends it with the SDL, leaving out the SDL's own
/// <c>scalar X</c> definitions of the scalars it supplies. Only the scalars the SDL declares are
/// put in, so a subgraph's schema has no types it did not ask for.
/// </summary>
public static class AgencyScalars
{
    /// <summary>Fresh instances of every agency scalar: IdNumber, CreditCode, DivisionCode, Date, DateTime, GeoJSON.</summary>
    public static IReadOnlyList<ScalarType> All() =>
        [new IdNumberScalar(), new CreditCodeScalar(), new DivisionCodeScalar(), new DateScalar(), new DateTimeScalar(), new GeoJsonScalar()];

    /// <summary>Builds the schema <paramref name="sdl"/> defines with the agency scalars it declares bound to their implementations.</summary>
    /// <exception cref="InvalidSdlException">The document is not a valid schema.</exception>
    public static Schema BuildSchema([StringSyntax("graphql")] string sdl) => BuildSchema(Parser.Parse(sdl, ParserOptions.Unlimited), All());

    /// <summary>
    /// Builds the schema <paramref name="document"/> defines, each <c>scalar X</c> it declares
    /// implemented by the scalar of that name in <paramref name="scalars"/> when there is one.
    /// The SDL's definition of such a scalar (its description and directives) gives way to the
    /// implementation, whose <see cref="ScalarType.SpecifiedByUrl"/> is its own.
    /// </summary>
    public static Schema BuildSchema(DocumentNode document, IEnumerable<ScalarType> scalars)
    {
        var byName = scalars.ToDictionary(s => s.Name);
        var supplied = new List<ScalarType>();
        var definitions = new List<DefinitionNode>(document.Definitions.Count + 1);
        var hasSchemaDefinition = false;
        foreach (var definition in document.Definitions)
        {
            if (definition is ScalarTypeDefinitionNode scalar && byName.Remove(scalar.Name.Value, out var implementation))
            {
                supplied.Add(implementation);
                continue;
            }

            hasSchemaDefinition |= definition is SchemaDefinitionNode;
            definitions.Add(definition);
        }

        if (supplied.Count == 0)
        {
            return SchemaBuilder.FromDocument(document);
        }

        // Extending a schema does not root operations at types named Query, Mutation and
        // Subscription as building one does, so the SDL's default roots are spelled out.
        if (!hasSchemaDefinition)
        {
            definitions.Add(DefaultRoots(definitions));
        }

        return SchemaBuilder.Extend(new Schema(query: null, types: supplied), new DocumentNode(definitions));
    }

    private static SchemaDefinitionNode DefaultRoots(List<DefinitionNode> definitions)
    {
        var roots = new List<OperationTypeDefinitionNode>();
        foreach (var (operation, name) in (ReadOnlySpan<(OperationType, string)>)
            [(OperationType.Query, "Query"), (OperationType.Mutation, "Mutation"), (OperationType.Subscription, "Subscription")])
        {
            if (definitions.Exists(d => d is ObjectTypeDefinitionNode o && o.Name.Value == name))
            {
                roots.Add(new OperationTypeDefinitionNode(operation, new NamedTypeNode(new NameNode(name))));
            }
        }

        return new SchemaDefinitionNode([], roots);
    }
}

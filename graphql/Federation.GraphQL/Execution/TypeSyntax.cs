using System.Text;
using Federation.GraphQL.Language.Syntax;
using Federation.GraphQL.Types;

namespace Federation.GraphQL.Execution;

/// <summary>Type references written in a document, resolved against a schema (graphql-js typeFromAST).</summary>
internal static class TypeSyntax
{
    public static GraphQLType? Resolve(Schema schema, TypeNode node) => node switch
    {
        NamedTypeNode named => schema.GetType(named.Name.Value),
        ListTypeNode list => Resolve(schema, list.Type) is { } item ? new ListType(item) : null,
        NonNullTypeNode nonNull => Resolve(schema, nonNull.Type) is { } inner && inner is not NonNullType ? new NonNullType(inner) : null,
        _ => null,
    };

    public static string Print(TypeNode node)
    {
        var builder = new StringBuilder();
        Print(builder, node);
        return builder.ToString();
    }

    private static void Print(StringBuilder builder, TypeNode node)
    {
        switch (node)
        {
            case NamedTypeNode named:
                builder.Append(named.Name.Value);
                break;
            case ListTypeNode list:
                builder.Append('[');
                Print(builder, list.Type);
                builder.Append(']');
                break;
            case NonNullTypeNode nonNull:
                Print(builder, nonNull.Type);
                builder.Append('!');
                break;
        }
    }
}

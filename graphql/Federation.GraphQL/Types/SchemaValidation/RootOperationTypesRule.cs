using Federation.GraphQL.Language.Syntax;

namespace Federation.GraphQL.Types.SchemaValidation;

/// <summary>
/// "The query root operation type must be provided and must be an Object type. [...] If [the
/// mutation or subscription root operation type] is provided, it must be an Object type.
/// [...] The query, mutation, and subscription root types must all be different types if provided."
/// https://spec.graphql.org/September2025/#sec-Root-Operation-Types
/// </summary>
internal static class RootOperationTypesRule
{
    private static readonly OperationType[] Operations = [OperationType.Query, OperationType.Mutation, OperationType.Subscription];

    public static void Validate(SchemaValidationContext context)
    {
        var schema = context.Schema;
        if (schema.QueryType is null && NonObjectRootType(schema, OperationType.Query) is null)
        {
            context.ReportError("Query root type must be provided.", schema.Definition);
        }

        var operationsByRootType = new List<(ObjectType RootType, List<OperationType> Operations)>();
        foreach (var operation in Operations)
        {
            if (NonObjectRootType(schema, operation) is { } nonObject)
            {
                var message = operation == OperationType.Query
                    ? $"Query root type must be Object type, it cannot be {nonObject.Name}."
                    : $"{Capitalized(operation)} root type must be Object type if provided, it cannot be {nonObject.Name}.";
                context.ReportError(message, (SyntaxNode?)OperationTypeNode(schema, operation) ?? nonObject.Definition);
                continue;
            }

            if (schema.GetRootType(operation) is not { } rootType)
            {
                continue;
            }

            var index = operationsByRootType.FindIndex(entry => entry.RootType == rootType);
            if (index < 0)
            {
                operationsByRootType.Add((rootType, [operation]));
            }
            else
            {
                operationsByRootType[index].Operations.Add(operation);
            }
        }

        foreach (var (rootType, operations) in operationsByRootType)
        {
            if (operations.Count > 1)
            {
                var names = operations.ConvertAll(Lowercase);
                context.ReportError(
                    $"All root types must be different, \"{rootType.Name}\" type is used as {AndList(names)} root types.",
                    operations.ConvertAll(operation => (SyntaxNode?)OperationTypeNode(schema, operation)));
            }
        }
    }

    private static NamedType? NonObjectRootType(Schema schema, OperationType operation)
    {
        foreach (var (candidate, type) in schema.InvalidRootTypes)
        {
            if (candidate == operation)
            {
                return type;
            }
        }

        return null;
    }

    /// <summary>Where the schema definition or an extension names the root type of <paramref name="operation"/>.</summary>
    private static NamedTypeNode? OperationTypeNode(Schema schema, OperationType operation)
    {
        foreach (var operationType in schema.Definition?.OperationTypes ?? [])
        {
            if (operationType.Operation == operation)
            {
                return operationType.Type;
            }
        }

        foreach (var extension in schema.ExtensionDefinitions)
        {
            foreach (var operationType in extension.OperationTypes)
            {
                if (operationType.Operation == operation)
                {
                    return operationType.Type;
                }
            }
        }

        return null;
    }

    private static string Lowercase(OperationType operation) => operation switch
    {
        OperationType.Query => "query",
        OperationType.Mutation => "mutation",
        _ => "subscription",
    };

    private static string Capitalized(OperationType operation) => operation switch
    {
        OperationType.Query => "Query",
        OperationType.Mutation => "Mutation",
        _ => "Subscription",
    };

    /// <summary>graphql-js's andList: "a", "a and b", "a, b, and c".</summary>
    internal static string AndList(IReadOnlyList<string> items) => items.Count switch
    {
        1 => items[0],
        2 => $"{items[0]} and {items[1]}",
        _ => $"{string.Join(", ", items.Take(items.Count - 1))}, and {items[^1]}",
    };
}

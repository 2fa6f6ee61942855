using Federation.GraphQL.Language.Syntax;

namespace Federation.GraphQL.Validation;

/// <summary>The keyword of each operation type as messages print it.</summary>
internal static class OperationNames
{
    public static string Of(OperationType operation) => operation switch
    {
        OperationType.Query => "query",
        OperationType.Mutation => "mutation",
        _ => "subscription",
    };
}

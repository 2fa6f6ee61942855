using Federation.GraphQL.Execution;
using Federation.GraphQL.Language.Syntax;

namespace Federation.Gateway.Requests;

/// <summary>
/// What authorization decided for the fields of one request, as the stages after it use it:
/// planning plans the document without the denied fields, shaping answers each field by its rule.
/// </summary>
internal interface IFieldAccess
{
    /// <summary>The document the planner sees: <paramref name="document"/> (the client's operation, or what of it goes to the subgraphs) with the denied fields removed.</summary>
    DocumentNode DocumentToPlan(DocumentNode document, string? operationName);

    /// <summary>The resolver of the final shaping: <paramref name="read"/> for the fields without a rule.</summary>
    FieldResolver Shaping(FieldResolver read);
}

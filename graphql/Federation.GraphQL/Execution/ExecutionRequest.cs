using Federation.GraphQL.Language.Syntax;
using Federation.GraphQL.Types;

namespace Federation.GraphQL.Execution;

/// <summary>What to execute: https://spec.graphql.org/September2025/#sec-Executing-Requests</summary>
public sealed class ExecutionRequest
{
    public required Schema Schema { get; init; }

    /// <summary>A document that passed validation against <see cref="Schema"/>.</summary>
    public required DocumentNode Document { get; init; }

    /// <summary>Required when the document has more than one operation.</summary>
    public string? OperationName { get; init; }

    /// <summary>
    /// Variable values as parsed from JSON: null, bool, int, long, double, decimal, string,
    /// <c>IReadOnlyList&lt;object?&gt;</c> and <c>IReadOnlyDictionary&lt;string, object?&gt;</c>.
    /// </summary>
    public IReadOnlyDictionary<string, object?>? Variables { get; init; }

    /// <summary>The source value of the root fields.</summary>
    public object? RootValue { get; init; }

    /// <summary>Resolves fields that have no resolver of their own; <see cref="DefaultResolvers.Field"/> when null.</summary>
    public FieldResolver? FieldResolver { get; init; }

    /// <summary>Any per-request object resolvers need (user, tenant, data sources).</summary>
    public object? Context { get; init; }

    /// <summary>
    /// The operation of <see cref="Document"/> already chosen and its variables already coerced
    /// (<see cref="PreparedOperation.TryPrepare(Schema, OperationDefinitionNode, IReadOnlyDictionary{string, FragmentDefinitionNode}, IReadOnlyDictionary{string, object?}?, out PreparedOperation, out IReadOnlyList{GraphQLError})"/>):
    /// the executor runs it as it is and ignores <see cref="OperationName"/> and <see cref="Variables"/>.
    /// It must have been prepared against <see cref="Schema"/>.
    /// </summary>
    public PreparedOperation? Prepared { get; init; }

    /// <summary>Per-request services for resolvers.</summary>
    public IServiceProvider? Services { get; init; }
}

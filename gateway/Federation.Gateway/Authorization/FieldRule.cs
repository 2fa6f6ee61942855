using Federation.Gateway.Catalogue;
using Federation.GraphQL;
using Federation.GraphQL.Execution;

namespace Federation.Gateway.Authorization;

/// <summary>
/// What shaping does with one field of the client's operation when authorization did not simply
/// allow it. The engine runs the operation as the client sent it over the merged data; a field
/// with a rule is answered by the rule instead of being read.
/// </summary>
internal abstract class FieldRule
{
    public abstract ValueTask<object?> Resolve(ResolveContext context, FieldResolver read);
}

/// <summary>
/// A denied field: it was removed before planning, so no subgraph sent it; it is null with one
/// error per response path, and a Non-Null field nulls its parent as the spec says.
/// </summary>
internal sealed class DeniedField(GraphQLError error) : FieldRule
{
    public GraphQLError Error => error;

    public override ValueTask<object?> Resolve(ResolveContext context, FieldResolver read) => throw new GraphQLException(error);
}

/// <summary>
/// A field of a division-scoped resource (Guangzhou art. 21): read where the row's division, fetched
/// under <see cref="Alias"/> beside it, lies within the caller's; null with OUTSIDE_JURISDICTION elsewhere
/// — or, in dry-run mode (<paramref name="wouldDeny"/> given), read anyway and the would-be denial reported.
/// </summary>
/// <param name="divisionField">The path of the row's division code on <paramref name="typeName"/> (<see cref="ShareCatalogue.DivisionFields"/>), e.g. <c>registeredDivision.code</c>.</param>
internal sealed class FieldWithinDivision(
    CatalogueResource resource,
    string callerDivision,
    string typeName,
    string divisionField,
    Action<ResolveContext, CatalogueResource>? wouldDeny = null) : FieldRule
{
    private readonly GraphQLError outside = AuthorizationErrorCodes.OutsideJurisdictionError(resource);
    private readonly string[] divisionPath = divisionField.Split('.')[1..];

    /// <summary>The response name the row's division is fetched under.</summary>
    public string Alias { get; } = DocumentFilter.DivisionAlias(typeName);

    public string DivisionField => divisionField;

    public override ValueTask<object?> Resolve(ResolveContext context, FieldResolver read)
    {
        if (DivisionScope.Covers(callerDivision, RowDivision(context.Source)))
        {
            return read(context);
        }

        if (wouldDeny is null)
        {
            throw new GraphQLException(outside);
        }

        wouldDeny(context, resource);
        return read(context);
    }

    private string? RowDivision(object? source)
    {
        if (source is not Dictionary<string, object?> row || !row.TryGetValue(Alias, out var value))
        {
            return null;
        }

        foreach (var segment in divisionPath)
        {
            if (value is not Dictionary<string, object?> step || !step.TryGetValue(segment, out value))
            {
                return null;
            }
        }

        return value as string;
    }
}

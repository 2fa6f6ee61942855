using System.Collections.Concurrent;
using System.Text;
using Federation.Gateway.Authentication;
using Federation.Gateway.Catalogue;
using Federation.Gateway.Execution;
using Federation.Gateway.Sharing;
using Federation.GraphQL;
using Federation.GraphQL.Execution;
using Federation.GraphQL.Language.Syntax;
using Federation.GraphQL.Types;

namespace Federation.Gateway.Authorization;

/// <summary>
/// The authorization stage of one served schema, run on every request before planning: the
/// fields of the operation (kept per document), the decision of <see cref="AccessPolicy"/> per
/// resource they touch, and from those either the request as sent (nothing denied or scoped),
/// a refusal, or the filtered operation with its shaping rules (<see cref="AuthorizedOperation"/>).
/// </summary>
internal sealed class OperationAuthorizer(CatalogueFields fields, IGrantBook grantBook, AuthorizationOptions options, IAccessDecisionLog log, TimeProvider time)
{
    private readonly ConcurrentDictionary<(string Hash, string? Operation), OperationFields> analyses = new();

    public AuthorizationMode Mode => options.Mode;

    public async ValueTask<AuthorizedOperation> AuthorizeAsync(GatewayRequest request, CancellationToken cancellationToken)
    {
        if (Analyse(request) is not { Resources.Count: > 0 } operation)
        {
            // Introspection, __typename and the platform's own fields only: not the catalogue's business.
            return AuthorizedOperation.AsSent;
        }

        if (request.Identity is not { } caller)
        {
            return ReadsCatalogueFields(operation, request.Variables)
                ? AuthorizedOperation.Refused(Refusal(401, [AuthorizationErrorCodes.UnauthenticatedError()]))
                : AuthorizedOperation.AsSent;
        }

        var decisions = await DecideAsync(operation, caller, request.Purpose, cancellationToken).ConfigureAwait(false);
        if (decisions is null)
        {
            return AuthorizedOperation.AsSent;
        }

        var denials = Denials(operation, decisions, caller, request);
        foreach (var (_, denial) in denials)
        {
            log.Record(denial);
        }

        if (options.Mode == AuthorizationMode.Reject && denials.Count > 0)
        {
            return AuthorizedOperation.Refused(Refusal(403, [.. denials.Select(d => d.Error with { Path = d.Denial.Path })]));
        }

        if (options.Mode == AuthorizationMode.DryRun && !Array.Exists(decisions, d => d.IsDivisionScoped))
        {
            return AuthorizedOperation.AsSent;
        }

        return Filtered(request, operation, decisions, caller);
    }

    /// <summary>The decision per resource of the operation; null when every resource is allowed on every row (the common case).</summary>
    private async ValueTask<AccessDecision[]?> DecideAsync(OperationFields operation, Caller caller, StatedPurpose? purpose, CancellationToken cancellationToken)
    {
        var resources = operation.Resources;
        var needsGrants = false;
        for (var i = 0; i < resources.Count && !needsGrants; i++)
        {
            needsGrants = AccessPolicy.NeedsGrants(resources[i], caller, purpose);
        }

        var at = time.GetUtcNow();
        var grants = needsGrants
            ? await grantBook.ActiveGrantsAsync(caller.Agency, at, cancellationToken).ConfigureAwait(false)
            : [];
        AccessDecision[]? decisions = null;
        for (var i = 0; i < resources.Count; i++)
        {
            var decision = AccessPolicy.Decide(resources[i], caller, purpose, grants, at);
            if (decision != AccessDecision.Allowed)
            {
                decisions ??= Filled(resources.Count, AccessDecision.Allowed);
                decisions[i] = decision;
            }
        }

        return decisions;
    }

    /// <summary>The denied occurrences the request really asks for (not skipped), outermost only: a denied field's children are never reached.</summary>
    private List<(GraphQLError Error, AccessDenial Denial)> Denials(OperationFields operation, AccessDecision[] decisions, Caller caller, GatewayRequest request)
    {
        var denials = new List<(GraphQLError, AccessDenial)>();
        var reported = new bool[operation.Occurrences.Count];
        var active = SelectionConditions.Active(operation, request.Variables);
        for (var i = 0; i < operation.Occurrences.Count; i++)
        {
            var occurrence = operation.Occurrences[i];
            if (!active[i] || (occurrence.Parent >= 0 && reported[occurrence.Parent]))
            {
                reported[i] = occurrence.Parent >= 0 && reported[occurrence.Parent];
                continue;
            }

            if (occurrence.Resource < 0 || decisions[occurrence.Resource] is not { IsAllowed: false } decision)
            {
                continue;
            }

            reported[i] = true;
            var resource = operation.Resources[occurrence.Resource];
            var error = AuthorizationErrorCodes.For(decision, resource, caller, request.Purpose);
            if (occurrence.Node.Location is { } location)
            {
                error = error with { Locations = [new SourceLocation(location.Line, location.Column)] };
            }

            denials.Add((error, new AccessDenial(
                caller.Agency,
                caller.User,
                request.Purpose?.Purpose.WireName(),
                request.Purpose?.Matter,
                operation.PathOf(i),
                resource.Id,
                decision.Code!,
                options.Mode)));
        }

        return denials;
    }

    /// <summary>
    /// The rules per field node and the key of the filtered document. In dry-run mode nothing is
    /// removed: only division-scoped fields get a rule, which reports the rows it would null.
    /// </summary>
    private AuthorizedOperation Filtered(GatewayRequest request, OperationFields operation, AccessDecision[] decisions, Caller caller)
    {
        var dryRun = options.Mode == AuthorizationMode.DryRun;
        if (dryRun)
        {
            decisions = Array.ConvertAll(decisions, d => d.IsAllowed ? d : AccessDecision.Allowed);
        }

        Action<ResolveContext, CatalogueResource>? wouldDeny = dryRun ? (context, resource) => log.Record(new AccessDenial(
            caller.Agency,
            caller.User,
            request.Purpose?.Purpose.WireName(),
            request.Purpose?.Matter,
            context.Path,
            resource.Id,
            AuthorizationErrorCodes.OutsideJurisdiction,
            AuthorizationMode.DryRun)) : null;
        var rules = new Dictionary<FieldNode, FieldRule>(ReferenceEqualityComparer.Instance);
        var errors = new GraphQLError?[decisions.Length];
        foreach (var occurrence in operation.Occurrences)
        {
            if (occurrence.Resource < 0 || rules.ContainsKey(occurrence.Node))
            {
                continue;
            }

            var decision = decisions[occurrence.Resource];
            var resource = operation.Resources[occurrence.Resource];
            if (!decision.IsAllowed)
            {
                rules[occurrence.Node] = new DeniedField(errors[occurrence.Resource] ??= AuthorizationErrorCodes.For(decision, resource, caller, request.Purpose));
            }
            else if (decision.IsDivisionScoped && fields.Catalogue.DivisionFields.TryGetValue(occurrence.ParentType.Name, out var divisionField))
            {
                rules[occurrence.Node] = new FieldWithinDivision(resource, caller.Division, occurrence.ParentType.Name, divisionField, wouldDeny);
            }
            else if (decision.IsDivisionScoped && !dryRun)
            {
                // No way to know a row's division (the catalogue reader refuses such a catalogue): fail closed.
                rules[occurrence.Node] = new DeniedField(AuthorizationErrorCodes.OutsideJurisdictionError(resource));
            }
        }

        return AuthorizedOperation.Filtered(PlanKey(request.DocumentHash, decisions), rules);
    }

    /// <summary>
    /// The filtered document is a function of the document and of each resource's outcome (read,
    /// read within the division, removed), so the key is the document's hash and those outcomes:
    /// two callers share a plan exactly when they would be planned the same document.
    /// </summary>
    private static string PlanKey(string documentHash, AccessDecision[] decisions)
    {
        var key = new StringBuilder(documentHash.Length + 1 + decisions.Length).Append(documentHash).Append('#');
        foreach (var decision in decisions)
        {
            key.Append(!decision.IsAllowed ? 'D' : decision.IsDivisionScoped ? 'S' : 'A');
        }

        return key.ToString();
    }

    private static bool ReadsCatalogueFields(OperationFields operation, IReadOnlyDictionary<string, object?>? variables)
    {
        var active = SelectionConditions.Active(operation, variables);
        for (var i = 0; i < active.Length; i++)
        {
            if (active[i] && operation.Occurrences[i].Resource >= 0)
            {
                return true;
            }
        }

        return false;
    }

    private OperationFields? Analyse(GatewayRequest request)
    {
        var key = (request.DocumentHash, request.OperationName);
        // The endpoint's document cache hands the same tree for the same text; a tree parsed again
        // has other field nodes, which the rules of shaping are keyed by, so it is walked again.
        if (analyses.TryGetValue(key, out var known) && ReferenceEquals(known.Document, request.Document))
        {
            return known;
        }

        if (OperationFields.Of(request.Document, request.OperationName, fields) is not { } analysed)
        {
            return null;
        }

        if (analyses.Count >= options.AnalysisCacheSize)
        {
            // Bounded without bookkeeping on the hot path: a full cache starts again.
            analyses.Clear();
        }

        analyses[key] = analysed;
        return analysed;
    }

    private static GatewayResult Refusal(int status, IReadOnlyList<GraphQLError> errors) =>
        new(new ExecutionResult(errors), [], null) { StatusCode = status };

    private static T[] Filled<T>(int count, T value)
    {
        var array = new T[count];
        Array.Fill(array, value);
        return array;
    }
}

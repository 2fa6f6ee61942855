using System.Collections.Concurrent;
using System.Text;
using Federation.Gateway.Authentication;
using Federation.Gateway.Catalogue;
using Federation.Gateway.Requests;
using Federation.Gateway.Sharing;
using Federation.GraphQL;
using Federation.GraphQL.Execution;
using Federation.GraphQL.Language.Syntax;
using Federation.GraphQL.Types;

namespace Federation.Gateway.Authorization;

/// <summary>
/// The authorization stage of one served schema, run on every request before planning: the
/// fields of the operation (kept per document), the decision of <see cref="AccessPolicy"/> per
/// resource they touch — by being read, or by being used in an argument or input field the request
/// provides — and from those either the request as sent (nothing denied or scoped), a refusal, or
/// the filtered operation with its shaping rules (<see cref="AuthorizedOperation"/>). It also decides
/// the row-scoped resources of the agencies whose resources the operation touches — the subgraphs
/// those agencies run are the ones the plan can fetch from — with the same policy and the same grants,
/// so the subgraphs withhold the rows the caller may not know of (<see cref="AuthorizedOperation.RowResources"/>).
/// Each denial is noted in the request (<see cref="GatewayRequest.Denied"/>) for the record stage.
/// </summary>
/// <param name="auditSubjects">Whether the audit trail records data subjects: then the document the planner sees fetches their identifiers (<see cref="OperationAudit"/>).</param>
internal sealed class OperationAuthorizer(CatalogueFields fields, IGrantBook grantBook, AuthorizationOptions options, TimeProvider time, bool auditSubjects = false)
{
    private readonly ConcurrentDictionary<(string Hash, string? Operation), OperationFields> analyses = new();
    private readonly CatalogueResource[] rowScoped = [.. fields.Catalogue.Resources.Where(r => r.Conditions is { RowScoped: true })];

    public AuthorizationMode Mode => options.Mode;

    /// <summary>The catalogue this authorizer decides by: the one its supergraph is served with.</summary>
    public ShareCatalogue Catalogue => fields.Catalogue;

    private string ModeName { get; } = options.Mode.ToString();

    public async ValueTask<AuthorizedOperation> AuthorizeAsync(GatewayRequest request, CancellationToken cancellationToken)
    {
        if (Analyse(request) is not { Resources.Count: > 0 } operation)
        {
            // Introspection, __typename and the platform's own fields only: not the catalogue's business.
            return AuthorizedOperation.AsSent;
        }

        var audit = operation.Audit(fields, auditSubjects);
        if (audit.UsesReservedAlias)
        {
            // The gateway's own selections answer under these names; a client's could stand in for them.
            return AuthorizedOperation.Refused(Refusal(400, [AuthorizationErrorCodes.ReservedAliasError()]));
        }

        if (request.Identity is not { } caller)
        {
            return ReadsCatalogueFields(operation, request.Variables)
                ? AuthorizedOperation.Refused(Refusal(401, [AuthorizationErrorCodes.UnauthenticatedError()]))
                : AuthorizedOperation.AsSent;
        }

        var (decisions, grants, rows) = await DecideAsync(operation, caller, request.Purpose, cancellationToken).ConfigureAwait(false);
        if (decisions is null)
        {
            request.Set(new RequestDecisions(operation, audit, fields.Catalogue, null, grants, null, options.Mode, caller.Division, refused: false));
            return audit.AsSent.WithRowResources(rows);
        }

        // What each field's arguments use depends on the variables' values: decided for this request only.
        var arguments = new ArgumentUse(operation, fields, request.Variables);
        var denied = DeniedFields(operation, decisions, arguments);
        var denials = Denials(operation, audit, decisions, denied, caller, request);
        foreach (var (_, denial) in denials)
        {
            request.Denied(denial);
        }

        var refused = options.Mode == AuthorizationMode.Reject && denials.Count > 0;
        request.Set(new RequestDecisions(operation, audit, fields.Catalogue, decisions, grants, denied, options.Mode, caller.Division, refused));
        if (refused)
        {
            return AuthorizedOperation.Refused(Refusal(403, [.. denials.Select(d => d.Error with { Path = d.Denial.Path })]));
        }

        // Rows are withheld in every mode, as the subgraphs scope division-scoped lists in every mode:
        // a dry run reports what fields would lose, not rows that must not be known to exist.
        if (options.Mode == AuthorizationMode.DryRun && !Array.Exists(decisions, d => d.IsDivisionScoped))
        {
            return audit.AsSent.WithRowResources(rows);
        }

        return Filtered(request, operation, audit, decisions, denied, caller).WithRowResources(rows);
    }

    /// <summary>
    /// The decision per resource of the operation (null when every resource is allowed on every row,
    /// the common case), the grant that allowed each resource that needed one (null when none did), and
    /// the row-scoped resources the caller may read of the agencies the operation's resources come
    /// from. One look at the grant book for all, and only when a decision needs it.
    /// </summary>
    private async ValueTask<(AccessDecision[]? Decisions, Guid?[]? Grants, IReadOnlyList<string> Rows)> DecideAsync(OperationFields operation, Caller caller, StatedPurpose? purpose, CancellationToken cancellationToken)
    {
        var resources = operation.Resources;
        var rowsToDecide = RowScopedOf(resources);
        var needsGrants = false;
        for (var i = 0; i < resources.Count && !needsGrants; i++)
        {
            needsGrants = AccessPolicy.NeedsGrants(resources[i], caller, purpose);
        }

        for (var i = 0; i < rowsToDecide.Count && !needsGrants; i++)
        {
            needsGrants = AccessPolicy.NeedsGrants(rowsToDecide[i], caller, purpose);
        }

        var at = time.GetUtcNow();
        var grants = needsGrants
            ? await grantBook.ActiveGrantsAsync(caller.Agency, at, cancellationToken).ConfigureAwait(false)
            : [];
        AccessDecision[]? decisions = null;
        Guid?[]? granted = null;
        for (var i = 0; i < resources.Count; i++)
        {
            var decision = AccessPolicy.Decide(resources[i], caller, purpose, grants, at, out var grant);
            if (decision != AccessDecision.Allowed)
            {
                decisions ??= Filled(resources.Count, AccessDecision.Allowed);
                decisions[i] = decision;
            }

            if (grant is not null && decision.IsAllowed)
            {
                (granted ??= new Guid?[resources.Count])[i] = grant.Id;
            }
        }

        List<string>? rows = null;
        for (var i = 0; i < rowsToDecide.Count; i++)
        {
            if (AccessPolicy.Decide(rowsToDecide[i], caller, purpose, grants, at).IsAllowed)
            {
                (rows ??= new List<string>(rowsToDecide.Count)).Add(rowsToDecide[i].Id);
            }
        }

        return (decisions, granted, rows is null ? [] : rows);
    }

    /// <summary>The row-scoped resources whose provider provides one of <paramref name="resources"/>: only its subgraphs can be fetched from.</summary>
    private IReadOnlyList<CatalogueResource> RowScopedOf(IReadOnlyList<CatalogueResource> resources)
    {
        // On every signed-in request: nothing is allocated when no row-scoped resource is of these agencies.
        List<CatalogueResource>? of = null;
        foreach (var candidate in rowScoped)
        {
            for (var i = 0; i < resources.Count; i++)
            {
                if (string.Equals(resources[i].Provider, candidate.Provider, StringComparison.Ordinal))
                {
                    (of ??= new List<CatalogueResource>(rowScoped.Length)).Add(candidate);
                    break;
                }
            }
        }

        return of is null ? [] : of;
    }

    /// <summary>
    /// Per field node, the resource (index) that denies it: its own resource, else the first resource
    /// its arguments and input fields use that is denied; -1 for a field that may be read. Every node
    /// once, however often its fragment is spread.
    /// </summary>
    private static int[] DeniedFields(OperationFields operation, AccessDecision[] decisions, ArgumentUse arguments)
    {
        var denied = new int[operation.Fields.Count];
        for (var i = 0; i < denied.Length; i++)
        {
            var field = operation.Fields[i];
            denied[i] = field.Resource >= 0 && !decisions[field.Resource].IsAllowed ? field.Resource
                : field.UsesArguments ? arguments.FirstDenied(field, decisions)
                : -1;
        }

        return denied;
    }

    /// <summary>
    /// The denied fields the request really asks for (not skipped), outermost only: a denied field's
    /// children are never reached. A field node is reported once, on the first response path that
    /// reaches it (shaping still answers every path with its error).
    /// </summary>
    private List<(GraphQLError Error, AccessDenial Denial)> Denials(OperationFields operation, OperationAudit audit, AccessDecision[] decisions, int[] denied, Caller caller, GatewayRequest request)
    {
        var denials = new List<(GraphQLError, AccessDenial)>();
        SelectionConditions.Walk(operation, request.Variables, (field, path) =>
        {
            var at = denied[field.Index];
            if (at < 0)
            {
                return true;
            }

            var decision = decisions[at];
            var resource = operation.Resources[at];
            var error = AuthorizationErrorCodes.For(decision, resource, caller, request.Purpose);
            if (field.Node.Location is { } location)
            {
                error = error with { Locations = [new SourceLocation(location.Line, location.Column)] };
            }

            denials.Add((error, new AccessDenial(
                caller.Agency,
                caller.User,
                request.Purpose?.Purpose.WireName(),
                request.Purpose?.Matter,
                [.. path],
                resource.Id,
                decision.Code!,
                ModeName,
                options.Mode != AuthorizationMode.DryRun)
            {
                Coordinate = at == field.Resource ? audit.Coordinates[audit.CoordinateOf[field.Index]] : ArgumentCoordinate(field, resource),
            }));
            return false;
        });
        return denials;
    }

    /// <summary>
    /// The coordinate a field denied for what its arguments use was denied for: the resource's argument
    /// of this field when it covers one the field is given (<c>Type.field(argument:)</c>), else the
    /// resource's first input field (<c>Input.field</c>), else its first coordinate.
    /// </summary>
    private string ArgumentCoordinate(OperationField field, CatalogueResource resource)
    {
        var parent = field.ParentType.Name;
        var name = field.Node.Name.Value;
        foreach (var argument in field.Node.Arguments)
        {
            if (ReferenceEquals(fields.Catalogue.ResourceOf(parent, name, argument.Name.Value), resource))
            {
                return $"{parent}.{name}({argument.Name.Value}:)";
            }
        }

        foreach (var coordinate in resource.Fields)
        {
            if (SchemaCoordinate.TryParse(coordinate, out var parsed) && parsed.Argument is null && fields.Schema.GetType(parsed.Type) is InputObjectType)
            {
                return coordinate;
            }
        }

        return resource.Fields.Count > 0 ? resource.Fields[0] : resource.Id;
    }

    /// <summary>
    /// The rules per field node and the key of the filtered document. In dry-run mode nothing is
    /// removed: only division-scoped fields get a rule, which reports the rows it would null.
    /// </summary>
    private AuthorizedOperation Filtered(GatewayRequest request, OperationFields operation, OperationAudit audit, AccessDecision[] decisions, int[] denied, Caller caller)
    {
        var dryRun = options.Mode == AuthorizationMode.DryRun;
        Action<ResolveContext, CatalogueResource>? wouldDeny = dryRun ? (context, resource) => request.Denied(new AccessDenial(
            caller.Agency,
            caller.User,
            request.Purpose?.Purpose.WireName(),
            request.Purpose?.Matter,
            context.Path,
            resource.Id,
            AuthorizationErrorCodes.OutsideJurisdiction,
            nameof(AuthorizationMode.DryRun),
            Enforced: false)
        {
            Coordinate = context.ParentType.Name + "." + context.FieldName,
        }) : null;
        var rules = new Dictionary<FieldNode, FieldRule>(ReferenceEqualityComparer.Instance);
        var errors = new GraphQLError?[decisions.Length];
        List<int>? deniedForArguments = null;
        foreach (var field in operation.Fields)
        {
            var at = denied[field.Index];
            if (at >= 0)
            {
                if (!dryRun)
                {
                    rules[field.Node] = new DeniedField(errors[at] ??= AuthorizationErrorCodes.For(decisions[at], operation.Resources[at], caller, request.Purpose));
                    if (at != field.Resource)
                    {
                        (deniedForArguments ??= []).Add(field.Index);
                    }
                }

                continue;
            }

            if (field.Resource < 0 || decisions[field.Resource] is not { IsDivisionScoped: true })
            {
                continue;
            }

            var resource = operation.Resources[field.Resource];
            if (fields.Catalogue.DivisionFields.TryGetValue(field.ParentType.Name, out var divisionField))
            {
                rules[field.Node] = new FieldWithinDivision(resource, caller.Division, field.ParentType.Name, divisionField, wouldDeny);
            }
            else if (!dryRun)
            {
                // No way to know a row's division (composition refuses such a catalogue): fail closed.
                rules[field.Node] = new DeniedField(AuthorizationErrorCodes.OutsideJurisdictionError(resource));
            }
        }

        return AuthorizedOperation.Filtered(PlanKey(request.DocumentHash, dryRun ? [.. decisions.Select(d => d.IsAllowed ? d : AccessDecision.Allowed)] : decisions, deniedForArguments), rules, audit.SubjectSelections);
    }

    /// <summary>
    /// The filtered document is a function of the document, of each resource's outcome (read, read
    /// within the division, removed) and of the fields removed for what their arguments use, which may
    /// depend on the variables' values: the key is the document's hash, those outcomes and those
    /// fields, so two requests share a plan exactly when they would be planned the same document.
    /// </summary>
    private static string PlanKey(string documentHash, AccessDecision[] decisions, List<int>? deniedForArguments)
    {
        var key = new StringBuilder(documentHash.Length + 1 + decisions.Length).Append(documentHash).Append('#');
        foreach (var decision in decisions)
        {
            key.Append(!decision.IsAllowed ? 'D' : decision.IsDivisionScoped ? 'S' : 'A');
        }

        if (deniedForArguments is not null)
        {
            key.Append('/').AppendJoin(',', deniedForArguments);
        }

        return key.ToString();
    }

    private static bool ReadsCatalogueFields(OperationFields operation, IReadOnlyDictionary<string, object?>? variables)
    {
        var reads = false;
        SelectionConditions.Walk(operation, variables, (field, _) =>
        {
            reads |= field.Resource >= 0;
            return !reads;
        });
        return reads;
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

    private static GatewayResult Refusal(int status, IReadOnlyList<GraphQLError> errors) => GatewayResult.Refused(errors, status);

    private static T[] Filled<T>(int count, T value)
    {
        var array = new T[count];
        Array.Fill(array, value);
        return array;
    }
}

using System.Collections;
using System.Diagnostics;
using Federation.Gateway.Audit;
using Federation.Gateway.Audit.Subjects;
using Federation.Gateway.Authorization;
using Federation.Gateway.Catalogue;
using Federation.Gateway.Execution;
using Federation.Gateway.Requests;
using Federation.GraphQL;

namespace Federation.Gateway.Record;

/// <summary>
/// The access record of one request (<see cref="AuditKind.Access"/>), made from what the stages left
/// in it: who asked and why, how it ended, the field decisions authorization made
/// (<see cref="RequestDecisions"/>) and the data subjects found in the merged data.
/// </summary>
internal static class AccessRecord
{
    public static AuditEntry Of(GatewayRequest request, SubjectHash? subjects, DateTimeOffset now)
    {
        var elapsed = Stopwatch.GetElapsedTime(request.StartedAt);
        var identity = request.Identity;
        var answer = request.Answer;
        var outcome = Outcome(request);
        return new AuditEntry
        {
            At = now - elapsed,
            Kind = AuditKind.Access,
            User = identity?.User,
            Agency = identity?.Agency,
            Division = identity?.Division,
            Purpose = request.Purpose?.Purpose.WireName(),
            Matter = request.Purpose?.Matter,
            OperationName = request.OperationName,
            DocumentHash = request.DocumentHash.Length == 0 ? null : request.DocumentHash,
            Outcome = outcome,
            DurationMicroseconds = (long)elapsed.TotalMicroseconds,
            ClientAddress = request.Http?.Connection.RemoteIpAddress?.ToString(),
            RequestId = request.Http?.TraceIdentifier,
            ErrorCodes = answer is null ? [] : ErrorCodes(answer),
            Fields = Fields(request),
            Subjects = subjects is not null && outcome is AuditOutcome.Served or AuditOutcome.PartlyDenied ? Subjects(request, subjects) : [],
        };
    }

    /// <summary>
    /// Failed when a stage threw or nothing answered; Refused when the answer has no data and refuses
    /// (400 for a reserved alias, 401, 403, or denied in reject mode); Failed for any other answer without
    /// data; PartlyDenied when data came with a field removed or a row withheld; else Served.
    /// </summary>
    public static AuditOutcome Outcome(GatewayRequest request)
    {
        if (request.Failure is not null || request.Answer is not { } answer)
        {
            return AuditOutcome.Failed;
        }

        if (!answer.HasData)
        {
            return answer.StatusCode is 400 or 401 or 403 || request.Get<RequestDecisions>() is { Refused: true }
                ? AuditOutcome.Refused
                : AuditOutcome.Failed;
        }

        var denials = request.Denials;
        for (var i = 0; i < denials.Count; i++)
        {
            if (denials[i].Enforced)
            {
                return AuditOutcome.PartlyDenied;
            }
        }

        // Rows nulled outside the caller's division are answered as errors, not noted as denials.
        return HasCode(answer.Result.Errors, AuthorizationErrorCodes.OutsideJurisdiction) ? AuditOutcome.PartlyDenied : AuditOutcome.Served;
    }

    /// <summary>The answer's error codes, each once, in the order first met.</summary>
    public static IReadOnlyList<string> ErrorCodes(GatewayResult answer)
    {
        if (answer.Result.Errors.Count == 0 && answer.GatewayErrors.Count == 0)
        {
            return [];
        }

        var codes = new List<string>(2);
        Add(answer.Result.Errors, codes);
        Add(answer.GatewayErrors, codes);
        return codes;

        static void Add(IReadOnlyList<GraphQLError> errors, List<string> codes)
        {
            for (var i = 0; i < errors.Count; i++)
            {
                if (errors[i].Extensions?.GetValueOrDefault("code") is string code && !codes.Contains(code))
                {
                    codes.Add(code);
                }
            }
        }
    }

    /// <summary>
    /// The field decisions: per distinct coordinate the request really asks for and may read, allowed
    /// or allowed within the division, with the grant that allowed it; then one entry per denied path,
    /// with its code and path (dry-run denials as such). A request whose every resource is allowed
    /// without a grant, with no field left out by <c>@skip</c>/<c>@include</c>, gets the document's own list.
    /// </summary>
    public static IReadOnlyList<AuditedField> Fields(GatewayRequest request)
    {
        var denials = request.Denials;
        if (request.Get<RequestDecisions>() is not { } made)
        {
            return denials.Count == 0 ? [] : [.. denials.Select(d => Denied(d, null))];
        }

        var audit = made.Audit;
        if (made.Decisions is null && made.Grants is null && !audit.HasDirectives && denials.Count == 0)
        {
            return audit.AllAllowed;
        }

        var fields = new List<AuditedField>(audit.Coordinates.Length + denials.Count);
        if (!made.Refused)
        {
            var asked = Asked(made, request.Variables);
            for (var c = 0; c < asked.Length; c++)
            {
                if (!asked[c])
                {
                    continue;
                }

                var resource = audit.ResourceOfCoordinate[c];
                var decision = made.DecisionOf(resource);
                if (!decision.IsAllowed)
                {
                    // Denied: listed per path below.
                    continue;
                }

                var grant = made.Grants?[resource];
                fields.Add(!decision.IsDivisionScoped && grant is null
                    ? audit.AllAllowed[c]
                    : audit.AllAllowed[c] with { Decision = decision.IsDivisionScoped ? FieldDecision.AllowedWithinDivision : FieldDecision.Allowed, Grant = grant });
            }
        }

        for (var i = 0; i < denials.Count; i++)
        {
            fields.Add(Denied(denials[i], made.Catalogue));
        }

        return fields;
    }

    /// <summary>Per coordinate, whether the request asks for a field of it: not skipped, and not below a field removed.</summary>
    private static bool[] Asked(RequestDecisions made, IReadOnlyDictionary<string, object?>? variables)
    {
        var audit = made.Audit;
        var asked = new bool[audit.Coordinates.Length];
        var removed = made.Mode == AuthorizationMode.DryRun ? null : made.Denied;
        if (!audit.HasDirectives && removed is null)
        {
            Array.Fill(asked, true);
            return asked;
        }

        SelectionConditions.Walk(made.Operation, variables, (field, _) =>
        {
            if (removed is not null && removed[field.Index] >= 0)
            {
                return false;
            }

            if (audit.CoordinateOf[field.Index] is var c and >= 0)
            {
                asked[c] = true;
            }

            return true;
        });
        return asked;
    }

    private static AuditedField Denied(AccessDenial denial, ShareCatalogue? catalogue) => new(
        denial.Coordinate ?? "",
        denial.Resource,
        catalogue?.Resource(denial.Resource) is { } resource ? resource.Class.WireName() : "",
        denial.Enforced ? FieldDecision.Denied : FieldDecision.DryRunDenied,
        denial.Code,
        Path: denial.PathText);

    /// <summary>
    /// The data subjects in the merged data: per object whose identifier was fetched (a reserved alias),
    /// the resources read of it there — a division-scoped resource only on rows within the caller's
    /// division, the others having been nulled — as the kind, the keyed hash and the resource ids, one
    /// entry per subject however often the answer holds it. A subject of whom nothing was read is not listed.
    /// </summary>
    public static IReadOnlyList<AuditedSubject> Subjects(GatewayRequest request, SubjectHash hash)
    {
        if (request.Get<RequestDecisions>() is not { Audit.Subjects: { } root, Refused: false } made || request.Get<PlanExecution>() is not { } fetched)
        {
            return [];
        }

        var collector = new SubjectCollector(made);
        collector.Visit(root, fetched.Data);
        return collector.Found(hash);
    }

    private static bool HasCode(IReadOnlyList<GraphQLError> errors, string code)
    {
        for (var i = 0; i < errors.Count; i++)
        {
            if (errors[i].Extensions?.GetValueOrDefault("code") is string found && found == code)
            {
                return true;
            }
        }

        return false;
    }

    private sealed class SubjectCollector(RequestDecisions made)
    {
        private readonly Dictionary<(string Kind, string Identifier), List<int>> found = [];
        private readonly bool enforced = made.Mode != AuthorizationMode.DryRun;

        public void Visit(SubjectLevel level, object? value)
        {
            switch (value)
            {
                case Dictionary<string, object?> row:
                    Row(level, row);
                    break;
                case IEnumerable items and not string:
                    foreach (var item in items)
                    {
                        Visit(level, item);
                    }

                    break;
            }
        }

        public IReadOnlyList<AuditedSubject> Found(SubjectHash hash)
        {
            if (found.Count == 0)
            {
                return [];
            }

            var subjects = new List<AuditedSubject>(found.Count);
            foreach (var ((kind, identifier), resources) in found)
            {
                var ids = new string[resources.Count];
                for (var i = 0; i < ids.Length; i++)
                {
                    ids[i] = made.Operation.Resources[resources[i]].Id;
                }

                subjects.Add(new AuditedSubject(kind, hash.Of(identifier), ids));
            }

            return subjects;
        }

        private void Row(SubjectLevel level, Dictionary<string, object?> row)
        {
            foreach (var subject in level.Subjects)
            {
                if (!row.TryGetValue(subject.Alias, out var value) || Identifier(value) is not { } identifier)
                {
                    continue;
                }

                List<int>? reads = null;
                foreach (var read in subject.Reads)
                {
                    if (!row.ContainsKey(read.ResponseName))
                    {
                        continue;
                    }

                    var decision = made.DecisionOf(read.Resource);
                    if (enforced && (!decision.IsAllowed || (decision.IsDivisionScoped && !DivisionScope.Covers(made.Division, RowDivision(row, read)))))
                    {
                        continue;
                    }

                    if (reads is null)
                    {
                        var key = (subject.Kind, SubjectHash.Normalize(identifier));
                        if (!found.TryGetValue(key, out reads))
                        {
                            reads = [];
                            found[key] = reads;
                        }
                    }

                    if (!reads.Contains(read.Resource))
                    {
                        reads.Add(read.Resource);
                    }
                }
            }

            foreach (var child in level.Children)
            {
                if (row.TryGetValue(child.ResponseName, out var value))
                {
                    Visit(child.Level, value);
                }
            }
        }

        private static string? Identifier(object? value) => value switch
        {
            null => null,
            string text => text.Length == 0 ? null : text,
            _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture),
        };

        private static string? RowDivision(Dictionary<string, object?> row, SubjectRead read)
        {
            if (read.DivisionAlias is null || !row.TryGetValue(read.DivisionAlias, out var value))
            {
                return null;
            }

            foreach (var segment in read.DivisionPath!)
            {
                if (value is not Dictionary<string, object?> step || !step.TryGetValue(segment, out value))
                {
                    return null;
                }
            }

            return value as string;
        }
    }
}

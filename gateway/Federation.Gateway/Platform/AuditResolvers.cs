using System.Globalization;
using Federation.Gateway.Audit;
using Federation.Gateway.Auditing;
using Federation.Gateway.Authentication;
using Federation.Gateway.Catalogue;
using Federation.Gateway.Requests;
using Federation.GraphQL;
using Federation.GraphQL.Execution;
using Federation.GraphQL.Types;

namespace Federation.Gateway.Platform;

/// <summary>
/// The resolvers of the audit part of the graph (<c>Platform/audit.graphql</c>): each asks
/// <see cref="AuditReading"/>, which admits auditors only, checks the arguments, reads and records the
/// read; here the arguments are read and the answers made into the schema's objects. Without a trail
/// (<c>Audit:Enabled=false</c>) the fields refuse: <c>FORBIDDEN</c> for anyone but an auditor,
/// <c>AUDIT_READING_UNAVAILABLE</c> for an auditor.
/// </summary>
internal static class AuditResolvers
{
    public static Schema BindTo(Schema schema, AuditReading? auditing) => schema
        .Bind("Query.auditRecords", async context =>
        {
            var reading = await AdmittedAsync(context, auditing, AuditReading.RecordsRead).ConfigureAwait(false);
            var filter = FilterOf(reading, context.Arguments.GetValueOrDefault("filter") as IReadOnlyDictionary<string, object?>);
            var page = await reading.RecordsAsync(Who(context), filter, FirstOf(context), context.Arguments.GetValueOrDefault("after") as string, context.CancellationToken).ConfigureAwait(false);
            return Connection(page.Edges.Select(e => (Record(e.Record), e.Cursor)).ToList(), page.HasNextPage);
        })
        .Bind("Query.subjectAccessHistory", async context =>
        {
            var reading = await AdmittedAsync(context, auditing, AuditReading.SubjectHistoryRead).ConfigureAwait(false);
            var history = await reading.SubjectHistoryAsync(
                Who(context),
                (string)context.Arguments["identifier"]!,
                OptionalDateTime(context, "from"),
                OptionalDateTime(context, "until"),
                FirstOf(context),
                context.Arguments.GetValueOrDefault("after") as string,
                context.CancellationToken).ConfigureAwait(false);
            var catalogue = reading.Catalogue;
            var connection = Connection(history.Edges.Select(e => (Access(catalogue, e.Access), e.Cursor)).ToList(), history.HasNextPage);
            connection["subjectHash"] = history.SubjectHash;
            connection["agencies"] = history.Agencies.Select(a => new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["agency"] = PlatformValues.Agency(catalogue, a.Agency),
                ["first"] = PlatformValues.DateTime(a.First),
                ["last"] = PlatformValues.DateTime(a.Last),
                ["requests"] = a.Requests,
                ["resourceIds"] = a.Resources,
            }).ToList();
            return connection;
        })
        .Bind("Query.auditUsage", async context =>
        {
            var reading = await AdmittedAsync(context, auditing, AuditReading.UsageRead).ConfigureAwait(false);
            var rows = await reading.UsageAsync(Who(context), DateOf(context, "from"), DateOf(context, "until"), context.Arguments.GetValueOrDefault("agency") as string, context.CancellationToken).ConfigureAwait(false);
            var catalogue = reading.Catalogue;
            return rows.Select(r => new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["agency"] = PlatformValues.Agency(catalogue, r.Agency),
                ["resourceId"] = r.Resource,
                ["day"] = Date(r.Day),
                ["requests"] = r.Requests,
                ["distinctSubjects"] = r.DistinctSubjects,
                ["fieldsDenied"] = r.FieldsDenied,
            }).ToList();
        })
        .Bind("Query.auditDenials", async context =>
        {
            var reading = await AdmittedAsync(context, auditing, AuditReading.DenialsRead).ConfigureAwait(false);
            var report = await reading.DenialsAsync(Who(context), DateOf(context, "from"), DateOf(context, "until"), context.Arguments.GetValueOrDefault("agency") as string, context.CancellationToken).ConfigureAwait(false);
            var catalogue = reading.Catalogue;
            return report.Select(a => new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["agency"] = PlatformValues.Agency(catalogue, a.Agency),
                ["deniedFields"] = a.DeniedFields,
                ["requestsWithDenials"] = a.RequestsWithDenials,
                ["refusedRequests"] = a.RefusedRequests,
                ["byCode"] = Counts(a.ByCode),
                ["byResource"] = Counts(a.ByResource),
                ["unusualVolumes"] = a.Flags.Select(f => new Dictionary<string, object?>(StringComparer.Ordinal)
                {
                    ["day"] = Date(f.Day),
                    ["rule"] = f.Rule == UnusualVolumeRule.DistinctSubjects ? "DISTINCT_SUBJECTS" : "DENIED_FIELDS",
                    ["observed"] = f.Observed,
                    ["median"] = f.Median,
                    ["threshold"] = f.Threshold,
                }).ToList(),
            }).ToList();
        })
        .Bind("Query.auditChainVerification", async context =>
        {
            var reading = await AdmittedAsync(context, auditing, AuditReading.ChainRead).ConfigureAwait(false);
            var verification = await reading.ChainAsync(Who(context), context.CancellationToken).ConfigureAwait(false);
            return new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["whole"] = verification.Whole,
                ["records"] = (double)verification.Records,
                ["checkpoints"] = (double)verification.Checkpoints,
                ["instances"] = verification.Instances,
                ["firstBreak"] = verification.FirstBreak is { } broken
                    ? new Dictionary<string, object?>(StringComparer.Ordinal)
                    {
                        ["instance"] = broken.Instance,
                        ["sequence"] = broken.Sequence.ToString(CultureInfo.InvariantCulture),
                        ["code"] = broken.Code,
                        ["message"] = broken.Message,
                    }
                    : null,
                ["verifiedAt"] = PlatformValues.DateTime(verification.VerifiedAt),
            };
        })
        .Bind("Query.auditEvaluation", async context =>
        {
            var reading = await AdmittedAsync(context, auditing, AuditReading.EvaluationRead).ConfigureAwait(false);
            var year = (int)context.Arguments["year"]!;
            var evaluations = await reading.EvaluationAsync(Who(context), year, context.Arguments.GetValueOrDefault("agency") as string, "graphql", context.CancellationToken).ConfigureAwait(false);
            var catalogue = reading.Catalogue;
            return new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["year"] = year,
                ["limits"] = AgencyEvaluation.Limits,
                ["agencies"] = evaluations.Select(e => Evaluation(catalogue, e)).ToList(),
            };
        });

    /// <summary>The reading once the caller is admitted (before any argument is read), or the refusal of a trail that is not kept.</summary>
    private static async Task<AuditReading> AdmittedAsync(ResolveContext context, AuditReading? auditing, string read)
    {
        if (auditing is not null)
        {
            await auditing.AdmitAsync(Who(context), read, context.CancellationToken).ConfigureAwait(false);
            return auditing;
        }

        var caller = (context.Context as GatewayRequest)?.Identity;
        throw new AuditReadingException(caller?.HasRole(PlatformRoles.Auditor) == true
            ? AuditReadingErrorCodes.NoReader()
            : AuditReadingErrorCodes.NotAnAuditor(PlatformRoles.Auditor));
    }

    private static AuditReader Who(ResolveContext context)
    {
        var request = context.Context as GatewayRequest;
        return new AuditReader(request?.Identity, request?.Http?.Connection.RemoteIpAddress?.ToString(), request?.Http?.TraceIdentifier);
    }

    private static int FirstOf(ResolveContext context) => context.Arguments.GetValueOrDefault("first") is int first ? first : 50;

    private static AuditFilter FilterOf(AuditReading reading, IReadOnlyDictionary<string, object?>? filter)
    {
        if (filter is null)
        {
            return AuditFilter.All;
        }

        return new AuditFilter
        {
            Agency = filter.GetValueOrDefault("agency") as string,
            User = filter.GetValueOrDefault("user") as string,
            Resource = filter.GetValueOrDefault("resourceId") as string,
            Subject = filter.GetValueOrDefault("subject") is string identifier ? reading.SubjectHashOf(identifier) : null,
            Decision = AuditWireNames.DecisionOf(filter.GetValueOrDefault("decision") as string),
            Purpose = filter.GetValueOrDefault("purpose") as string,
            Matter = filter.GetValueOrDefault("matter") as string,
            From = filter.GetValueOrDefault("from") is { } from ? PlatformResolvers.DateTimeOf("filter.from", from) : null,
            Until = filter.GetValueOrDefault("until") is { } until ? PlatformResolvers.DateTimeOf("filter.until", until) : null,
            Kind = AuditWireNames.KindOf(filter.GetValueOrDefault("kind") as string),
            Event = filter.GetValueOrDefault("event") as string,
        };
    }

    private static DateTimeOffset? OptionalDateTime(ResolveContext context, string argument) =>
        context.Arguments.GetValueOrDefault(argument) is { } value ? PlatformResolvers.DateTimeOf(argument, value) : null;

    private static DateOnly DateOf(ResolveContext context, string argument) =>
        context.Arguments.GetValueOrDefault(argument) is string text
        && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : throw new AuditReadingException(AuditReadingErrorCodes.BadArgument(argument, "a date is yyyy-MM-dd, e.g. 2026-01-05."));

    private static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static Dictionary<string, object?> Connection(List<(Dictionary<string, object?> Node, string Cursor)> edges, bool hasNextPage) => new(StringComparer.Ordinal)
    {
        ["edges"] = edges.Select(e => new Dictionary<string, object?>(StringComparer.Ordinal) { ["cursor"] = e.Cursor, ["node"] = e.Node }).ToList(),
        ["pageInfo"] = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["hasNextPage"] = hasNextPage,
            ["endCursor"] = edges.Count > 0 ? edges[^1].Cursor : null,
        },
    };

    private static Dictionary<string, object?> Record(ChainedRecord record)
    {
        var entry = record.Entry;
        return new(StringComparer.Ordinal)
        {
            ["instance"] = record.Instance,
            ["sequence"] = record.Sequence.ToString(CultureInfo.InvariantCulture),
            ["at"] = PlatformValues.DateTime(entry.At),
            ["kind"] = AuditWireNames.Of(entry.Kind),
            ["event"] = entry.Event,
            ["user"] = entry.User,
            ["agency"] = entry.Agency,
            ["division"] = entry.Division,
            ["purpose"] = entry.Purpose,
            ["matter"] = entry.Matter,
            ["operationName"] = entry.OperationName,
            ["documentHash"] = entry.DocumentHash,
            ["outcome"] = entry.Outcome is { } outcome ? AuditWireNames.Of(outcome) : null,
            ["durationMicroseconds"] = (double)entry.DurationMicroseconds,
            ["clientAddress"] = entry.ClientAddress,
            ["requestId"] = entry.RequestId,
            ["errorCodes"] = entry.ErrorCodes,
            ["fields"] = entry.Fields.Select(f => new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["coordinate"] = f.Coordinate,
                ["resourceId"] = f.Resource,
                ["class"] = f.Class,
                ["decision"] = AuditWireNames.Of(f.Decision),
                ["code"] = f.Code,
                ["grantId"] = f.Grant?.ToString(),
                ["path"] = f.Path,
            }).ToList(),
            ["subjects"] = entry.Subjects.Select(s => new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["kind"] = s.Kind,
                ["hash"] = s.Hash,
                ["resourceIds"] = s.Resources,
            }).ToList(),
            ["detail"] = entry.Detail.OrderBy(d => d.Key, StringComparer.Ordinal).Select(d => new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["name"] = d.Key,
                ["value"] = d.Value,
            }).ToList(),
            ["hash"] = Convert.ToHexStringLower(record.Hash.Span),
            ["previousHash"] = Convert.ToHexStringLower(record.PreviousHash.Span),
        };
    }

    private static Dictionary<string, object?> Access(ShareCatalogue catalogue, SubjectAccess access)
    {
        var entry = access.Record.Entry;
        return new(StringComparer.Ordinal)
        {
            ["at"] = PlatformValues.DateTime(entry.At),
            ["agency"] = entry.Agency is { } agency ? PlatformValues.Agency(catalogue, agency) : null,
            ["user"] = entry.User,
            ["division"] = entry.Division,
            ["purpose"] = entry.Purpose,
            ["matter"] = entry.Matter,
            ["resourceIds"] = access.Resources,
            ["grants"] = access.Grants.Select(g => new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["resourceId"] = g.Resource,
                ["grantId"] = g.Grant.ToString(),
            }).ToList(),
            ["outcome"] = entry.Outcome is { } outcome ? AuditWireNames.Of(outcome) : null,
            ["record"] = Record(access.Record),
        };
    }

    private static Dictionary<string, object?> Evaluation(ShareCatalogue catalogue, AgencyEvaluation evaluation) => new(StringComparer.Ordinal)
    {
        ["agency"] = PlatformValues.Agency(catalogue, evaluation.Agency),
        ["providedByClass"] = Enum.GetValues<ShareClass>().Select(c => new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["class"] = CatalogueWireNames.WireName(c),
            ["count"] = evaluation.Provided.Count(p => p.Resource.Class == c),
        }).ToList(),
        ["provided"] = evaluation.Provided.Select(p => new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["resource"] = PlatformValues.Resource(catalogue, p.Resource),
            ["requests"] = p.Requests,
            ["requestingAgencies"] = p.RequestingAgencies,
            ["failedRequests"] = p.FailedRequests,
        }).ToList(),
        ["used"] = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["requests"] = evaluation.UsedRequests,
            ["resourceIds"] = evaluation.UsedResources,
            ["distinctSubjects"] = evaluation.UsedDistinctSubjects,
            ["deniedFields"] = evaluation.UsedDeniedFields,
            ["grantIds"] = evaluation.GrantsUsed.Select(g => g.ToString()).ToList(),
        },
    };

    private static List<Dictionary<string, object?>> Counts(IReadOnlyList<NamedCount> counts) =>
        [.. counts.Select(c => new Dictionary<string, object?>(StringComparer.Ordinal) { ["name"] = c.Name, ["count"] = c.Count })];
}

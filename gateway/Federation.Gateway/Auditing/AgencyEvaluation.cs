using Federation.Gateway.Audit;
using Federation.Gateway.Catalogue;

namespace Federation.Gateway.Auditing;

/// <summary>
/// One resource an agency provides, as a year of the trail shows it: the requests of other agencies
/// that named it, how many agencies they were, and how many of those requests the gateway could not
/// answer from the provider's subgraph (outcome failed, or a subgraph error code in the answer).
/// </summary>
internal sealed record ProvidedResource(CatalogueResource Resource, int Requests, int RequestingAgencies, int FailedRequests);

/// <summary>
/// The yearly evaluation of one agency's sharing (Zhengzhou art. 31: 提供数量、更新时效和使用情况; Ningbo art. 28;
/// Guangzhou art. 30): the resources it provides by the catalogue served, what the trail shows of their
/// answers, and the use it made of other agencies' resources — requests, resources, distinct data
/// subjects, fields denied, grants used.
/// </summary>
internal sealed record AgencyEvaluation(
    int Year,
    string Agency,
    string? Name,
    IReadOnlyList<ProvidedResource> Provided,
    int UsedRequests,
    IReadOnlyList<string> UsedResources,
    int UsedDistinctSubjects,
    int UsedDeniedFields,
    IReadOnlyList<Guid> GrantsUsed)
{
    /// <summary>
    /// What the evaluation cannot measure, said with every evaluation rather than left for a reader to
    /// assume it was measured.
    /// </summary>
    public static readonly IReadOnlyList<string> Limits =
    [
        "Update timeliness is not measured: the platform sees when a provider's subgraph answers, not when the provider last updated its data. The declared update frequency is the catalogue's; an agency's own update log is the evidence of keeping to it.",
        "Failed requests are counted against every resource a failed request named: a request for several providers' resources that one subgraph failed counts against each of them.",
        "Requests refused or denied before any subgraph was asked count as requests of the resource, not as failures of its provider.",
        "Provided resources are those of the catalogue served when the evaluation is made; a resource removed during the year is evaluated as used, not as provided.",
    ];
}

/// <summary>Evaluations per agency from a year of access records and the catalogue served.</summary>
internal static class AgencyEvaluations
{
    /// <summary>The answer's codes for a subgraph that failed (Execution/ExecutionErrorCodes.cs), as the trail keeps them.</summary>
    private static readonly HashSet<string> SubgraphFailures = new(StringComparer.Ordinal) { "SUBGRAPH_UNAVAILABLE", "SUBGRAPH_TIMEOUT", "SUBGRAPH_INVALID_RESPONSE" };

    /// <summary>Every agency of the catalogue's registry and every agency the year's records name (or <paramref name="agency"/> alone), by code.</summary>
    public static async Task<IReadOnlyList<AgencyEvaluation>> ComputeAsync(
        IAsyncEnumerable<ChainedRecord> records, ShareCatalogue catalogue, int year, string? agency, CancellationToken cancellationToken)
    {
        var provided = new Dictionary<string, (int Requests, HashSet<string> Agencies, int Failed)>(StringComparer.Ordinal);
        var used = new Dictionary<string, Use>(StringComparer.Ordinal);
        await foreach (var record in records.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            var entry = record.Entry;
            if (entry.Kind != AuditKind.Access || entry.Agency is not { } reader)
            {
                continue;
            }

            var failed = entry.Outcome == AuditOutcome.Failed || entry.ErrorCodes.Any(SubgraphFailures.Contains);
            var others = new List<string>();
            foreach (var resource in AuditColumns.Resources(entry))
            {
                if (catalogue.Resource(resource) is { } known && known.Provider == reader)
                {
                    continue;
                }

                others.Add(resource);
                var cell = provided.TryGetValue(resource, out var found) ? found : (Requests: 0, Agencies: new HashSet<string>(StringComparer.Ordinal), Failed: 0);
                cell.Requests++;
                cell.Agencies.Add(reader);
                cell.Failed += failed ? 1 : 0;
                provided[resource] = cell;
            }

            if (others.Count == 0)
            {
                continue;
            }

            var use = used.TryGetValue(reader, out var u) ? u : used[reader] = new Use();
            use.Requests++;
            use.Resources.UnionWith(others);
            foreach (var subject in entry.Subjects)
            {
                if (subject.Resources.Any(others.Contains))
                {
                    use.Subjects.Add(subject.Hash);
                }
            }

            foreach (var field in entry.Fields)
            {
                if (!others.Contains(field.Resource))
                {
                    continue;
                }

                use.Denied += field.Decision == FieldDecision.Denied ? 1 : 0;
                if (field.Grant is { } grant)
                {
                    use.Grants.Add(grant);
                }
            }
        }

        var agencies = new SortedSet<string>(catalogue.Agencies.Select(a => a.Code), StringComparer.Ordinal);
        agencies.UnionWith(used.Keys);
        agencies.UnionWith(catalogue.Resources.Select(r => r.Provider));
        var evaluations = new List<AgencyEvaluation>();
        foreach (var code in agencies)
        {
            if (agency is not null && code != agency)
            {
                continue;
            }

            var resources = catalogue.Resources
                .Where(r => r.Provider == code)
                .OrderBy(r => r.Id, StringComparer.Ordinal)
                .Select(r => provided.TryGetValue(r.Id, out var p) ? new ProvidedResource(r, p.Requests, p.Agencies.Count, p.Failed) : new ProvidedResource(r, 0, 0, 0))
                .ToList();
            var use = used.GetValueOrDefault(code) ?? new Use();
            evaluations.Add(new AgencyEvaluation(
                year,
                code,
                catalogue.Agency(code)?.Name,
                resources,
                use.Requests,
                [.. use.Resources],
                use.Subjects.Count,
                use.Denied,
                [.. use.Grants]));
        }

        return evaluations;
    }

    private sealed class Use
    {
        public int Requests { get; set; }

        public SortedSet<string> Resources { get; } = new(StringComparer.Ordinal);

        public HashSet<string> Subjects { get; } = new(StringComparer.OrdinalIgnoreCase);

        public int Denied { get; set; }

        public SortedSet<Guid> Grants { get; } = [];
    }
}

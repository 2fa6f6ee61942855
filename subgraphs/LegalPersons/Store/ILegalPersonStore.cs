using Federation.Subgraphs.Hosting.Paging;
using Federation.Subgraphs.LegalPersons.Domain;

namespace Federation.Subgraphs.LegalPersons.Store;

/// <summary>
/// The legal-person register. Every read takes a batch (of credit codes, of persons) and answers it
/// in one round trip, so a page of 100 legal persons or an <c>_entities</c> batch costs one query per
/// level, never one per row. The in-memory store and the PostgreSQL store behave alike; one
/// conformance suite runs against both.
/// </summary>
internal interface ILegalPersonStore
{
    /// <summary>The legal persons found, by credit code; codes the register does not hold are left out.</summary>
    Task<IReadOnlyDictionary<string, LegalPerson>> FindAsync(IReadOnlyList<string> creditCodes, CancellationToken cancellationToken);

    /// <summary>One page of the legal persons matching <paramref name="filter"/>, in credit-code order.</summary>
    Task<Page<LegalPerson>> ListAsync(LegalPersonFilter filter, PageRequest page, CancellationToken cancellationToken);

    /// <summary>
    /// For each of <paramref name="idNumbers"/>, one page of the legal persons it represents (in
    /// credit-code order, only <paramref name="statuses"/> when given, only legal persons whose
    /// division code starts with <paramref name="callerDivisionPrefix"/> when given — the caller's
    /// division, as whom a person represents is division-scoped), all in one round trip.
    /// </summary>
    Task<IReadOnlyDictionary<string, Page<LegalPerson>>> RepresentedAsync(
        IReadOnlyList<string> idNumbers,
        IReadOnlyList<LegalPersonStatus>? statuses,
        string? callerDivisionPrefix,
        PageRequest page,
        CancellationToken cancellationToken);

    /// <summary>The shareholders of each legal person, in register order; every code asked has an entry.</summary>
    Task<IReadOnlyDictionary<string, IReadOnlyList<Shareholding>>> ShareholdersAsync(IReadOnlyList<string> creditCodes, CancellationToken cancellationToken);

    /// <summary>The annual reports of each legal person, newest first; every code asked has an entry.</summary>
    Task<IReadOnlyDictionary<string, IReadOnlyList<AnnualReport>>> AnnualReportsAsync(IReadOnlyList<string> creditCodes, CancellationToken cancellationToken);

    /// <summary>Applies the correction, publishes its change event when anything changed; nothing changes on error.</summary>
    /// <exception cref="Federation.GraphQL.GraphQLException">NOT_FOUND or INVALID_INPUT.</exception>
    Task<Correction> CorrectAsync(LegalPersonCorrection correction, CancellationToken cancellationToken);

    /// <inheritdoc cref="CorrectAsync(LegalPersonCorrection, CancellationToken)"/>
    Task<Correction> CorrectShareholdersAsync(ShareholdersCorrection correction, CancellationToken cancellationToken);

    /// <summary>How many legal persons the register holds.</summary>
    Task<int> CountAsync(CancellationToken cancellationToken);

    /// <summary>Throws unless the register can be read (PostgreSQL reachable and migrated).</summary>
    Task CheckAsync(CancellationToken cancellationToken);

    /// <summary>Adds the seed to an empty register (PostgreSQL: with COPY).</summary>
    Task LoadAsync(IEnumerable<LegalPersonFile> files, CancellationToken cancellationToken);
}

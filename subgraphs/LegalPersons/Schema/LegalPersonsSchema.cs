using Federation.GraphQL.Execution;
using Federation.Protocol.Agencies;
using Federation.Subgraphs.Hosting;
using Federation.Subgraphs.Hosting.Paging;
using Federation.Subgraphs.Hosting.Scalars;
using Federation.Subgraphs.LegalPersons.Domain;
using Federation.Subgraphs.LegalPersons.Store;

namespace Federation.Subgraphs.LegalPersons.Schema;

/// <summary>
/// The subgraph of the legal-person register: <c>schema/legal-persons.graphql</c> with its resolvers.
/// Nested lists (shareholders, annual reports, registration authorities, shareholders that are legal
/// persons, the legal persons a list of persons represents) load through the request's batch
/// loaders, so a page of N legal persons costs one store call per field, not N.
/// </summary>
internal sealed class LegalPersonsSchema
{
    public const string SdlResource = "legal-persons.graphql";
    public const int MaxKeys = 100;

    private readonly ILegalPersonStore store;
    private readonly TimeProvider clock;
    private readonly Func<IReadOnlyList<string>, CancellationToken, ValueTask<IReadOnlyDictionary<string, LegalPerson>>> findLegalPersons;
    private readonly Func<IReadOnlyList<string>, CancellationToken, ValueTask<IReadOnlyDictionary<string, IReadOnlyList<Shareholding>>>> findShareholders;
    private readonly Func<IReadOnlyList<string>, CancellationToken, ValueTask<IReadOnlyDictionary<string, IReadOnlyList<AnnualReport>>>> findAnnualReports;

    private LegalPersonsSchema(ILegalPersonStore store, TimeProvider clock)
    {
        this.store = store;
        this.clock = clock;
        findLegalPersons = (codes, ct) => new(store.FindAsync(codes, ct));
        findShareholders = (codes, ct) => new(store.ShareholdersAsync(codes, ct));
        findAnnualReports = (codes, ct) => new(store.AnnualReportsAsync(codes, ct));
    }

    /// <summary>The SDL as the repository's <c>schema/legal-persons.graphql</c> holds it (embedded at build).</summary>
    public static string Sdl { get; } = ReadSdl();

    public static Subgraph Build(ILegalPersonStore store, TimeProvider? clock = null) =>
        new LegalPersonsSchema(store, clock ?? TimeProvider.System).Bind(Subgraph.FromSdl(Sdl));

    private Subgraph Bind(Subgraph subgraph)
    {
        subgraph
            .Bind("Query.legalPerson", context => LegalPersonAsync(context, ((CreditCode)context.Arguments["creditCode"]!).Value))
            .Bind("Query.legalPersonsByCreditCodes", ByCreditCodesAsync)
            .Bind("Query.legalPersons", ListAsync)
            .Bind("Mutation.correctLegalPerson", async context =>
                await store.CorrectAsync(Inputs.Correction(context.Arguments["input"], Today()), context.CancellationToken).ConfigureAwait(false))
            .Bind("Mutation.correctShareholders", async context =>
                await store.CorrectShareholdersAsync(Inputs.Shareholders(context.Arguments["input"]), context.CancellationToken).ConfigureAwait(false))
            .Bind("LegalPerson.kind", context => new(SchemaNames<LegalPersonKind>.Of(Of(context).Kind)))
            .Bind("LegalPerson.status", context => new(SchemaNames<LegalPersonStatus>.Of(Of(context).Status)))
            .Bind("LegalPerson.legalRepresentative", context => new(Of(context).RepresentativeIdNumber is { } id ? new PersonReference(id) : null))
            .Bind("LegalPerson.operatingPeriod", context => new(Of(context) is { OperatingFrom: { } from } l ? new OperatingPeriod(from, l.OperatingUntil) : null))
            .Bind("LegalPerson.standardAddress", context => new(Of(context).StandardAddressId is { } id ? new AddressReference(id) : null))
            .Bind("LegalPerson.division", context => new(new DivisionReference(Of(context).DivisionCode)))
            .Bind("LegalPerson.industry", context => new(Industry.Find(Of(context).IndustryCode)))
            .Bind("LegalPerson.registrationAuthority", context => new(new RegistrationAuthority(Of(context).AuthorityCreditCode)))
            .Bind("LegalPerson.shareholders", async context =>
                await context.Batch("shareholders", findShareholders).LoadAsync(Of(context).CreditCode).ConfigureAwait(false))
            .Bind("LegalPerson.annualReports", async context =>
                await context.Batch("annualReports", findAnnualReports).LoadAsync(Of(context).CreditCode).ConfigureAwait(false))
            .Bind("RegistrationAuthority.name", async context =>
                (await LegalPersonAsync(context, ((RegistrationAuthority)context.Source!).CreditCode).ConfigureAwait(false) as LegalPerson)?.Name)
            .Bind("RegistrationAuthority.legalPerson", context => LegalPersonAsync(context, ((RegistrationAuthority)context.Source!).CreditCode))
            .Bind("Shareholding.shareholder", context => ((Shareholding)context.Source!) switch
            {
                { ShareholderIdNumber: { } idNumber } => new(new PersonReference(idNumber)),
                { ShareholderCreditCode: { } creditCode } => LegalPersonAsync(context, creditCode),
                _ => new((object?)null),
            })
            .Bind("Person.representedLegalPersons", RepresentedAsync)
            .Entity("LegalPerson", r => r.GetString("creditCode")?.ToUpperInvariant() ?? "", EntitiesAsync)
            .Entity("Person", (representations, _) => new(representations
                .Select(r => IdNumber.TryParse(r.GetString("idNumber"), out var idNumber, out string? _) ? new PersonReference(idNumber.Value) : (object?)null)
                .ToList()));
        subgraph.Schema.BindType("Shareholder", value => value switch
        {
            PersonReference => "Person",
            LegalPerson => "LegalPerson",
            _ => null,
        });
        return subgraph;
    }

    private static LegalPerson Of(ResolveContext context) => (LegalPerson)context.Source!;

    private async ValueTask<object?> LegalPersonAsync(ResolveContext context, string creditCode) =>
        await context.Batch("legalPersons", findLegalPersons).LoadAsync(creditCode).ConfigureAwait(false);

    private async ValueTask<object?> ByCreditCodesAsync(ResolveContext context)
    {
        var codes = (IReadOnlyList<object?>)context.Arguments["creditCodes"]!;
        if (codes.Count > MaxKeys)
        {
            throw PagingErrorCodes.KeysOverLimit(codes.Count, MaxKeys);
        }

        var asked = codes.Select(c => ((CreditCode)c!).Value).ToList();
        var found = await store.FindAsync([.. asked.Distinct(StringComparer.Ordinal)], context.CancellationToken).ConfigureAwait(false);
        return asked.Select(code => found.GetValueOrDefault(code)).ToList();
    }

    private async ValueTask<object?> ListAsync(ResolveContext context)
    {
        var filter = Inputs.Filter(context.Arguments.GetValueOrDefault("filter"));
        if (filter.LegalRepresentative is not null && context.Caller()?.ScopeDivision is { } division)
        {
            filter = filter with { CallerDivisionPrefix = Inputs.DivisionPrefix(division) };
        }

        var request = PageRequest.For(context);
        var page = await store.ListAsync(filter, request, context.CancellationToken).ConfigureAwait(false);
        return Connection.From(page, request, SortKey);
    }

    /// <summary>
    /// One loader per distinct argument set: the gateway asks the same page for up to 100 persons at
    /// once, and the store answers them all in one round trip.
    /// </summary>
    private async ValueTask<object?> RepresentedAsync(ResolveContext context)
    {
        var request = PageRequest.For(context);
        var statuses = Inputs.Statuses(context.Arguments);
        var divisionPrefix = context.Caller()?.ScopeDivision is { } division ? Inputs.DivisionPrefix(division) : null;
        var loaderKey = $"representedLegalPersons:{(statuses is null ? "*" : string.Join(',', statuses))}:{request.First}:{request.After?[0]}";
        var loader = context.Batch<string, Connection>(loaderKey, async (idNumbers, ct) =>
        {
            var pages = await store.RepresentedAsync(idNumbers, statuses, divisionPrefix, request, ct).ConfigureAwait(false);
            return pages.ToDictionary(p => p.Key, p => Connection.From(p.Value, request, SortKey), StringComparer.Ordinal);
        });
        return await loader.LoadAsync(((PersonReference)context.Source!).IdNumber).ConfigureAwait(false);
    }

    private async ValueTask<IReadOnlyDictionary<string, object>> EntitiesAsync(IReadOnlyList<string> creditCodes, EntityBatchContext context)
    {
        var found = await store.FindAsync(creditCodes, context.CancellationToken).ConfigureAwait(false);
        return found.ToDictionary(p => p.Key, p => (object)p.Value, StringComparer.Ordinal);
    }

    private static string[] SortKey(LegalPerson legalPerson) => [legalPerson.CreditCode];

    /// <summary>Today in China Standard Time, where the register's dates are written.</summary>
    private DateOnly Today() => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime.AddHours(8));

    private static string ReadSdl()
    {
        using var stream = typeof(LegalPersonsSchema).Assembly.GetManifestResourceStream(SdlResource)
            ?? throw new InvalidOperationException($"The embedded resource {SdlResource} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

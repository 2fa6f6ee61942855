using Federation.Protocol.Agencies;
using Federation.Subgraphs.Hosting;
using Federation.Subgraphs.Hosting.Paging;
using Federation.Subgraphs.Hosting.Scalars;
using Federation.Subgraphs.Licences.Corrections;
using Federation.Subgraphs.Licences.Domain;
using Federation.Subgraphs.Licences.Seals;
using Federation.Subgraphs.Licences.Store;

namespace Federation.Subgraphs.Licences.Schema;

/// <summary>The licence library's subgraph: <c>schema/licences.graphql</c> with its resolvers bound.</summary>
internal static class LicencesSchema
{
    public const int MaxNumbers = 100;

    public static Subgraph Build(ILicenceStore store, Sealer sealer, SealVerifier verifier, TimeProvider clock)
    {
        var subgraph = Subgraph.FromSdl(LicencesSubgraph.Sdl);
        BindQueries(subgraph, store, verifier, clock);
        BindMutations(subgraph, store, sealer, clock);
        BindLicence(subgraph);
        HolderLicences.Bind(subgraph, store);
        subgraph.Entity(
            "Licence",
            r => r.GetString("number") ?? "",
            async (numbers, context) =>
            {
                var found = await FindVisibleAsync(store, numbers, LicenceVisibility.For(context.Caller), context.CancellationToken).ConfigureAwait(false);
                return found.ToDictionary(f => f.Key, f => (object)f.Value, StringComparer.Ordinal);
            });
        return subgraph;
    }

    private static void BindQueries(Subgraph subgraph, ILicenceStore store, SealVerifier verifier, TimeProvider clock)
    {
        subgraph
            .Bind("Query.licence", async context =>
            {
                // Every `licence(number:)` of a request (aliases) goes to one lookup.
                var visibility = Visibility(context);
                var loader = context.Batch<string, Licence>("Query.licence", (numbers, cancellationToken) => FindVisibleAsync(store, numbers, visibility, cancellationToken));
                return await loader.LoadAsync((string)context.Arguments["number"]!).ConfigureAwait(false);
            })
            .Bind("Query.licencesByNumbers", async context =>
            {
                var numbers = (IReadOnlyList<object?>)context.Arguments["numbers"]!;
                if (numbers.Count > MaxNumbers)
                {
                    throw PagingErrorCodes.KeysOverLimit(numbers.Count, MaxNumbers);
                }

                var keys = numbers.Select(n => (string)n!).Distinct(StringComparer.Ordinal).ToList();
                var found = await FindVisibleAsync(store, keys, Visibility(context), context.CancellationToken).ConfigureAwait(false);
                return numbers.Select(n => found.GetValueOrDefault((string)n!)).ToList();
            })
            .Bind("Query.licences", async context =>
            {
                var filter = Filter(context.Arguments.GetValueOrDefault("filter") as IReadOnlyDictionary<string, object?>) with
                {
                    WithheldTypeCodes = Visibility(context).WithheldTypeCodes,
                };
                var page = PageRequest.For(context, 2);
                var licences = await store.ListAsync(filter, page, context.CancellationToken).ConfigureAwait(false);
                return Connection.From(licences, page, LicenceOrder.SortKey);
            })
            .Bind("Query.licenceTypes", _ => new(LicenceCatalogue.All))
            .Bind("Query.verifyLicenceSeal", async context =>
            {
                var number = (string)context.Arguments["number"]!;
                // A withheld licence is verified exactly as a number the library does not hold: the
                // answer must not tell that it exists.
                var found = await FindVisibleAsync(store, [number], Visibility(context), context.CancellationToken).ConfigureAwait(false);
                var now = clock.GetUtcNow();
                return found.TryGetValue(number, out var licence)
                    ? verifier.Verify(licence, now)
                    : new SealVerification(null, false, $"The licence library holds no licence numbered {number}.", now);
            });
    }

    private static void BindMutations(Subgraph subgraph, ILicenceStore store, Sealer sealer, TimeProvider clock)
    {
        subgraph
            .Bind("Mutation.correctLicence", async context =>
            {
                var correction = LicenceCorrection.FromInput((IReadOnlyDictionary<string, object?>)context.Arguments["input"]!);
                var visibility = Visibility(context);
                var change = await store.ChangeAsync(
                    correction.Number,
                    current => visibility.Shows(current) ? correction.ApplyTo(current, ChangeContext.At(clock, sealer)) : throw LicenceErrorCodes.LicenceNotFound(correction.Number),
                    Reasons.ForEvent(correction.Reason, correction.ObjectionId),
                    context.CancellationToken).ConfigureAwait(false);
                return new CorrectLicencePayload(change.Licence, change.ChangedFields);
            })
            .Bind("Mutation.changeLicenceStatus", async context =>
            {
                var statusChange = StatusChange.FromInput((IReadOnlyDictionary<string, object?>)context.Arguments["input"]!);
                var visibility = Visibility(context);
                var change = await store.ChangeAsync(
                    statusChange.Number,
                    current => visibility.Shows(current) ? statusChange.ApplyTo(current, ChangeContext.At(clock, sealer)) : throw LicenceErrorCodes.LicenceNotFound(statusChange.Number),
                    statusChange.Reason,
                    context.CancellationToken).ConfigureAwait(false);
                return new CorrectLicencePayload(change.Licence, change.ChangedFields);
            });
    }

    /// <summary>Which licences the request's caller may know of (the row-scoped resources the gateway signed).</summary>
    internal static LicenceVisibility Visibility(GraphQL.Execution.ResolveContext context) => LicenceVisibility.For(context.Caller());

    /// <summary>The licences with these numbers the caller may know of: a withheld one is as absent as an unknown number.</summary>
    private static async ValueTask<IReadOnlyDictionary<string, Licence>> FindVisibleAsync(
        ILicenceStore store, IReadOnlyList<string> numbers, LicenceVisibility visibility, CancellationToken cancellationToken)
    {
        var found = await store.FindAsync(numbers, cancellationToken).ConfigureAwait(false);
        if (visibility.WithheldTypeCodes is null)
        {
            return found;
        }

        var shown = new Dictionary<string, Licence>(found.Count, StringComparer.Ordinal);
        foreach (var (number, licence) in found)
        {
            if (visibility.Shows(licence))
            {
                shown[number] = licence;
            }
        }

        return shown;
    }

    /// <summary>The fields whose GraphQL shape differs from the record's: references to other subgraphs' entities and enum names.</summary>
    private static void BindLicence(Subgraph subgraph)
    {
        subgraph
            .Bind("Licence.holder", context =>
            {
                var holder = ((Licence)context.Source!).Holder;
                return new(holder.Kind == HolderKind.Person ? new PersonRef(holder.Key) : new LegalPersonRef(holder.Key));
            })
            .Bind("Licence.issuingAgency", context => new(new LegalPersonRef(((Licence)context.Source!).IssuingAgencyCode)))
            .Bind("Licence.status", context => new(LicenceStatuses.Name(((Licence)context.Source!).Status)))
            .Bind("Licence.items", context => new(LicenceItemValues.Of((Licence)context.Source!)))
            .Bind("ElectronicSeal.digestAlgorithm", context => new(SealDigest.AlgorithmOf(((ElectronicSeal)context.Source!).Algorithm)))
            .Bind("ElectronicSeal.contentDigest", context =>
            {
                var seal = (ElectronicSeal)context.Source!;
                var digest = SealDigest.Of(seal.Algorithm, seal.CanonicalContent)
                    ?? throw LicenceErrorCodes.DigestUnavailableFor(seal.SealId, SealDigest.AlgorithmOf(seal.Algorithm));
                return new(Convert.ToBase64String(digest));
            })
            .Bind("LicenceType.holderKind", context => new(HolderKinds.Name(((LicenceType)context.Source!).HolderKind)));
        subgraph.Schema.BindType("LicenceHolder", value => value is PersonRef ? "Person" : "LegalPerson");
        subgraph.Schema.BindType("LicenceItems", value => ((LicenceItemValues)value).Type.ItemsTypeName);
    }

    /// <summary>The GraphQL <c>LicenceFilter</c>; an unknown type code is refused rather than matching nothing silently.</summary>
    internal static LicenceFilter Filter(IReadOnlyDictionary<string, object?>? input)
    {
        if (input is null)
        {
            return LicenceFilter.All;
        }

        return new LicenceFilter
        {
            TypeCodes = TypeCodes(input.GetValueOrDefault("typeCodes")),
            Statuses = Statuses(input.GetValueOrDefault("statuses")),
            HolderIdNumber = input.GetValueOrDefault("holderIdNumber") is IdNumber idNumber ? idNumber.Value : null,
            HolderCreditCode = input.GetValueOrDefault("holderCreditCode") is CreditCode holder ? holder.Value : null,
            IssuingAgency = input.GetValueOrDefault("issuingAgency") is CreditCode agency ? agency.Value : null,
            IssuedOnOrAfter = input.GetValueOrDefault("issuedOnOrAfter") as DateOnly?,
            IssuedOnOrBefore = input.GetValueOrDefault("issuedOnOrBefore") as DateOnly?,
            ValidOn = input.GetValueOrDefault("validOn") as DateOnly?,
            UpdatedSince = input.GetValueOrDefault("updatedSince") as DateTimeOffset?,
        };
    }

    internal static IReadOnlyList<string>? TypeCodes(object? value)
    {
        if (value is not IEnumerable<object?> codes)
        {
            return null;
        }

        var list = new List<string>();
        foreach (var code in codes)
        {
            var text = (string)code!;
            if (LicenceCatalogue.Find(text) is null)
            {
                throw LicenceErrorCodes.Invalid("typeCodes", $"\"{text}\" is not a licence type code; the catalogue has {string.Join(", ", LicenceCatalogue.All.Select(t => t.Code))}.");
            }

            list.Add(text);
        }

        return list;
    }

    internal static IReadOnlyList<LicenceStatus>? Statuses(object? value) =>
        value is IEnumerable<object?> statuses ? statuses.Select(s => LicenceStatuses.Parse((string)s!)).ToList() : null;
}

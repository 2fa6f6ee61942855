using System.Reflection;
using Federation.GraphQL.Execution;
using Federation.Protocol.Agencies;
using Federation.Subgraphs.Hosting;
using Federation.Subgraphs.Hosting.Paging;
using Federation.Subgraphs.Hosting.Scalars;
using Federation.Subgraphs.Population.Domain;
using Federation.Subgraphs.Population.Store;

namespace Federation.Subgraphs.Population.Schema;

/// <summary>
/// The population subgraph: <c>schema/population.graphql</c> with its resolvers. Nested persons and
/// households go through request-wide batch loaders, so a page of 100 households asking for their
/// heads and members costs one store call per field, not one per household.
/// </summary>
internal static class PopulationSchema
{
    public const int MaxKeys = 100;

    private const string PersonsLoader = "population.persons";
    private const string HouseholdsLoader = "population.households";
    private const string MembersLoader = "population.members";

    /// <summary>The SDL as the repository's <c>schema/population.graphql</c> holds it, embedded at build.</summary>
    public static string Sdl { get; } = ReadSdl();

    public static Subgraph Build(IPopulationStore store) =>
        Subgraph.FromSdl(Sdl)
            .Bind("Query.person", context => LoadPerson(context, store, InputFields.Text(context.Arguments["idNumber"])))
            .Bind("Query.personsByIdNumbers", context => PersonsInOrderAsync(context, store))
            .Bind("Query.persons", async context =>
            {
                var request = PageRequest.For(context);
                var filter = PersonFilterOf(InputFields.Object(context.Arguments, "filter")) with { CallerDivision = context.Caller()?.ScopeDivision };
                var page = await store.ListPersonsAsync(filter, request, context.CancellationToken).ConfigureAwait(false);
                return Connection.From(page, request, p => [p.IdNumber]);
            })
            .Bind("Query.household", context => LoadHousehold(context, store, InputFields.Text(context.Arguments["number"])))
            .Bind("Query.households", async context =>
            {
                var request = PageRequest.For(context);
                var filter = HouseholdFilterOf(InputFields.Object(context.Arguments, "filter")) with { CallerDivision = context.Caller()?.ScopeDivision };
                var page = await store.ListHouseholdsAsync(filter, request, context.CancellationToken).ConfigureAwait(false);
                return Connection.From(page, request, h => [h.Number]);
            })
            .Bind("Mutation.correctPerson", async context =>
            {
                var change = await store.CorrectPersonAsync(PersonCorrectionOf(InputFields.Object(context.Arguments, "input")), context.CancellationToken).ConfigureAwait(false);
                return new CorrectPersonPayload(change.Person, change.ChangedFields);
            })
            .Bind("Mutation.recordDeath", async context =>
            {
                var input = InputFields.Object(context.Arguments, "input");
                var death = new DeathRecord(InputFields.Text(input, "idNumber")!, InputFields.Value<DateOnly>(input, "deathDate"), InputFields.Text(input, "reason")!);
                var change = await store.RecordDeathAsync(death, context.CancellationToken).ConfigureAwait(false);
                return new RecordDeathPayload(change.Person);
            })
            .Bind("Mutation.correctHousehold", async context =>
            {
                var change = await store.CorrectHouseholdAsync(HouseholdCorrectionOf(InputFields.Object(context.Arguments, "input")), context.CancellationToken).ConfigureAwait(false);
                return new CorrectHouseholdPayload(change.Household, change.ChangedFields);
            })
            .Bind("Person.ethnicity", context => Value(EthnicityOf(Source<Person>(context))))
            .Bind("Person.registeredDivision", context => Value(new DivisionReference(Source<Person>(context).RegisteredDivision)))
            .Bind("Person.residenceStandardAddress", context => Value(Source<Person>(context).ResidenceAddressId is { } id ? new AddressReference(id) : null))
            .Bind("Person.household", context => LoadHousehold(context, store, Source<Person>(context).HouseholdNumber))
            .Bind("Household.head", context => LoadPerson(context, store, Source<Household>(context).HeadIdNumber))
            .Bind("Household.members", async context =>
            {
                var members = await context.Batch<string, IReadOnlyList<Person>>(MembersLoader, (numbers, ct) => new(store.MembersAsync(numbers, ct))).LoadAsync(Source<Household>(context).Number).ConfigureAwait(false);
                return (members ?? []).Select(m => new HouseholdMember(m, m.RelationToHead ?? HouseholdRelations.NonRelative)).ToList();
            })
            .Bind("Household.division", context => Value(new DivisionReference(Source<Household>(context).Division)))
            .Entity("Person", r => r.GetString("idNumber") ?? "", async (ids, context) =>
                Boxed(await store.PersonsAsync(ids, context.CancellationToken).ConfigureAwait(false)))
            .Entity("Household", r => r.GetString("number") ?? "", async (numbers, context) =>
                Boxed((await store.HouseholdsAsync(numbers, context.CancellationToken).ConfigureAwait(false))
                    .Where(h => context.Caller is not { } caller || caller.Sees(h.Value.Division))
                    .ToDictionary(StringComparer.Ordinal)));

    private static async ValueTask<object?> PersonsInOrderAsync(ResolveContext context, IPopulationStore store)
    {
        var idNumbers = ((IEnumerable<object?>)context.Arguments["idNumbers"]!).Select(InputFields.Text).ToList();
        if (idNumbers.Count > MaxKeys)
        {
            throw PagingErrorCodes.KeysOverLimit(idNumbers.Count, MaxKeys);
        }

        var found = await store.PersonsAsync(idNumbers.Distinct().ToList()!, context.CancellationToken).ConfigureAwait(false);
        return idNumbers.Select(id => found.GetValueOrDefault(id!)).ToList();
    }

    private static async ValueTask<object?> LoadPerson(ResolveContext context, IPopulationStore store, string? idNumber) =>
        idNumber is null ? null : await context.Batch<string, Person>(PersonsLoader, (ids, ct) => new(store.PersonsAsync(ids, ct))).LoadAsync(idNumber).ConfigureAwait(false);

    /// <summary>The household, or null when there is none or it lies outside the caller's division (households are division-scoped).</summary>
    private static async ValueTask<object?> LoadHousehold(ResolveContext context, IPopulationStore store, string? number)
    {
        if (number is null)
        {
            return null;
        }

        var caller = context.Caller();
        var household = await context.Batch<string, Household>(HouseholdsLoader, (numbers, ct) => new(store.HouseholdsAsync(numbers, ct))).LoadAsync(number).ConfigureAwait(false);
        return household is not null && (caller is null || caller.Sees(household.Division)) ? household : null;
    }

    private static PersonFilter PersonFilterOf(IReadOnlyDictionary<string, object?> filter) => new()
    {
        NameContains = InputFields.Text(filter, "nameContains"),
        RegisteredDivision = InputFields.Value<DivisionCode?>(filter, "registeredDivision"),
        Gender = InputFields.Text(filter, "gender"),
        EthnicityCode = InputFields.Text(filter, "ethnicityCode"),
        BornOnOrAfter = InputFields.Value<DateOnly?>(filter, "bornOnOrAfter"),
        BornOnOrBefore = InputFields.Value<DateOnly?>(filter, "bornOnOrBefore"),
        VitalStatus = InputFields.Text(filter, "vitalStatus"),
        MaritalStatus = InputFields.Text(filter, "maritalStatus"),
        HouseholdNumber = InputFields.Text(filter, "householdNumber"),
        UpdatedSince = InputFields.Value<DateTimeOffset?>(filter, "updatedSince"),
    };

    private static HouseholdFilter HouseholdFilterOf(IReadOnlyDictionary<string, object?> filter) => new()
    {
        Division = InputFields.Value<DivisionCode?>(filter, "division"),
        Kind = InputFields.Text(filter, "kind"),
        HeadIdNumber = InputFields.Text(filter, "headIdNumber"),
        UpdatedSince = InputFields.Value<DateTimeOffset?>(filter, "updatedSince"),
    };

    private static PersonCorrection PersonCorrectionOf(IReadOnlyDictionary<string, object?> input) =>
        new(InputFields.Text(input, "idNumber")!, InputFields.Text(input, "reason")!)
        {
            ObjectionId = InputFields.Text(input, "objectionId"),
            Name = InputFields.OptionalText(input, "name"),
            FormerNames = InputFields.OptionalTexts(input, "formerNames"),
            Gender = InputFields.OptionalText(input, "gender"),
            EthnicityCode = InputFields.OptionalText(input, "ethnicityCode"),
            BirthDate = InputFields.OptionalDate(input, "birthDate"),
            RegisteredAddress = InputFields.OptionalText(input, "registeredAddress"),
            RegisteredDivision = InputFields.OptionalText(input, "registeredDivision"),
            ResidenceAddress = InputFields.OptionalText(input, "residenceAddress"),
            ResidenceStandardAddressId = InputFields.OptionalText(input, "residenceStandardAddressId"),
            MaritalStatus = InputFields.OptionalText(input, "maritalStatus"),
            Education = InputFields.OptionalText(input, "education"),
            Phone = InputFields.OptionalText(input, "phone"),
        };

    private static HouseholdCorrection HouseholdCorrectionOf(IReadOnlyDictionary<string, object?> input) =>
        new(InputFields.Text(input, "number")!, InputFields.Text(input, "reason")!)
        {
            ObjectionId = InputFields.Text(input, "objectionId"),
            Kind = InputFields.OptionalText(input, "kind"),
            HeadIdNumber = InputFields.OptionalText(input, "headIdNumber"),
            Address = InputFields.OptionalText(input, "address"),
            Division = InputFields.OptionalText(input, "division"),
        };

    private static T Source<T>(ResolveContext context) => (T)context.Source!;

    /// <summary>The GB/T 3304 group; a code the table lacks (only a database edited by hand holds one) is shown as its own name.</summary>
    private static Ethnicity EthnicityOf(Person person) => Ethnicity.Find(person.EthnicityCode) ?? new Ethnicity(person.EthnicityCode, person.EthnicityCode);

    private static ValueTask<object?> Value(object? value) => new(value);

    private static IReadOnlyDictionary<string, object> Boxed<T>(IReadOnlyDictionary<string, T> found)
        where T : class =>
        found.ToDictionary(e => e.Key, e => (object)e.Value, StringComparer.Ordinal);

    private static string ReadSdl()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("population.graphql")
            ?? throw new InvalidOperationException("population.graphql is not embedded in the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

/// <summary>A reference to a division the spatial register owns (<c>@key(fields: "code", resolvable: false)</c>).</summary>
internal sealed record DivisionReference(string Code);

/// <summary>A reference to a standard address the spatial register owns.</summary>
internal sealed record AddressReference(string Id);

internal sealed record HouseholdMember(Person Person, string RelationToHead);

internal sealed record CorrectPersonPayload(Person Person, IReadOnlyList<string> ChangedFields);

internal sealed record RecordDeathPayload(Person Person);

internal sealed record CorrectHouseholdPayload(Household Household, IReadOnlyList<string> ChangedFields);

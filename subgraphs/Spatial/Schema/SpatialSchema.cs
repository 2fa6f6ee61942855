using System.Reflection;
using Federation.GraphQL.Execution;
using Federation.Subgraphs.Hosting;
using Federation.Subgraphs.Hosting.Paging;
using Federation.Subgraphs.Spatial.Domain;
using Federation.Subgraphs.Spatial.Geo;
using Federation.Subgraphs.Spatial.Store;

namespace Federation.Subgraphs.Spatial.Schema;

/// <summary>
/// The spatial subgraph: <c>schema/spatial.graphql</c> (embedded from the repository) with the
/// register's resolvers. Nested lookups go through the request's batch loaders, so a list of N
/// addresses asking for their divisions or parcels costs one store call per level, not N.
/// </summary>
internal static class SpatialSchema
{
    public static string Sdl { get; } = ReadSdl();

    public static Subgraph Build(ISpatialStore store)
    {
        var subgraph = Bound(Subgraph.FromSdl(Sdl), store);
        subgraph.Schema.BindType("RightHolder", value => value switch
        {
            PersonHolder => "Person",
            LegalPersonHolder => "LegalPerson",
            _ => null,
        });
        return subgraph;
    }

    private static Subgraph Bound(Subgraph subgraph, ISpatialStore store) => subgraph
        .Bind("Query.division", context => Load(context, Divisions(context, store), Arguments.Division(context.Arguments, "code")!))
        .Bind("Query.divisions", async context =>
        {
            var parent = Arguments.Division(context.Arguments, "parent") ?? "";
            var children = await store.ChildrenAsync([parent], Arguments.Boolean(context.Arguments, "includeAbolished"), context.CancellationToken).ConfigureAwait(false);
            return children[parent];
        })
        .Bind("Query.divisionAt", async context =>
        {
            var point = Arguments.Point(context.Arguments["point"], "point");
            var level = context.Arguments.TryGetValue("level", out var value) && value is string name ? name : Division.County;
            return await store.DivisionAtAsync(point.Longitude, point.Latitude, level, context.CancellationToken).ConfigureAwait(false);
        })
        .Bind("Query.address", context => Load(context, Addresses(context, store), (string)context.Arguments["id"]!))
        .Bind("Query.searchAddresses", async context =>
        {
            var search = Arguments.Search(context.Arguments);
            var page = PageRequest.For(context, sortKeyParts: 2);
            return Connection.From(await store.SearchAddressesAsync(search, page, context.CancellationToken).ConfigureAwait(false), page, SortKeys.Search);
        })
        .Bind("Query.addressesNear", async context =>
        {
            var point = Arguments.Point(context.Arguments["point"], "point");
            var metres = Arguments.Distance(context.Arguments);
            var page = PageRequest.For(context, sortKeyParts: 2);
            var near = await store.AddressesNearAsync(point.Longitude, point.Latitude, metres, page, context.CancellationToken).ConfigureAwait(false);
            return NearConnection(near, page, a => a.Id);
        })
        .Bind("Query.parcel", context => Load(context, Parcels(context, store), (string)context.Arguments["unitCode"]!))
        .Bind("Query.parcels", context => ParcelsAsync(context, store, area: null))
        .Bind("Query.parcelsInBox", context => ParcelsAsync(context, store, Arguments.Box(context.Arguments["box"])))
        .Bind("Query.parcelsInPolygon", context => ParcelsAsync(
            context, store, GeoJsonConversion.ToArea((Hosting.Scalars.GeoJsonGeometry)context.Arguments["polygon"]!, "polygon")))
        .Bind("Query.parcelsNear", async context =>
        {
            var point = Arguments.Point(context.Arguments["point"], "point");
            var metres = Arguments.Distance(context.Arguments);
            var filter = WithinCallerDivision(Arguments.Filter(context.Arguments), context);
            var page = PageRequest.For(context, sortKeyParts: 2);
            var near = await store.ParcelsNearAsync(point.Longitude, point.Latitude, metres, filter, page, context.CancellationToken).ConfigureAwait(false);
            return NearConnection(near, page, p => p.UnitCode);
        })
        .Bind("Mutation.correctAddress", async context =>
        {
            var correction = Arguments.AddressCorrection((IReadOnlyDictionary<string, object?>)context.Arguments["input"]!);
            var corrected = await store.CorrectAddressAsync(correction, context.CancellationToken).ConfigureAwait(false);
            return new Dictionary<string, object?> { ["address"] = corrected.Record, ["changedFields"] = corrected.ChangedFields };
        })
        .Bind("Mutation.correctParcel", async context =>
        {
            var correction = Arguments.ParcelCorrection((IReadOnlyDictionary<string, object?>)context.Arguments["input"]!);
            var corrected = await store.CorrectParcelAsync(correction, context.CancellationToken).ConfigureAwait(false);
            return new Dictionary<string, object?> { ["parcel"] = corrected.Record, ["changedFields"] = corrected.ChangedFields };
        })
        .Bind("AdministrativeDivision.parent", context =>
            ((Division)context.Source!).ParentCode is { } parent ? Load(context, Divisions(context, store), parent) : default)
        .Bind("AdministrativeDivision.children", async context =>
            await context.Batch<string, IReadOnlyList<Division>>("division-children", async (codes, cancellationToken) =>
                await store.ChildrenAsync(codes, includeAbolished: false, cancellationToken).ConfigureAwait(false))
                .LoadAsync(((Division)context.Source!).Code).ConfigureAwait(false) ?? [])
        .Bind("AdministrativeDivision.boundary", context =>
            new(((Division)context.Source!).Boundary is { } boundary ? GeoJsonConversion.ToGeoJson(boundary) : null))
        .Bind("AdministrativeDivision.centre", context =>
            new(GeoJsonConversion.ToGeoJsonPoint(((Division)context.Source!).CentreLongitude, ((Division)context.Source!).CentreLatitude)))
        .Bind("Address.division", context => Load(context, Divisions(context, store), ((Address)context.Source!).DivisionCode))
        .Bind("Address.location", context => new(GeoJsonConversion.ToGeoJsonPoint(((Address)context.Source!).Longitude, ((Address)context.Source!).Latitude)))
        .Bind("Address.parcel", context =>
            ((Address)context.Source!).ParcelUnitCode is { } code ? Load(context, Parcels(context, store), code) : default)
        .Bind("Parcel.boundary", context => new(GeoJsonConversion.ToGeoJson(((Parcel)context.Source!).Boundary)))
        .Bind("Parcel.division", context => Load(context, Divisions(context, store), ((Parcel)context.Source!).DivisionCode))
        .Bind("Parcel.rightHolders", context => new(context.Caller() is { } caller && !caller.Sees(((Parcel)context.Source!).DivisionCode) ? [] : ((Parcel)context.Source!).Rights))
        .Bind("Person.parcels", context => HolderParcelsAsync(context, store, HolderKind.Person, ((PersonHolder)context.Source!).IdNumber))
        .Bind("LegalPerson.parcels", context => HolderParcelsAsync(context, store, HolderKind.LegalPerson, ((LegalPersonHolder)context.Source!).CreditCode))
        .Entity("AdministrativeDivision", r => r.GetString("code") ?? "", async (codes, context) =>
            Entities(await store.DivisionsAsync(codes, context.CancellationToken).ConfigureAwait(false)))
        .Entity("Address", r => r.GetString("id") ?? "", async (ids, context) =>
            Entities(await store.AddressesAsync(ids, context.CancellationToken).ConfigureAwait(false)))
        .Entity("Parcel", r => r.GetString("unitCode") ?? "", async (codes, context) =>
            Entities(await store.ParcelsAsync(codes, context.CancellationToken).ConfigureAwait(false)))
        .Entity("Person", r => r.GetString("idNumber") ?? "", (ids, _) =>
            new(ids.ToDictionary(id => id, id => (object)new PersonHolder(id))))
        .Entity("LegalPerson", r => r.GetString("creditCode") ?? "", (codes, _) =>
            new(codes.ToDictionary(code => code, code => (object)new LegalPersonHolder(code))));

    private static BatchLoader<string, Division> Divisions(ResolveContext context, ISpatialStore store) =>
        context.Batch<string, Division>("divisions", async (codes, cancellationToken) =>
            await store.DivisionsAsync(codes, cancellationToken).ConfigureAwait(false));

    private static BatchLoader<string, Address> Addresses(ResolveContext context, ISpatialStore store) =>
        context.Batch<string, Address>("addresses", async (ids, cancellationToken) =>
            await store.AddressesAsync(ids, cancellationToken).ConfigureAwait(false));

    private static BatchLoader<string, Parcel> Parcels(ResolveContext context, ISpatialStore store) =>
        context.Batch<string, Parcel>("parcels", async (codes, cancellationToken) =>
            await store.ParcelsAsync(codes, cancellationToken).ConfigureAwait(false));

    private static async ValueTask<object?> Load<T>(ResolveContext context, BatchLoader<string, T> loader, string key) =>
        await loader.LoadAsync(key).ConfigureAwait(false);

    private static async ValueTask<object?> ParcelsAsync(ResolveContext context, ISpatialStore store, NetTopologySuite.Geometries.Geometry? area)
    {
        var filter = WithinCallerDivision(Arguments.Filter(context.Arguments), context);
        var page = PageRequest.For(context);
        return Connection.From(await store.ParcelsAsync(filter, area, page, context.CancellationToken).ConfigureAwait(false), page, SortKeys.Parcel);
    }

    /// <summary>
    /// The parcels of one holder of many: the holders asked for with the same page arguments share
    /// one loader, so a list of persons costs one store call (one SQL statement).
    /// </summary>
    private static async ValueTask<object?> HolderParcelsAsync(ResolveContext context, ISpatialStore store, HolderKind kind, string holder)
    {
        var page = PageRequest.For(context);
        var callerDivision = context.Caller()?.ScopeDivision?.Value;
        var loader = context.Batch<string, Page<Parcel>>(
            $"parcels-of-{kind}:{page.First}:{page.After?[0]}",
            async (holders, cancellationToken) => await store.ParcelsOfHoldersAsync(kind, holders, callerDivision, page, cancellationToken).ConfigureAwait(false));
        var found = await loader.LoadAsync(holder).ConfigureAwait(false) ?? new Page<Parcel>([], false, 0);
        return Connection.From(found, page, SortKeys.Parcel);
    }

    /// <summary>A search by right holder limited to the caller's division (rights in land are division-scoped); other searches as they are.</summary>
    private static ParcelFilter WithinCallerDivision(ParcelFilter filter, ResolveContext context) =>
        filter.SearchesByHolder && context.Caller()?.ScopeDivision is { } division ? filter with { CallerDivision = division.Value } : filter;

    private static Connection NearConnection<T>(Page<Near<T>> near, PageRequest page, Func<T, string> keyOf)
        where T : notnull
    {
        var keys = new Dictionary<object, string[]>(near.Items.Count, ReferenceEqualityComparer.Instance);
        var items = new List<T>(near.Items.Count);
        foreach (var item in near.Items)
        {
            keys[item.Item] = SortKeys.Near(item.DistanceMetres, keyOf(item.Item));
            items.Add(item.Item);
        }

        return Connection.From(new Page<T>(items, near.HasNextPage, near.TotalCount), page, item => keys[item]);
    }

    private static IReadOnlyDictionary<string, object> Entities<T>(IReadOnlyDictionary<string, T> found)
        where T : notnull =>
        found.ToDictionary(e => e.Key, e => (object)e.Value, StringComparer.Ordinal);

    private static string ReadSdl()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("spatial.graphql")
            ?? throw new InvalidOperationException("The assembly lacks its embedded schema spatial.graphql.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

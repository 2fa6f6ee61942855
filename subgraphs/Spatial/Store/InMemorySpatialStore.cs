using Federation.Protocol.Agencies;
using Federation.Subgraphs.Hosting.Changes;
using Federation.Subgraphs.Hosting.Paging;
using Federation.Subgraphs.Spatial.Domain;
using Federation.Subgraphs.Spatial.Geo;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;

namespace Federation.Subgraphs.Spatial.Store;

/// <summary>
/// The register in memory, for the embedded default: dictionaries by key, a sorted index of unit
/// codes, holder indexes, and STR-tree indexes of boundaries and positions (rebuilt after a
/// correction moves something, as an STR tree cannot be edited). Distances and areas are those of
/// <see cref="Geodesy"/>; containment and intersection are NetTopologySuite's, planar in degrees as
/// PostGIS's geometry predicates are.
/// </summary>
internal sealed class InMemorySpatialStore : ISpatialStore
{
    private const string Subgraph = "spatial";

    private readonly Lock gate = new();
    private readonly IChangeEventPublisher publisher;
    private readonly TimeProvider clock;
    private readonly Dictionary<string, Division> divisions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Address> addresses = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, Parcel> parcels = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SortedSet<string>> parcelsOfPerson = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SortedSet<string>> parcelsOfLegalPerson = new(StringComparer.Ordinal);
    private STRtree<Division>? divisionTree;
    private STRtree<Address>? addressTree;
    private STRtree<Parcel>? parcelTree;

    public InMemorySpatialStore(IChangeEventPublisher publisher, TimeProvider? clock = null)
    {
        this.publisher = publisher;
        this.clock = clock ?? TimeProvider.System;
    }

    /// <summary>Whether a seed has been loaded (the readiness check of the embedded default).</summary>
    public bool IsLoaded { get; private set; }

    /// <summary>Loads a register's records, replacing any of the same keys.</summary>
    public void Load(RegisterData data)
    {
        lock (gate)
        {
            LoadUnderLock(data);
            IsLoaded = true;
        }
    }

    private void LoadUnderLock(RegisterData data)
    {
        divisionTree = null;
        addressTree = null;
        parcelTree = null;
        foreach (var division in data.Divisions)
        {
            divisions[division.Code] = division;
        }

        foreach (var address in data.Addresses)
        {
            addresses[address.Id] = address;
        }

        foreach (var parcel in data.Parcels)
        {
            if (parcels.TryGetValue(parcel.UnitCode, out var replaced))
            {
                IndexHolders(replaced, add: false);
            }

            parcels[parcel.UnitCode] = parcel;
            IndexHolders(parcel, add: true);
        }
    }

    public Task<bool> IsReadyAsync(CancellationToken cancellationToken) => Task.FromResult(IsLoaded);

    public Task<IReadOnlyDictionary<string, Division>> DivisionsAsync(IReadOnlyList<string> codes, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, Division>(StringComparer.Ordinal);
        lock (gate)
        {
            foreach (var code in codes)
            {
                if (divisions.TryGetValue(code, out var division))
                {
                    found[code] = division;
                }
            }
        }

        return Task.FromResult<IReadOnlyDictionary<string, Division>>(found);
    }

    public Task<IReadOnlyDictionary<string, IReadOnlyList<Division>>> ChildrenAsync(IReadOnlyList<string> parents, bool includeAbolished, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, IReadOnlyList<Division>>(StringComparer.Ordinal);
        lock (gate)
        {
            foreach (var parent in parents)
            {
                found[parent] = divisions.Values
                    .Where(d => (d.ParentCode ?? "") == parent && (includeAbolished || d.InForce))
                    .OrderBy(d => d.Code, StringComparer.Ordinal)
                    .ToList();
            }
        }

        return Task.FromResult<IReadOnlyDictionary<string, IReadOnlyList<Division>>>(found);
    }

    public Task<Division?> DivisionAtAsync(double longitude, double latitude, string level, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult(DivisionAt(longitude, latitude, level));
        }
    }

    public Task<IReadOnlyDictionary<string, Address>> AddressesAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, Address>(StringComparer.Ordinal);
        lock (gate)
        {
            foreach (var id in ids)
            {
                if (addresses.TryGetValue(id, out var address))
                {
                    found[id] = address;
                }
            }
        }

        return Task.FromResult<IReadOnlyDictionary<string, Address>>(found);
    }

    public Task<Page<Address>> SearchAddressesAsync(AddressSearch search, PageRequest page, CancellationToken cancellationToken)
    {
        var prefix = search.DivisionCode is { } code ? Division.Prefix(code) : null;
        List<(int Length, Address Address)> matches;
        lock (gate)
        {
            matches = [];
            foreach (var address in addresses.Values)
            {
                if ((prefix is null || address.DivisionCode.StartsWith(prefix, StringComparison.Ordinal)) && ContainsAll(address.Text, search.Terms))
                {
                    matches.Add((SortKeys.TextLength(address.Text), address));
                }
            }
        }

        matches.Sort((a, b) => a.Length != b.Length ? a.Length.CompareTo(b.Length) : string.CompareOrdinal(a.Address.Id, b.Address.Id));
        var after = SortKeys.SearchAfter(page);
        var rows = matches
            .Where(m => after is not { } a || m.Length > a.Length || (m.Length == a.Length && string.CompareOrdinal(m.Address.Id, a.Id) > 0))
            .Take(page.First + 1)
            .Select(m => m.Address)
            .ToList();
        return Task.FromResult(Page<Address>.FromRows(rows, page, matches.Count));
    }

    public Task<Page<Near<Address>>> AddressesNearAsync(double longitude, double latitude, double metres, PageRequest page, CancellationToken cancellationToken)
    {
        List<Near<Address>> near = [];
        lock (gate)
        {
            addressTree ??= BuildTree(addresses.Values, a => new Envelope(a.Longitude, a.Longitude, a.Latitude, a.Latitude));
            foreach (var address in addressTree.Query(Geodesy.Around(longitude, latitude, metres)))
            {
                var distance = Geodesy.Distance(longitude, latitude, address.Longitude, address.Latitude);
                if (distance <= metres)
                {
                    near.Add(new Near<Address>(address, distance));
                }
            }
        }

        return Task.FromResult(NearPage(near, a => a.Id, page));
    }

    public Task<IReadOnlyDictionary<string, Parcel>> ParcelsAsync(IReadOnlyList<string> unitCodes, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, Parcel>(StringComparer.Ordinal);
        lock (gate)
        {
            foreach (var code in unitCodes)
            {
                if (parcels.TryGetValue(code, out var parcel))
                {
                    found[code] = parcel;
                }
            }
        }

        return Task.FromResult<IReadOnlyDictionary<string, Parcel>>(found);
    }

    public Task<Page<Parcel>> ParcelsAsync(ParcelFilter filter, Geometry? area, PageRequest page, CancellationToken cancellationToken)
    {
        List<Parcel> matching;
        lock (gate)
        {
            IEnumerable<Parcel> candidates;
            if (area is null)
            {
                candidates = parcels.Values;
            }
            else
            {
                parcelTree ??= BuildTree(parcels.Values, p => p.Boundary.EnvelopeInternal);
                var prepared = NetTopologySuite.Geometries.Prepared.PreparedGeometryFactory.Prepare(area);
                candidates = parcelTree.Query(area.EnvelopeInternal)
                    .Where(p => prepared.Intersects(p.Boundary))
                    .OrderBy(p => p.UnitCode, StringComparer.Ordinal);
            }

            matching = [.. candidates.Where(filter.Matches)];
        }

        return Task.FromResult(UnitCodePage(matching, page));
    }

    public Task<Page<Near<Parcel>>> ParcelsNearAsync(double longitude, double latitude, double metres, ParcelFilter filter, PageRequest page, CancellationToken cancellationToken)
    {
        List<Near<Parcel>> near = [];
        lock (gate)
        {
            parcelTree ??= BuildTree(parcels.Values, p => p.Boundary.EnvelopeInternal);
            foreach (var parcel in parcelTree.Query(Geodesy.Around(longitude, latitude, metres)))
            {
                if (!filter.Matches(parcel))
                {
                    continue;
                }

                var distance = Geodesy.Distance(longitude, latitude, parcel.Boundary);
                if (distance <= metres)
                {
                    near.Add(new Near<Parcel>(parcel, distance));
                }
            }
        }

        return Task.FromResult(NearPage(near, p => p.UnitCode, page));
    }

    public Task<IReadOnlyDictionary<string, Page<Parcel>>> ParcelsOfHoldersAsync(HolderKind kind, IReadOnlyList<string> holders, string? callerDivision, PageRequest page, CancellationToken cancellationToken)
    {
        var within = callerDivision is null ? "" : Division.Prefix(callerDivision);
        var index = kind == HolderKind.Person ? parcelsOfPerson : parcelsOfLegalPerson;
        var found = new Dictionary<string, Page<Parcel>>(StringComparer.Ordinal);
        lock (gate)
        {
            foreach (var holder in holders)
            {
                found[holder] = UnitCodePage(index.TryGetValue(holder, out var codes) ? [.. codes.Select(c => parcels[c]).Where(p => p.DivisionCode.StartsWith(within, StringComparison.Ordinal))] : [], page);
            }
        }

        return Task.FromResult<IReadOnlyDictionary<string, Page<Parcel>>>(found);
    }

    public async Task<Corrected<Address>> CorrectAddressAsync(AddressCorrection correction, CancellationToken cancellationToken)
    {
        Address corrected;
        List<string> changed;
        lock (gate)
        {
            var current = addresses.GetValueOrDefault(correction.Id) ?? throw SpatialErrorCodes.RecordNotFound("address", correction.Id);
            (corrected, changed) = correction.ApplyAsync(current, new Register(this), RegisterClock.Now(clock), cancellationToken).GetAwaiter().GetResult();
            if (changed.Count > 0)
            {
                addresses[corrected.Id] = corrected;
                addressTree = null;
            }
        }

        if (changed.Count > 0)
        {
            await publisher.PublishAsync(new ChangeEvent(Subgraph, "Address", corrected.Id, changed, correction.Reason, corrected.UpdatedAt), cancellationToken).ConfigureAwait(false);
        }

        return new Corrected<Address>(corrected, changed);
    }

    public async Task<Corrected<Parcel>> CorrectParcelAsync(ParcelCorrection correction, CancellationToken cancellationToken)
    {
        Parcel corrected;
        List<string> changed;
        lock (gate)
        {
            var current = parcels.GetValueOrDefault(correction.UnitCode) ?? throw SpatialErrorCodes.RecordNotFound("parcel", correction.UnitCode);
            (corrected, changed) = correction.ApplyAsync(current, new Register(this), RegisterClock.Now(clock), cancellationToken).GetAwaiter().GetResult();
            if (changed.Count > 0)
            {
                IndexHolders(current, add: false);
                parcels[corrected.UnitCode] = corrected;
                IndexHolders(corrected, add: true);
                parcelTree = null;
            }
        }

        if (changed.Count > 0)
        {
            await publisher.PublishAsync(new ChangeEvent(Subgraph, "Parcel", corrected.UnitCode, changed, correction.Reason, corrected.UpdatedAt), cancellationToken).ConfigureAwait(false);
        }

        return new Corrected<Parcel>(corrected, changed);
    }

    private Division? DivisionAt(double longitude, double latitude, string level)
    {
        divisionTree ??= BuildTree(divisions.Values.Where(d => d.InForce && d.Boundary is not null), d => d.Boundary!.EnvelopeInternal);
        var point = Cgcs2000.Point(longitude, latitude);
        Division? found = null;
        foreach (var division in divisionTree.Query(point.EnvelopeInternal))
        {
            if (division.Level == level && division.Boundary!.Covers(point) && (found is null || string.CompareOrdinal(division.Code, found.Code) < 0))
            {
                found = division;
            }
        }

        return found;
    }

    private void IndexHolders(Parcel parcel, bool add)
    {
        foreach (var right in parcel.Rights)
        {
            var (index, holder) = right.HolderIdNumber is { } id ? (parcelsOfPerson, id) : (parcelsOfLegalPerson, right.HolderCreditCode!);
            if (add)
            {
                if (!index.TryGetValue(holder, out var codes))
                {
                    index[holder] = codes = new SortedSet<string>(StringComparer.Ordinal);
                }

                codes.Add(parcel.UnitCode);
            }
            else if (index.TryGetValue(holder, out var codes))
            {
                codes.Remove(parcel.UnitCode);
            }
        }
    }

    private static bool ContainsAll(string text, IReadOnlyList<string> terms)
    {
        foreach (var term in terms)
        {
            if (!text.Contains(term, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
    }

    private static STRtree<T> BuildTree<T>(IEnumerable<T> items, Func<T, Envelope> envelopeOf)
    {
        var tree = new STRtree<T>();
        foreach (var item in items)
        {
            tree.Insert(envelopeOf(item), item);
        }

        tree.Build();
        return tree;
    }

    /// <summary>A page of a list already in unit-code order.</summary>
    private static Page<Parcel> UnitCodePage(IReadOnlyList<Parcel> ordered, PageRequest page)
    {
        var after = page.After?[0];
        var rows = new List<Parcel>(page.First + 1);
        foreach (var parcel in ordered)
        {
            if (rows.Count > page.First)
            {
                break;
            }

            if (after is null || string.CompareOrdinal(parcel.UnitCode, after) > 0)
            {
                rows.Add(parcel);
            }
        }

        return Page<Parcel>.FromRows(rows, page, ordered.Count);
    }

    private static Page<Near<T>> NearPage<T>(List<Near<T>> near, Func<T, string> keyOf, PageRequest page)
    {
        near.Sort((a, b) => a.DistanceMetres != b.DistanceMetres ? a.DistanceMetres.CompareTo(b.DistanceMetres) : string.CompareOrdinal(keyOf(a.Item), keyOf(b.Item)));
        var after = SortKeys.NearAfter(page);
        var rows = near
            .Where(n => after is not { } a || n.DistanceMetres > a.Distance || (n.DistanceMetres == a.Distance && string.CompareOrdinal(keyOf(n.Item), a.Key) > 0))
            .Take(page.First + 1)
            .ToList();
        return Page<Near<T>>.FromRows(rows, page, near.Count);
    }

    /// <summary>The store itself as the register a correction consults (called under the store's lock).</summary>
    private sealed class Register(InMemorySpatialStore store) : ICorrectionRegister
    {
        public Task<string> RequireCountyAsync(string code, string argument, CancellationToken cancellationToken) =>
            Task.FromResult(store.divisions.TryGetValue(code, out var division) && division.Level == Division.County && division.InForce
                ? code
                : throw SpatialErrorCodes.Invalid(argument, $"\"{code}\" is not a county-level division in force in the register"));

        public Task<string> RequireParcelAsync(string unitCode, string argument, CancellationToken cancellationToken) =>
            Task.FromResult(store.parcels.ContainsKey(unitCode)
                ? unitCode
                : throw SpatialErrorCodes.Invalid(argument, $"\"{unitCode}\" is not a parcel of the register"));

        public Task<Division?> DivisionAtAsync(double longitude, double latitude, string level, CancellationToken cancellationToken) =>
            Task.FromResult(store.DivisionAt(longitude, latitude, level));

        public Task<string?> ParcelAtAsync(double longitude, double latitude, CancellationToken cancellationToken)
        {
            store.parcelTree ??= BuildTree(store.parcels.Values, p => p.Boundary.EnvelopeInternal);
            var point = Cgcs2000.Point(longitude, latitude);
            string? found = null;
            foreach (var parcel in store.parcelTree.Query(point.EnvelopeInternal))
            {
                if (parcel.Boundary.Covers(point) && (found is null || string.CompareOrdinal(parcel.UnitCode, found) < 0))
                {
                    found = parcel.UnitCode;
                }
            }

            return Task.FromResult(found);
        }

        public Task<double> AreaAsync(Geometry boundary, CancellationToken cancellationToken) => Task.FromResult(Geodesy.Area(boundary));
    }
}

using Federation.Gateway.Planning;
using Federation.Protocol.Signing;
using Federation.Gateway.Caching;
using Federation.Gateway.Requests;

namespace Federation.Gateway.Execution;

/// <summary>What the cache holds for one representation: its type's plan, the entries read, and the entity when every cached field was there.</summary>
internal readonly record struct CacheLookup(TypeCachePlan? Plan, CachedEntry?[]? Entries, Dictionary<string, object?>? Entity)
{
    public bool IsHit => Entity is not null;
}

/// <summary>
/// The entity cache as one request's fetches use it: the caller's row view per subgraph (a subgraph that
/// withholds rows shows a cached entity only to the views it showed it to), the lookups and the writes,
/// and the entities served from the cache.
/// </summary>
internal sealed class EntityCacheSession(EntityCache cache, EntityCachePlans plans, SubgraphClients clients, GatewayCaller caller)
{
    private readonly Lock gate = new();
    private List<(string Subgraph, Dictionary<string, object?> Representation)>? served;

    /// <summary>The entities served from the cache, for the operator's plan header (their keys printed only then).</summary>
    public IReadOnlyList<CachedEntityServed> Served
    {
        get
        {
            lock (gate)
            {
                return served is null
                    ? []
                    : served.ConvertAll(entity => new CachedEntityServed(entity.Subgraph, (string)entity.Representation["__typename"]!, PlainJson.ToText(KeyOf(entity.Representation))));
            }
        }
    }

    /// <summary>The most keys a list lookup served from the cache may hold (<see cref="CacheOptions.MaxLookupKeys"/>).</summary>
    public int MaxListKeys => cache.Options.MaxLookupKeys;

    public EntityFetchCachePlan? PlanFor(FetchNode fetch) => plans.ForEntities(fetch);

    public RootFetchCachePlan? RootPlanFor(FetchNode fetch) => plans.ForRoot(fetch);

    /// <summary>Looks each representation up; a hit's entity has the cached fields under the fetch's response names.</summary>
    public ValueTask<CacheLookup[]> LookupAsync(string subgraph, EntityFetchCachePlan plan, List<object?> representations, CancellationToken cancellationToken)
    {
        var typePlans = new TypeCachePlan?[representations.Count];
        var asked = new Dictionary<string, object?>[representations.Count];
        for (var i = 0; i < representations.Count; i++)
        {
            asked[i] = (Dictionary<string, object?>)representations[i]!;
            typePlans[i] = asked[i].GetValueOrDefault("__typename") is string type && plan.Types.TryGetValue(type, out var typePlan) ? typePlan : null;
        }

        return LookupAsync(subgraph, typePlans, asked, cancellationToken);
    }

    /// <summary>
    /// Looks up the entities of <paramref name="representations"/> (none where <paramref name="typePlans"/> holds
    /// null): first in the in-process layer without waiting, then, for what it lacks, in Redis, all at once.
    /// </summary>
    public async ValueTask<CacheLookup[]> LookupAsync(string subgraph, TypeCachePlan?[] typePlans, Dictionary<string, object?>[] representations, CancellationToken cancellationToken)
    {
        var view = RowViewOf(subgraph);
        var lookups = new CacheLookup[representations.Length];
        var entries = new CachedEntry?[representations.Length][];
        List<(int Index, int Resource, ValueTask<CachedEntry?> Read)>? remote = null;
        for (var i = 0; i < representations.Length; i++)
        {
            if (typePlans[i] is not { } plan)
            {
                continue;
            }

            var digest = CacheKeys.Entity(subgraph, plan.Type, KeyOf(representations[i]));
            var found = entries[i] = new CachedEntry?[plan.Resources.Length];
            for (var r = 0; r < plan.Resources.Length; r++)
            {
                var resource = plan.Resources[r];
                var key = CacheKeys.Entry(subgraph, plan.Type, resource, digest);
                found[r] = cache.ReadLocal(key, resource);
                if (found[r] is null && cache.Shared)
                {
                    (remote ??= []).Add((i, r, cache.ReadAsync(key, resource, cancellationToken)));
                }
            }
        }

        if (remote is not null)
        {
            foreach (var (index, resource, read) in remote)
            {
                entries[index][resource] = await read.ConfigureAwait(false);
            }
        }

        for (var i = 0; i < representations.Length; i++)
        {
            if (typePlans[i] is { } plan)
            {
                lookups[i] = Complete(plan, representations[i], entries[i], view);
            }
        }

        return lookups;
    }

    public static Dictionary<string, object?> RepresentationOf(RootLookup lookup, object key) =>
        new(StringComparer.Ordinal) { ["__typename"] = lookup.Plan.Type, [lookup.KeyField] = key };

    /// <summary>
    /// Keeps the cached fields of <paramref name="answer"/>, the subgraph's complete, error-free answer for
    /// <paramref name="representation"/>: not when it names another type or another key than asked
    /// (nor, with <paramref name="keyRequired"/>, when it does not show its key), nor a field it lacks.
    /// </summary>
    public void Store(string subgraph, TypeCachePlan plan, Dictionary<string, object?> representation, Dictionary<string, object?> answer, CachedEntry?[]? previous, bool keyRequired)
    {
        var type = (string)representation["__typename"]!;
        foreach (var name in plan.Typenames)
        {
            if (answer.TryGetValue(name, out var typename) && !Equals(typename, type))
            {
                return;
            }
        }

        var key = KeyOf(representation);
        var keyShown = false;
        foreach (var field in plan.Fields)
        {
            if (field.Shape.Children is null && key.TryGetValue(field.Shape.Name, out var keyValue) && answer.TryGetValue(field.Shape.ResponseName, out var answered))
            {
                if (PlainJson.ToText(answered) != PlainJson.ToText(keyValue))
                {
                    return;
                }

                keyShown = true;
            }
        }

        if (keyRequired && !keyShown)
        {
            return;
        }

        var view = RowViewOf(subgraph);
        string? digest = null;
        for (var r = 0; r < plan.Resources.Length; r++)
        {
            var resource = plan.Resources[r];
            var old = previous?[r];
            var entry = new CachedEntry();
            if (old is not null)
            {
                foreach (var (signature, text) in old.Fields)
                {
                    entry.Fields[signature] = text;
                }
            }

            var ttl = TimeSpan.Zero;
            var complete = true;
            foreach (var field in plan.Fields)
            {
                if (field.Resource != resource)
                {
                    continue;
                }

                ttl = field.Ttl;
                if (!answer.TryGetValue(field.Shape.ResponseName, out var value) || field.Shape.ToEntryText(value) is not { } text)
                {
                    complete = false;
                    break;
                }

                entry.Fields[field.Shape.Signature] = text;
            }

            if (!complete)
            {
                continue;
            }

            if (view is not null)
            {
                entry.SeenBy = old?.SeenBy is { } seen ? [.. seen] : [];
                if (!entry.SeenBy.Contains(view))
                {
                    entry.SeenBy.Add(view);
                }
            }

            cache.Write(CacheKeys.Entry(subgraph, type, resource, digest ??= CacheKeys.Entity(subgraph, type, key)), type, resource, ttl, entry);
        }
    }

    /// <summary>Notes that the entity of <paramref name="representation"/> was served from the cache.</summary>
    public void NoteServed(string subgraph, Dictionary<string, object?> representation)
    {
        lock (gate)
        {
            (served ??= []).Add((subgraph, representation));
        }
    }

    /// <summary>The lookup of one entity from the entries read: a hit when every cached field is there for this caller's view.</summary>
    private CacheLookup Complete(TypeCachePlan plan, Dictionary<string, object?> representation, CachedEntry?[] entries, string? view)
    {
        var complete = true;
        for (var r = 0; r < plan.Resources.Length; r++)
        {
            var entry = entries[r];
            if (entry is null || (view is not null && entry.SeenBy?.Contains(view) != true))
            {
                complete = false;
                cache.Metrics.Miss(plan.Resources[r]);
            }
            else
            {
                cache.Metrics.Hit(plan.Resources[r]);
            }
        }

        if (!complete)
        {
            return new CacheLookup(plan, entries, null);
        }

        var entity = new Dictionary<string, object?>(plan.Fields.Length + plan.Typenames.Length, StringComparer.Ordinal);
        foreach (var name in plan.Typenames)
        {
            entity[name] = representation["__typename"];
        }

        foreach (var field in plan.Fields)
        {
            var entry = entries[Array.IndexOf(plan.Resources, field.Resource)]!;
            if (!entry.TryValue(field.Shape.Signature, out var kept, out var readable))
            {
                if (field.Shape.Children is null && field.Shape.Name != "__typename" && representation.TryGetValue(field.Shape.Name, out var keyValue))
                {
                    // A key field another fetch took from elsewhere: its value is the representation's.
                    entity[field.Shape.ResponseName] = keyValue;
                    continue;
                }

                // Another selection's entry: the subgraph answers this one, and its answer completes the entry.
                return new CacheLookup(plan, entries, null);
            }

            if (!readable)
            {
                // Not what this gateway writes: counted, and the subgraph answers.
                cache.Metrics.Error(field.Resource);
                return new CacheLookup(plan, entries, null);
            }

            if (!field.Shape.TryRestore(kept, out var value))
            {
                return new CacheLookup(plan, entries, null);
            }

            entity[field.Shape.ResponseName] = value;
        }

        return new CacheLookup(plan, entries, entity);
    }

    /// <summary>The caller's row view for a subgraph that withholds rows; null when it withholds none.</summary>
    private string? RowViewOf(string subgraph)
    {
        var client = clients[subgraph];
        return client.WithholdsRows ? CacheKeys.RowView(client.ForThisSubgraph(caller)) : null;
    }

    /// <summary>The representation's key fields: all but <c>__typename</c> (a fetch with <c>@requires</c> fields is not cached).</summary>
    private static Dictionary<string, object?> KeyOf(Dictionary<string, object?> representation)
    {
        var key = new Dictionary<string, object?>(representation.Count, StringComparer.Ordinal);
        foreach (var (name, value) in representation)
        {
            if (name != "__typename")
            {
                key[name] = value;
            }
        }

        return key;
    }
}

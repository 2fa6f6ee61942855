using System.Text;
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
    private List<CachedEntityServed>? served;

    public IReadOnlyList<CachedEntityServed> Served => served is null ? [] : served;

    public EntityFetchCachePlan? PlanFor(FetchNode fetch) => plans.ForEntities(fetch);

    public RootLookup[]? RootPlanFor(FetchNode fetch) => plans.ForRoot(fetch);

    /// <summary>Looks each representation up; a hit's entity has the cached fields under the fetch's response names.</summary>
    public async Task<CacheLookup[]> LookupAsync(string subgraph, EntityFetchCachePlan plan, List<object?> representations, CancellationToken cancellationToken)
    {
        var view = RowViewOf(subgraph);
        var lookups = new Task<CacheLookup>[representations.Count];
        for (var i = 0; i < representations.Count; i++)
        {
            var representation = (Dictionary<string, object?>)representations[i]!;
            lookups[i] = representation.GetValueOrDefault("__typename") is string type && plan.Types.TryGetValue(type, out var typePlan)
                ? LookupAsync(subgraph, typePlan, representation, view, cancellationToken)
                : Task.FromResult(default(CacheLookup));
        }

        return await Task.WhenAll(lookups).ConfigureAwait(false);
    }

    /// <summary>Looks the entity a root lookup names up: <paramref name="key"/> is its key field's value.</summary>
    public Task<CacheLookup> LookupAsync(string subgraph, RootLookup lookup, object key, CancellationToken cancellationToken) =>
        LookupAsync(subgraph, lookup.Plan, RepresentationOf(lookup, key), RowViewOf(subgraph), cancellationToken);

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

            cache.Write(CacheKeys.Entry(subgraph, type, resource, key), type, resource, ttl, entry);
        }
    }

    /// <summary>Notes that the entity of <paramref name="representation"/> was served from the cache.</summary>
    public void NoteServed(string subgraph, Dictionary<string, object?> representation)
    {
        var entity = new CachedEntityServed(subgraph, (string)representation["__typename"]!, PlainJson.ToText(KeyOf(representation)));
        lock (gate)
        {
            (served ??= []).Add(entity);
        }
    }

    private async Task<CacheLookup> LookupAsync(string subgraph, TypeCachePlan plan, Dictionary<string, object?> representation, string? view, CancellationToken cancellationToken)
    {
        var key = KeyOf(representation);
        var entries = new CachedEntry?[plan.Resources.Length];
        var complete = true;
        for (var r = 0; r < plan.Resources.Length; r++)
        {
            var resource = plan.Resources[r];
            var entry = await cache.ReadAsync(CacheKeys.Entry(subgraph, plan.Type, resource, key), resource, cancellationToken).ConfigureAwait(false);
            entries[r] = entry;
            if (entry is null || (view is not null && entry.SeenBy?.Contains(view) != true))
            {
                complete = false;
                cache.Metrics.Miss(resource);
            }
            else
            {
                cache.Metrics.Hit(resource);
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
            if (field.Shape.Children is null && !entry.Fields.ContainsKey(field.Shape.Signature) && key.TryGetValue(field.Shape.Name, out var keyValue))
            {
                // A key field another fetch took from elsewhere: its value is the representation's.
                entity[field.Shape.ResponseName] = keyValue;
                continue;
            }

            if (!entry.Fields.TryGetValue(field.Shape.Signature, out var text) || !TryRead(text, field, out var value))
            {
                // Another selection's entry: the subgraph answers this one, and its answer completes the entry.
                return new CacheLookup(plan, entries, null);
            }

            entity[field.Shape.ResponseName] = value;
        }

        return new CacheLookup(plan, entries, entity);
    }

    private bool TryRead(string text, CachedField field, out object? value)
    {
        value = null;
        try
        {
            return field.Shape.TryRestore(PlainJson.Read(Encoding.UTF8.GetBytes(text)), out value);
        }
        catch (System.Text.Json.JsonException)
        {
            // Not what this gateway writes: counted, and the subgraph answers.
            cache.Metrics.Error(field.Resource);
            return false;
        }
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

using Federation.Gateway.Caching;
using Federation.Gateway.Planning;
using Federation.GraphQL;
using Federation.GraphQL.Language.Syntax;
using Federation.Protocol.Signing;
using Federation.Gateway.Requests;

namespace Federation.Gateway.Execution;

/// <summary>
/// Runs one plan for one request and merges what the subgraphs answer into one result tree
/// (<see cref="Data"/>, keyed by response names). A subgraph's failure does not stop the run:
/// each field the failed fetch was to give holds a <see cref="GraphQLException"/> with the coded
/// error, which the engine's executor later reports at the field's path, null propagation and
/// all. Errors the subgraphs report are placed at the matching position the same way. Fetches
/// run concurrently; the tree is only read and written under one lock. With the entity cache
/// (<paramref name="cache"/>), an entity fetch asks the subgraph only for the entities the cache lacks
/// and for what the cache does not keep of the others, in one request; a root lookup by key that the
/// cache holds in full is not sent.
/// </summary>
internal sealed class PlanExecution(SubgraphClients clients, IReadOnlyDictionary<string, object?>? variables, GatewayCaller caller, EntityCacheSession? cache = null)
{
    private readonly Lock gate = new();

    /// <summary>The request's use of the entity cache; null without one.</summary>
    public EntityCacheSession? Cache => cache;

    public Dictionary<string, object?> Data { get; } = new(StringComparer.Ordinal);

    /// <summary>Subgraph errors no field position could take (no path, or a path to data that is there).</summary>
    public List<GraphQLError> Errors { get; } = [];

    public Task RunAsync(PlanNode node, CancellationToken cancellationToken) => node switch
    {
        FetchNode fetch => RootFetchAsync(fetch, cancellationToken),
        FlattenNode { Node: FetchNode fetch } flatten => EntityFetchAsync([flatten.Path], fetch, cancellationToken),
        SequenceNode sequence => SequenceAsync(sequence, cancellationToken),
        ParallelNode parallel => ParallelAsync(parallel, cancellationToken),
        ConditionNode condition => condition.Holds(variables) ? RunAsync(condition.Node, cancellationToken) : Task.CompletedTask,
        _ => throw new ArgumentOutOfRangeException(nameof(node), node.GetType().Name, "Unknown plan node."),
    };

    private async Task SequenceAsync(SequenceNode sequence, CancellationToken cancellationToken)
    {
        foreach (var node in sequence.Nodes)
        {
            await RunAsync(node, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Runs the children at once; entity fetches among them that select the same from the same subgraph go as one request.</summary>
    private Task ParallelAsync(ParallelNode parallel, CancellationToken cancellationToken)
    {
        var tasks = new List<Task>(parallel.Nodes.Count);
        var batches = new Dictionary<string, (FetchNode Fetch, List<IReadOnlyList<string>> Paths)>(StringComparer.Ordinal);
        foreach (var node in parallel.Nodes)
        {
            if (node is FlattenNode { Node: FetchNode fetch } flatten)
            {
                if (batches.TryGetValue(fetch.BatchKey, out var batch))
                {
                    batch.Paths.Add(flatten.Path);
                }
                else
                {
                    batches[fetch.BatchKey] = (fetch, [flatten.Path]);
                }
            }
            else
            {
                tasks.Add(RunAsync(node, cancellationToken));
            }
        }

        foreach (var (fetch, paths) in batches.Values)
        {
            tasks.Add(EntityFetchAsync(paths, fetch, cancellationToken));
        }

        return Task.WhenAll(tasks);
    }

    private async Task RootFetchAsync(FetchNode fetch, CancellationToken cancellationToken)
    {
        if (cache?.RootPlanFor(fetch) is { } plan && KeysOf(plan.Lookups) is { } keys)
        {
            await CachedRootFetchAsync(fetch, plan, keys, cancellationToken).ConfigureAwait(false);
            return;
        }

        MergeRoot(fetch, await SendAsIsAsync(fetch, cancellationToken).ConfigureAwait(false));
    }

    private Task<SubgraphResponse> SendAsIsAsync(FetchNode fetch, CancellationToken cancellationToken) =>
        clients[fetch.Subgraph].SendAsync(fetch.OperationText, VariablesOf(fetch, null), caller, cancellationToken, query: fetch.Operation == OperationType.Query);

    /// <summary>Merges a root fetch's answer into the result, or the failure into each field it was to give.</summary>
    private void MergeRoot(FetchNode fetch, SubgraphResponse response)
    {
        lock (gate)
        {
            if (response.Failure is null && response.Data is null && response.Errors.Count > 0 && response.Errors.All(e => !e.ContainsKey("path")))
            {
                // The subgraph refused the whole request (e.g. an argument its scalar rejects): as Apollo
                // Gateway does, its fields stay null and its errors are reported as they are, without a
                // path, since they concern the request rather than a position in the answer.
                foreach (var error in response.Errors)
                {
                    Errors.Add(ToError(fetch.Subgraph, error));
                }

                return;
            }

            var failure = response.Failure ?? (response.Data is null ? FirstError(fetch.Subgraph, response) : null);
            if (failure is not null)
            {
                Fail(Data, FetchedNames(fetch.Selection, null), failure);
                return;
            }

            AliasRenames.Apply(response.Data!, fetch.Renames);
            Merge(Data, response.Data!);
            foreach (var error in response.Errors)
            {
                Place(fetch.Subgraph, Data, error, AliasRenames.Restore(Path(error), 0, fetch.Renames), 0);
            }
        }
    }

    /// <summary>
    /// A root fetch of lookups by key with the cache: every key is looked up; the lookups it holds in full are
    /// served from it, and the subgraph is asked, in one request, for the others — a list lookup for its missing
    /// keys alone (each once), its items placed back at every position that asked their key. A narrowed list's
    /// answer must show it follows the list (one item per key, in order, each with its key); one that does not
    /// is set aside and the fetch sent as it is. Only complete, error-free answers that show their key are kept.
    /// </summary>
    private async Task CachedRootFetchAsync(FetchNode fetch, RootFetchCachePlan plan, object[][] keys, CancellationToken cancellationToken)
    {
        var lookups = plan.Lookups;
        var offsets = new int[lookups.Length + 1];
        for (var i = 0; i < lookups.Length; i++)
        {
            offsets[i + 1] = offsets[i] + keys[i].Length;
        }

        var typePlans = new TypeCachePlan?[offsets[^1]];
        var representations = new Dictionary<string, object?>[offsets[^1]];
        for (var i = 0; i < lookups.Length; i++)
        {
            for (var k = 0; k < keys[i].Length; k++)
            {
                typePlans[offsets[i] + k] = lookups[i].Plan;
                representations[offsets[i] + k] = EntityCacheSession.RepresentationOf(lookups[i], keys[i][k]);
            }
        }

        var found = await cache!.LookupAsync(fetch.Subgraph, typePlans, representations, cancellationToken).ConfigureAwait(false);
        var sent = new bool[lookups.Length];
        var narrowed = new bool[lookups.Length];
        var missing = new List<object>?[lookups.Length];
        var anySent = false;
        var anyServed = false;
        for (var i = 0; i < lookups.Length; i++)
        {
            var hits = 0;
            for (var k = offsets[i]; k < offsets[i + 1]; k++)
            {
                hits += found[k].IsHit ? 1 : 0;
            }

            if (!lookups[i].Plan.HasRemainder && hits == keys[i].Length)
            {
                anyServed = true;
                continue;
            }

            sent[i] = anySent = true;
            if (lookups[i].IsList && !lookups[i].Plan.HasRemainder && hits > 0)
            {
                narrowed[i] = anyServed = true;
                var distinct = new HashSet<string>(StringComparer.Ordinal);
                missing[i] = [];
                for (var k = 0; k < keys[i].Length; k++)
                {
                    if (!found[offsets[i] + k].IsHit && distinct.Add(PlainJson.ToText(keys[i][k])))
                    {
                        missing[i]!.Add(keys[i][k]);
                    }
                }
            }
        }

        if (!anyServed)
        {
            // Nothing the cache gives: the fetch goes as it is, and its answer is kept.
            var whole = await SendAsIsAsync(fetch, cancellationToken).ConfigureAwait(false);
            StoreAnswers(fetch, plan, keys, offsets, found, whole, narrowed: null);
            MergeRoot(fetch, whole);
            return;
        }

        SubgraphResponse? response = null;
        if (anySent)
        {
            var (text, declared) = plan.Narrowed(sent, narrowed);
            var variables = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var (name, value) in VariablesOf(fetch, null) ?? [])
            {
                if (declared.Contains(name))
                {
                    variables[name] = value;
                }
            }

            for (var i = 0; i < lookups.Length; i++)
            {
                if (narrowed[i])
                {
                    variables[plan.KeysVariable(i)] = missing[i];
                }
            }

            response = await clients[fetch.Subgraph].SendAsync(text, variables, caller, cancellationToken).ConfigureAwait(false);
            if (!FollowsTheLists(plan, narrowed, missing, response))
            {
                // Not one item per key asked, in order: the cache's items cannot be placed among them.
                var whole = await SendAsIsAsync(fetch, cancellationToken).ConfigureAwait(false);
                StoreAnswers(fetch, plan, keys, offsets, found, whole, narrowed: null);
                MergeRoot(fetch, whole);
                return;
            }
        }

        // A request that failed as a whole: what the cache gave stays, the rest holds the failure.
        var failed = response is not null && (response.Failure is not null || response.Data is null);
        var data = response?.Data is { } answered ? new Dictionary<string, object?>(answered, StringComparer.Ordinal) : new Dictionary<string, object?>(StringComparer.Ordinal);
        var errors = new List<Dictionary<string, object?>>(response?.Errors ?? []);
        if (response is not null)
        {
            StoreAnswers(fetch, plan, keys, offsets, found, response, narrowed);
        }

        for (var i = 0; i < lookups.Length; i++)
        {
            var name = lookups[i].ResponseName;
            if (sent[i] && !narrowed[i])
            {
                continue;
            }

            if (!lookups[i].IsList)
            {
                data[name] = found[offsets[i]].Entity;
                cache.NoteServed(fetch.Subgraph, representations[offsets[i]]);
                continue;
            }

            var items = narrowed[i] ? data.GetValueOrDefault(name) as List<object?> : null;
            if (narrowed[i] && (failed || items is null))
            {
                // The subgraph nulled the list (its error says why): so is the answer.
                continue;
            }

            var answeredByKey = new Dictionary<string, object?>(StringComparer.Ordinal);
            for (var j = 0; j < (items?.Count ?? 0); j++)
            {
                if (items![j] is Dictionary<string, object?> item)
                {
                    item.Remove(plan.KeyAlias);
                }

                answeredByKey[PlainJson.ToText(missing[i]![j])] = items[j];
            }

            var list = new List<object?>(keys[i].Length);
            for (var k = 0; k < keys[i].Length; k++)
            {
                var lookup = found[offsets[i] + k];
                if (lookup.IsHit)
                {
                    list.Add(lookup.Entity);
                    cache.NoteServed(fetch.Subgraph, representations[offsets[i] + k]);
                }
                else
                {
                    list.Add(answeredByKey.GetValueOrDefault(PlainJson.ToText(keys[i][k])));
                }
            }

            data[name] = list;
            if (narrowed[i])
            {
                Reposition(errors, name, missing[i]!, keys[i]);
            }
        }

        MergeRoot(fetch, SubgraphResponse.Answered(data, failed ? [] : errors));
        if (failed)
        {
            MergeRoot(fetch, response!);
        }
    }

    /// <summary>Whether each narrowed list lookup answered one item per missing key, in order, each null or showing its key.</summary>
    private static bool FollowsTheLists(RootFetchCachePlan plan, bool[] narrowed, List<object>?[] missing, SubgraphResponse response)
    {
        if (response.Failure is not null || response.Data is null)
        {
            return true;
        }

        for (var i = 0; i < narrowed.Length; i++)
        {
            if (!narrowed[i] || response.Data.GetValueOrDefault(plan.Lookups[i].ResponseName) is not { } value)
            {
                continue;
            }

            if (value is not List<object?> items || items.Count != missing[i]!.Count)
            {
                return false;
            }

            for (var j = 0; j < items.Count; j++)
            {
                if (items[j] is Dictionary<string, object?> item
                    ? !item.TryGetValue(plan.KeyAlias, out var shown) || PlainJson.ToText(shown) != PlainJson.ToText(missing[i]![j])
                    : items[j] is not null)
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>
    /// Keeps what a root fetch's answer shows of the entities it looked up: a single lookup's entity, and a list
    /// lookup's items when the list has one per key asked, or, for the lists <paramref name="narrowed"/> marks, the items
    /// checked against their keys. Nothing of an answer with errors.
    /// </summary>
    private void StoreAnswers(FetchNode fetch, RootFetchCachePlan plan, object[][] keys, int[] offsets, CacheLookup[] found, SubgraphResponse response, bool[]? narrowed)
    {
        if (response is not { Failure: null, Data: { } answered, Errors.Count: 0 })
        {
            return;
        }

        for (var i = 0; i < plan.Lookups.Length; i++)
        {
            var lookup = plan.Lookups[i];
            switch (answered.GetValueOrDefault(lookup.ResponseName))
            {
                case Dictionary<string, object?> entity when !lookup.IsList:
                    // The key must be in the answer and equal the argument: what a lookup returns is kept as the entity it shows it is.
                    cache!.Store(fetch.Subgraph, lookup.Plan, EntityCacheSession.RepresentationOf(lookup, keys[i][0]), entity, found[offsets[i]].Entries, keyRequired: true);
                    break;
                case List<object?> items when lookup.IsList && (narrowed?[i] == true || items.Count == keys[i].Length):
                    StoreItems(fetch, plan, lookup, keys[i], offsets[i], found, items, narrowed?[i] != true);
                    break;
            }
        }
    }

    private void StoreItems(FetchNode fetch, RootFetchCachePlan plan, RootLookup lookup, object[] keys, int offset, CacheLookup[] found, List<object?> items, bool all)
    {
        if (all)
        {
            for (var k = 0; k < items.Count; k++)
            {
                if (items[k] is Dictionary<string, object?> entity)
                {
                    cache!.Store(fetch.Subgraph, lookup.Plan, EntityCacheSession.RepresentationOf(lookup, keys[k]), entity, found[offset + k].Entries, keyRequired: true);
                }
            }

            return;
        }

        // A narrowed list: each item shows its key under the plan's alias (checked), the first position asking it has its entries.
        foreach (var item in items)
        {
            if (item is Dictionary<string, object?> entity && entity.GetValueOrDefault(plan.KeyAlias) is { } key)
            {
                var k = Array.FindIndex(keys, asked => PlainJson.ToText(asked) == PlainJson.ToText(key));
                if (k >= 0)
                {
                    cache!.Store(fetch.Subgraph, lookup.Plan, EntityCacheSession.RepresentationOf(lookup, keys[k]), entity, found[offset + k].Entries, keyRequired: false);
                }
            }
        }
    }

    /// <summary>The errors at a narrowed list's items moved to the first position that asked the item's key.</summary>
    private static void Reposition(List<Dictionary<string, object?>> errors, string name, List<object> missing, object[] keys)
    {
        for (var e = 0; e < errors.Count; e++)
        {
            var path = Path(errors[e]);
            if (path is [string field, int index, ..] && field == name && index >= 0 && index < missing.Count)
            {
                var position = Array.FindIndex(keys, asked => PlainJson.ToText(asked) == PlainJson.ToText(missing[index]));
                var segments = new List<object?>(path.Count) { name, position };
                for (var k = 2; k < path.Count; k++)
                {
                    segments.Add(path[k]);
                }

                errors[e] = new Dictionary<string, object?>(errors[e], StringComparer.Ordinal) { ["path"] = segments };
            }
        }
    }

    private async Task EntityFetchAsync(List<IReadOnlyList<string>> paths, FetchNode fetch, CancellationToken cancellationToken)
    {
        List<object?> representations = [];
        List<List<Dictionary<string, object?>>> targets = [];
        lock (gate)
        {
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            var selects = new Dictionary<string, bool>(StringComparer.Ordinal);
            foreach (var entity in paths.SelectMany(EntitiesAt))
            {
                var picking = new Picking();
                if (Representation(entity, fetch, selects, ref picking) is not { } representation)
                {
                    if ((picking.Failure ?? MissingField(fetch, paths, picking.Missing)) is { } failure)
                    {
                        // What the next fetch relies on failed or is absent: its fields here say so rather than stay null.
                        Fail(entity, FetchedNames(fetch.Selection, FetchedType(fetch, entity.GetValueOrDefault("__typename") as string)), failure);
                    }

                    continue;
                }

                var identity = PlainJson.ToText(representation);
                if (!seen.TryGetValue(identity, out var index))
                {
                    seen[identity] = index = representations.Count;
                    representations.Add(representation);
                    targets.Add([]);
                }

                targets[index].Add(entity);
            }
        }

        if (representations.Count == 0)
        {
            // Nothing reached this point (null parents, other types, skipped fields): nothing to ask.
            return;
        }

        if (cache?.PlanFor(fetch) is { } plan)
        {
            await CachedEntityFetchAsync(plan, fetch, representations, targets, cancellationToken).ConfigureAwait(false);
            return;
        }

        var response = await clients[fetch.Subgraph]
            // An entity fetch reads, under a mutation too.
            .SendAsync(fetch.OperationText, VariablesOf(fetch, representations), caller, cancellationToken, query: true)
            .ConfigureAwait(false);
        lock (gate)
        {
            MergeEntities(fetch, representations, targets, response);
        }
    }

    /// <summary>Merges an entity fetch's answer (<c>_entities</c> in the order of <paramref name="representations"/>) into the objects each stands for.</summary>
    private void MergeEntities(FetchNode fetch, List<object?> representations, List<List<Dictionary<string, object?>>> targets, SubgraphResponse response)
    {
        {
            var entities = response.Data?.GetValueOrDefault("_entities") as List<object?>;
            var failure = response.Failure
                ?? (entities is null ? FirstError(fetch.Subgraph, response) : null)
                ?? (entities!.Count != representations.Count
                    ? ExecutionErrorCodes.InvalidResponse(fetch.Subgraph, $"it returned {entities.Count} entities for {representations.Count} representations.")
                    : null);
            if (failure is not null)
            {
                foreach (var group in targets)
                {
                    foreach (var target in group)
                    {
                        Fail(target, FetchedNames(fetch.Selection, FetchedType(fetch, target.GetValueOrDefault("__typename") as string)), failure);
                    }
                }

                return;
            }

            for (var i = 0; i < entities!.Count; i++)
            {
                if (entities[i] is Dictionary<string, object?> entity)
                {
                    AliasRenames.Apply(entity, fetch.Renames);
                    foreach (var target in targets[i])
                    {
                        Merge(target, entity);
                    }
                }
            }

            foreach (var error in response.Errors)
            {
                var errorPath = AliasRenames.Restore(Path(error), 2, fetch.Renames);
                if (errorPath is ["_entities", int index, ..] && index >= 0 && index < targets.Count)
                {
                    foreach (var target in targets[index])
                    {
                        if (errorPath.Count == 2)
                        {
                            Fail(target, FetchedNames(fetch.Selection, FetchedType(fetch, target.GetValueOrDefault("__typename") as string)), ToError(fetch.Subgraph, error));
                        }
                        else
                        {
                            Place(fetch.Subgraph, target, error, errorPath, 2);
                        }
                    }
                }
                else
                {
                    Errors.Add(ToError(fetch.Subgraph, error));
                }
            }
        }
    }

    /// <summary>
    /// An entity fetch with the cache: the entities it holds in full are served from it; the subgraph is
    /// asked, in one request, for the others in full and for what the cache does not keep of the cached
    /// ones (<see cref="EntityFetchCachePlan.CombinedText"/>). Only a complete answer without errors is kept.
    /// </summary>
    private async Task CachedEntityFetchAsync(
        EntityFetchCachePlan plan,
        FetchNode fetch,
        List<object?> representations,
        List<List<Dictionary<string, object?>>> targets,
        CancellationToken cancellationToken)
    {
        var lookups = await cache!.LookupAsync(fetch.Subgraph, plan, representations, cancellationToken).ConfigureAwait(false);
        var misses = new List<int>();
        var remainders = new List<int>();
        for (var i = 0; i < lookups.Length; i++)
        {
            if (!lookups[i].IsHit)
            {
                misses.Add(i);
            }
            else if (plan.NeedsRemainder(lookups[i].Plan!))
            {
                remainders.Add(i);
            }
        }

        SubgraphResponse? response = null;
        if (misses.Count > 0 || remainders.Count > 0)
        {
            var (text, sent) = remainders.Count == 0
                ? (fetch.OperationText, VariablesOf(fetch, Pick(representations, misses))!)
                : misses.Count == 0
                    ? (plan.RemainderText!, VariablesOf(fetch, Pick(representations, remainders))!)
                    : (plan.CombinedText!, VariablesOf(fetch, Pick(representations, misses))!);
            if (misses.Count > 0 && remainders.Count > 0)
            {
                sent[plan.CachedVariable] = Pick(representations, remainders);
            }

            response = await clients[fetch.Subgraph].SendAsync(text, sent, caller, cancellationToken).ConfigureAwait(false);
        }

        lock (gate)
        {
            var entities = new List<object?>(representations.Count);
            for (var i = 0; i < lookups.Length; i++)
            {
                entities.Add(lookups[i].Entity);
            }

            var missed = misses.Count > 0 ? response?.Data?.GetValueOrDefault("_entities") as List<object?> : null;
            var rest = remainders.Count > 0 ? response?.Data?.GetValueOrDefault(misses.Count > 0 ? EntityFetchCachePlan.CachedAlias : "_entities") as List<object?> : null;
            var failure = response is null
                ? null
                : response.Failure
                    ?? ((misses.Count > 0 && missed is null) || (remainders.Count > 0 && rest is null) ? FirstError(fetch.Subgraph, response) : null)
                    ?? (missed is not null && missed.Count != misses.Count
                        ? ExecutionErrorCodes.InvalidResponse(fetch.Subgraph, $"it returned {missed.Count} entities for {misses.Count} representations.")
                        : null)
                    ?? (rest is not null && rest.Count != remainders.Count
                        ? ExecutionErrorCodes.InvalidResponse(fetch.Subgraph, $"it returned {rest.Count} entities for {remainders.Count} representations.")
                        : null);
            if (failure is not null)
            {
                // What the cache gave stays; the rest of each object holds the failure.
                for (var i = 0; i < lookups.Length; i++)
                {
                    if (lookups[i].Entity is { } cached)
                    {
                        AliasRenames.Apply(cached, fetch.Renames);
                        foreach (var target in targets[i])
                        {
                            Merge(target, cached);
                        }
                    }
                }

                MergeEntities(fetch, representations, targets, SubgraphResponse.Failed(failure));
                return;
            }

            for (var j = 0; j < misses.Count; j++)
            {
                entities[misses[j]] = missed![j];
                if (response!.Errors.Count == 0 && missed[j] is Dictionary<string, object?> answer && lookups[misses[j]].Plan is { } typePlan)
                {
                    cache.Store(fetch.Subgraph, typePlan, (Dictionary<string, object?>)representations[misses[j]]!, answer, lookups[misses[j]].Entries, keyRequired: false);
                }
            }

            for (var j = 0; j < remainders.Count; j++)
            {
                // The subgraph no longer answers the entity (removed, or withheld now): its answer wins over the cache's.
                entities[remainders[j]] = rest![j] is Dictionary<string, object?> remainder ? MergedInto(lookups[remainders[j]].Entity!, remainder) : null;
            }

            for (var i = 0; i < lookups.Length; i++)
            {
                if (lookups[i].IsHit && entities[i] is not null)
                {
                    cache.NoteServed(fetch.Subgraph, (Dictionary<string, object?>)representations[i]!);
                }
            }

            var errors = response is null ? [] : Repositioned(response.Errors, misses, remainders);
            MergeEntities(fetch, representations, targets, SubgraphResponse.Answered(new Dictionary<string, object?>(StringComparer.Ordinal) { ["_entities"] = entities }, errors));
        }
    }

    private static Dictionary<string, object?> MergedInto(Dictionary<string, object?> cached, Dictionary<string, object?> remainder)
    {
        Merge(cached, remainder);
        return cached;
    }

    private static List<object?> Pick(List<object?> representations, List<int> indexes) => indexes.ConvertAll(i => representations[i]);

    /// <summary>The subgraph's errors with their <c>_entities</c> (and cached entities') positions as positions among all representations.</summary>
    private static List<Dictionary<string, object?>> Repositioned(IReadOnlyList<Dictionary<string, object?>> errors, List<int> misses, List<int> remainders)
    {
        var repositioned = new List<Dictionary<string, object?>>(errors.Count);
        foreach (var error in errors)
        {
            var path = Path(error);
            if (path is [string field, int index, ..])
            {
                var among = field == EntityFetchCachePlan.CachedAlias || misses.Count == 0 ? remainders : field == "_entities" ? misses : null;
                if (among is not null && index >= 0 && index < among.Count)
                {
                    var moved = new Dictionary<string, object?>(error, StringComparer.Ordinal);
                    var segments = new List<object?>(path.Count) { "_entities", among[index] };
                    for (var k = 2; k < path.Count; k++)
                    {
                        segments.Add(path[k]);
                    }

                    moved["path"] = segments;
                    repositioned.Add(moved);
                    continue;
                }
            }

            repositioned.Add(error);
        }

        return repositioned;
    }

    /// <summary>
    /// The keys each lookup names, from its argument: one for a single lookup, the list's for a list lookup (a value
    /// alone stands for a list of one, as GraphQL coerces it). Null when one is neither a string nor an integer, or a
    /// list holds more than <see cref="EntityCacheSession.MaxListKeys"/> (the fetch is then sent as it is).
    /// </summary>
    private object[][]? KeysOf(RootLookup[] lookups)
    {
        var keys = new object[lookups.Length][];
        for (var i = 0; i < lookups.Length; i++)
        {
            if (!lookups[i].IsList)
            {
                if (KeyOf(lookups[i].Argument) is not { } key)
                {
                    return null;
                }

                keys[i] = [key];
                continue;
            }

            var values = lookups[i].Argument switch
            {
                ListValueNode list => list.Values.Select(item => KeyOf(item)).ToList(),
                VariableNode variable => variables?.GetValueOrDefault(variable.Name.Value) switch
                {
                    List<object?> items => items.ConvertAll(item => item is string or int or long ? item : null),
                    _ => new List<object?> { KeyOf(lookups[i].Argument) },
                },
                var single => new List<object?> { KeyOf(single) },
            };
            if (values.Count > cache!.MaxListKeys || values.Any(value => value is null))
            {
                return null;
            }

            keys[i] = values.ConvertAll(value => value!).ToArray();
        }

        return keys;
    }

    /// <summary>A key from an argument's value: a string or an integer, literal or in a variable; null otherwise.</summary>
    private object? KeyOf(ValueNode value) => value switch
    {
        StringValueNode literal => literal.Value,
        IntValueNode literal when long.TryParse(literal.Value, System.Globalization.CultureInfo.InvariantCulture, out var number) => number,
        VariableNode variable => variables?.GetValueOrDefault(variable.Name.Value) is { } given and (string or int or long) ? given : null,
        _ => null,
    };

    private Dictionary<string, object?>? VariablesOf(FetchNode fetch, List<object?>? representations)
    {
        if (fetch.VariableUsages.Count == 0 && representations is null)
        {
            return null;
        }

        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (representations is not null)
        {
            values["representations"] = representations;
        }

        foreach (var name in fetch.VariableUsages)
        {
            // A variable the request leaves out is left out here too, so the subgraph applies the operation's default.
            if (variables is not null && variables.TryGetValue(name, out var value))
            {
                values[name] = value;
            }
        }

        return values;
    }

    /// <summary>The objects at a flatten path: response names, with <c>@</c> stepping into list items.</summary>
    private List<Dictionary<string, object?>> EntitiesAt(IReadOnlyList<string> path)
    {
        var current = new List<object?> { Data };
        foreach (var segment in path)
        {
            var next = new List<object?>();
            foreach (var value in current)
            {
                if (segment == "@")
                {
                    if (value is List<object?> items)
                    {
                        next.AddRange(items);
                    }
                }
                else if (value is Dictionary<string, object?> obj && obj.TryGetValue(segment, out var child))
                {
                    next.Add(child);
                }
            }

            current = next;
        }

        var entities = new List<Dictionary<string, object?>>(current.Count);
        foreach (var value in current)
        {
            if (value is Dictionary<string, object?> entity)
            {
                entities.Add(entity);
            }
        }

        return entities;
    }

    /// <summary>
    /// The representation of <paramref name="entity"/> by the requires fragment of its type: its
    /// <c>__typename</c>, key and required fields. Null when the fetch is not for it (another
    /// type, or nothing the fetch selects for it holds under the request's conditions), when a key
    /// field is null (an entity without a key is not fetched), or when a field it needs failed or
    /// is absent (<paramref name="picking"/> says which).
    /// </summary>
    /// <param name="selects">Per type, whether the fetch selects anything on it for this request: decided once per fetch.</param>
    private Dictionary<string, object?>? Representation(Dictionary<string, object?> entity, FetchNode fetch, Dictionary<string, bool> selects, ref Picking picking)
    {
        var typename = entity.GetValueOrDefault("__typename") as string;
        var representation = RepresentationOf(fetch, typename)
            ?? (typename is not null && fetch.TypenameRewrites?.GetValueOrDefault(typename) is { } asInterface ? RepresentationOf(fetch, asInterface) : null);
        if (representation is null)
        {
            return null;
        }

        var type = representation.TypeCondition!.Name.Value;
        if (!selects.TryGetValue(type, out var selected))
        {
            selects[type] = selected = SelectsAnything(fetch, type);
        }

        if (!selected)
        {
            return null;
        }

        var picked = new Dictionary<string, object?>(representation.SelectionSet.Selections.Count, StringComparer.Ordinal);
        if (!PickInto(picked, entity, representation.SelectionSet, KeysOf(fetch, representation.TypeCondition.Name.Value), inKey: true, ref picking))
        {
            return null;
        }

        if (typename is not null && type != typename)
        {
            // An implementation sent as its interface's entity: the subgraph knows the interface's name only.
            picked["__typename"] = type;
        }

        return picked;
    }

    /// <summary>The requires fragment for objects of <paramref name="typename"/>; with no <c>__typename</c>, the only one.</summary>
    private static InlineFragmentNode? RepresentationOf(FetchNode fetch, string? typename)
    {
        foreach (var selection in fetch.Requires!.Selections)
        {
            if (selection is InlineFragmentNode fragment
                && (typename is null ? fetch.Requires.Selections.Count == 1 : fragment.TypeCondition?.Name.Value == typename))
            {
                return fragment;
            }
        }

        return null;
    }

    /// <summary>The type whose selections the fetch makes for an object of <paramref name="typename"/>: its interface's when it is sent as one.</summary>
    private static string? FetchedType(FetchNode fetch, string? typename) =>
        typename is not null && RepresentationOf(fetch, typename) is null && fetch.TypenameRewrites?.GetValueOrDefault(typename) is { } asInterface
            ? asInterface
            : typename;

    /// <summary>Whether the entity fetch selects anything on <paramref name="type"/> under the request's <c>@skip</c>/<c>@include</c> values.</summary>
    private bool SelectsAnything(FetchNode fetch, string type)
    {
        foreach (var node in fetch.Selection.Selections)
        {
            if (node is InlineFragmentNode fragment && fragment.TypeCondition?.Name.Value == type && Holds(fragment.SelectionSet))
            {
                return true;
            }
        }

        return false;

        bool Holds(SelectionSetNode set)
        {
            foreach (var node in set.Selections)
            {
                if (!ConditionsHold(node.Directives, fetch.BooleanDefaults))
                {
                    continue;
                }

                if (node is not InlineFragmentNode { TypeCondition: null } wrapper || Holds(wrapper.SelectionSet))
                {
                    return true;
                }
            }

            return false;
        }
    }

    private bool ConditionsHold(IReadOnlyList<DirectiveNode> directives, IReadOnlyDictionary<string, bool> defaults)
    {
        foreach (var directive in directives)
        {
            if (directive.Name.Value is "include" or "skip" && directive.Arguments is [{ Value: var value }])
            {
                var holds = value switch
                {
                    BooleanValueNode literal => literal.Value,
                    VariableNode variable => variables is not null && variables.TryGetValue(variable.Name.Value, out var given)
                        ? given is true
                        : defaults.GetValueOrDefault(variable.Name.Value),
                    _ => true,
                };
                if (holds != (directive.Name.Value == "include"))
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>The key's response names in the fetch's representation of <paramref name="typename"/>; null when every field of it is key.</summary>
    private static HashSet<string>? KeysOf(FetchNode fetch, string typename)
    {
        if (fetch.Keys is not { } keys)
        {
            return null;
        }

        foreach (var selection in keys.Selections)
        {
            if (selection is InlineFragmentNode fragment && fragment.TypeCondition?.Name.Value == typename)
            {
                var names = new HashSet<string>(StringComparer.Ordinal);
                foreach (var field in fragment.SelectionSet.Selections)
                {
                    names.Add(((FieldNode)field).ResponseName);
                }

                return names;
            }
        }

        return null;
    }

    /// <summary>What stopped picking a representation: a failure, or a field the answers lack.</summary>
    private struct Picking
    {
        public GraphQLError? Failure;
        public string? Missing;
    }

    /// <summary>
    /// Copies <paramref name="fields"/> from <paramref name="source"/> into <paramref name="picked"/>,
    /// looking into lists and into the <c>... on T</c> fragments of each object's type. False
    /// when the representation cannot be made: a null in a key (the entity is not fetched), or a
    /// failed or absent field (<paramref name="picking"/> says which). A null in a required field
    /// is sent as null. <paramref name="keys"/> names the key's top-level fields (null: all).
    /// </summary>
    private static bool PickInto(
        Dictionary<string, object?> picked,
        Dictionary<string, object?> source,
        SelectionSetNode fields,
        HashSet<string>? keys,
        bool inKey,
        ref Picking picking)
    {
        foreach (var selection in fields.Selections)
        {
            if (selection is InlineFragmentNode fragment)
            {
                if (fragment.TypeCondition is null || fragment.TypeCondition.Name.Value == source.GetValueOrDefault("__typename") as string)
                {
                    if (!PickInto(picked, source, fragment.SelectionSet, keys, inKey, ref picking))
                    {
                        return false;
                    }
                }

                continue;
            }

            var field = (FieldNode)selection;
            if (!source.TryGetValue(field.ResponseName, out var value))
            {
                // Named by the field, not by an alias the planner generated for it.
                picking.Missing = field.Name.Value;
                return false;
            }

            var key = keys is null ? inKey : keys.Contains(field.ResponseName);
            if (!PickValue(value, field.SelectionSet, key, ref picking, out var pickedValue))
            {
                return false;
            }

            // A requirement's field may be fetched under a generated alias; the subgraph reads it by its name.
            picked[field.Name.Value] = pickedValue;
        }

        return true;
    }

    private static bool PickValue(object? value, SelectionSetNode? nested, bool key, ref Picking picking, out object? picked)
    {
        picked = null;
        switch (value)
        {
            case GraphQLException failed:
                picking.Failure = failed.Error;
                return false;
            case null:
                return !key;
            case Dictionary<string, object?> child when nested is not null:
                var pickedChild = new Dictionary<string, object?>(StringComparer.Ordinal);
                if (!PickInto(pickedChild, child, nested, null, key, ref picking))
                {
                    return false;
                }

                picked = pickedChild;
                return true;
            case List<object?> items:
                var list = new List<object?>(items.Count);
                foreach (var item in items)
                {
                    if (!PickValue(item, nested, key, ref picking, out var pickedItem))
                    {
                        return false;
                    }

                    list.Add(pickedItem);
                }

                picked = list;
                return true;
            default:
                picked = value;
                return true;
        }
    }

    private static GraphQLError? MissingField(FetchNode fetch, List<IReadOnlyList<string>> paths, string? missing) =>
        missing is null
            ? null
            : ExecutionErrorCodes.RepresentationIncomplete(fetch.Subgraph, string.Join('.', paths[0]), fetch.UnnamedFields.Contains(missing) ? null : missing);

    /// <summary>The response names a fetch fills in an object of type <paramref name="typename"/> (any type for a root fetch).</summary>
    private static List<string> FetchedNames(SelectionSetNode selection, string? typename)
    {
        var names = new List<string>();
        Collect(selection.Selections, typename, names);
        return names;

        static void Collect(IReadOnlyList<SelectionNode> selections, string? typename, List<string> names)
        {
            foreach (var selection in selections)
            {
                switch (selection)
                {
                    case FieldNode field when field.Name.Value != "__typename":
                        if (!names.Contains(field.ResponseName))
                        {
                            names.Add(field.ResponseName);
                        }

                        break;
                    case InlineFragmentNode fragment when fragment.TypeCondition is null || typename is null || fragment.TypeCondition.Name.Value == typename:
                        Collect(fragment.SelectionSet.Selections, typename, names);
                        break;
                }
            }
        }
    }

    private static void Fail(Dictionary<string, object?> target, List<string> names, GraphQLError error)
    {
        var exception = new GraphQLException(error);
        foreach (var name in names)
        {
            if (target.GetValueOrDefault(name) is null)
            {
                target[name] = exception;
            }
        }
    }

    /// <summary>Entity fields merge into the object the parent fetch gave; objects met on both sides merge field by field.</summary>
    internal static void Merge(Dictionary<string, object?> target, Dictionary<string, object?> source)
    {
        foreach (var (key, value) in source)
        {
            if (target.TryGetValue(key, out var existing))
            {
                if (existing is Dictionary<string, object?> existingObject && value is Dictionary<string, object?> sourceObject)
                {
                    Merge(existingObject, sourceObject);
                    continue;
                }

                if (existing is List<object?> existingList && value is List<object?> sourceList && existingList.Count == sourceList.Count)
                {
                    for (var i = 0; i < sourceList.Count; i++)
                    {
                        if (existingList[i] is Dictionary<string, object?> a && sourceList[i] is Dictionary<string, object?> b)
                        {
                            Merge(a, b);
                        }
                        else
                        {
                            existingList[i] = sourceList[i];
                        }
                    }

                    continue;
                }
            }

            target[key] = value;
        }
    }

    /// <summary>
    /// Puts a subgraph error where its path leads: at the first position on the path that holds
    /// no value (the subgraph nulled it for the error), so the field reports it. An error whose
    /// position holds a value, or that has no path, is reported as is.
    /// </summary>
    private void Place(string subgraph, Dictionary<string, object?> root, Dictionary<string, object?> error, List<object> path, int start)
    {
        object? current = root;
        for (var i = start; i < path.Count; i++)
        {
            switch (current, path[i])
            {
                case (Dictionary<string, object?> obj, string name):
                    if (obj.GetValueOrDefault(name) is null)
                    {
                        obj[name] = new GraphQLException(ToError(subgraph, error));
                        return;
                    }

                    current = obj[name];
                    break;
                case (List<object?> list, int index) when index >= 0 && index < list.Count:
                    if (list[index] is null)
                    {
                        list[index] = new GraphQLException(ToError(subgraph, error));
                        return;
                    }

                    current = list[index];
                    break;
                default:
                    Errors.Add(ToError(subgraph, error));
                    return;
            }
        }

        Errors.Add(ToError(subgraph, error));
    }

    private static List<object> Path(Dictionary<string, object?> error)
    {
        var path = new List<object>();
        if (error.GetValueOrDefault("path") is List<object?> segments)
        {
            foreach (var segment in segments)
            {
                switch (segment)
                {
                    case string name:
                        path.Add(name);
                        break;
                    case int index:
                        path.Add(index);
                        break;
                    case long index:
                        path.Add((int)index);
                        break;
                }
            }
        }

        return path;
    }

    private static GraphQLError? FirstError(string subgraph, SubgraphResponse response) =>
        response.Errors.Count > 0
            ? ToError(subgraph, response.Errors[0])
            : ExecutionErrorCodes.InvalidResponse(subgraph, "the response has no data.");

    private static GraphQLError ToError(string subgraph, Dictionary<string, object?> error) =>
        ExecutionErrorCodes.FromSubgraph(
            subgraph,
            (string)error["message"]!,
            error.GetValueOrDefault("extensions") as IReadOnlyDictionary<string, object?>);
}

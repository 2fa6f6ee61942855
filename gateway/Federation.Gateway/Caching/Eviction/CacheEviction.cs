using System.Globalization;
using Federation.Gateway.Audit;
using Federation.Gateway.Audit.Events;
using Federation.Gateway.Audit.Subjects;
using Federation.Gateway.Authentication;
using Federation.Gateway.Caching.Changes;
using Federation.Gateway.Catalogue;
using Federation.Gateway.Composition;

namespace Federation.Gateway.Caching.Eviction;

/// <summary>What the competent department asks to evict: one of a resource, a type, or one entity of a type.</summary>
internal sealed record EvictionRequest(string? Type, string? Key, string? ResourceId);

/// <summary>An eviction done: its scope (<c>TYPE</c>, <c>ENTITY</c> or <c>RESOURCE</c>), what it named, the subgraphs an entity was evicted for, when.</summary>
internal sealed record EvictionDone(string Scope, string? Type, string? Key, string? ResourceId, IReadOnlyList<string> Subgraphs, DateTimeOffset At);

/// <summary>
/// The competent department's eviction from the entity cache (共享主管部门; the issue's "evict by
/// type, key or resource"): for a correction whose change event cannot be waited for, or data a
/// provider says is wrong. Only a caller with <see cref="PlatformRoles.CompetentDepartment"/> may;
/// anyone else is refused with <c>FORBIDDEN</c> before any argument is looked at, and the attempt is
/// recorded (<see cref="AuditKind.CacheEviction"/>, <c>CACHE_EVICTION_REFUSED</c>) as the platform's
/// other events are. The request is checked against the supergraph and catalogue being served, then
/// handed to <see cref="IEntityCacheInvalidation"/> (which reaches Redis and every instance's
/// in-process layer) and recorded (<c>CACHE_EVICTED</c>), an entity's key only as its keyed hash.
/// </summary>
internal sealed class CacheEviction(IEntityCacheInvalidation? cache, PlatformEvents events, SubjectHash? subjects = null, TimeProvider? time = null)
{
    public const string TypeScope = "TYPE";
    public const string EntityScope = "ENTITY";
    public const string ResourceScope = "RESOURCE";

    private readonly TimeProvider clock = time ?? TimeProvider.System;

    public async Task<EvictionDone> EvictAsync(Caller caller, Supergraph supergraph, ShareCatalogue catalogue, EvictionRequest request, CancellationToken cancellationToken)
    {
        var by = (caller.User, caller.Agency, caller.Division);
        if (!caller.HasRole(PlatformRoles.CompetentDepartment))
        {
            await events.RecordAsync(AuditKind.CacheEviction, PlatformEventNames.CacheEvictionRefused, by, new Dictionary<string, string?>(StringComparer.Ordinal)
            {
                ["attempted"] = "evictCache",
                ["code"] = CacheEvictionErrorCodes.Forbidden,
            }).ConfigureAwait(false);
            throw new CacheEvictionException(CacheEvictionErrorCodes.NotTheCompetentDepartment(PlatformRoles.CompetentDepartment));
        }

        var (scope, subgraphs) = Checked(supergraph, catalogue, request);
        if (cache is null)
        {
            throw new CacheEvictionException(CacheEvictionErrorCodes.Disabled());
        }

        try
        {
            switch (scope)
            {
                case ResourceScope:
                    await cache.EvictResourceAsync(request.ResourceId!, cancellationToken).ConfigureAwait(false);
                    break;
                case TypeScope:
                    await cache.EvictTypeAsync(request.Type!, cancellationToken).ConfigureAwait(false);
                    break;
                default:
                    foreach (var subgraph in subgraphs)
                    {
                        await cache.EvictEntityAsync(subgraph, request.Type!, request.Key!, cancellationToken).ConfigureAwait(false);
                    }

                    break;
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            throw new CacheEvictionException(CacheEvictionErrorCodes.Failed());
        }

        var done = new EvictionDone(scope, request.Type, request.Key, request.ResourceId, subgraphs, clock.GetUtcNow());
        await events.RecordAsync(AuditKind.CacheEviction, PlatformEventNames.CacheEvicted, by, new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["scope"] = scope,
            ["type"] = request.Type,
            // A key is often a person's identity number: the trail keeps it as the subjects' keyed hash.
            ["keyHash"] = request.Key is null ? null : subjects?.Of(request.Key) ?? "(no subject key)",
            ["resource"] = request.ResourceId,
            ["subgraphs"] = subgraphs.Count == 0 ? null : string.Join(',', subgraphs),
            ["evictedAt"] = done.At.ToString("O", CultureInfo.InvariantCulture),
        }).ConfigureAwait(false);
        return done;
    }

    /// <summary>The scope and, for an entity, the subgraphs that resolve it; refuses what names nothing cacheable.</summary>
    private static (string Scope, IReadOnlyList<string> Subgraphs) Checked(Supergraph supergraph, ShareCatalogue catalogue, EvictionRequest request)
    {
        switch (request)
        {
            case { ResourceId: { } id, Type: null, Key: null }:
                var resource = catalogue.Resource(id) ?? throw new CacheEvictionException(CacheEvictionErrorCodes.UnknownResource(id));
                return resource.Class == ShareClass.Unconditional
                    ? (ResourceScope, [])
                    : throw new CacheEvictionException(CacheEvictionErrorCodes.NotCached(resource.Id, resource.Class.WireName()));
            case { ResourceId: null, Type: { } type }:
                var subgraphs = supergraph.Subgraphs.Where(s => ChangeNotice.IsCacheableEntity(supergraph, s.Name, type)).Select(s => s.Name).ToList();
                if (subgraphs.Count == 0)
                {
                    throw new CacheEvictionException(CacheEvictionErrorCodes.UnknownType(type));
                }

                if (request.Key is null)
                {
                    return (TypeScope, []);
                }

                return ChangeNotice.KeyProblem(request.Key) is { } problem
                    ? throw new CacheEvictionException(CacheEvictionErrorCodes.BadKey(problem))
                    : (EntityScope, subgraphs);
            default:
                throw new CacheEvictionException(CacheEvictionErrorCodes.BadScope());
        }
    }
}

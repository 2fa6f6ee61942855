using Federation.Gateway.Authentication;
using Federation.Gateway.Caching.Eviction;
using Federation.Gateway.Catalogue;
using Federation.Gateway.Composition;
using Federation.Gateway.Requests;
using Federation.GraphQL;
using Federation.GraphQL.Types;

namespace Federation.Gateway.Platform;

/// <summary>The eviction the supergraph's pipeline serves: the department's <see cref="CacheEviction"/>, over that supergraph and its catalogue.</summary>
internal sealed record ServedEviction(CacheEviction Eviction, Supergraph Supergraph, Func<ShareCatalogue> Catalogue);

/// <summary>
/// The resolver of <c>Mutation.evictCache</c> (<c>Platform/cache.graphql</c>): reads the input and
/// asks <see cref="CacheEviction"/>, which admits the competent department only and checks the input
/// against the served supergraph. Without an eviction service (a pipeline made without one) the field
/// refuses: <c>FORBIDDEN</c> for anyone but the department, <c>CACHE_DISABLED</c> for it.
/// </summary>
internal static class CacheResolvers
{
    public static Schema BindTo(Schema schema, ServedEviction? served) => schema
        .Bind("Mutation.evictCache", async context =>
        {
            var caller = (context.Context as GatewayRequest)?.Identity ?? throw new GraphQLException(PlatformErrorCodes.NoIdentity());
            if (served is null)
            {
                throw new CacheEvictionException(caller.HasRole(PlatformRoles.CompetentDepartment)
                    ? CacheEvictionErrorCodes.Disabled()
                    : CacheEvictionErrorCodes.NotTheCompetentDepartment(PlatformRoles.CompetentDepartment));
            }

            var input = (IReadOnlyDictionary<string, object?>)context.Arguments["input"]!;
            var request = new EvictionRequest(
                input.GetValueOrDefault("type") as string,
                input.GetValueOrDefault("key") as string,
                input.GetValueOrDefault("resourceId") as string);
            var done = await served.Eviction.EvictAsync(caller, served.Supergraph, served.Catalogue(), request, context.CancellationToken).ConfigureAwait(false);
            return new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["scope"] = done.Scope,
                ["type"] = done.Type,
                ["key"] = done.Key,
                ["resourceId"] = done.ResourceId,
                ["subgraphs"] = done.Subgraphs,
                ["evictedAt"] = PlatformValues.DateTime(done.At),
            };
        });
}

using Federation.GraphQL;

namespace Federation.Gateway.Caching.Eviction;

/// <summary>
/// Why the competent department's eviction (<c>Mutation.evictCache</c>) is refused. Each code has one
/// factory; the error carries the code in <c>extensions.code</c> and the argument concerned.
/// </summary>
internal static class CacheEvictionErrorCodes
{
    public const string Forbidden = "FORBIDDEN";
    public const string ScopeInvalid = "EVICTION_SCOPE_INVALID";
    public const string TypeUnknown = "CACHE_TYPE_UNKNOWN";
    public const string KeyInvalid = "CACHE_KEY_INVALID";
    public const string ResourceUnknown = "CACHE_RESOURCE_UNKNOWN";
    public const string ResourceNotCached = "CACHE_RESOURCE_NOT_CACHED";
    public const string CacheDisabled = "CACHE_DISABLED";
    public const string EvictionFailed = "CACHE_EVICTION_FAILED";

    public static GraphQLError NotTheCompetentDepartment(string role) =>
        Error(Forbidden, $"Evicting cached data needs the role {role}; this attempt is recorded.", ("role", role));

    public static GraphQLError BadScope() =>
        Error(ScopeInvalid, "Give either resourceId alone, or type alone (every cached entity of it), or type with key (one entity).", ("argument", "input"));

    public static GraphQLError UnknownType(string type) =>
        Error(TypeUnknown, $"{Clip(type)} is not an entity type of the served supergraph that a subgraph resolves by a one-field key; only such entities are cached.", ("argument", "type"));

    public static GraphQLError BadKey(string problem) =>
        Error(KeyInvalid, $"key: {problem}.", ("argument", "key"));

    public static GraphQLError UnknownResource(string resourceId) =>
        Error(ResourceUnknown, $"The share catalogue has no resource {Clip(resourceId)}.", ("argument", "resourceId"));

    public static GraphQLError NotCached(string resourceId, string shareClass) =>
        Error(ResourceNotCached, $"The resource {resourceId} is {shareClass}: only UNCONDITIONAL resources are cached, so there is nothing of it to evict.", ("argument", "resourceId"));

    public static GraphQLError Disabled() =>
        Error(CacheDisabled, "This gateway caches nothing (Cache:Enabled is false), so there is nothing to evict.");

    public static GraphQLError Failed() =>
        Error(EvictionFailed, "The cache could not be reached to evict; nothing is known to be evicted. Try again.");

    /// <summary>At most 64 characters of what the caller sent, for messages.</summary>
    private static string Clip(string value) => value.Length <= 64 ? value : value[..64] + "…";

    private static GraphQLError Error(string code, string message, (string Name, string Value)? detail = null)
    {
        var extensions = new Dictionary<string, object?>(StringComparer.Ordinal) { ["code"] = code };
        if (detail is { } d)
        {
            extensions[d.Name] = d.Value;
        }

        return new GraphQLError(message, extensions: extensions);
    }
}

/// <summary>An eviction refused with a coded error.</summary>
internal sealed class CacheEvictionException(GraphQLError error) : GraphQLException(error);

using Federation.Gateway.Authentication;
using Federation.Gateway.Catalogue;
using Federation.Gateway.Sharing;

namespace Federation.Gateway.Authorization;

/// <summary>
/// The share-condition rules of the catalogue (DOMAIN.md, "Share classes") for one resource, one
/// caller and one declared purpose. The checks run in this order, and the first that fails names
/// the denial:
/// <list type="number">
/// <item>the providing agency always reads its own resources, whatever their class, every row;</item>
/// <item>UNCONDITIONAL (Zhengzhou art. 14): allowed;</item>
/// <item>NOT_SHARED: AGENCY_NOT_PERMITTED — defensive, such fields are not in the public schema;</item>
/// <item>CONDITIONAL (Kaifeng art. 14-15): no declared purpose → PURPOSE_REQUIRED; an agency the
/// conditions do not list → AGENCY_NOT_PERMITTED; a purpose the provider does not permit →
/// PURPOSE_NOT_PERMITTED; an application required and no active grant of this agency for this
/// resource allowing this purpose → SHARE_GRANT_REQUIRED;</item>
/// <item>then a division-scoped resource (Guangzhou art. 21) is allowed within the caller's
/// division only (each row checked while shaping, <see cref="DivisionScope"/>), any other allowed.</item>
/// </list>
/// The purpose is asked before the agency so that a caller who forgot to declare it learns that
/// first; the grant comes last because it is the one condition an agency can still satisfy by
/// applying.
/// </summary>
internal static class AccessPolicy
{
    public static AccessDecision Decide(CatalogueResource resource, Caller caller, StatedPurpose? purpose, IReadOnlyList<Grant> grants, DateTimeOffset at) =>
        Decide(resource, caller, purpose, grants, at, out _);

    /// <summary>The decision, and in <paramref name="grant"/> the grant that allowed it when one had to (an application required); null otherwise — the audit trail names it.</summary>
    public static AccessDecision Decide(CatalogueResource resource, Caller caller, StatedPurpose? purpose, IReadOnlyList<Grant> grants, DateTimeOffset at, out Grant? grant)
    {
        grant = null;
        if (string.Equals(resource.Provider, caller.Agency, StringComparison.Ordinal))
        {
            return AccessDecision.Allowed;
        }

        switch (resource.Class)
        {
            case ShareClass.Unconditional:
                return AccessDecision.Allowed;
            case ShareClass.NotShared:
                return AccessDecision.AgencyNotPermitted;
        }

        var conditions = resource.Conditions;
        if (conditions is null)
        {
            // A conditional resource without conditions is refused by the catalogue loader; fail closed.
            return AccessDecision.AgencyNotPermitted;
        }

        if (purpose is null)
        {
            return AccessDecision.PurposeRequired;
        }

        if (conditions.Agencies is { } agencies && !agencies.Contains(caller.Agency, StringComparer.Ordinal))
        {
            return AccessDecision.AgencyNotPermitted;
        }

        if (!conditions.Purposes.Contains(purpose.Purpose))
        {
            return AccessDecision.PurposeNotPermitted;
        }

        if (conditions.ApplicationRequired && (grant = GrantFor(resource, caller, purpose.Purpose, grants, at)) is null)
        {
            return AccessDecision.ShareGrantRequired;
        }

        return conditions.DivisionScoped ? AccessDecision.WithinDivision : AccessDecision.Allowed;
    }

    /// <summary>Whether deciding on <paramref name="resource"/> would look at grants: the grant book is asked only when one would.</summary>
    public static bool NeedsGrants(CatalogueResource resource, Caller caller, StatedPurpose? purpose) =>
        resource.Class == ShareClass.Conditional
        && resource.Conditions is { ApplicationRequired: true }
        && purpose is not null
        && !string.Equals(resource.Provider, caller.Agency, StringComparison.Ordinal);

    /// <summary>The first of <paramref name="grants"/> (the grant book's order) that allows this read; null when none does.</summary>
    private static Grant? GrantFor(CatalogueResource resource, Caller caller, Purpose purpose, IReadOnlyList<Grant> grants, DateTimeOffset at)
    {
        foreach (var grant in grants)
        {
            if (string.Equals(grant.ResourceId, resource.Id, StringComparison.Ordinal)
                && string.Equals(grant.Agency, caller.Agency, StringComparison.Ordinal)
                && grant.Allows(purpose, at))
            {
                return grant;
            }
        }

        return null;
    }
}

using Federation.Gateway.Authentication;
using Federation.Gateway.Catalogue;
using Federation.GraphQL;

namespace Federation.Gateway.Authorization;

/// <summary>
/// The error codes of share authorization, each with its one factory. A denied field's error
/// carries <c>extensions.resource</c>, the id of the catalogue resource that covers it, so the
/// caller knows what to apply for.
/// </summary>
internal static class AuthorizationErrorCodes
{
    /// <summary>The resource is conditional and the request declares no purpose (Kaifeng art. 14).</summary>
    public const string PurposeRequired = "PURPOSE_REQUIRED";

    /// <summary>The calling agency is not among those the resource may be shared with (or the resource is not shared at all).</summary>
    public const string AgencyNotPermitted = "AGENCY_NOT_PERMITTED";

    /// <summary>The declared purpose is not among those the provider permits for the resource.</summary>
    public const string PurposeNotPermitted = "PURPOSE_NOT_PERMITTED";

    /// <summary>The resource needs an approved share application and the agency holds no active grant for this purpose (Kaifeng art. 15).</summary>
    public const string ShareGrantRequired = "SHARE_GRANT_REQUIRED";

    /// <summary>The row lies outside the calling agency's administrative division (Guangzhou art. 21).</summary>
    public const string OutsideJurisdiction = "OUTSIDE_JURISDICTION";

    /// <summary>A request without a token asks for more than the catalogue's public part.</summary>
    public const string Unauthenticated = "UNAUTHENTICATED";

    /// <summary>The document answers a field under an alias the gateway reserves for its own selections (the row's division, a data subject's identifier).</summary>
    public const string ReservedAlias = "RESERVED_ALIAS";

    public static GraphQLError PurposeRequiredError(CatalogueResource resource) => Denied(
        $"Resource \"{resource.Id}\" is shared on conditions: declare the purpose of the request (Federation-Purpose header or extensions.purpose).",
        PurposeRequired,
        resource);

    public static GraphQLError AgencyNotPermittedError(CatalogueResource resource, string agency) => Denied(
        resource.Class == ShareClass.NotShared
            ? $"Resource \"{resource.Id}\" is not shared with other agencies."
            : $"Resource \"{resource.Id}\" is not shared with agency {agency}.",
        AgencyNotPermitted,
        resource);

    public static GraphQLError PurposeNotPermittedError(CatalogueResource resource, Purpose purpose) => Denied(
        $"Resource \"{resource.Id}\" may not be read for {purpose.WireName()}; its provider permits {string.Join(", ", resource.Conditions?.Purposes.Select(Purposes.WireName) ?? [])}.",
        PurposeNotPermitted,
        resource);

    public static GraphQLError ShareGrantRequiredError(CatalogueResource resource, Purpose purpose) => Denied(
        $"Resource \"{resource.Id}\" needs an approved share application: the agency holds no active grant for {purpose.WireName()}.",
        ShareGrantRequired,
        resource);

    public static GraphQLError OutsideJurisdictionError(CatalogueResource resource) => Denied(
        $"Resource \"{resource.Id}\" is read only within the agency's administrative division; this row lies outside it.",
        OutsideJurisdiction,
        resource);

    public static GraphQLError ReservedAliasError() => new(
        $"Aliases starting with \"{OperationAudit.SubjectAliasPrefix}\" or \"{DocumentFilter.DivisionAliasPrefix}\" are reserved for the gateway's own selections; rename the field's alias.",
        extensions: new Dictionary<string, object?> { ["code"] = ReservedAlias });

    public static GraphQLError UnauthenticatedError() => new(
        "Sign in: without a bearer token only the catalogue's public part may be read.",
        extensions: new Dictionary<string, object?> { ["code"] = Unauthenticated });

    /// <summary>The error of a denial for <paramref name="resource"/>, by the factory of the decision's code.</summary>
    public static GraphQLError For(AccessDecision decision, CatalogueResource resource, Caller caller, StatedPurpose? purpose) => decision.Code switch
    {
        PurposeRequired => PurposeRequiredError(resource),
        AgencyNotPermitted => AgencyNotPermittedError(resource, caller.Agency),
        PurposeNotPermitted => PurposeNotPermittedError(resource, purpose!.Purpose),
        ShareGrantRequired => ShareGrantRequiredError(resource, purpose!.Purpose),
        OutsideJurisdiction => OutsideJurisdictionError(resource),
        _ => throw new ArgumentOutOfRangeException(nameof(decision), decision.Code, "Not a denial."),
    };

    private static GraphQLError Denied(string message, string code, CatalogueResource resource) =>
        new(message, extensions: new Dictionary<string, object?> { ["code"] = code, ["resource"] = resource.Id });
}

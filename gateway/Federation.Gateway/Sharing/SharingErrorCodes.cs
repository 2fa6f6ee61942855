using Federation.Gateway.Authentication;
using Federation.Gateway.Catalogue;
using Federation.GraphQL;

namespace Federation.Gateway.Sharing;

/// <summary>
/// Why the share workflow refuses a request. Each code has one factory; the error carries the
/// code in <c>extensions.code</c>, and the resource or application concerned where there is one.
/// </summary>
internal static class SharingErrorCodes
{
    public const string ForbiddenRole = "FORBIDDEN_ROLE";
    public const string ForbiddenAgency = "FORBIDDEN_AGENCY";
    public const string ResourceNotFound = "RESOURCE_NOT_FOUND";
    public const string ResourceUnconditional = "RESOURCE_UNCONDITIONAL";
    public const string ResourceNotShared = "RESOURCE_NOT_SHARED";
    public const string ApplicationNotRequired = "APPLICATION_NOT_REQUIRED";
    public const string ProviderNeedsNoApplication = "PROVIDER_NEEDS_NO_APPLICATION";
    public const string AgencyNotPermitted = "AGENCY_NOT_PERMITTED";
    public const string PurposesRequired = "PURPOSES_REQUIRED";
    public const string PurposeNotPermitted = "PURPOSE_NOT_PERMITTED";
    public const string JustificationRequired = "JUSTIFICATION_REQUIRED";
    public const string JustificationInvalid = "JUSTIFICATION_INVALID";
    public const string ReasonInvalid = "REASON_INVALID";
    public const string MatterInvalid = "MATTER_INVALID";
    public const string InvalidPeriod = "INVALID_PERIOD";
    public const string ApplicationNotFound = "APPLICATION_NOT_FOUND";
    public const string ApplicationNotPending = "APPLICATION_NOT_PENDING";
    public const string GrantWiderThanRequested = "GRANT_WIDER_THAN_REQUESTED";
    public const string ReasonRequired = "REASON_REQUIRED";
    public const string GrantNotFound = "GRANT_NOT_FOUND";
    public const string GrantAlreadyRevoked = "GRANT_ALREADY_REVOKED";

    public static GraphQLError MissingRole(string role) =>
        Error(ForbiddenRole, $"This needs the role {role}.", ("role", role));

    public static GraphQLError NotTheProvider(string resourceId, string provider) =>
        Error(ForbiddenAgency, $"Only the providing agency {provider} of resource {resourceId} decides on it.", ("resource", resourceId));

    public static GraphQLError NotTheApplicant(Guid applicationId) =>
        Error(ForbiddenAgency, $"Only the applying agency withdraws share application {applicationId}.", ("application", applicationId.ToString()));

    public static GraphQLError UnknownResource(string resourceId) =>
        Error(ResourceNotFound, $"The catalogue has no resource {ShareText.Clip(resourceId)}.", ("resource", ShareText.Clip(resourceId)));

    public static GraphQLError Unconditional(string resourceId) =>
        Error(ResourceUnconditional, $"Resource {resourceId} is shared unconditionally: every agency reads it without an application.", ("resource", resourceId));

    public static GraphQLError NotShared(CatalogueResource resource) =>
        Error(ResourceNotShared, $"Resource {resource.Id} is not shared ({resource.LegalBasis}); it cannot be applied for.", ("resource", resource.Id));

    public static GraphQLError NoApplicationNeeded(string resourceId) =>
        Error(ApplicationNotRequired, $"Resource {resourceId} needs no application: its conditions are checked on each request.", ("resource", resourceId));

    public static GraphQLError OwnResource(string resourceId) =>
        Error(ProviderNeedsNoApplication, $"Your agency provides resource {resourceId} and always reads it.", ("resource", resourceId));

    public static GraphQLError AgencyOutsideConditions(string resourceId, string agency) =>
        Error(AgencyNotPermitted, $"Resource {resourceId} is not shared with agency {agency}.", ("resource", resourceId));

    public static GraphQLError NoPurposes() =>
        Error(PurposesRequired, "An application names at least one purpose.");

    public static GraphQLError PurposeOutsideConditions(string resourceId, Purpose purpose) =>
        Error(PurposeNotPermitted, $"Resource {resourceId} may not be read for {purpose.WireName()}.", ("resource", resourceId), ("purpose", purpose.WireName()));

    public static GraphQLError NoJustification() =>
        Error(JustificationRequired, "An application says why the agency needs the data (justification).");

    public static GraphQLError InvalidJustification(string why) =>
        Error(JustificationInvalid, $"The justification is not accepted: {why}. Write at most {ShareText.MaxJustificationLength} characters; newlines and tabs are allowed, other control characters are not.",
            ("maxLength", ShareText.MaxJustificationLength));

    /// <param name="decision">refusal or revocation</param>
    public static GraphQLError InvalidReason(string decision, string why) =>
        Error(ReasonInvalid, $"The reason of the {decision} is not accepted: {why}. Write at most {ShareText.MaxReasonLength} characters; newlines and tabs are allowed, other control characters are not.",
            ("maxLength", ShareText.MaxReasonLength));

    public static GraphQLError InvalidMatter(string matter) =>
        Error(MatterInvalid, $"The matter \"{ShareText.Clip(matter)}\" is not a matter reference: use at most {PurposeDeclaration.MaxMatterLength} visible ASCII characters (e.g. 330200-XK-0001).",
            ("maxLength", PurposeDeclaration.MaxMatterLength));

    public static GraphQLError BadPeriod(string why) =>
        Error(InvalidPeriod, $"The period is not valid: {why}.");

    public static GraphQLError UnknownApplication(string id) =>
        Error(ApplicationNotFound, $"There is no share application {ShareText.Clip(id)} that you may see.", ("application", ShareText.Clip(id)));

    public static GraphQLError AlreadyDecided(ShareApplication application) =>
        Error(ApplicationNotPending, $"Share application {application.Id} is {application.Status.WireName()}, no longer pending.", ("application", application.Id.ToString()), ("status", application.Status.WireName()));

    public static GraphQLError Widened(string what) =>
        Error(GrantWiderThanRequested, $"An approval may narrow the application, never widen it: {what}.");

    public static GraphQLError NoReason(string decision) =>
        Error(ReasonRequired, $"A {decision} gives its reason.");

    public static GraphQLError UnknownGrant(string id) =>
        Error(GrantNotFound, $"There is no grant {ShareText.Clip(id)} that you may see.", ("grant", ShareText.Clip(id)));

    public static GraphQLError AlreadyRevoked(Grant grant) =>
        Error(GrantAlreadyRevoked, $"Grant {grant.Id} was revoked at {grant.RevokedAt:O}.", ("grant", grant.Id.ToString()));

    private static GraphQLError Error(string code, string message, params (string Key, object? Value)[] details)
    {
        var extensions = new Dictionary<string, object?>(StringComparer.Ordinal) { ["code"] = code };
        foreach (var (key, value) in details)
        {
            extensions[key] = value;
        }

        return new GraphQLError(message, extensions: extensions);
    }
}

/// <summary>A refusal of the share workflow; resolvers let it through as a field error with its code.</summary>
internal sealed class SharingException(GraphQLError error) : GraphQLException(error);

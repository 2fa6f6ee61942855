using System.Globalization;
using Federation.Gateway.Catalogue;
using Federation.Gateway.Sharing;

namespace Federation.Gateway.Platform;

/// <summary>
/// The platform's records as the schema's objects: maps keyed by field name, enums by their wire
/// names, times as RFC 3339 text in UTC, dates as <c>yyyy-MM-dd</c>.
/// </summary>
internal static class PlatformValues
{
    public static Dictionary<string, object?> Agency(ShareCatalogue catalogue, string code)
    {
        var agency = catalogue.Agency(code);
        return new(StringComparer.Ordinal)
        {
            ["code"] = code,
            ["name"] = agency?.Name,
            ["englishName"] = agency?.EnglishName,
            ["division"] = agency?.Division,
        };
    }

    public static Dictionary<string, object?> Resource(ShareCatalogue catalogue, CatalogueResource resource) => new(StringComparer.Ordinal)
    {
        ["id"] = resource.Id,
        ["name"] = resource.Name,
        ["englishName"] = resource.EnglishName,
        ["provider"] = Agency(catalogue, resource.Provider),
        ["class"] = resource.Class.WireName(),
        ["fields"] = resource.Fields,
        ["format"] = resource.Format,
        ["provision"] = resource.Provision.Select(WireName).ToList(),
        ["updateFrequency"] = resource.UpdateFrequency.WireName(),
        ["conditions"] = resource.Conditions is { } conditions ? Conditions(catalogue, conditions) : null,
        ["legalBasis"] = resource.LegalBasis,
    };

    public static Dictionary<string, object?> Application(ShareCatalogue catalogue, ShareApplication application) => new(StringComparer.Ordinal)
    {
        ["id"] = application.Id.ToString(),
        ["agency"] = Agency(catalogue, application.Agency),
        ["applicant"] = application.Applicant,
        ["resourceId"] = application.ResourceId,
        ["resource"] = catalogue.Resource(application.ResourceId) is { } resource ? Resource(catalogue, resource) : null,
        ["purposes"] = WireNames(application.Purposes),
        ["justification"] = application.Justification,
        ["validFrom"] = DateTime(application.ValidFrom),
        ["validUntil"] = DateTime(application.ValidUntil),
        ["matter"] = application.Matter,
        ["submittedAt"] = DateTime(application.SubmittedAt),
        ["dueDate"] = application.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["status"] = application.Status.WireName(),
        ["decidedAt"] = application.DecidedAt is { } decided ? DateTime(decided) : null,
        ["decidedBy"] = application.DecidedBy,
        ["refusalReason"] = application.RefusalReason,
        [GrantIdKey] = application.GrantId,
    };

    public static Dictionary<string, object?> Grant(ShareCatalogue catalogue, Grant grant, DateTimeOffset now) => new(StringComparer.Ordinal)
    {
        ["id"] = grant.Id.ToString(),
        ["applicationId"] = grant.ApplicationId.ToString(),
        ["resourceId"] = grant.ResourceId,
        ["resource"] = catalogue.Resource(grant.ResourceId) is { } resource ? Resource(catalogue, resource) : null,
        ["agency"] = Agency(catalogue, grant.Agency),
        ["purposes"] = WireNames(grant.Purposes),
        ["validFrom"] = DateTime(grant.ValidFrom),
        ["validUntil"] = DateTime(grant.ValidUntil),
        ["revokedAt"] = grant.RevokedAt is { } revoked ? DateTime(revoked) : null,
        ["revokedBy"] = grant.RevokedBy,
        ["revocationReason"] = grant.RevocationReason,
        ["active"] = grant.IsActiveAt(now),
    };

    /// <summary>Where an application's map keeps the id of its grant, read by the resolver of <c>ShareApplication.grant</c>.</summary>
    public const string GrantIdKey = "$grantId";

    public static string DateTime(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFF'Z'", CultureInfo.InvariantCulture);

    private static string WireName(ProvisionMethod method) => method switch
    {
        ProvisionMethod.Api => "API",
        ProvisionMethod.OnlineQuery => "ONLINE_QUERY",
        ProvisionMethod.BulkDownload => "BULK_DOWNLOAD",
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, null),
    };


    private static List<string> WireNames(IReadOnlyList<Purpose> purposes) => [.. purposes.Select(p => p.WireName())];

    private static Dictionary<string, object?> Conditions(ShareCatalogue catalogue, ShareConditions conditions) => new(StringComparer.Ordinal)
    {
        ["agencies"] = conditions.Agencies?.Select(code => Agency(catalogue, code)).ToList(),
        ["purposes"] = WireNames(conditions.Purposes),
        ["applicationRequired"] = conditions.ApplicationRequired,
        ["divisionScoped"] = conditions.DivisionScoped,
        ["usageRequirements"] = conditions.UsageRequirements,
    };
}

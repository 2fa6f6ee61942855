using Federation.Gateway.Catalogue;

namespace Federation.Gateway.Authentication;

/// <summary>
/// Who is asking: the user and the agency they act for (its unified social credit code), as the
/// validated bearer token says; the agency's administrative division (GB/T 2260) as the agencies
/// registry says; the user's platform roles (<see cref="PlatformRoles"/>) that the token claims and
/// the registry allows (<see cref="RegistryAdmission"/>).
/// </summary>
internal sealed record Caller(string User, string Agency, string Division, IReadOnlySet<string> Roles)
{
    public bool HasRole(string role) => Roles.Contains(role);
}

/// <summary>The roles of the platform's own part of the graph (share applications and grants, audit).</summary>
internal static class PlatformRoles
{
    /// <summary>Files share applications for the user's agency.</summary>
    public const string Applicant = "share-applicant";

    /// <summary>Approves or refuses applications for the resources the user's agency provides, revokes its grants; only for an agency that provides a resource.</summary>
    public const string Approver = "share-approver";

    /// <summary>The competent department (共享主管部门): sees every application, lists the overdue ones, revokes any grant; only for an agency the registry gives it.</summary>
    public const string CompetentDepartment = RegistryRoles.CompetentDepartment;

    /// <summary>Security staff: read the audit trail; only for an agency the registry gives it.</summary>
    public const string Auditor = RegistryRoles.Auditor;

    public static readonly IReadOnlyList<string> All = [Applicant, Approver, CompetentDepartment, Auditor];
}

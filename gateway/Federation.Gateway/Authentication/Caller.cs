namespace Federation.Gateway.Authentication;

/// <summary>
/// Who is asking, as the validated bearer token says: the user, the agency they act for (its
/// unified social credit code), the agency's administrative division (GB/T 2260) and the user's
/// platform roles (<see cref="PlatformRoles"/>).
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

    /// <summary>Approves or refuses applications for the resources the user's agency provides, revokes its grants.</summary>
    public const string Approver = "share-approver";

    /// <summary>The competent department (共享主管部门): sees every application, lists the overdue ones, revokes any grant.</summary>
    public const string CompetentDepartment = "competent-department";

    /// <summary>Security staff: read the audit trail.</summary>
    public const string Auditor = "auditor";

    public static readonly IReadOnlyList<string> All = [Applicant, Approver, CompetentDepartment, Auditor];
}

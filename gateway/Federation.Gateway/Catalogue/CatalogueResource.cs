namespace Federation.Gateway.Catalogue;

/// <summary>How a resource is provided (Zhengzhou art. 16; Ningbo art. 12).</summary>
internal enum ProvisionMethod
{
    Api,
    OnlineQuery,
    BulkDownload,
}

/// <summary>How often the provider updates a resource; cached copies of unconditional data live no longer than this.</summary>
internal enum UpdateFrequency
{
    RealTime,
    Daily,
    Weekly,
    Monthly,
    Quarterly,
    Yearly,
}

/// <summary>
/// An agency of the catalogue's registry, identified by its unified social credit code (GB 32100): who
/// it is — its division and the registry roles it may hold (<see cref="RegistryRoles"/>) — is the
/// registry's, never a token's (DESIGN.md decision 7).
/// </summary>
/// <param name="Roles">The registry roles its users may hold; none when null.</param>
internal sealed record CatalogueAgency(string Code, string Name, string EnglishName, string Division, IReadOnlyList<string>? Roles = null)
{
    public bool MayHold(string registryRole) => Roles is { } roles && roles.Contains(registryRole, StringComparer.Ordinal);
}

/// <summary>
/// The platform roles the registry gives agency by agency (<c>roles:</c> of an agency in
/// <c>schema/catalogue.yaml</c>). The other platform roles follow from the catalogue itself: any
/// registered agency may apply, an agency that provides a resource may approve.
/// </summary>
internal static class RegistryRoles
{
    /// <summary>The competent department (共享主管部门): sees every application, lists the overdue ones, revokes any grant.</summary>
    public const string CompetentDepartment = "competent-department";

    /// <summary>Security staff: read the audit trail.</summary>
    public const string Auditor = "auditor";

    public static readonly IReadOnlyList<string> All = [CompetentDepartment, Auditor];
}

/// <summary>
/// The conditions of a conditional resource (Kaifeng art. 14; Guangzhou art. 21).
/// </summary>
/// <param name="Agencies">The agencies (credit codes) it may be shared with; null for any agency.</param>
/// <param name="Purposes">The purposes it may be read for.</param>
/// <param name="ApplicationRequired">Whether the reading agency needs an approved share application (a grant).</param>
/// <param name="DivisionScoped">Whether an agency reads only the rows of its own administrative division.</param>
/// <param name="UsageRequirements">What the provider requires of the use, as published.</param>
internal sealed record ShareConditions(
    IReadOnlyList<string>? Agencies,
    IReadOnlyList<Purpose> Purposes,
    bool ApplicationRequired,
    bool DivisionScoped,
    string? UsageRequirements)
{
    /// <summary>
    /// Whether the existence of the rows this resource's fields describe is itself this resource's
    /// data (<c>rowScoped: true</c>): a marriage certificate held says its holder is married, though
    /// every field of it were removed. The providing subgraph withholds those rows — from lookups,
    /// lists, counts, cursors and entity resolution — from a caller who may not read the resource;
    /// the gateway tells it, signed, which such resources the caller may read
    /// (<c>X-Caller-Row-Resources</c>).
    /// </summary>
    public bool RowScoped { get; init; }
}

/// <summary>
/// One item of the share catalogue (目录): the schema fields it covers, who provides it and on
/// which terms. Every field, argument and input field of every subgraph belongs to exactly one resource.
/// </summary>
/// <param name="Fields">Schema coordinates of the supergraph: fields and input fields <c>Type.field</c>, arguments <c>Type.field(argument:)</c>.</param>
/// <param name="Conditions">For <see cref="ShareClass.Conditional"/> only.</param>
/// <param name="LegalBasis">For <see cref="ShareClass.NotShared"/> only: the law, regulation or policy it cites.</param>
internal sealed record CatalogueResource(
    string Id,
    string Name,
    string EnglishName,
    string Provider,
    ShareClass Class,
    IReadOnlyList<string> Fields,
    string Format,
    IReadOnlyList<ProvisionMethod> Provision,
    UpdateFrequency UpdateFrequency,
    ShareConditions? Conditions,
    string? LegalBasis);

namespace Federation.Gateway.Authorization;

/// <summary>
/// One denied field occurrence, as it is logged and audited: who asked, why, where in the
/// response, which resource and the code. <paramref name="Enforced"/> is false in dry-run mode,
/// where the field was served anyway.
/// </summary>
internal sealed record AccessDenial(
    string Agency,
    string User,
    string? Purpose,
    string? Matter,
    IReadOnlyList<object> Path,
    string Resource,
    string Code,
    AuthorizationMode Mode)
{
    public bool Enforced => Mode != AuthorizationMode.DryRun;

    public string PathText => string.Join('.', Path);
}

namespace Federation.Gateway.Requests;

/// <summary>
/// One denied field occurrence, as the record stage logs and audits it: who asked, why, where in
/// the response, which resource and the code. <paramref name="Mode"/> is the authorization mode's
/// name; <paramref name="Enforced"/> is false in dry-run mode, where the field was served anyway.
/// </summary>
internal sealed record AccessDenial(
    string Agency,
    string User,
    string? Purpose,
    string? Matter,
    IReadOnlyList<object> Path,
    string Resource,
    string Code,
    string Mode,
    bool Enforced)
{
    public string PathText => string.Join('.', Path);
}

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

    /// <summary>
    /// The schema coordinate that decided the denial: the field's (<c>Type.field</c>), or the argument's
    /// (<c>Type.field(argument:)</c>) or input field's (<c>Input.field</c>) a denial for what the
    /// field's arguments use was made for; null when not known.
    /// </summary>
    public string? Coordinate { get; init; }
}

namespace Federation.Gateway.Authentication;

/// <summary>
/// Tokens issued by Microsoft Entra ID to one tenant, validated with Microsoft.Identity.Web
/// (<c>AddMicrosoftIdentityWebApi</c>); bound from the <c>AzureAd</c> section, the name that library and
/// Entra's own documentation use. Only the settings the gateway checks at start are read here: the
/// library binds the whole section itself.
/// </summary>
internal sealed class EntraIdOptions
{
    public const string Section = "AzureAd";

    /// <summary>The public cloud's sign-in host; sovereign clouds (21Vianet's in China: <c>https://login.partner.microsoftonline.cn/</c>) have their own.</summary>
    public const string PublicCloud = "https://login.microsoftonline.com/";

    public string? Instance { get; set; }

    /// <summary>The tenant's id (a GUID): the one tenant whose users and applications may call.</summary>
    public string? TenantId { get; set; }

    /// <summary>The gateway's application (client) id in that tenant: the audience of the v2.0 tokens it accepts.</summary>
    public string? ClientId { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(TenantId) || !string.IsNullOrWhiteSpace(ClientId);

    public string EffectiveInstance => string.IsNullOrWhiteSpace(Instance) ? PublicCloud : Instance.TrimEnd('/') + "/";

    /// <summary>The issuer of the tenant's v2.0 tokens: <c>{Instance}{TenantId}/v2.0</c>, for users and applications alike.</summary>
    public string Issuer => $"{EffectiveInstance}{TenantId}/v2.0";

    /// <summary>Why the gateway cannot validate Entra ID tokens with these settings beside <paramref name="generic"/>; null when it can.</summary>
    public string? Problem(GatewayAuthenticationOptions generic)
    {
        var section = GatewayAuthenticationOptions.Section;
        if (!string.IsNullOrWhiteSpace(generic.Authority) || generic.SigningKeys.Count > 0
            || generic.AcceptedIssuers.Count > 0 || generic.AcceptedAudiences.Count > 0)
        {
            return $"Configure one source of tokens: {Section} (Microsoft Entra ID) or {section}:Authority / {section}:SigningKeys, not both. " +
                $"With {Section}, the issuer, audience and keys are Entra ID's: leave {section}:Authority, SigningKeys, Issuer(s) and Audience(s) empty.";
        }

        // The v2.0 issuer names the tenant's id, never its domain; common/organizations/consumers would admit every tenant.
        if (!Guid.TryParse(TenantId, out _))
        {
            return $"{Section}:TenantId must be the tenant's id (a GUID): the tokens' issuer names it, and \"common\" or \"organizations\" would admit users of every tenant.";
        }

        if (string.IsNullOrWhiteSpace(ClientId))
        {
            return $"{Section}:ClientId must name this gateway's application registration: tokens for other applications are refused.";
        }

        if (!Uri.TryCreate(EffectiveInstance, UriKind.Absolute, out var instance)
            || (instance.Scheme != Uri.UriSchemeHttps && !(instance.IsLoopback && !generic.RequireHttpsMetadata)))
        {
            return $"{Section}:Instance must be an https URL (such as {PublicCloud}); plain http only for a test authority on loopback with {section}:RequireHttpsMetadata=false.";
        }

        return null;
    }
}

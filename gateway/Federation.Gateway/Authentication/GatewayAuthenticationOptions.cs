namespace Federation.Gateway.Authentication;

/// <summary>
/// How the gateway validates bearer tokens; bound from the <c>Authentication</c> section. Tokens are
/// trusted from an OpenID Connect <see cref="Authority"/> (its discovery document and keys: Entra ID,
/// Keycloak) and/or from configured <see cref="SigningKeys"/>; with neither the gateway does not start.
/// </summary>
internal sealed class GatewayAuthenticationOptions
{
    public const string Section = "Authentication";

    /// <summary>The algorithms accepted when <see cref="Algorithms"/> names none: asymmetric signatures and HMAC, never <c>none</c>.</summary>
    public static readonly IReadOnlyList<string> DefaultAlgorithms =
        ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "HS256", "HS384", "HS512"];

    /// <summary>The issuer's URL; <c>{Authority}/.well-known/openid-configuration</c> names its issuer and keys.</summary>
    public string? Authority { get; set; }

    /// <summary>Fetch the discovery document only over HTTPS; false only for a test authority on loopback.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>Keys tokens may be signed with, besides the authority's.</summary>
    public List<SigningKeyOptions> SigningKeys { get; set; } = [];

    public string? Issuer { get; set; }

    public List<string> Issuers { get; set; } = [];

    public string? Audience { get; set; }

    public List<string> Audiences { get; set; } = [];

    /// <summary>How far the clocks of issuer and gateway may disagree on a token's lifetime.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The <c>alg</c> values accepted; empty for <see cref="DefaultAlgorithms"/>. <c>none</c> is never accepted.</summary>
    public List<string> Algorithms { get; set; } = [];

    public ClaimNames Claims { get; set; } = new();

    /// <summary>
    /// Let requests without a token reach the endpoint with no identity (the executor then serves them
    /// only the catalogue's public part). A token that is sent is always validated.
    /// </summary>
    public bool AllowAnonymousCatalogue { get; set; }

    /// <summary>Where the one-command run keeps its development signing key; see <see cref="DevelopmentSigningKey.DefaultPath"/>.</summary>
    public string? DevelopmentKeyFile { get; set; }

    public IReadOnlyList<string> AcceptedIssuers => [.. Issuers.Prepend(Issuer).OfType<string>().Where(i => i.Length > 0).Distinct(StringComparer.Ordinal)];

    public IReadOnlyList<string> AcceptedAudiences => [.. Audiences.Prepend(Audience).OfType<string>().Where(a => a.Length > 0).Distinct(StringComparer.Ordinal)];

    public IReadOnlyList<string> AcceptedAlgorithms => Algorithms.Count == 0 ? DefaultAlgorithms : Algorithms;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Authority) || SigningKeys.Count > 0;

    /// <summary>Why these options cannot validate tokens safely; null when they can.</summary>
    /// <param name="requireIssuerAndAudience">False when another section (<see cref="EntraIdOptions"/>) says where tokens come from.</param>
    public string? Problem(bool requireIssuerAndAudience = true)
    {
        if (requireIssuerAndAudience && !IsConfigured)
        {
            return $"The gateway needs {Section}:Authority (an OpenID Connect issuer), {Section}:SigningKeys or {EntraIdOptions.Section} (Microsoft Entra ID) to validate bearer tokens; " +
                "only the one-command run (gateway/Federation.Host) trusts a development key by itself.";
        }

        if (requireIssuerAndAudience && AcceptedAudiences.Count == 0)
        {
            return $"{Section}:Audience (or Audiences) must name this gateway: tokens for other services are refused.";
        }

        if (requireIssuerAndAudience && string.IsNullOrWhiteSpace(Authority) && AcceptedIssuers.Count == 0)
        {
            return $"{Section}:SigningKeys need {Section}:Issuer (or Issuers): the issuer of the tokens they sign.";
        }

        if (AcceptedAlgorithms.FirstOrDefault(a => a.Equals("none", StringComparison.OrdinalIgnoreCase)) is { } none)
        {
            return $"{Section}:Algorithms may not name \"{none}\": unsigned tokens are never accepted.";
        }

        if (ClockSkew < TimeSpan.Zero || ClockSkew > TimeSpan.FromMinutes(10))
        {
            return $"{Section}:ClockSkew must be between 0 and 10 minutes.";
        }

        return SigningKeys.Select((key, index) => key.Problem($"{Section}:SigningKeys:{index}")).FirstOrDefault(p => p is not null)
            ?? Claims.Problem($"{Section}:Claims");
    }
}

/// <summary>
/// One key tokens may be signed with: a symmetric <see cref="Secret"/> (base64, at least 32 bytes, for
/// HS256/384/512) or an RSA or EC <see cref="PublicKey"/> (PEM, <c>-----BEGIN PUBLIC KEY-----</c>).
/// </summary>
internal sealed class SigningKeyOptions
{
    /// <summary>The key id tokens name in their <c>kid</c> header.</summary>
    public string? Id { get; set; }

    public string? Secret { get; set; }

    public string? PublicKey { get; set; }

    public string? Problem(string path)
    {
        if (string.IsNullOrWhiteSpace(Id))
        {
            return $"{path}:Id is missing: each signing key needs the key id its tokens name.";
        }

        if (string.IsNullOrWhiteSpace(Secret) == string.IsNullOrWhiteSpace(PublicKey))
        {
            return $"{path} needs exactly one of Secret (base64) or PublicKey (PEM).";
        }

        return ConfiguredKeys.Check(this, path);
    }
}

/// <summary>The claims that carry the caller; defaults are the platform's token contract.</summary>
internal sealed class ClaimNames
{
    public string User { get; set; } = "sub";

    public string Agency { get; set; } = "agency";

    public string Division { get; set; } = "division";

    public string Roles { get; set; } = "roles";

    public string? Problem(string path) =>
        new[] { User, Agency, Division, Roles }.Any(string.IsNullOrWhiteSpace) ? $"{path}: a claim name is empty." : null;
}

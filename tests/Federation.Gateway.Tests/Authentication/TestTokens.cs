using System.Security.Cryptography;
using Federation.Gateway.Authentication;
using Microsoft.Extensions.Configuration;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Federation.Gateway.Tests.Authentication;

/// <summary>
/// Tokens for tests: a signing key of the test's own, the configuration that makes a gateway trust it,
/// and tokens for a caller. Every test that goes through the gateway's endpoint gets its token here.
/// </summary>
internal sealed class TestTokens
{
    public const string Issuer = "https://issuer.gateway-tests.invalid";
    public const string Audience = "federation-gateway-tests";
    public const string KeyId = "gateway-tests";

    /// <summary>宁波市公安局 of the demo world: a real agency code and its division.</summary>
    public static readonly Caller PublicSecurity = new("li.ming", "11330200123456788X", "330200", new HashSet<string> { PlatformRoles.Applicant });

    public TestTokens()
    {
        Secret = RandomNumberGenerator.GetBytes(64); // long enough for HS512 too
        Key = new SymmetricSecurityKey(Secret) { KeyId = KeyId };
    }

    public byte[] Secret { get; }

    public SymmetricSecurityKey Key { get; }

    /// <summary>Makes a gateway's configuration trust this key for <see cref="Issuer"/> and <see cref="Audience"/>.</summary>
    public void Configure(IConfiguration configuration)
    {
        foreach (var (key, value) in Settings())
        {
            configuration[key] = value;
        }
    }

    /// <summary>The same configuration as command-line arguments, for a gateway started as a process.</summary>
    public IEnumerable<string> Arguments() => Settings().Select(s => $"--{s.Key}={s.Value}");

    /// <summary>A valid token for <paramref name="caller"/> (default <see cref="PublicSecurity"/>), an hour long.</summary>
    public string For(Caller? caller = null) => DevelopmentSigningKey.Issue(Key, Issuer, Audience, caller ?? PublicSecurity, DateTime.UtcNow.AddMinutes(-1), DateTime.UtcNow.AddHours(1));

    /// <summary>A token signed with this key whose payload is exactly <paramref name="claims"/>, for tokens the platform would never issue.</summary>
    public string With(IDictionary<string, object> claims, SecurityKey? key = null, string algorithm = SecurityAlgorithms.HmacSha256) =>
        new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Claims = claims,
            SigningCredentials = new SigningCredentials(key ?? Key, algorithm),
        });

    /// <summary>The claims of a valid token for <paramref name="caller"/>, to be changed one at a time.</summary>
    public static Dictionary<string, object> ClaimsOf(Caller? caller = null)
    {
        caller ??= PublicSecurity;
        var now = DateTimeOffset.UtcNow;
        return new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["iss"] = Issuer,
            ["aud"] = Audience,
            ["sub"] = caller.User,
            ["agency"] = caller.Agency,
            ["division"] = caller.Division,
            ["roles"] = caller.Roles.ToArray(),
            ["nbf"] = now.AddMinutes(-1).ToUnixTimeSeconds(),
            ["iat"] = now.AddMinutes(-1).ToUnixTimeSeconds(),
            ["exp"] = now.AddHours(1).ToUnixTimeSeconds(),
        };
    }

    private IEnumerable<KeyValuePair<string, string>> Settings()
    {
        var section = GatewayAuthenticationOptions.Section;
        yield return new($"{section}:SigningKeys:0:Id", KeyId);
        yield return new($"{section}:SigningKeys:0:Secret", Convert.ToBase64String(Secret));
        yield return new($"{section}:Issuer", Issuer);
        yield return new($"{section}:Audience", Audience);
    }
}

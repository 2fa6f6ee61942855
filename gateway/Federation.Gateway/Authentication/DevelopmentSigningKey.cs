using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Federation.Gateway.Authentication;

/// <summary>
/// The signing key of the one-command run and of the <c>token</c> command: 32 random bytes kept in a
/// file only its owner can read (0600), made on first use, so tokens printed by the command are
/// accepted by every later run on the same machine. Never the key of a real deployment: the
/// banner says so, and a gateway configured with an authority or keys does not use it. Public for the
/// one-command host, which trusts it (<see cref="TrustUnlessConfigured"/>) and prints a token for the banner.
/// </summary>
public sealed class DevelopmentSigningKey
{
    public const string KeyId = "development";
    public const string Issuer = "federation-gateway-development";
    public const string Audience = "federation-gateway";

    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode GroupOrOther = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    private readonly byte[] secret;

    private DevelopmentSigningKey(string path, byte[] secret)
    {
        Path = path;
        this.secret = secret;
    }

    /// <summary><c>~/.local/share/federation-gateway/development-signing-key</c> (the platform's local application data).</summary>
    public static string DefaultPath => System.IO.Path.Combine(
        Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify),
        "federation-gateway",
        "development-signing-key");

    public string Path { get; }

    internal SymmetricSecurityKey SecurityKey => new(secret) { KeyId = KeyId };

    /// <summary>Reads the key at <paramref name="path"/> (default <see cref="DefaultPath"/>), making it first when there is none.</summary>
    /// <exception cref="InvalidOperationException">The file is readable by others or does not hold a key.</exception>
    public static DevelopmentSigningKey LoadOrCreate(string? path = null)
    {
        path = System.IO.Path.GetFullPath(string.IsNullOrWhiteSpace(path) ? DefaultPath : path);
        if (!File.Exists(path))
        {
            TryCreate(path);
        }

        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & GroupOrOther) != 0)
        {
            throw new InvalidOperationException($"The development signing key {path} is readable by others than its owner: `chmod 600 {path}` or delete it to have a new one made.");
        }

        var text = File.ReadAllText(path).Trim();
        var bytes = new byte[text.Length];
        if (!Convert.TryFromBase64String(text, bytes, out var length) || length < ConfiguredKeys.MinimumSecretBytes)
        {
            throw new InvalidOperationException($"{path} does not hold a development signing key (base64 of at least {ConfiguredKeys.MinimumSecretBytes} bytes): delete it to have a new one made.");
        }

        return new DevelopmentSigningKey(path, bytes[..length]);
    }

    /// <summary>
    /// The one-command run's sign-in: unless <paramref name="configuration"/> says where tokens come from
    /// (an authority or signing keys), the gateway trusts the development key
    /// (<c>Authentication:DevelopmentKeyFile</c>, made on first use), which is returned; else null.
    /// </summary>
    public static DevelopmentSigningKey? TrustUnlessConfigured(IConfiguration configuration)
    {
        if (GatewayAuthentication.IsConfigured(configuration))
        {
            return null;
        }

        var key = LoadOrCreate(GatewayAuthentication.Read(configuration).DevelopmentKeyFile);
        key.Configure(configuration);
        return key;
    }

    /// <summary>A token for user <paramref name="user"/> of agency <paramref name="agency"/> (a credit code of the registry), with no division claim and no roles.</summary>
    public string IssueFor(string user, string agency, TimeSpan lifetime, DateTime now) =>
        Issue(new TokenClaims(user, agency, null, new HashSet<string>()), lifetime, now);

    /// <summary>Makes the gateway trust this key, and only as the development issuer for the gateway's audience.</summary>
    internal void Configure(IConfiguration configuration)
    {
        var section = GatewayAuthenticationOptions.Section;
        configuration[$"{section}:SigningKeys:0:Id"] = KeyId;
        configuration[$"{section}:SigningKeys:0:Secret"] = Convert.ToBase64String(secret);
        configuration[$"{section}:Issuer"] = Issuer;
        configuration[$"{section}:Audience"] = Audience;
    }

    internal string Issue(Caller caller, TimeSpan lifetime, DateTime now) =>
        Issue(SecurityKey, Issuer, Audience, caller, now, now + lifetime);

    internal string Issue(TokenClaims caller, TimeSpan lifetime, DateTime now) =>
        Issue(SecurityKey, Issuer, Audience, caller, now, now + lifetime);

    /// <summary>A token naming <paramref name="caller"/>'s division too (which must then be the registry's).</summary>
    internal static string Issue(SecurityKey key, string issuer, string audience, Caller caller, DateTime notBefore, DateTime expires) =>
        Issue(key, issuer, audience, new TokenClaims(caller.User, caller.Agency, caller.Division, caller.Roles), notBefore, expires);

    /// <summary>A token with the platform's claims (<c>sub</c>, <c>agency</c>, <c>division</c> when given, <c>roles</c>) signed with HS256.</summary>
    internal static string Issue(SecurityKey key, string issuer, string audience, TokenClaims caller, DateTime notBefore, DateTime expires)
    {
        var claims = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["agency"] = caller.Agency,
        };
        if (caller.Division is { } division)
        {
            claims["division"] = division;
        }

        if (caller.Roles.Count > 0)
        {
            claims["roles"] = caller.Roles.Order(StringComparer.Ordinal).ToArray();
        }

        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Subject = new ClaimsIdentity([new Claim("sub", caller.User)]),
            Claims = claims,
            IssuedAt = notBefore,
            NotBefore = notBefore,
            Expires = expires,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        });
    }

    private static void TryCreate(string path)
    {
        var directory = System.IO.Path.GetDirectoryName(path)!;
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory);
        }
        else
        {
            Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        // Written aside and moved into place, so a process reading at the same time never sees half a key.
        var written = $"{path}.{Environment.ProcessId}.tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnly;
        }

        using (var file = new StreamWriter(written, options))
        {
            file.WriteLine(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        }

        try
        {
            File.Move(written, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process made it first; its key is the one to use.
            File.Delete(written);
        }
    }
}

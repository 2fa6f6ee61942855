using System.Security.Cryptography;
using System.Text;
using Federation.Gateway.Authentication;
using Microsoft.IdentityModel.Tokens;

namespace Federation.Gateway.Tests.Authentication;

/// <summary>
/// Tokens an attacker or a broken client sends: each is refused with 401, the right code, a message
/// that says what is wrong, an RFC 6750 challenge — and nothing reaches the executor or a subgraph.
/// </summary>
public sealed class TokenAttackTests
{
    public static TheoryData<string> Attacks => [.. AttackCases.Keys];

    private static readonly Dictionary<string, Attack> AttackCases = new()
    {
        ["no token"] = new(_ => null, AuthenticationErrorCodes.Unauthenticated, "needs a bearer token"),
        ["basic credentials"] = new(_ => "Basic bGkubWluZzpzZWNyZXQ=", AuthenticationErrorCodes.TokenInvalid, "must be \"Bearer <token>\""),
        ["bearer without a token"] = new(_ => "Bearer ", AuthenticationErrorCodes.TokenInvalid, "must be \"Bearer <token>\""),
        ["garbage"] = new(_ => "Bearer this-is-not-a-token", AuthenticationErrorCodes.TokenInvalid, "not a JSON Web Token"),
        ["unsigned"] = new(_ => "Bearer " + Unsigned("HS256", TestTokens.ClaimsOf()), AuthenticationErrorCodes.TokenInvalid, "not signed"),
        ["alg none"] = new(_ => "Bearer " + Unsigned("none", TestTokens.ClaimsOf()), AuthenticationErrorCodes.TokenInvalid, "not signed"),
        ["wrong key"] = new(t => "Bearer " + t.With(TestTokens.ClaimsOf(), new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32)) { KeyId = TestTokens.KeyId }), AuthenticationErrorCodes.TokenInvalid, "signature does not verify"),
        ["unknown key id"] = new(t => "Bearer " + t.With(TestTokens.ClaimsOf(), new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32)) { KeyId = "someone-else" }), AuthenticationErrorCodes.TokenInvalid, "signed with a key the gateway does not trust"),
        ["expired"] = new(t => "Bearer " + t.With(Changed(c => { c["nbf"] = c["iat"] = Unix(-3); c["exp"] = Unix(-2); })), AuthenticationErrorCodes.TokenExpired, "expired at"),
        ["not yet valid"] = new(t => "Bearer " + t.With(Changed(c => { c["nbf"] = Unix(1); c["exp"] = Unix(2); })), AuthenticationErrorCodes.TokenInvalid, "not valid before"),
        ["no expiry"] = new(t => "Bearer " + t.With(Changed(c => c.Remove("exp"))), AuthenticationErrorCodes.TokenInvalid, "no expiry"),
        ["wrong audience"] = new(t => "Bearer " + t.With(Changed(c => c["aud"] = "population-subgraph")), AuthenticationErrorCodes.TokenInvalid, "audience \"population-subgraph\""),
        ["wrong issuer"] = new(t => "Bearer " + t.With(Changed(c => c["iss"] = "https://evil.example")), AuthenticationErrorCodes.TokenInvalid, "issuer \"https://evil.example\" is not trusted"),
        ["no user"] = new(t => "Bearer " + t.With(Changed(c => c.Remove("sub"))), AuthenticationErrorCodes.TokenInvalid, "no \"sub\" claim"),
        ["no agency"] = new(t => "Bearer " + t.With(Changed(c => c.Remove("agency"))), AuthenticationErrorCodes.TokenInvalid, "no \"agency\" claim"),
        ["agency not a credit code"] = new(t => "Bearer " + t.With(Changed(c => c["agency"] = "11330200123456788Y")), AuthenticationErrorCodes.TokenInvalid, "\"agency\" claim \"11330200123456788Y\" is not a unified social credit code"),
        ["two agencies"] = new(t => "Bearer " + t.With(Changed(c => c["agency"] = new[] { "11330200123456788X", "1133020019999999XG" })), AuthenticationErrorCodes.TokenInvalid, "more than one \"agency\" claim"),
        ["division of five digits"] = new(t => "Bearer " + t.With(Changed(c => c["division"] = "33020")), AuthenticationErrorCodes.TokenInvalid, "\"division\" claim \"33020\" is not a division code"),
        ["division of no province"] = new(t => "Bearer " + t.With(Changed(c => c["division"] = "990200")), AuthenticationErrorCodes.TokenInvalid, "not a province"),
    };

    [Theory]
    [MemberData(nameof(Attacks))]
    public async Task An_attack_is_refused_with_401_and_its_code_and_nothing_is_fetched(string attack)
    {
        var tokens = new TestTokens();
        await using var endpoint = await AuthenticatedEndpoint.StartAsync(tokens.Configure);
        var (authorization, code, says) = AttackCases[attack];
        var header = authorization(tokens);

        var answer = await endpoint.PostAsync(header);

        Assert.Equal(401, answer.Status);
        Assert.Equal(code, answer.Code);
        Assert.Contains(says, answer.Message, StringComparison.Ordinal);
        Assert.Null(answer.Json["data"]);
        Assert.Empty(endpoint.Contexts);
        Assert.Equal(0, endpoint.SubgraphRequests);
        Assert.StartsWith("Bearer", answer.Challenge, StringComparison.Ordinal);
        if (code == AuthenticationErrorCodes.Unauthenticated)
        {
            Assert.Equal("Bearer", answer.Challenge); // RFC 6750 §3.1: no error code when no credentials were sent
        }
        else
        {
            Assert.Contains("error=\"invalid_", answer.Challenge, StringComparison.Ordinal);
        }

        // Nothing secret comes back: not the token, not the key.
        Assert.DoesNotContain(Convert.ToBase64String(tokens.Secret), answer.Body, StringComparison.Ordinal);
        if (header?.Split(' ').LastOrDefault() is { Length: > 20 } token)
        {
            Assert.DoesNotContain(token, answer.Body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_challenge_describes_the_error_in_the_characters_RFC_6750_allows()
    {
        var tokens = new TestTokens();
        await using var endpoint = await AuthenticatedEndpoint.StartAsync(tokens.Configure);

        var answer = await endpoint.PostAsync("Bearer " + tokens.With(Changed(c => c["aud"] = "population \"subgraph\" 人口")));

        Assert.Equal("The token is for audience \"population \"subgraph\" 人口\", not this gateway.", answer.Message);
        Assert.Equal("Bearer error=\"invalid_token\", error_description=\"The token is for audience 'population 'subgraph' ??', not this gateway.\"", answer.Challenge);
    }

    [Fact]
    public async Task A_token_signed_with_the_RSA_public_key_as_an_HMAC_secret_is_refused()
    {
        using var rsa = RSA.Create(2048);
        var pem = rsa.ExportSubjectPublicKeyInfoPem();
        await using var endpoint = await AuthenticatedEndpoint.StartAsync(configuration =>
        {
            configuration["Authentication:SigningKeys:0:Id"] = "issuer-rsa";
            configuration["Authentication:SigningKeys:0:PublicKey"] = pem;
            configuration["Authentication:Issuer"] = TestTokens.Issuer;
            configuration["Authentication:Audience"] = TestTokens.Audience;
        });
        var confused = new SymmetricSecurityKey(Encoding.ASCII.GetBytes(pem)) { KeyId = "issuer-rsa" };

        var answer = await endpoint.PostAsync("Bearer " + new TestTokens().With(TestTokens.ClaimsOf(), confused));
        var genuine = await endpoint.PostAsync("Bearer " + new TestTokens().With(TestTokens.ClaimsOf(), new RsaSecurityKey(rsa) { KeyId = "issuer-rsa" }, SecurityAlgorithms.RsaSha256));

        Assert.Equal(401, answer.Status);
        Assert.Equal(AuthenticationErrorCodes.TokenInvalid, answer.Code);
        Assert.Equal(200, genuine.Status);
        Assert.Single(endpoint.Contexts); // the genuine request only
    }

    [Fact]
    public async Task An_algorithm_left_out_of_the_configured_list_is_refused()
    {
        var tokens = new TestTokens();
        await using var endpoint = await AuthenticatedEndpoint.StartAsync(configuration =>
        {
            tokens.Configure(configuration);
            configuration["Authentication:Algorithms:0"] = "HS512";
        });

        var hs256 = await endpoint.PostAsync("Bearer " + tokens.With(TestTokens.ClaimsOf(), algorithm: SecurityAlgorithms.HmacSha256));
        var hs512 = await endpoint.PostAsync("Bearer " + tokens.With(TestTokens.ClaimsOf(), algorithm: SecurityAlgorithms.HmacSha512));

        Assert.Equal(401, hs256.Status);
        Assert.Equal(AuthenticationErrorCodes.TokenInvalid, hs256.Code);
        Assert.Contains("algorithm \"HS256\" is not accepted", hs256.Message, StringComparison.Ordinal);
        Assert.Equal(200, hs512.Status);
    }

    private static Dictionary<string, object> Changed(Action<Dictionary<string, object>> change)
    {
        var claims = TestTokens.ClaimsOf();
        change(claims);
        return claims;
    }

    private static long Unix(int hoursFromNow) => DateTimeOffset.UtcNow.AddHours(hoursFromNow).ToUnixTimeSeconds();

    /// <summary>A JWS with a header naming <paramref name="algorithm"/> and an empty signature.</summary>
    private static string Unsigned(string algorithm, Dictionary<string, object> claims) =>
        $"{Base64UrlEncoder.Encode($$"""{"alg":"{{algorithm}}","typ":"JWT","kid":"{{TestTokens.KeyId}}"}""")}.{Base64UrlEncoder.Encode(System.Text.Json.JsonSerializer.Serialize(claims))}.";

    private sealed record Attack(Func<TestTokens, string?> Authorization, string Code, string Says);
}

using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Federation.Gateway.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace Federation.Gateway.Tests.Authentication;

/// <summary>
/// An OpenID Connect authority (as Entra ID or Keycloak publish one): the gateway finds the issuer and
/// its keys through the discovery document and accepts the authority's tokens, and only those.
/// </summary>
public sealed class OidcAuthorityTests
{
    [Fact]
    public async Task Tokens_of_the_authority_are_accepted_through_discovery_and_others_are_refused()
    {
        using var signing = RSA.Create(2048);
        var key = new RsaSecurityKey(signing) { KeyId = "authority-2026" };
        await using var authority = await Authority.StartAsync(key);
        await using var endpoint = await AuthenticatedEndpoint.StartAsync(configuration =>
        {
            configuration["Authentication:Authority"] = authority.Issuer;
            configuration["Authentication:RequireHttpsMetadata"] = "false";
            configuration["Authentication:Audience"] = TestTokens.Audience;
        });
        var tokens = new TestTokens();
        var claims = TestTokens.ClaimsOf();
        claims["iss"] = authority.Issuer;
        using var stranger = RSA.Create(2048);

        var accepted = await endpoint.PostAsync("Bearer " + tokens.With(claims, key, SecurityAlgorithms.RsaSha256));
        var otherKey = await endpoint.PostAsync("Bearer " + tokens.With(claims, new RsaSecurityKey(stranger) { KeyId = "authority-2026" }, SecurityAlgorithms.RsaSha256));
        var otherIssuer = await endpoint.PostAsync("Bearer " + tokens.With(TestTokens.ClaimsOf(), key, SecurityAlgorithms.RsaSha256));

        Assert.Equal(200, accepted.Status);
        Assert.Equal(TestTokens.PublicSecurity.Agency, Assert.Single(endpoint.Contexts).Identity!.Agency);
        Assert.True(authority.DiscoveryRequests > 0 && authority.KeyRequests > 0);
        Assert.Equal((401, AuthenticationErrorCodes.TokenInvalid), (otherKey.Status, otherKey.Code));
        Assert.Contains("signature does not verify", otherKey.Message, StringComparison.Ordinal);
        Assert.Equal((401, AuthenticationErrorCodes.TokenInvalid), (otherIssuer.Status, otherIssuer.Code));
        Assert.Contains($"issuer \"{TestTokens.Issuer}\" is not trusted", otherIssuer.Message, StringComparison.Ordinal);
    }

    /// <summary>A loopback authority: <c>/.well-known/openid-configuration</c> and its JWKS with the public half of one key.</summary>
    private sealed class Authority : IAsyncDisposable
    {
        private readonly WebApplication app;
        private int discoveryRequests;
        private int keyRequests;

        private Authority(WebApplication app, string issuer)
        {
            this.app = app;
            Issuer = issuer;
        }

        public string Issuer { get; }

        public int DiscoveryRequests => Volatile.Read(ref discoveryRequests);

        public int KeyRequests => Volatile.Read(ref keyRequests);

        public static async Task<Authority> StartAsync(RsaSecurityKey key)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            var app = builder.Build();
            Authority? authority = null;
            var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(key.Rsa.ExportParameters(false)) { KeyId = key.KeyId });
            app.MapGet("/.well-known/openid-configuration", () =>
            {
                Interlocked.Increment(ref authority!.discoveryRequests);
                return Results.Text(new JsonObject { ["issuer"] = authority.Issuer, ["jwks_uri"] = authority.Issuer + "/keys" }.ToJsonString(), "application/json");
            });
            app.MapGet("/keys", () =>
            {
                Interlocked.Increment(ref authority!.keyRequests);
                var keys = new JsonObject
                {
                    ["keys"] = new JsonArray(new JsonObject { ["kty"] = jwk.Kty, ["use"] = "sig", ["kid"] = jwk.Kid, ["alg"] = "RS256", ["n"] = jwk.N, ["e"] = jwk.E }),
                };
                return Results.Text(keys.ToJsonString(), "application/json");
            });
            await app.StartAsync(TestContext.Current.CancellationToken);
            authority = new Authority(app, app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/'));
            return authority;
        }

        public async ValueTask DisposeAsync()
        {
            await app.StopAsync(CancellationToken.None);
            await app.DisposeAsync();
        }
    }
}

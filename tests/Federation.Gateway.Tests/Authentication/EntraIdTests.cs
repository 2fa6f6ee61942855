using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Federation.Gateway.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;

namespace Federation.Gateway.Tests.Authentication;

/// <summary>
/// Microsoft Entra ID (the <c>AzureAd</c> section, validated with Microsoft.Identity.Web): tokens of the
/// configured tenant for this gateway's application are accepted and read with the same claims as any
/// other; another tenant's, another application's, expired and malformed ones are refused with the
/// codes of every other authority. Entra's discovery document and keys are served from memory to the
/// handler (its backchannel), so the test needs no network and the issuer is Entra's own.
/// </summary>
public sealed class EntraIdTests
{
    private const string Tenant = "3f5a0c2e-8d41-4b7a-9c55-0e1d2f3a4b5c";
    private const string OtherTenant = "9b8a7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";
    private const string ClientId = "6e2d8c4a-1b3f-4e5d-9a7c-2f1e0d9c8b7a";
    private const string CallingApp = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";

    private static string IssuerOf(string tenant) => $"https://login.microsoftonline.com/{tenant}/v2.0";

    [Fact]
    public async Task A_token_of_the_tenant_for_this_gateway_is_accepted_and_its_claims_are_the_caller()
    {
        await using var entra = await EntraGateway.StartAsync();

        var answer = await entra.Endpoint.PostAsync("Bearer " + entra.Token(EntraClaims()));

        Assert.Equal(200, answer.Status);
        var identity = Assert.Single(entra.Endpoint.Contexts).Identity!;
        Assert.Equal(TestTokens.PublicSecurity.Agency, identity.Agency);
        Assert.Equal(TestTokens.PublicSecurity.User, identity.User);
        Assert.Equal(TestTokens.PublicSecurity.Division, identity.Division);
        Assert.Equal(TestTokens.PublicSecurity.Roles, identity.Roles);
        Assert.True(entra.Metadata.DiscoveryRequests > 0 && entra.Metadata.KeyRequests > 0);
        Assert.Empty(entra.Metadata.OtherRequests);
    }

    [Fact]
    public async Task Tokens_of_another_tenant_application_or_time_and_malformed_ones_are_refused_with_the_usual_codes()
    {
        await using var entra = await EntraGateway.StartAsync();
        var otherTenant = EntraClaims();
        otherTenant["iss"] = IssuerOf(OtherTenant);
        otherTenant["tid"] = OtherTenant;
        var otherAudience = EntraClaims();
        otherAudience["aud"] = "https://graph.microsoft.com";
        var expired = EntraClaims();
        expired["nbf"] = DateTimeOffset.UtcNow.AddHours(-3).ToUnixTimeSeconds();
        expired["iat"] = DateTimeOffset.UtcNow.AddHours(-3).ToUnixTimeSeconds();
        expired["exp"] = DateTimeOffset.UtcNow.AddHours(-2).ToUnixTimeSeconds();
        var noPermission = EntraClaims();
        noPermission.Remove("roles");
        using var stranger = RSA.Create(2048);
        var forged = new TestTokens().With(EntraClaims(), new RsaSecurityKey(stranger) { KeyId = entra.Metadata.KeyId }, SecurityAlgorithms.RsaSha256);

        var refusals = new Dictionary<string, (string Token, string Code, string Says)>
        {
            ["another tenant"] = (entra.Token(otherTenant), AuthenticationErrorCodes.TokenInvalid, "https://login.microsoftonline.com/9b8a7c6d"),
            ["another application"] = (entra.Token(otherAudience), AuthenticationErrorCodes.TokenInvalid, "audience \"https://graph.microsoft.com\", not this gateway"),
            ["expired"] = (entra.Token(expired), AuthenticationErrorCodes.TokenExpired, "expired"),
            ["forged"] = (forged, AuthenticationErrorCodes.TokenInvalid, "signature does not verify"),
            ["no scope or app role"] = (entra.Token(noPermission), AuthenticationErrorCodes.TokenInvalid, "neither scopes (\"scp\") nor app roles (\"roles\")"),
            ["malformed"] = ("eyJhbGciOiJSUzI1NiJ9.not-json.c2ln", AuthenticationErrorCodes.TokenInvalid, "not a JSON Web Token"),
        };
        foreach (var (name, (token, code, says)) in refusals)
        {
            var answer = await entra.Endpoint.PostAsync("Bearer " + token);

            Assert.True(answer.Status == 401, $"{name}: {answer.Status} {answer.Body}");
            Assert.True(code == answer.Code, $"{name}: {answer.Body}");
            Assert.True(answer.Message.Contains(says, StringComparison.Ordinal), $"{name}: {answer.Message}");
            if (name == "another tenant")
            {
                Assert.EndsWith("is not trusted.", answer.Message, StringComparison.Ordinal);
            }
        }

        Assert.Empty(entra.Endpoint.Contexts);
        Assert.Equal(0, entra.Endpoint.SubgraphRequests);
        Assert.Empty(entra.Metadata.OtherRequests);
    }

    [Fact]
    public async Task A_token_whose_agency_the_registry_does_not_know_is_refused_as_for_any_authority()
    {
        await using var entra = await EntraGateway.StartAsync();
        var claims = EntraClaims();
        claims["agency"] = "91330100716105852F"; // a valid code the registry does not list

        var answer = await entra.Endpoint.PostAsync("Bearer " + entra.Token(claims));

        Assert.Equal(403, answer.Status);
        Assert.Equal(AuthenticationErrorCodes.AgencyUnknown, answer.Code);
    }

    [Theory]
    [InlineData("AzureAd:TenantId", "common", "must be the tenant's id (a GUID)")]
    [InlineData("AzureAd:TenantId", "contoso.onmicrosoft.com", "must be the tenant's id (a GUID)")]
    [InlineData("AzureAd:ClientId", "", "ClientId must name this gateway's application registration")]
    [InlineData("AzureAd:Instance", "http://login.example.invalid/", "Instance must be an https URL")]
    [InlineData("Authentication:Authority", "https://issuer.example.invalid", "Configure one source of tokens")]
    [InlineData("Authentication:Audience", "federation-gateway", "Configure one source of tokens")]
    [InlineData("Authentication:ClockSkew", "01:00:00", "ClockSkew must be between 0 and 10 minutes")]
    public void Entra_settings_that_cannot_validate_tokens_safely_stop_the_start(string key, string value, string says)
    {
        var configuration = new ConfigurationManager();
        Configure(configuration);
        configuration[key] = value;

        var refused = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddGatewayAuthentication(configuration));

        Assert.Contains(says, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_gateway_configured_for_Entra_does_not_trust_the_development_key()
    {
        var configuration = new ConfigurationManager();
        Configure(configuration);

        Assert.True(GatewayAuthentication.IsConfigured(configuration));
        Assert.Null(DevelopmentSigningKey.TrustUnlessConfigured(configuration));
        Assert.Null(configuration["Authentication:SigningKeys:0:Id"]);
    }

    private static void Configure(IConfiguration configuration)
    {
        configuration["AzureAd:Instance"] = "https://login.microsoftonline.com/";
        configuration["AzureAd:TenantId"] = Tenant;
        configuration["AzureAd:ClientId"] = ClientId;
    }

    /// <summary>The claims of an Entra ID v2.0 access token for a user of <see cref="Tenant"/>, with the platform's claims added (as optional or directory-extension claims).</summary>
    private static Dictionary<string, object> EntraClaims()
    {
        var claims = TestTokens.ClaimsOf();
        claims["iss"] = IssuerOf(Tenant);
        claims["aud"] = ClientId;
        claims["tid"] = Tenant;
        claims["azp"] = CallingApp;
        claims["azpacr"] = "1";
        claims["oid"] = "c0ffee00-1234-4abc-8def-0123456789ab";
        claims["ver"] = "2.0";
        return claims;
    }

    /// <summary>The gateway's endpoint configured for <see cref="Tenant"/>, its JwtBearer handler fetching Entra's metadata from <see cref="Metadata"/>.</summary>
    private sealed class EntraGateway : IAsyncDisposable
    {
        private readonly RSA signing;
        private readonly RsaSecurityKey key;

        private EntraGateway(RSA signing, RsaSecurityKey key, EntraMetadata metadata, AuthenticatedEndpoint endpoint)
        {
            this.signing = signing;
            this.key = key;
            Metadata = metadata;
            Endpoint = endpoint;
        }

        public EntraMetadata Metadata { get; }

        public AuthenticatedEndpoint Endpoint { get; }

        public static async Task<EntraGateway> StartAsync()
        {
            var signing = RSA.Create(2048);
            var key = new RsaSecurityKey(signing) { KeyId = "entra-test-key" };
            var metadata = new EntraMetadata(IssuerOf(Tenant), key);
            var endpoint = await AuthenticatedEndpoint.StartAsync(
                Configure,
                services => services.Configure<JwtBearerOptions>(GatewayAuthentication.Scheme, jwt => jwt.BackchannelHttpHandler = metadata));
            return new EntraGateway(signing, key, metadata, endpoint);
        }

        public string Token(IDictionary<string, object> claims) => new TestTokens().With(claims, key, SecurityAlgorithms.RsaSha256);

        public async ValueTask DisposeAsync()
        {
            await Endpoint.DisposeAsync();
            signing.Dispose();
        }
    }

    /// <summary>
    /// Entra ID's v2.0 discovery document and key set for one tenant, as login.microsoftonline.com serves
    /// them (the key carries the issuer it signs for), answered in memory; any other request is recorded.
    /// </summary>
    private sealed class EntraMetadata(string issuer, RsaSecurityKey key) : HttpMessageHandler
    {
        private int discoveryRequests;
        private int keyRequests;

        public string KeyId => key.KeyId;

        public int DiscoveryRequests => Volatile.Read(ref discoveryRequests);

        public int KeyRequests => Volatile.Read(ref keyRequests);

        public System.Collections.Concurrent.ConcurrentQueue<string> OtherRequests { get; } = new();

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var url = request.RequestUri!.ToString();
            var keysUrl = "https://login.microsoftonline.com/" + Tenant + "/discovery/v2.0/keys";
            JsonObject body;
            if (url == issuer + "/.well-known/openid-configuration")
            {
                Interlocked.Increment(ref discoveryRequests);
                body = new JsonObject
                {
                    ["issuer"] = issuer,
                    ["jwks_uri"] = keysUrl,
                    ["token_endpoint"] = "https://login.microsoftonline.com/" + Tenant + "/oauth2/v2.0/token",
                    ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
                };
            }
            else if (url == keysUrl)
            {
                Interlocked.Increment(ref keyRequests);
                var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(key.Rsa.ExportParameters(false)) { KeyId = key.KeyId });
                body = new JsonObject
                {
                    ["keys"] = new JsonArray(new JsonObject
                    {
                        ["kty"] = jwk.Kty, ["use"] = "sig", ["kid"] = jwk.Kid, ["n"] = jwk.N, ["e"] = jwk.E,
                        ["issuer"] = "https://login.microsoftonline.com/{tenantid}/v2.0",
                    }),
                };
            }
            else
            {
                OtherRequests.Enqueue(url);
                return Task.FromResult(new HttpResponseMessage(HttpStatusCode.NotFound));
            }

            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
            });
        }
    }
}

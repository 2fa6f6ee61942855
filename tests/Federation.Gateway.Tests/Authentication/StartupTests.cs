using Federation.Gateway.Authentication;
using Federation.Gateway.Hosting;
using Microsoft.Extensions.Configuration;

namespace Federation.Gateway.Tests.Authentication;

/// <summary>The gateway fails closed at start-up: it does not serve when it cannot validate tokens safely.</summary>
public sealed class StartupTests
{
    [Fact]
    public void A_gateway_with_subgraphs_but_no_authentication_does_not_start()
    {
        var refused = Assert.Throws<InvalidOperationException>(() => GatewayService.Build([], builder =>
        {
            builder.Configuration["GatewaySignature:Secret"] = "a-secret-of-at-least-thirty-two-bytes-long";
            builder.Configuration["Subgraphs:Endpoints:population:Url"] = "http://127.0.0.1:9/graphql";
        }));

        Assert.Contains("Authentication:Authority", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Authentication:SigningKeys", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Authentication:Audience", null, "Audience (or Audiences) must name this gateway")]
    [InlineData("Authentication:Issuer", null, "SigningKeys need Authentication:Issuer")]
    [InlineData("Authentication:SigningKeys:0:Secret", "c2hvcnQ=", "Secret has 5 bytes; a signing secret needs at least 32")]
    [InlineData("Authentication:SigningKeys:0:Secret", "not base64!", "Secret is not base64")]
    [InlineData("Authentication:SigningKeys:0:Id", null, "SigningKeys:0:Id is missing")]
    [InlineData("Authentication:Algorithms:0", "none", "may not name \"none\"")]
    [InlineData("Authentication:ClockSkew", "01:00:00", "ClockSkew must be between 0 and 10 minutes")]
    [InlineData("Authentication:Claims:Agency", " ", "a claim name is empty")]
    public void Options_that_cannot_validate_tokens_safely_are_refused(string key, string? value, string says)
    {
        var configuration = new ConfigurationManager();
        new TestTokens().Configure(configuration);
        configuration[key] = value;

        var problem = GatewayAuthentication.Read(configuration).Problem();

        Assert.NotNull(problem);
        Assert.Contains(says, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_private_key_is_not_taken_for_a_public_one()
    {
        using var rsa = System.Security.Cryptography.RSA.Create(2048);
        var configuration = new ConfigurationManager();
        configuration["Authentication:SigningKeys:0:Id"] = "issuer";
        configuration["Authentication:SigningKeys:0:PublicKey"] = rsa.ExportPkcs8PrivateKeyPem();
        configuration["Authentication:Issuer"] = TestTokens.Issuer;
        configuration["Authentication:Audience"] = TestTokens.Audience;

        Assert.Contains("not a PUBLIC KEY", GatewayAuthentication.Read(configuration).Problem(), StringComparison.Ordinal);

        configuration["Authentication:SigningKeys:0:PublicKey"] = rsa.ExportSubjectPublicKeyInfoPem();
        Assert.Null(GatewayAuthentication.Read(configuration).Problem());
    }

    [Fact]
    public void An_EC_public_key_is_read()
    {
        using var ec = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
        var key = ConfiguredKeys.Read(new SigningKeyOptions { Id = "ec", PublicKey = ec.ExportSubjectPublicKeyInfoPem() });

        Assert.IsType<Microsoft.IdentityModel.Tokens.ECDsaSecurityKey>(key);
        Assert.Equal("ec", key.KeyId);
    }
}

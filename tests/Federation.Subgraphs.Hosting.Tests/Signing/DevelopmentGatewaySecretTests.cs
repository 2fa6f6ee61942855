using Federation.Protocol.Signing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Federation.Subgraphs.Hosting.Tests.Signing;

public sealed class DevelopmentGatewaySecretTests
{
    private const string Development = "development-secret-long-enough-for-hmac-sha256";

    private static string? SecretIn(string environment, string? configured)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.AddSubgraphDefaults();
        if (configured is not null)
        {
            builder.Configuration["GatewaySignature:Secret"] = configured;
        }

        builder.AddDevelopmentGatewaySecret(Development);
        var warns = builder.Services.Any(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType?.DeclaringType == typeof(DevelopmentGatewaySecret));
        Assert.Equal(environment == Environments.Development && configured is null, warns);
        using var services = builder.Services.BuildServiceProvider();
        return services.GetRequiredService<IOptions<GatewaySignatureOptions>>().Value.Secret;
    }

    [Fact]
    public void Development_without_a_secret_verifies_with_the_development_secret_and_warns() =>
        Assert.Equal(Development, SecretIn(Environments.Development, null));

    [Fact]
    public void A_configured_secret_wins_in_development() =>
        Assert.Equal("configured-secret-long-enough-for-hmac-sha256", SecretIn(Environments.Development, "configured-secret-long-enough-for-hmac-sha256"));

    [Fact]
    public void Outside_development_no_secret_is_made_up() =>
        Assert.Null(SecretIn(Environments.Production, null));
}

using System.Security.Claims;
using Federation.Gateway.Authentication;
using Federation.Gateway.Tests.Sharing;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;

namespace Federation.Gateway.Tests.Authentication;

/// <summary>The gate's memory of validated tokens: served until the token expires or five minutes pass, bounded, never for a token it did not validate.</summary>
public sealed class AdmittedTokensTests
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);
    private static readonly TokenClaims Claims = new("li.ming", "11330200123456788X", null, new HashSet<string>());

    [Fact]
    public void A_validated_token_is_served_until_it_expires()
    {
        var clock = new ManualClock(Noon);
        var admitted = new AdmittedTokens(clock);
        admitted.Add("token", Claims, Principal(expires: Noon.AddMinutes(2)));

        clock.Advance(TimeSpan.FromSeconds(119));
        Assert.True(admitted.TryGet("token", out var admission));
        Assert.Same(Claims, admission.Claims);

        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.False(admitted.TryGet("token", out _));
        Assert.Equal(0, admitted.Count);
    }

    [Fact]
    public void A_long_lived_token_is_validated_again_after_five_minutes()
    {
        var clock = new ManualClock(Noon);
        var admitted = new AdmittedTokens(clock);
        admitted.Add("token", Claims, Principal(expires: Noon.AddHours(8)));

        clock.Advance(AdmittedTokens.MaximumAge - TimeSpan.FromSeconds(1));
        Assert.True(admitted.TryGet("token", out _));
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.False(admitted.TryGet("token", out _));
    }

    [Fact]
    public void Only_the_exact_token_is_served_and_one_without_expiry_or_already_expired_is_not_kept()
    {
        var clock = new ManualClock(Noon);
        var admitted = new AdmittedTokens(clock);
        admitted.Add("token", Claims, Principal(expires: Noon.AddHours(1)));
        admitted.Add("no-expiry", Claims, new ClaimsPrincipal(new ClaimsIdentity([new Claim("sub", "li.ming")], "Bearer")));
        admitted.Add("expired", Claims, Principal(expires: Noon.AddSeconds(-1)));

        Assert.False(admitted.TryGet("token ", out _));
        Assert.False(admitted.TryGet("TOKEN", out _));
        Assert.False(admitted.TryGet("no-expiry", out _));
        Assert.False(admitted.TryGet("expired", out _));
        Assert.Equal(1, admitted.Count);
    }

    [Fact]
    public void A_flood_of_distinct_tokens_never_grows_it_past_its_capacity()
    {
        var clock = new ManualClock(Noon);
        var admitted = new AdmittedTokens(clock, capacity: 100);
        for (var i = 0; i < 1000; i++)
        {
            admitted.Add($"token-{i}", Claims, Principal(expires: Noon.AddHours(1)));
            Assert.True(admitted.Count <= 100);
        }

        Assert.True(admitted.TryGet("token-999", out _));
    }

    [Fact]
    public async Task The_gate_admits_a_repeated_token_as_the_same_caller_and_still_refuses_an_altered_one()
    {
        var tokens = new TestTokens();
        var validations = 0;
        await using var endpoint = await AuthenticatedEndpoint.StartAsync(tokens.Configure, services => services.PostConfigure<JwtBearerOptions>(
            GatewayAuthentication.Scheme,
            jwt => jwt.Events = new JwtBearerEvents { OnTokenValidated = _ => { Interlocked.Increment(ref validations); return Task.CompletedTask; } }));
        var token = tokens.For();

        var first = await endpoint.PostAsync("Bearer " + token);
        var second = await endpoint.PostAsync("Bearer " + token);
        var altered = await endpoint.PostAsync("Bearer " + token[..^2] + (token[^2] == 'A' ? "B" : "A") + token[^1]);

        Assert.Equal((200, 200, 401), (first.Status, second.Status, altered.Status));
        Assert.Equal(1, validations); // the first request's token, once: not again by the middleware, not again on the second request
        var identities = endpoint.Contexts.Select(c => c.Identity!).ToList();
        Assert.Equal(2, identities.Count);
        Assert.Equal((TestTokens.PublicSecurity.User, TestTokens.PublicSecurity.Agency), (identities[0].User, identities[0].Agency));
        Assert.Same(identities[0], identities[1]); // the second request was admitted from the memory, not validated again
    }

    private static ClaimsPrincipal Principal(DateTimeOffset expires) =>
        new(new ClaimsIdentity([new Claim("sub", "li.ming"), new Claim("exp", expires.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture))], "Bearer"));
}

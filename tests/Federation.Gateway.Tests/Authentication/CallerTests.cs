using Federation.Gateway.Authentication;
using Federation.Protocol.Signing;
using Federation.Subgraphs.Hosting;

namespace Federation.Gateway.Tests.Authentication;

/// <summary>What a valid token makes of a request: the identity the executor sees and the caller the subgraphs are told of.</summary>
public sealed class CallerTests
{
    private const string BigDataBureau = "1133020035308641XG";

    [Fact]
    public async Task A_valid_token_yields_its_caller_and_the_subgraphs_are_told_its_agency()
    {
        var tokens = new TestTokens();
        // The big-data bureau: the registry gives it the auditor's role.
        var caller = new Caller("wang.fang", BigDataBureau, "330200", new HashSet<string> { PlatformRoles.Approver, PlatformRoles.Auditor });
        await using var endpoint = await AuthenticatedEndpoint.StartAsync(tokens.Configure);

        var answer = await endpoint.PostAsync("Bearer " + tokens.For(caller));

        Assert.Equal(200, answer.Status);
        Assert.Null(answer.Json["errors"]);
        Assert.Equal(2, (int)answer.Json["data"]!["person"]!["licences"]!["totalCount"]!);
        var context = Assert.Single(endpoint.Contexts);
        var identity = Assert.IsType<Caller>(context.Identity);
        Assert.Equal(("wang.fang", BigDataBureau, "330200"), (identity.User, identity.Agency, identity.Division));
        Assert.True(identity.Roles.SetEquals([PlatformRoles.Approver, PlatformRoles.Auditor]));
        Assert.All(endpoint.Subgraphs.Callers.Values.SelectMany(q => q), signed => Assert.Equal(new GatewayCaller(BigDataBureau, PurposeDeclaration.Undeclared), signed));
        Assert.NotEqual(0, endpoint.SubgraphRequests);
    }

    [Fact]
    public async Task A_single_role_claim_and_no_role_claim_are_read_as_one_role_and_none()
    {
        var tokens = new TestTokens();
        await using var endpoint = await AuthenticatedEndpoint.StartAsync(tokens.Configure);
        var one = TestTokens.ClaimsOf();
        one["roles"] = PlatformRoles.Approver;
        var none = TestTokens.ClaimsOf();
        none.Remove("roles");

        Assert.Equal(200, (await endpoint.PostAsync("Bearer " + tokens.With(one))).Status);
        Assert.Equal(200, (await endpoint.PostAsync("Bearer " + tokens.With(none))).Status);

        var contexts = endpoint.Contexts.ToArray();
        Assert.True(contexts[0].Identity!.Roles.SetEquals([PlatformRoles.Approver]));
        Assert.Empty(contexts[1].Identity!.Roles);
    }

    [Fact]
    public async Task Claim_names_are_configurable()
    {
        var tokens = new TestTokens();
        await using var endpoint = await AuthenticatedEndpoint.StartAsync(configuration =>
        {
            tokens.Configure(configuration);
            configuration["Authentication:Claims:User"] = "preferred_username";
            configuration["Authentication:Claims:Agency"] = "org_code";
            configuration["Authentication:Claims:Division"] = "org_division";
            configuration["Authentication:Claims:Roles"] = "groups";
        });
        var claims = TestTokens.ClaimsOf();
        claims["preferred_username"] = "zhao.lei";
        claims["org_code"] = claims["agency"];
        claims["org_division"] = claims["division"];
        claims["groups"] = new[] { PlatformRoles.Approver };
        claims.Remove("agency");

        var answer = await endpoint.PostAsync("Bearer " + tokens.With(claims));

        Assert.Equal(200, answer.Status);
        var identity = Assert.Single(endpoint.Contexts).Identity!;
        Assert.Equal(("zhao.lei", TestTokens.PublicSecurity.Agency), (identity.User, identity.Agency));
        Assert.True(identity.Roles.SetEquals([PlatformRoles.Approver]));
    }

    [Fact]
    public async Task With_anonymous_catalogue_reading_a_request_without_a_token_reaches_the_executor_with_no_identity()
    {
        var tokens = new TestTokens();
        await using var endpoint = await AuthenticatedEndpoint.StartAsync(configuration =>
        {
            tokens.Configure(configuration);
            configuration["Authentication:AllowAnonymousCatalogue"] = "true";
        });

        var anonymous = await endpoint.PostAsync(authorization: null);
        var badToken = await endpoint.PostAsync("Bearer not-a-token");
        var expired = TestTokens.ClaimsOf();
        expired["nbf"] = expired["iat"] = DateTimeOffset.UtcNow.AddHours(-3).ToUnixTimeSeconds();
        expired["exp"] = DateTimeOffset.UtcNow.AddHours(-2).ToUnixTimeSeconds();
        var expiredToken = await endpoint.PostAsync("Bearer " + tokens.With(expired));

        Assert.Equal(200, anonymous.Status);
        var context = Assert.Single(endpoint.Contexts);
        Assert.Null(context.Identity);
        Assert.Equal(GatewayAuthentication.AnonymousAgency, context.Caller.Agency);

        // A token that is sent is validated even here: a bad one is never read as no token.
        Assert.Equal((401, AuthenticationErrorCodes.TokenInvalid), (badToken.Status, badToken.Code));
        Assert.Equal((401, AuthenticationErrorCodes.TokenExpired), (expiredToken.Status, expiredToken.Code));
    }

    [Fact]
    public async Task The_GraphiQL_page_opens_without_a_token_but_a_query_over_GET_needs_one()
    {
        var tokens = new TestTokens();
        await using var endpoint = await AuthenticatedEndpoint.StartAsync(tokens.Configure);

        var page = await endpoint.GetAsync("/graphql", accept: "text/html");
        var query = await endpoint.GetAsync("/graphql?query=" + Uri.EscapeDataString(AuthenticatedEndpoint.Query));

        Assert.Equal(200, page.Status);
        Assert.Contains("graphiql", page.Body, StringComparison.OrdinalIgnoreCase);
        Assert.Equal((401, AuthenticationErrorCodes.Unauthenticated), (query.Status, query.Code));
        Assert.Equal(0, endpoint.SubgraphRequests);
    }
}

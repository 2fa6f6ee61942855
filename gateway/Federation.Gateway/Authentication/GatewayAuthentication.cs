using Federation.Gateway.Execution;
using Federation.Subgraphs.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;

namespace Federation.Gateway.Authentication;

/// <summary>
/// Who is asking: JWT bearer tokens validated by ASP.NET Core's JwtBearer handler (issuer, audience,
/// signature, lifetime, algorithm), the caller read from their claims, and the gate in front of the
/// GraphQL endpoint that refuses with 401 before the request is even parsed.
/// </summary>
internal static class GatewayAuthentication
{
    public const string Scheme = JwtBearerDefaults.AuthenticationScheme;

    /// <summary>The agency the subgraphs are told of for a request without a token (<see cref="GatewayAuthenticationOptions.AllowAnonymousCatalogue"/>).</summary>
    public const string AnonymousAgency = "anonymous";

    private const string SuppressAutoDefaultScheme = "Microsoft.AspNetCore.Authentication.SuppressAutoDefaultScheme";

    /// <summary>Whether <paramref name="configuration"/> says where tokens come from (else only the one-command run may start).</summary>
    public static bool IsConfigured(IConfiguration configuration) => Read(configuration).IsConfigured;

    public static GatewayAuthenticationOptions Read(IConfiguration configuration) =>
        configuration.GetSection(GatewayAuthenticationOptions.Section).Get<GatewayAuthenticationOptions>() ?? new GatewayAuthenticationOptions();

    /// <summary>Registers token validation; fails closed — throws — when the options cannot validate tokens safely.</summary>
    public static IServiceCollection AddGatewayAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        var options = Read(configuration);
        if (options.Problem() is { } problem)
        {
            throw new InvalidOperationException(problem);
        }

        services.AddSingleton(options);
        services.AddSingleton(provider => new AdmittedTokens(provider.GetService<TimeProvider>() ?? TimeProvider.System));
        // No default scheme: with the one scheme as default, the authentication middleware that
        // WebApplication adds would validate every request's token before the gate does — work the
        // gate's memory of admitted tokens (AdmittedTokens) is there to save.
        AppContext.SetSwitch(SuppressAutoDefaultScheme, true);
        services.AddAuthentication().AddJwtBearer(Scheme, jwt => Configure(jwt, options));
        return services;
    }

    /// <summary>
    /// Puts the gate in front of every route of the endpoint: a request that carries an operation
    /// (any POST, a GET with <c>query</c> or <c>documentId</c>) needs a valid token, unless anonymous
    /// catalogue reading is allowed and it sends none; the GraphiQL page and its files need none. A
    /// token that is sent is always validated — a bad one is never read as no token.
    /// </summary>
    public static TBuilder RequireCaller<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.Add(endpoint =>
        {
            var next = endpoint.RequestDelegate ?? throw new InvalidOperationException($"{endpoint.DisplayName} has no request delegate to guard.");
            var options = endpoint.ApplicationServices.GetRequiredService<GatewayAuthenticationOptions>();
            var admitted = endpoint.ApplicationServices.GetRequiredService<AdmittedTokens>();
            endpoint.RequestDelegate = http => AdmitAsync(http, next, options, admitted);
        });
        return builder;
    }

    /// <summary>The endpoint's <c>CreateContext</c>: the caller the gate admitted and the headers' purpose declaration.</summary>
    public static GatewayContext ContextFor(HttpContext http, bool exposePlan)
    {
        var identity = http.Features.Get<AdmittedCaller>()?.Caller;
        return new GatewayContext(new GatewayCaller(identity?.Agency ?? AnonymousAgency, PurposeDeclaration.Undeclared), exposePlan)
        {
            Identity = identity,
            DeclaredInHeaders = PurposeDeclaration.FromHeaders(http.Request),
        };
    }

    private static async Task AdmitAsync(HttpContext http, RequestDelegate next, GatewayAuthenticationOptions options, AdmittedTokens admitted)
    {
        var token = BearerToken(http.Request);
        if (token is not null && admitted.TryGet(token, out var known, out var knownPrincipal))
        {
            http.User = knownPrincipal;
            http.Features.Set(new AdmittedCaller(known));
            await next(http).ConfigureAwait(false);
            return;
        }

        var result = await http.AuthenticateAsync(Scheme).ConfigureAwait(false);
        TokenRefusal? refusal;
        if (result.Succeeded)
        {
            if (CallerClaims.TryRead(result.Principal, options.Claims, out var caller, out var problem))
            {
                if (token is not null)
                {
                    admitted.Add(token, caller, result.Principal);
                }

                http.User = result.Principal;
                http.Features.Set(new AdmittedCaller(caller));
                await next(http).ConfigureAwait(false);
                return;
            }

            refusal = TokenRefusal.BadClaims(problem);
        }
        else if (result.Failure is { } failure)
        {
            refusal = TokenRefusal.Of(failure, BearerToken(http.Request), options.AcceptedAlgorithms);
        }
        else if (http.Request.Headers.Authorization.Count > 0)
        {
            refusal = TokenRefusal.MalformedHeader();
        }
        else if (options.AllowAnonymousCatalogue || !CarriesOperation(http.Request))
        {
            await next(http).ConfigureAwait(false);
            return;
        }
        else
        {
            refusal = TokenRefusal.NoToken();
        }

        await refusal.WriteAsync(http.Response).ConfigureAwait(false);
    }

    private static bool CarriesOperation(HttpRequest request) =>
        (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        || request.Query.ContainsKey("query") || request.Query.ContainsKey("documentId");

    private static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
    }

    private static void Configure(JwtBearerOptions jwt, GatewayAuthenticationOptions options)
    {
        // The token's own claim names (sub, roles) are the contract; Microsoft's long URIs are not.
        jwt.MapInboundClaims = false;
        jwt.Authority = string.IsNullOrWhiteSpace(options.Authority) ? null : options.Authority;
        jwt.RequireHttpsMetadata = options.RequireHttpsMetadata;
        var issuers = options.AcceptedIssuers;
        jwt.TokenValidationParameters = new TokenValidationParameters
        {
            ValidateIssuer = true,
            // Empty with an authority: the handler takes the issuer its discovery document names.
            ValidIssuers = issuers.Count > 0 ? issuers : null,
            ValidateAudience = true,
            ValidAudiences = options.AcceptedAudiences,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            ClockSkew = options.ClockSkew,
            RequireSignedTokens = true,
            ValidateIssuerSigningKey = true,
            IssuerSigningKeys = ConfiguredKeys.Read(options.SigningKeys),
            ValidAlgorithms = options.AcceptedAlgorithms,
            NameClaimType = options.Claims.User,
            RoleClaimType = options.Claims.Roles,
        };
    }

    /// <summary>The caller the gate admitted for this request.</summary>
    private sealed record AdmittedCaller(Caller Caller);
}

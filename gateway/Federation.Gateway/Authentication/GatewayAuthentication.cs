using System.Diagnostics;
using Federation.Gateway.Audit;
using Federation.Gateway.Catalogue;
using Federation.Protocol.Signing;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Identity.Web;
using Microsoft.IdentityModel.Tokens;

namespace Federation.Gateway.Authentication;

/// <summary>
/// Who is asking: JWT bearer tokens validated by ASP.NET Core's JwtBearer handler (issuer, audience,
/// signature, lifetime, algorithm) — or, for Microsoft Entra ID (the <c>AzureAd</c> section), by the
/// same handler as Microsoft.Identity.Web configures it — and the gate (no critical header parameters), the caller's claims
/// admitted by the catalogue's agencies registry (<see cref="RegistryAdmission"/>), and the gate in
/// front of the GraphQL endpoint that refuses with 401 (or 403 for what the registry refuses) before
/// the request is even parsed.
/// </summary>
internal static class GatewayAuthentication
{
    public const string Scheme = JwtBearerDefaults.AuthenticationScheme;

    /// <summary>The agency the subgraphs are told of for a request without a token (<see cref="GatewayAuthenticationOptions.AllowAnonymousCatalogue"/>).</summary>
    public const string AnonymousAgency = "anonymous";

    private const string SuppressAutoDefaultScheme = "Microsoft.AspNetCore.Authentication.SuppressAutoDefaultScheme";

    /// <summary>Whether <paramref name="configuration"/> says where tokens come from (else only the one-command run may start).</summary>
    public static bool IsConfigured(IConfiguration configuration) => Read(configuration).IsConfigured || ReadEntraId(configuration).IsConfigured;

    public static GatewayAuthenticationOptions Read(IConfiguration configuration) =>
        configuration.GetSection(GatewayAuthenticationOptions.Section).Get<GatewayAuthenticationOptions>() ?? new GatewayAuthenticationOptions();

    public static EntraIdOptions ReadEntraId(IConfiguration configuration) =>
        configuration.GetSection(EntraIdOptions.Section).Get<EntraIdOptions>() ?? new EntraIdOptions();

    /// <summary>Registers token validation; fails closed — throws — when the options cannot validate tokens safely.</summary>
    public static IServiceCollection AddGatewayAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        var options = Read(configuration);
        var entra = ReadEntraId(configuration);
        if ((entra.IsConfigured ? entra.Problem(options) ?? options.Problem(requireIssuerAndAudience: false) : options.Problem()) is { } problem)
        {
            throw new InvalidOperationException(problem);
        }

        services.AddSingleton(options);
        services.AddSingleton(provider => new AdmittedTokens(provider.GetService<TimeProvider>() ?? TimeProvider.System));
        // Callers are admitted by the agencies registry of the catalogue served now.
        services.TryAddCurrentCatalogue();
        // No default scheme: with the one scheme as default, the authentication middleware that
        // WebApplication adds would validate every request's token before the gate does — work the
        // gate's memory of admitted tokens (AdmittedTokens) is there to save.
        AppContext.SetSwitch(SuppressAutoDefaultScheme, true);
        var authentication = services.AddAuthentication();
        if (entra.IsConfigured)
        {
            // Microsoft.Identity.Web sets the authority ({Instance}{TenantId}/v2.0), the audience (its ClientId
            // for v2.0 tokens) and its check that the token carries scopes or app roles; the rest is ours, as
            // for any other authority. The tenant's issuer is named, so no other tenant's token — signed
            // with the same Entra keys — passes, and a refused issuer costs no metadata request.
            var section = configuration.GetSection(EntraIdOptions.Section);
            authentication.AddMicrosoftIdentityWebApi(
                jwt =>
                {
                    Configure(jwt, options);
                    var issuer = entra.Issuer;
                    jwt.TokenValidationParameters.ValidIssuers = [issuer];
                    jwt.TokenValidationParameters.ValidAudiences = null;
                    jwt.TokenValidationParameters.IssuerValidator = (tokenIssuer, _, _) => tokenIssuer == issuer
                        ? tokenIssuer
                        : throw new SecurityTokenInvalidIssuerException("The issuer is not the tenant's.") { InvalidIssuer = tokenIssuer };
                },
                identity =>
                {
                    section.Bind(identity);
                    identity.Instance = entra.EffectiveInstance;
                },
                Scheme);
        }
        else
        {
            authentication.AddJwtBearer(Scheme, jwt => Configure(jwt, options));
        }

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
            var catalogue = endpoint.ApplicationServices.GetRequiredService<CurrentCatalogue>();
            var trail = endpoint.ApplicationServices.GetService<IAuditTrail>();
            endpoint.RequestDelegate = http => AdmitAsync(http, next, options, admitted, catalogue, trail);
        });
        return builder;
    }

    /// <summary>The caller the gate admitted for <paramref name="http"/>; null for a request without a token.</summary>
    public static Caller? AdmittedCaller(HttpContext http) => http.Features.Get<Admitted>()?.Caller;

    private static async Task AdmitAsync(HttpContext http, RequestDelegate next, GatewayAuthenticationOptions options, AdmittedTokens admitted, CurrentCatalogue catalogue, IAuditTrail? trail)
    {
        var started = Stopwatch.GetTimestamp();
        var token = BearerToken(http.Request);
        TokenRefusal? refusal = null;
        if (token is null || !admitted.TryGet(token, out var admission))
        {
            admission = null;
            var result = await http.AuthenticateAsync(Scheme).ConfigureAwait(false);
            if (result.Succeeded)
            {
                if (token is not null && CriticalHeader.Problem(token) is { } critical)
                {
                    refusal = TokenRefusal.BadClaims(critical);
                }
                else if (CallerClaims.TryRead(result.Principal, options.Claims, out var claims, out var problem))
                {
                    admission = token is not null ? admitted.Add(token, claims, result.Principal) : new AdmittedToken(claims, result.Principal, DateTimeOffset.MinValue);
                }
                else
                {
                    refusal = TokenRefusal.BadClaims(problem);
                }
            }
            else if (result.Failure is { } failure)
            {
                refusal = TokenRefusal.Of(failure, token, options.AcceptedAlgorithms);
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
        }

        if (admission is not null)
        {
            // The registry of the catalogue served now, also for a remembered token: a catalogue change is never bypassed by the memory.
            var registration = admission.RegisteredIn(catalogue.Catalogue, options.Claims);
            if (registration.Caller is { } caller)
            {
                http.User = admission.Principal;
                http.Features.Set(new Admitted(caller));
                await next(http).ConfigureAwait(false);
                return;
            }

            refusal = TokenRefusal.Unregistered(registration.Refusal!);
        }

        await RecordAsync(trail, http, refusal!, started).ConfigureAwait(false);
        await refusal!.WriteAsync(http.Response).ConfigureAwait(false);
    }

    /// <summary>
    /// A request the gate refused is an access attempt the trail records too (outcome Refused, the
    /// refusal's code, the client's address, no user: a token that was refused names no one the gateway
    /// can vouch for). The refusal releases nothing, so it is answered even when the record cannot be
    /// made durable.
    /// </summary>
    private static async Task RecordAsync(IAuditTrail? trail, HttpContext http, TokenRefusal refusal, long started)
    {
        if (trail is null)
        {
            return;
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        var entry = new AuditEntry
        {
            At = DateTimeOffset.UtcNow - elapsed,
            Kind = AuditKind.Access,
            Outcome = AuditOutcome.Refused,
            DurationMicroseconds = (long)elapsed.TotalMicroseconds,
            ClientAddress = http.Connection.RemoteIpAddress?.ToString(),
            RequestId = http.TraceIdentifier,
            ErrorCodes = refusal.Error.Extensions?.GetValueOrDefault("code") is string code ? [code] : [],
        };
        try
        {
            await trail.AppendAsync(entry, CancellationToken.None).ConfigureAwait(false);
        }
        catch (AuditUnavailableException)
        {
            // Nothing is released by a refusal: it is answered as without a trail.
        }
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
    private sealed record Admitted(Caller Caller);
}

using Federation.Gateway.Authentication;
using Federation.Gateway.Authorization;
using Federation.Gateway.Catalogue;
using Federation.Gateway.Composition;
using Federation.Gateway.Execution;
using Federation.Gateway.Record;
using Federation.Gateway.Reload;
using Federation.Gateway.Sharing;
using Federation.Subgraphs.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Federation.Gateway.Hosting;

/// <summary>The gateway service, for <c>Program.cs</c> and for tests and benchmarks that host it in-process.</summary>
public static class GatewayService
{
    public const string DefaultUrl = "http://127.0.0.1:4000";

    /// <summary>The caller the gateway names when it asks subgraphs for their schema.</summary>
    internal static readonly GatewayCaller SchemaCheckCaller = new("sharing-platform", "SCHEMA_CHECK");

    /// <summary>
    /// Builds the gateway from <paramref name="args"/> and configuration (<c>Gateway:*</c>,
    /// <c>Subgraphs:*</c>, <c>GatewaySignature:Secret</c>, <c>Authentication:*</c>); <paramref name="configure"/>
    /// runs before the services are read.
    /// </summary>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        if (string.IsNullOrEmpty(builder.Configuration["Urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        builder.Logging.ClearProviders();
        builder.Logging.AddJsonConsole();
        configure?.Invoke(builder);
        builder.AddGateway();

        var app = builder.Build();
        app.MapGatewayHealth();
        app.MapGateway();
        return app;
    }

    /// <summary>
    /// The command-line run: fronts the subgraphs the configuration names or, with none named, starts
    /// the four agency subgraphs in this process first (the one-command run), which trusts tokens signed
    /// with the development key unless an authority or keys are configured. Prints where it serves.
    /// </summary>
    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().AddCommandLine(args).Build();
        var options = configuration.GetSection(GatewayOptions.Section).Get<GatewayOptions>() ?? new GatewayOptions();
        var named = configuration.GetSection($"{SubgraphOptions.Section}:Endpoints").GetChildren().Any();
        await using var embedded = options.EmbeddedSubgraphs && !named
            ? await EmbeddedSubgraphs.StartAsync(options.EmbeddedPersons, LogLevel.Warning, cancellationToken).ConfigureAwait(false)
            : null;

        DevelopmentSigningKey? developmentKey = null;
        WebApplication? app = null;
        try
        {
            app = Build(args, Configure);
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (FailedCheck(exception) is { } failure)
        {
            if (app is not null)
            {
                await app.DisposeAsync().ConfigureAwait(false);
            }

            // A check that fails is the operator's to read, error by error, not a stack trace.
            await Console.Error.WriteLineAsync(failure).ConfigureAwait(false);
            return 1;
        }

        await using (app.ConfigureAwait(false))
        {
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
            PrintBanner(address, embedded, options, developmentKey);
            await app.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
        }

        return 0;

        void Configure(WebApplicationBuilder builder)
        {
            if (embedded is null)
            {
                return;
            }

            builder.Configuration["GatewaySignature:Secret"] = embedded.Secret;
            foreach (var (name, url) in embedded.Urls)
            {
                builder.Configuration[$"{SubgraphOptions.Section}:Endpoints:{name}:Url"] = url;
            }

            if (!GatewayAuthentication.IsConfigured(builder.Configuration))
            {
                developmentKey = DevelopmentSigningKey.LoadOrCreate(GatewayAuthentication.Read(builder.Configuration).DevelopmentKeyFile);
                developmentKey.Configure(builder.Configuration);
            }
        }
    }

    /// <summary>
    /// What to tell the operator when a start failed a check — the catalogue does not load, does not
    /// cover the supergraph, the subgraph config is invalid, a configured file is missing or holds no supergraph —: the check's errors,
    /// found through the exceptions that carry them; null for anything else, which is a fault to see
    /// whole. Every host that starts the gateway prints this instead of the exception.
    /// </summary>
    public static string? FailedCheck(Exception exception)
    {
        for (Exception? inner = exception; inner is not null; inner = inner.InnerException)
        {
            if (inner is InvalidCatalogueException or UncoveredSupergraphException or InvalidSubgraphConfigException or FileNotFoundException or FormatException)
            {
                return "The gateway did not start: " + inner.Message;
            }
        }

        return null;
    }

    /// <summary>
    /// The gateway's services: options, token validation, the share catalogue, the supergraph it covers
    /// and its checks, its reload (file watch, live poll, the operator's endpoint), the signed subgraph client, the endpoint. A catalogue that does not load or does
    /// not cover the supergraph stops the start (fail closed).
    /// </summary>
    public static WebApplicationBuilder AddGateway(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<GatewayOptions>(builder.Configuration.GetSection(GatewayOptions.Section));
        services.Configure<SubgraphOptions>(builder.Configuration.GetSection(SubgraphOptions.Section));
        var options = builder.Configuration.GetSection(GatewayOptions.Section).Get<GatewayOptions>() ?? new GatewayOptions();
        var secret = builder.Configuration["GatewaySignature:Secret"];
        if (string.IsNullOrEmpty(secret))
        {
            throw new InvalidOperationException(
                "The gateway needs GatewaySignature:Secret, the secret it signs subgraph requests with (at least 32 bytes), " +
                "or no Subgraphs:Endpoints at all to run the embedded subgraphs.");
        }

        services.AddGatewayAuthentication(builder.Configuration);
        var signature = new GatewaySignature(secret);
        services.AddSingleton(signature);
        services.AddSingleton(new QueryPlanInspection { Enabled = options.ExposeQueryPlans });
        services.AddSubgraphHttpClient();
        var catalogue = CatalogueFiles.Load(options.CatalogueFile, builder.Environment.ContentRootPath);
        services.AddSingleton(catalogue);
        // The catalogue goes with the serving supergraph, one reference for both: the agencies registry
        // and the share workflow read the one a reload served with it from the next request on.
        services.AddSingleton(provider =>
        {
            var source = provider.GetRequiredService<SupergraphSource>();
            return CurrentCatalogue.Following(() => source.Current.Catalogue ?? catalogue);
        });
        services.AddSupergraph(
            _ => SupergraphFiles.Load(options.SupergraphFile, builder.Environment.ContentRootPath, catalogue),
            signature,
            SchemaCheckCaller,
            provider => provider.GetRequiredService<IOptions<SubgraphOptions>>().Value.UrlOf);
        services.AddReload(
            builder.Configuration,
            CatalogueFiles.Locate(options.CatalogueFile, builder.Environment.ContentRootPath),
            SupergraphFiles.Locate(options.SupergraphFile, builder.Environment.ContentRootPath),
            builder.Environment.ContentRootPath);
        services.AddSharing(builder.Configuration);
        services.AddShareAuthorization(builder.Configuration);
        // The record stage writes denials here; the audit trail registers its own.
        services.TryAddSingleton<IAccessDecisionLog, LoggedAccessDecisions>();
        services.AddSingleton<ServedExecutor>();
        // A reload must pass the start's checks: the set makes an executor.
        services.AddSingleton<IServedSupergraphCheck>(provider => new ServedExecutorCheck(provider.GetRequiredService<ServedExecutor>));
        services.AddHealthChecks().AddCheck<SupergraphHealth>("supergraph", tags: [GatewayApi.ReadinessTag]);
        return builder;
    }

    private static void PrintBanner(string address, EmbeddedSubgraphs? embedded, GatewayOptions options, DevelopmentSigningKey? developmentKey)
    {
        Console.WriteLine();
        Console.WriteLine("Government data-sharing gateway");
        Console.WriteLine($"  GraphQL    {address}/graphql   (open it in a browser for GraphiQL)");
        Console.WriteLine($"  Health     {address}/health/ready");
        if (embedded is not null)
        {
            foreach (var (name, url) in embedded.Urls)
            {
                Console.WriteLine($"  Subgraph   {name,-14} {url}   (in-memory store, demo data of {options.EmbeddedPersons} persons)");
            }
        }

        Console.WriteLine("  Platform   the share catalogue, share applications and grants are in the same graph: { catalogue { id name class } }, applyForShare, approveShareApplication, revokeGrant");
        var query = "{ licences(first: 2) { edges { node { number holder { __typename ... on Person { name } } } } } }";
        if (developmentKey is null)
        {
            Console.WriteLine("  Sign-in    bearer tokens from the configured Authentication:Authority or SigningKeys; declare the purpose in the Federation-Purpose header");
            Console.WriteLine($"  Try        curl -s {address}/graphql -H \"Authorization: Bearer $TOKEN\" -H 'Content-Type: application/json' -d '{{\"query\":\"{query}\"}}'");
        }
        else
        {
            var agency = DemoAgencies.Platform;
            var token = developmentKey.Issue(new TokenClaims("developer", agency.Code, null, new HashSet<string>()), TimeSpan.FromHours(8), DateTime.UtcNow);
            Console.WriteLine($"  Sign-in    DEVELOPMENT tokens, signed with the key in {developmentKey.Path} — never use it outside development");
            Console.WriteLine("  Token      dotnet run --project gateway/Federation.Gateway -- token --agency <credit code>   (`-- token --list` lists the agencies registry and the roles each may hold)");
            Console.WriteLine($"  Try        curl -s {address}/graphql -H 'Authorization: Bearer {token}' -H '{PurposeDeclaration.PurposeHeader}: WORK_REFERENCE' -H 'Content-Type: application/json' -d '{{\"query\":\"{query}\"}}'");
        }

        Console.WriteLine();
    }
}

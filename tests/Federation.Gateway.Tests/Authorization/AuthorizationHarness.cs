using System.Diagnostics.CodeAnalysis;
using Federation.Gateway.Audit;
using Federation.Gateway.Authentication;
using Federation.Gateway.Authorization;
using Federation.Gateway.Catalogue;
using Federation.Gateway.Execution;
using Federation.Gateway.Pipeline;
using Federation.Gateway.Planning;
using Federation.Gateway.Record;
using Federation.Gateway.Requests;
using Federation.Gateway.Sharing;
using Federation.Gateway.Tests.Execution;
using Federation.Gateway.Tests.Planning;
using Federation.GraphQL.Execution;
using Federation.GraphQL.Language;
using Federation.GraphQL.Validation;
using Federation.Protocol.Signing;
using Federation.Subgraphs.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Federation.Gateway.Tests.Authorization;

/// <summary>
/// The four fake agency subgraphs (<see cref="FakeSubgraphs"/>) and, per test, a gateway executor
/// authorizing with the test's own catalogue, grants and mode.
/// </summary>
internal sealed class AuthorizationHarness : IAsyncDisposable
{
    private readonly ServiceProvider services;
    private readonly SubgraphOptions options;

    private AuthorizationHarness(FakeSubgraphs subgraphs, ServiceProvider services, SubgraphOptions options)
    {
        Subgraphs = subgraphs;
        this.services = services;
        this.options = options;
    }

    public FakeSubgraphs Subgraphs { get; }

    public static async Task<AuthorizationHarness> StartAsync()
    {
        var subgraphs = await FakeSubgraphs.StartAsync();
        var collection = new ServiceCollection();
        collection.AddSingleton(new GatewaySignature(FakeSubgraphs.Secret));
        collection.AddSubgraphHttpClient();
        var services = collection.BuildServiceProvider();
        var options = new SubgraphOptions { Timeout = TimeSpan.FromSeconds(30) };
        foreach (var (name, url) in subgraphs.Urls)
        {
            options.Endpoints[name] = new SubgraphEndpointOptions { Url = url };
        }

        return new AuthorizationHarness(subgraphs, services, options);
    }

    /// <summary>A gateway executor of the committed supergraph, with its own plan cache, authorizing with <paramref name="catalogue"/>.</summary>
    /// <param name="trail">The audit trail every request is recorded in, with <see cref="Audit.CapturingAuditTrail.Subjects"/> hashing the data subjects; none by default.</param>
    public GatewayPipeline Gateway(
        ShareCatalogue catalogue,
        IGrantBook? grants = null,
        AuthorizationMode mode = AuthorizationMode.Filter,
        IAccessDecisionLog? log = null,
        IAuditTrail? trail = null,
        IEnumerable<IRequestStage>? registered = null)
    {
        var authorization = new ShareAuthorization(
            catalogue,
            grants ?? new GrantList(),
            Options.Create(new AuthorizationOptions { Mode = mode }),
            TimeProvider.System);
        return GatewayPipeline.Create(
            PlanHarness.Model,
            options,
            services.GetRequiredService<IHttpClientFactory>(),
            authorization: authorization,
            decisions: log ?? new DenialList(),
            registered: registered,
            trail: trail,
            subjects: trail is null ? null : Audit.CapturingAuditTrail.Subjects);
    }

    public static async Task<GatewayResult> RunAsync(
        GatewayPipeline gateway,
        Caller? caller,
        StatedPurpose? purpose,
        [StringSyntax("graphql")] string operation,
        [StringSyntax("json")] string? variables = null)
    {
        var document = Parser.Parse(operation);
        var errors = DocumentValidator.Validate(PlanHarness.Supergraph.Api, document);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        var values = variables is null ? null : (IReadOnlyDictionary<string, object?>?)PlainValues.FromJson(variables);
        var signed = new GatewayCaller(caller?.Agency ?? "anonymous", purpose?.Purpose.WireName() ?? "UNDECLARED", purpose?.Matter);
        return await gateway.ExecuteAsync(
            new GatewayRequest(document, QueryPlanCache.Hash(operation), null, values, signed) { Identity = caller, Purpose = purpose },
            TestContext.Current.CancellationToken);
    }

    /// <summary>The bodies the subgraph got since <paramref name="before"/> requests.</summary>
    public IReadOnlyList<string> RequestsSince(string subgraph, int before) => [.. Subgraphs.Requests[subgraph].Skip(before)];

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        await Subgraphs.DisposeAsync();
    }
}

/// <summary>An in-memory grant book that honours its contract: only grants active at the time asked, revocation at once.</summary>
internal sealed class GrantList : IGrantBook
{
    private readonly List<Grant> grants = [];
    private readonly Lock gate = new();

    public GrantList(params Grant[] grants) => this.grants.AddRange(grants);

    public IReadOnlyList<Grant> All
    {
        get
        {
            lock (gate)
            {
                return [.. grants];
            }
        }
    }

    public int Asked { get; private set; }

    public void Revoke(Guid id, DateTimeOffset at)
    {
        lock (gate)
        {
            var index = grants.FindIndex(g => g.Id == id);
            grants[index] = grants[index] with { RevokedAt = at };
        }
    }

    public ValueTask<IReadOnlyList<Grant>> ActiveGrantsAsync(string agency, DateTimeOffset at, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            Asked++;
            return new ValueTask<IReadOnlyList<Grant>>([.. grants.Where(g => g.Agency == agency && g.IsActiveAt(at))]);
        }
    }
}

/// <summary>The denials handed to the decision log, in order.</summary>
internal sealed class DenialList : IAccessDecisionLog
{
    private readonly List<AccessDenial> denials = [];

    public IReadOnlyList<AccessDenial> Denials
    {
        get
        {
            lock (denials)
            {
                return [.. denials];
            }
        }
    }

    public void Record(AccessDenial denial)
    {
        lock (denials)
        {
            denials.Add(denial);
        }
    }
}

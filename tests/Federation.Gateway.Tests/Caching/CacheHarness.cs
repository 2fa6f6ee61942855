using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;
using Federation.Gateway.Audit;
using Federation.Gateway.Authentication;
using Federation.Gateway.Authorization;
using Federation.Gateway.Caching;
using Federation.Gateway.Catalogue;
using Federation.Gateway.Execution;
using Federation.Gateway.Pipeline;
using Federation.Gateway.Planning;
using Federation.Gateway.Requests;
using Federation.Gateway.Sharing;
using Federation.Gateway.Tests.Authorization;
using Federation.Gateway.Tests.Planning;
using Federation.GraphQL.Execution;
using Federation.GraphQL.Language;
using Federation.GraphQL.Validation;
using Federation.Protocol.Signing;
using Federation.Subgraphs.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using static Federation.Gateway.Tests.Authorization.TestCatalogue;

namespace Federation.Gateway.Tests.Caching;

/// <summary>
/// The cache tests' subgraphs (<see cref="CacheSubgraphs"/>) and, per test, gateways of the committed
/// supergraph authorizing with <see cref="Catalogue"/> and caching in real Redis (<c>FEDERATION_TEST_REDIS</c>)
/// under a key prefix of the test's own, so that a test sees only its own keys.
/// </summary>
internal sealed class CacheHarness : IAsyncDisposable
{
    public const string BaseResource = "population.person-base";
    public const string BirthResource = "population.person-birth";
    public const string ResidenceResource = "population.person-residence";
    public const string AddressResource = "population.person-registered-address";

    public static readonly Caller Ningbo = TestCatalogue.Caller(NingboMarketSupervision, "330200");
    public static readonly StatedPurpose WorkReference = new(Purpose.WorkReference, null);

    private readonly ServiceProvider services;
    private readonly SubgraphOptions options;
    private readonly List<EntityCache> caches = [];

    private CacheHarness(CacheSubgraphs subgraphs, ServiceProvider services, SubgraphOptions options)
    {
        Subgraphs = subgraphs;
        this.services = services;
        this.options = options;
    }

    public CacheSubgraphs Subgraphs { get; }

    /// <summary>The Redis <c>tests/run.sh</c> starts; <c>FEDERATION_TEST_REDIS</c> overrides it.</summary>
    public static string Redis =>
        Environment.GetEnvironmentVariable("FEDERATION_TEST_REDIS") is { Length: > 0 } value ? value : "127.0.0.1:6390";

    /// <summary>This test's key prefix in Redis.</summary>
    public string Prefix { get; } = "cache-test-" + Guid.NewGuid().ToString("N")[..12] + ":";

    /// <summary>
    /// Base items (unconditional, daily), the date of birth (unconditional, REAL_TIME), the residence
    /// (conditional, on a grant) and the registered address (conditional, division-scoped).
    /// </summary>
    public static ShareCatalogue Catalogue { get; } = new(
        Agencies,
        DivisionFields,
        [
            Resource(BaseResource, ShareClass.Unconditional, null, "Query.person", "Query.person(idNumber:)", "Query.personsByIdNumbers", "Query.personsByIdNumbers(idNumbers:)", "Person.idNumber", "Person.name", "Person.gender", "Person.registeredDivision", "AdministrativeDivision.code"),
            Resource(BirthResource, ShareClass.Unconditional, null, "Person.birthDate") with { UpdateFrequency = UpdateFrequency.RealTime },
            Resource(
                ResidenceResource,
                ShareClass.Conditional,
                new ShareConditions(null, [Purpose.WorkReference], ApplicationRequired: true, DivisionScoped: false, null),
                "Person.residenceAddress"),
            Resource(
                AddressResource,
                ShareClass.Conditional,
                new ShareConditions(null, [Purpose.WorkReference], ApplicationRequired: false, DivisionScoped: true, null),
                "Person.registeredAddress"),
        ],
        subjects: Subjects);

    public static async Task<CacheHarness> StartAsync()
    {
        var subgraphs = await CacheSubgraphs.StartAsync();
        var collection = new ServiceCollection();
        collection.AddSingleton(new GatewaySignature(CacheSubgraphs.Secret));
        collection.AddSubgraphHttpClient();
        var services = collection.BuildServiceProvider();
        var options = new SubgraphOptions { Timeout = TimeSpan.FromSeconds(30) };
        foreach (var (name, url) in subgraphs.Urls)
        {
            options.Endpoints[name] = new SubgraphEndpointOptions { Url = url };
        }

        return new CacheHarness(subgraphs, services, options);
    }

    /// <summary>A cache in this test's part of Redis (or at <paramref name="redis"/>, or in-process alone with <c>""</c>).</summary>
    public EntityCache Cache(string? redis = null, Action<CacheOptions>? configure = null)
    {
        var settings = new CacheOptions { Redis = redis ?? Redis, KeyPrefix = Prefix };
        if (settings.Redis is "")
        {
            settings.Redis = null;
        }

        configure?.Invoke(settings);
        var cache = EntityCache.Create(settings, () => Catalogue, () => PlanHarness.Model);
        lock (caches)
        {
            caches.Add(cache);
        }

        return cache;
    }

    /// <summary>A gateway authorizing with <see cref="Catalogue"/> and <paramref name="grants"/>, caching in <paramref name="cache"/>.</summary>
    public GatewayPipeline Gateway(EntityCache? cache, GrantList? grants = null, IAuditTrail? trail = null) =>
        GatewayPipeline.Create(
            PlanHarness.Model,
            options,
            services.GetRequiredService<IHttpClientFactory>(),
            authorization: new ShareAuthorization(Catalogue, grants ?? new GrantList(), Options.Create(new AuthorizationOptions()), TimeProvider.System),
            decisions: new DenialList(),
            trail: trail,
            subjects: trail is null ? null : Audit.CapturingAuditTrail.Subjects,
            cache: cache);

    public static async Task<JsonNode> RunAsync(
        GatewayPipeline gateway,
        [StringSyntax("graphql")] string operation,
        [StringSyntax("json")] string? variables = null,
        bool exposePlan = false)
    {
        var document = Parser.Parse(operation);
        var errors = DocumentValidator.Validate(PlanHarness.Supergraph.Api, document);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        var values = variables is null ? null : (IReadOnlyDictionary<string, object?>?)PlainValues.FromJson(variables);
        var signed = new GatewayCaller(Ningbo.Agency, WorkReference.Purpose.WireName(), null, Ningbo.Division);
        var result = await gateway.ExecuteAsync(
            new GatewayRequest(document, QueryPlanCache.Hash(operation), null, values, signed, exposePlan) { Identity = Ningbo, Purpose = WorkReference },
            TestContext.Current.CancellationToken);
        return JsonNode.Parse(result.ToJson())!;
    }

    /// <summary>This test's keys in Redis with their values' raw bytes (FusionCache's envelope in a Redis hash) and time-to-live.</summary>
    public async Task<IReadOnlyList<(string Key, string Value, TimeSpan? Ttl)>> RedisEntriesAsync()
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(Redis);
        var server = redis.GetServer(redis.GetEndPoints()[0]);
        var database = redis.GetDatabase();
        var entries = new List<(string, string, TimeSpan?)>();
        await foreach (var key in server.KeysAsync(pattern: "*" + Prefix + "*"))
        {
            var type = await database.KeyTypeAsync(key);
            var value = type == RedisType.Hash
                ? string.Join("\n", (await database.HashGetAllAsync(key)).Select(field => field.Name + "=" + System.Text.Encoding.UTF8.GetString((byte[])field.Value!)))
                : System.Text.Encoding.UTF8.GetString((byte[])(await database.StringGetAsync(key))!);
            entries.Add((key.ToString(), value, await database.KeyTimeToLiveAsync(key)));
        }

        return entries;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var cache in caches)
        {
            cache.Dispose();
        }

        await services.DisposeAsync();
        await Subgraphs.DisposeAsync();
    }
}

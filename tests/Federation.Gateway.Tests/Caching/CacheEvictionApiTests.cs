using System.Diagnostics.CodeAnalysis;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Federation.Gateway.Authentication;
using Federation.Gateway.Caching;
using Federation.Gateway.Caching.Eviction;
using Federation.Gateway.Hosting;
using Federation.Gateway.Tests.Audit;
using Federation.Gateway.Tests.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Federation.Gateway.Tests.Caching;

/// <summary>
/// The competent department's eviction (<c>Mutation.evictCache</c>) through the gateway's endpoint, with
/// the gateway's token gate and audit trail: only that role evicts, every refusal is recorded, bad input
/// is a coded error, and what reaches the cache is exactly what was named.
/// </summary>
public sealed class CacheEvictionApiTests
{
    /// <summary>宁波市大数据发展管理局: the registry gives it the competent department and the auditor.</summary>
    private static readonly Caller Department = new("wang.fang", "1133020035308641XG", "330200", new HashSet<string> { PlatformRoles.CompetentDepartment, PlatformRoles.Auditor });

    private static readonly Caller Auditor = new("sun.li", "1133020035308641XG", "330200", new HashSet<string> { PlatformRoles.Auditor });

    private const string Evict = """
        mutation Evict($input: CacheEvictionInput!) {
          evictCache(input: $input) { scope type key resourceId subgraphs evictedAt }
        }
        """;

    [Fact]
    public async Task Anyone_but_the_competent_department_is_refused_before_the_input_is_read_and_the_attempt_is_recorded()
    {
        await using var gateway = await EvictingGateway.StartAsync();

        var applicant = await gateway.PostAsync(Evict, TestTokens.PublicSecurity, new JsonObject { ["input"] = new JsonObject { ["type"] = "Person" } });
        var auditor = await gateway.PostAsync(Evict, Auditor, new JsonObject { ["input"] = new JsonObject { ["type"] = "NoSuchType" } });

        foreach (var refused in new[] { applicant, auditor })
        {
            Assert.Equal(CacheEvictionErrorCodes.Forbidden, (string?)refused["errors"]![0]!["extensions"]!["code"]);
            Assert.Equal(PlatformRoles.CompetentDepartment, (string?)refused["errors"]![0]!["extensions"]!["role"]);
            Assert.Equal("""{"evictCache":null}""", refused["data"]!.ToJsonString());
        }

        Assert.Empty(gateway.Evictions.Calls);
        var trail = await gateway.TrailAsync();
        Assert.Equal(
            """[{"event":"CACHE_EVICTION_REFUSED","user":"li.ming","agency":"11330200123456788X","detail":[{"name":"attempted","value":"evictCache"},{"name":"code","value":"FORBIDDEN"}]},{"event":"CACHE_EVICTION_REFUSED","user":"sun.li","agency":"1133020035308641XG","detail":[{"name":"attempted","value":"evictCache"},{"name":"code","value":"FORBIDDEN"}]}]""",
            trail.ToJsonString());
    }

    [Fact]
    public async Task The_department_evicts_by_type_by_key_and_by_resource_and_each_eviction_is_recorded_without_the_key_in_clear()
    {
        await using var gateway = await EvictingGateway.StartAsync();

        var byType = await gateway.PostAsync(Evict, Department, new JsonObject { ["input"] = new JsonObject { ["type"] = "Licence" } });
        var byKey = await gateway.PostAsync(Evict, Department, new JsonObject { ["input"] = new JsonObject { ["type"] = "Person", ["key"] = "330203199001011234" } });
        var byResource = await gateway.PostAsync(Evict, Department, new JsonObject { ["input"] = new JsonObject { ["resourceId"] = "population.person-identity" } });

        Assert.Null(byType["errors"]);
        Assert.Equal("""{"scope":"TYPE","type":"Licence","key":null,"resourceId":null,"subgraphs":[]}""", Without(byType["data"]!["evictCache"]!, "evictedAt"));
        Assert.Null(byKey["errors"]);

        // Person is an entity of every agency's subgraph: its cached copies in each are evicted.
        Assert.Equal(
            """{"scope":"ENTITY","type":"Person","key":"330203199001011234","resourceId":null,"subgraphs":["legal-persons","licences","population","spatial"]}""",
            Without(byKey["data"]!["evictCache"]!, "evictedAt"));
        Assert.Null(byResource["errors"]);
        Assert.Equal("RESOURCE", (string?)byResource["data"]!["evictCache"]!["scope"]);
        Assert.Equal(
            [
                "type Licence",
                "entity legal-persons/Person/330203199001011234",
                "entity licences/Person/330203199001011234",
                "entity population/Person/330203199001011234",
                "entity spatial/Person/330203199001011234",
                "resource population.person-identity",
            ],
            gateway.Evictions.Calls);

        var trail = (await gateway.TrailAsync()).AsArray();
        Assert.Equal(["CACHE_EVICTED", "CACHE_EVICTED", "CACHE_EVICTED"], trail.Select(r => (string)r!["event"]!));
        Assert.All(trail, r => Assert.Equal("wang.fang", (string?)r!["user"]));
        Assert.DoesNotContain("330203199001011234", trail.ToJsonString(), StringComparison.Ordinal);
        var keyHash = trail.SelectMany(r => r!["detail"]!.AsArray()).Single(d => (string)d!["name"]! == "keyHash" && d["value"] is not null);
        Assert.Equal(64, ((string)keyHash!["value"]!).Length);
    }

    [Theory]
    [InlineData("""{"type":"NoSuchType"}""", CacheEvictionErrorCodes.TypeUnknown, "type")]
    [InlineData("""{"type":"Query"}""", CacheEvictionErrorCodes.TypeUnknown, "type")]
    [InlineData("""{"type":"Gender"}""", CacheEvictionErrorCodes.TypeUnknown, "type")]
    [InlineData("""{"type":"ShareApplication"}""", CacheEvictionErrorCodes.TypeUnknown, "type")]
    [InlineData("""{"resourceId":"population.no-such-thing"}""", CacheEvictionErrorCodes.ResourceUnknown, "resourceId")]
    [InlineData("""{"resourceId":"population.marital-status"}""", CacheEvictionErrorCodes.ResourceNotCached, "resourceId")]
    [InlineData("""{"resourceId":"population.contact-phone"}""", CacheEvictionErrorCodes.ResourceNotCached, "resourceId")]
    [InlineData("""{"type":"Person","resourceId":"population.person-identity"}""", CacheEvictionErrorCodes.ScopeInvalid, "input")]
    [InlineData("""{"key":"330203199001011234"}""", CacheEvictionErrorCodes.ScopeInvalid, "input")]
    [InlineData("""{}""", CacheEvictionErrorCodes.ScopeInvalid, "input")]
    [InlineData("""{"type":"Person","key":""}""", CacheEvictionErrorCodes.KeyInvalid, "key")]
    [InlineData("""{"type":"Person","key":"3302\u0000"}""", CacheEvictionErrorCodes.KeyInvalid, "key")]
    [InlineData("""{"type":"Person","key":"{broken"}""", CacheEvictionErrorCodes.KeyInvalid, "key")]
    public async Task Input_that_names_nothing_cached_is_refused_with_a_code_and_evicts_nothing(string input, string code, string argument)
    {
        await using var gateway = await EvictingGateway.StartAsync();

        var refused = await gateway.PostAsync(Evict, Department, new JsonObject { ["input"] = JsonNode.Parse(input) });

        Assert.Equal(code, (string?)refused["errors"]![0]!["extensions"]!["code"]);
        Assert.Equal(argument, (string?)refused["errors"]![0]!["extensions"]!["argument"]);
        Assert.Empty(gateway.Evictions.Calls);
    }

    [Fact]
    public async Task A_key_longer_than_any_entity_key_is_refused()
    {
        await using var gateway = await EvictingGateway.StartAsync();

        var refused = await gateway.PostAsync(Evict, Department, new JsonObject { ["input"] = new JsonObject { ["type"] = "Person", ["key"] = new string('1', 129) } });

        Assert.Equal(CacheEvictionErrorCodes.KeyInvalid, (string?)refused["errors"]![0]!["extensions"]!["code"]);
        Assert.Empty(gateway.Evictions.Calls);
    }

    [Fact]
    public async Task An_eviction_the_cache_cannot_make_is_an_error_with_a_code_not_a_success()
    {
        await using var gateway = await EvictingGateway.StartAsync();
        gateway.Evictions.Failing = true;

        var failed = await gateway.PostAsync(Evict, Department, new JsonObject { ["input"] = new JsonObject { ["type"] = "Person" } });

        Assert.Equal(CacheEvictionErrorCodes.EvictionFailed, (string?)failed["errors"]![0]!["extensions"]!["code"]);
        Assert.Empty(await gateway.TrailAsync());
    }

    [Fact]
    public async Task A_gateway_that_caches_nothing_says_so_to_the_department_and_forbids_everyone_else()
    {
        await using var gateway = await EvictingGateway.StartAsync(withCache: false);

        var department = await gateway.PostAsync(Evict, Department, new JsonObject { ["input"] = new JsonObject { ["type"] = "Person" } });
        var applicant = await gateway.PostAsync(Evict, TestTokens.PublicSecurity, new JsonObject { ["input"] = new JsonObject { ["type"] = "Person" } });

        Assert.Equal(CacheEvictionErrorCodes.CacheDisabled, (string?)department["errors"]![0]!["extensions"]!["code"]);
        Assert.Equal(CacheEvictionErrorCodes.Forbidden, (string?)applicant["errors"]![0]!["extensions"]!["code"]);
    }

    [Fact]
    public async Task The_eviction_cannot_ride_along_in_a_mutation_of_an_agency_subgraph()
    {
        await using var gateway = await EvictingGateway.StartAsync();

        var refused = await gateway.PostAsync(
            """
            mutation {
              evictCache(input: { type: "Person" }) { scope }
              correctPerson(input: { idNumber: "330203199001011234", reason: "x", name: "A" }) { changedFields }
            }
            """,
            Department);

        Assert.Equal("PLATFORM_MUTATION_MIXED", (string?)refused["errors"]![0]!["extensions"]!["code"]);
        Assert.Empty(gateway.Evictions.Calls);
    }

    private static string Without(JsonNode node, string name)
    {
        var copy = node.DeepClone().AsObject();
        copy.Remove(name);
        return copy.ToJsonString();
    }

    /// <summary>The gateway service as configured, its cache replaced by <see cref="RecordedEvictions"/>; no subgraph is asked.</summary>
    private sealed class EvictingGateway : IAsyncDisposable
    {
        private readonly WebApplication app;
        private readonly TestTokens tokens;
        private readonly HttpClient http = new();
        private readonly string url;

        private EvictingGateway(WebApplication app, TestTokens tokens, RecordedEvictions evictions)
        {
            this.app = app;
            this.tokens = tokens;
            Evictions = evictions;
            url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/graphql";
        }

        public RecordedEvictions Evictions { get; }

        public static async Task<EvictingGateway> StartAsync(bool withCache = true)
        {
            var tokens = new TestTokens();
            var evictions = new RecordedEvictions();
            var app = GatewayService.Build(
                [
                    "--Urls=http://127.0.0.1:0",
                    "--GatewaySignature:Secret=cache-eviction-test-secret-of-enough-bytes",
                    $"--Gateway:SupergraphFile={Repository.SupergraphFile}",
                    "--Subgraphs:Endpoints:population:Url=http://127.0.0.1:9/graphql",
                    // No cache of the gateway's own: the recorded one is what the eviction reaches.
                    "--Cache:Enabled=false",
                    .. TestAuditTrail.Arguments(),
                    .. tokens.Arguments(),
                ],
                builder =>
                {
                    builder.Logging.SetMinimumLevel(LogLevel.Critical);
                    if (withCache)
                    {
                        builder.Services.AddSingleton<IEntityCacheInvalidation>(evictions);
                    }
                });
            await app.StartAsync(TestContext.Current.CancellationToken);
            return new EvictingGateway(app, tokens, evictions);
        }

        public async Task<JsonNode> PostAsync([StringSyntax("graphql")] string query, Caller caller, JsonObject? variables = null)
        {
            var body = new JsonObject { ["query"] = query, ["variables"] = variables };
            using var request = new HttpRequestMessage(HttpMethod.Post, url)
            {
                Content = new StringContent(body.ToJsonString(), Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens.For(caller));
            using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
            return JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
        }

        /// <summary>The records of kind CACHE_EVICTION, oldest first, as the auditor reads them.</summary>
        public async Task<JsonArray> TrailAsync()
        {
            var read = await PostAsync("""{ auditRecords(filter: { kind: CACHE_EVICTION }) { edges { node { event user agency detail { name value } } } } }""", Auditor);
            Assert.True(read["errors"] is null, read.ToJsonString());
            var records = read["data"]!["auditRecords"]!["edges"]!.AsArray().Select(e => e!["node"]!.DeepClone()).Reverse();
            return [.. records];
        }

        public async ValueTask DisposeAsync()
        {
            http.Dispose();
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}

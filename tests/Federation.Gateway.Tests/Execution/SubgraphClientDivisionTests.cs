using System.Net;
using Federation.Gateway.Execution;
using Federation.Protocol.Signing;
using Federation.Subgraphs.Hosting;

namespace Federation.Gateway.Tests.Execution;

/// <summary>
/// The caller's division goes to each subgraph signed (<c>X-Caller-Division</c>), so its
/// division-scoped lists count and page the caller's division only — except for the subgraph's
/// own providing agency, which reads all its rows.
/// </summary>
public sealed class SubgraphClientDivisionTests
{
    private const string PopulationProvider = "11330200123456788X";

    private static readonly GatewayCaller DistrictAgency = new("11330203MB0000001X", "DATA_VERIFICATION", Division: "330203");

    [Fact]
    public async Task Another_agencys_division_is_sent_and_signed()
    {
        var sent = await SendAsync(DistrictAgency, provider: PopulationProvider);

        Assert.Equal(["330203"], sent.GetValues(GatewaySignatureHeaders.CallerDivision));
        Assert.StartsWith("v4=", sent.GetValues(GatewaySignatureHeaders.Signature).Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_providing_agency_is_sent_without_a_division()
    {
        var sent = await SendAsync(DistrictAgency with { Agency = PopulationProvider, Division = "330200" }, provider: PopulationProvider);

        Assert.False(sent.Contains(GatewaySignatureHeaders.CallerDivision));
        Assert.Equal([PopulationProvider], sent.GetValues(GatewaySignatureHeaders.CallerAgency));
    }

    [Fact]
    public async Task Without_a_known_provider_every_callers_division_is_sent()
    {
        var sent = await SendAsync(DistrictAgency with { Agency = PopulationProvider }, provider: null);

        Assert.Equal(["330203"], sent.GetValues(GatewaySignatureHeaders.CallerDivision));
    }

    private static async Task<System.Net.Http.Headers.HttpRequestHeaders> SendAsync(GatewayCaller caller, string? provider)
    {
        var capture = new Capture();
        using var http = new HttpClient(new GatewaySigningHandler(new GatewaySignature("division-test-secret-that-is-long-enough-for-hmac")) { InnerHandler = capture });
        var client = new SubgraphClient("population", http, new Uri("http://population.test/graphql"), TimeSpan.FromSeconds(5), provider: provider);

        var response = await client.SendAsync("{ __typename }", null, caller, TestContext.Current.CancellationToken);

        Assert.Null(response.Failure);
        return capture.Headers!;
    }

    private sealed class Capture : HttpMessageHandler
    {
        public System.Net.Http.Headers.HttpRequestHeaders? Headers { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Headers = request.Headers;
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("""{"data":{"__typename":"Query"}}""") });
        }
    }
}

using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Federation.Protocol.Signing;

namespace Federation.Gateway.Composition;

/// <summary>
/// Asks a live subgraph for its SDL (<c>{ _service { sdl } }</c>, the federation subgraph
/// protocol) through the gateway's signed HTTP client: give it an <see cref="HttpClient"/> whose
/// handlers include <see cref="GatewaySigningHandler"/>; the requests carry <paramref name="caller"/>.
/// https://www.apollographql.com/docs/graphos/schema-design/federated-schemas/reference/subgraph-spec#fetch-service-capabilities
/// </summary>
public sealed class SubgraphSdlFetcher(HttpClient http, GatewayCaller caller)
{
    private const string ServiceQuery = """{"query":"{ _service { sdl } }"}""";

    /// <exception cref="SubgraphSdlUnavailableException">The subgraph did not answer, refused, or answered no SDL.</exception>
    public async Task<string> FetchAsync(string url, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(ServiceQuery, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        request.Options.Set(GatewaySigningHandler.CallerOption, caller);
        request.Headers.Accept.ParseAdd("application/graphql-response+json, application/json");

        string body;
        int status;
        try
        {
            using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            status = (int)response.StatusCode;
            body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException exception)
        {
            throw new SubgraphSdlUnavailableException($"{url} did not answer: {exception.Message}", exception);
        }

        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object
                && data.TryGetProperty("_service", out var service) && service.ValueKind == JsonValueKind.Object
                && service.TryGetProperty("sdl", out var sdl) && sdl.ValueKind == JsonValueKind.String)
            {
                return sdl.GetString()!;
            }
        }
        catch (JsonException)
        {
            // Not JSON: reported with the status below.
        }

        throw new SubgraphSdlUnavailableException($"{url} answered {status} without an SDL: {Shorten(body)}");
    }

    private static string Shorten(string body) => body.Length <= 300 ? body : body[..300] + "…";
}

/// <summary>A live subgraph could not give its SDL.</summary>
public sealed class SubgraphSdlUnavailableException(string message, Exception? innerException = null) : Exception(message, innerException);

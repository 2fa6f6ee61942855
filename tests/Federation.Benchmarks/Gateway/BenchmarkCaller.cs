using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Federation.Gateway.Authentication;
using Federation.Gateway.Catalogue;
using Federation.Host;
using Federation.Subgraphs.DemoData;
using Microsoft.IdentityModel.Tokens;

namespace Federation.Benchmarks.Gateway;

/// <summary>
/// The agency the gateway benchmarks read as: the city's civil-affairs bureau, checking data
/// (DATA_VERIFICATION), with bearer tokens signed by a key made for the run. Its share grants are
/// obtained as an agency would — applied for and approved through the platform's part of the graph.
/// </summary>
internal static class BenchmarkCaller
{
    public const string Purpose = "DATA_VERIFICATION";

    private static readonly SymmetricSecurityKey TokenKey = new(RandomNumberGenerator.GetBytes(32)) { KeyId = "benchmark" };

    public static DemoAgency Agency { get; } = DemoAgencies.All.First(a => a.Role == AgencyRole.CivilAffairs);

    /// <summary>The caller's token, valid for the length of any run.</summary>
    public static string Token { get; } = TokenFor(Agency.Code, Agency.Division, PlatformRoles.Applicant);

    /// <summary>Gateway settings (command-line form) that trust the run's key.</summary>
    public static IEnumerable<string> AuthenticationArguments() =>
    [
        $"--Authentication:SigningKeys:0:Id={TokenKey.KeyId}",
        $"--Authentication:SigningKeys:0:Secret={Convert.ToBase64String(TokenKey.Key)}",
        $"--Authentication:Issuer={DevelopmentSigningKey.Issuer}",
        $"--Authentication:Audience={DevelopmentSigningKey.Audience}",
    ];

    public static void Authorize(HttpRequestMessage request, string? token = null)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token ?? Token);
        request.Headers.Add("Federation-Purpose", Purpose);
    }

    /// <summary>
    /// Asks <paramref name="query"/> once; for every resource refused with SHARE_GRANT_REQUIRED, applies
    /// for it and has its provider approve, until the answer has no error. Fails when that does not converge.
    /// </summary>
    public static async Task ObtainGrantsAsync(string url, string query, JsonObject variables, ShareCatalogue catalogue)
    {
        using var client = new HttpClient();
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var answer = await PostAsync(client, url, query, variables, Token);
            var needed = (answer["errors"]?.AsArray() ?? [])
                .Where(e => (string?)e!["extensions"]?["code"] == "SHARE_GRANT_REQUIRED")
                .Select(e => (string)e!["extensions"]!["resource"]!)
                .Distinct()
                .ToList();
            if (answer["errors"] is null)
            {
                return;
            }

            if (needed.Count == 0)
            {
                throw new InvalidOperationException($"{url} refused the benchmark query for another reason: {answer.ToJsonString()}");
            }

            foreach (var resource in needed)
            {
                await GrantAsync(client, url, catalogue.Resource(resource) ?? throw new InvalidOperationException($"No resource {resource} in the catalogue."));
            }
        }

        throw new InvalidOperationException("The benchmark caller's grants did not converge.");
    }

    private static async Task GrantAsync(HttpClient client, string url, CatalogueResource resource)
    {
        var now = DateTimeOffset.UtcNow;
        var applied = await PostAsync(
            client,
            url,
            "mutation Apply($input: ApplyForShareInput!) { applyForShare(input: $input) { id } }",
            new JsonObject
            {
                ["input"] = new JsonObject
                {
                    ["resourceId"] = resource.Id,
                    ["purposes"] = new JsonArray(Purpose),
                    ["justification"] = "Checking the civil-affairs register against the source registers.",
                    ["validFrom"] = now.ToString("O"),
                    ["validUntil"] = now.AddDays(30).ToString("O"),
                },
            },
            Token);
        var id = (string?)applied["data"]?["applyForShare"]?["id"] ?? throw new InvalidOperationException($"Applying for {resource.Id} failed: {applied.ToJsonString()}");
        var provider = AgencyOf(resource.Provider);
        var approved = await PostAsync(
            client,
            url,
            "mutation Approve($id: ID!) { approveShareApplication(input: { id: $id }) { status } }",
            new JsonObject { ["id"] = id },
            TokenFor(provider.Code, provider.Division, PlatformRoles.Approver));
        if ((string?)approved["data"]?["approveShareApplication"]?["status"] != "APPROVED")
        {
            throw new InvalidOperationException($"Approving {resource.Id} failed: {approved.ToJsonString()}");
        }

        static DemoAgency AgencyOf(string code) => DemoAgencies.Find(code) ?? throw new InvalidOperationException($"No demo agency {code}.");
    }

    private static async Task<JsonNode> PostAsync(HttpClient client, string url, string query, JsonObject variables, string token)
    {
        var body = new JsonObject { ["query"] = query, ["variables"] = variables.DeepClone() }.ToJsonString();
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        Authorize(request, token);
        using var response = await client.SendAsync(request);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    private static string TokenFor(string agency, string division, string role) => DevelopmentSigningKey.Issue(
        TokenKey,
        DevelopmentSigningKey.Issuer,
        DevelopmentSigningKey.Audience,
        new Caller("benchmark." + role, agency, division, new HashSet<string> { role }),
        DateTime.UtcNow.AddMinutes(-1),
        DateTime.UtcNow.AddHours(12));
}

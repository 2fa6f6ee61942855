using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Federation.Gateway.Hosting;

namespace Federation.Gateway.Tests.Hosting;

/// <summary>
/// The README's run command as a user runs it: the gateway's program with no configuration starts
/// the four subgraphs in its process, composes and serves, and prints where — and a curl with a
/// development token that the gateway accepts.
/// </summary>
public sealed partial class OneCommandRunTests
{
    [Fact]
    public async Task With_no_configuration_the_gateway_serves_the_four_embedded_subgraphs()
    {
        using var directory = new TemporaryDirectory();
        var keyFile = Path.Combine(directory.Path, "development-signing-key");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Repository.Root };
        foreach (var argument in new[] { typeof(GatewayService).Assembly.Location, "--Urls=http://127.0.0.1:0", "--Gateway:EmbeddedPersons=3000", $"--Authentication:DevelopmentKeyFile={keyFile}" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        process.BeginErrorReadLine();
        try
        {
            var banner = new List<string>();
            string? url = null;
            string? token = null;
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
            timeout.CancelAfter(TimeSpan.FromMinutes(3));
            while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                banner.Add(line);
                if (GraphQLLine().Match(line) is { Success: true } match)
                {
                    url = match.Groups[1].Value;
                }

                if (line.StartsWith("  Try", StringComparison.Ordinal))
                {
                    token = BearerToken().Match(line).Groups[1].Value;
                    break;
                }
            }

            Assert.NotNull(url);
            Assert.Equal(4, banner.Count(l => l.StartsWith("  Subgraph", StringComparison.Ordinal)));
            Assert.Contains(banner, l => l.StartsWith("  Sign-in    DEVELOPMENT tokens", StringComparison.Ordinal) && l.Contains(keyFile, StringComparison.Ordinal));
            Assert.Contains(banner, l => l.Contains("-- token --agency", StringComparison.Ordinal));
            Assert.False(string.IsNullOrEmpty(token));

            using var client = new HttpClient();
            var body = new JsonObject { ["query"] = "{ licences(first: 3) { edges { node { number holder { __typename ... on Person { name registeredDivision { name } } ... on LegalPerson { name } } } } } }" };
            using var request = new HttpRequestMessage(HttpMethod.Post, url)
            {
                Content = new StringContent(body.ToJsonString(), Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
            };
            request.Headers.Add(Federation.Gateway.Execution.QueryPlanInspection.Header, "true");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
            var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;

            Assert.Equal(200, (int)response.StatusCode);
            Assert.Null(answer["errors"]);
            Assert.Equal(3, answer["data"]!["licences"]!["edges"]!.AsArray().Count);
            Assert.All(answer["data"]!["licences"]!["edges"]!.AsArray(), edge => Assert.NotNull(edge!["node"]!["holder"]!["name"]));
            Assert.Null(answer["extensions"]); // plans are shown only when the operator enables it

            using var anonymous = await client.PostAsync(url, new StringContent(body.ToJsonString(), Encoding.UTF8, new MediaTypeHeaderValue("application/json")), TestContext.Current.CancellationToken);
            Assert.Equal(401, (int)anonymous.StatusCode);

            var ready = await client.GetAsync(url!.Replace("/graphql", "/health/ready", StringComparison.Ordinal), TestContext.Current.CancellationToken);
            Assert.Equal(200, (int)ready.StatusCode);
        }
        finally
        {
            process.Kill(true);
            await process.WaitForExitAsync(CancellationToken.None);
        }
    }

    [GeneratedRegex(@"GraphQL\s+(http://\S+/graphql)")]
    private static partial Regex GraphQLLine();

    [GeneratedRegex(@"Authorization: Bearer ([A-Za-z0-9_\-\.]+)'")]
    private static partial Regex BearerToken();
}

using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Runtime.Versioning;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Threading.Channels;
using Federation.Host;

namespace Federation.Gateway.Tests.Hosting;

/// <summary>
/// The README's run command as a user runs it: the one-command host with no configuration starts
/// the four subgraphs in its process, then the gateway over them, and prints where — and a curl with
/// a development token that the gateway accepts. Its output is what an operator reads: the banner in
/// one piece, and log lines that each carry their time and the request they belong to.
/// </summary>
public sealed partial class OneCommandRunTests
{
    [Fact]
    [UnsupportedOSPlatform("windows")] // the audit keys' owner-only mode is checked
    public async Task With_no_configuration_the_host_serves_the_four_embedded_subgraphs_through_the_gateway()
    {
        using var directory = new TemporaryDirectory();
        var keyFile = Path.Combine(directory.Path, "development-signing-key");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Repository.Root };
        foreach (var argument in new[] { typeof(OneCommandRun).Assembly.Location, "--Urls=http://127.0.0.1:0", "--Embedded:Persons=3000", $"--Authentication:DevelopmentKeyFile={keyFile}", $"--Audit:SpoolDirectory={Path.Combine(directory.Path, "audit-spool")}", $"--Audit:DevelopmentKeyDirectory={directory.Path}" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        process.BeginErrorReadLine();
        var output = Channel.CreateUnbounded<string>();
        var reading = ReadAllAsync(process.StandardOutput, output.Writer);
        try
        {
            var banner = new List<string>();
            string? url = null;
            string? token = null;
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
            timeout.CancelAfter(TimeSpan.FromMinutes(3));
            await foreach (var line in output.Reader.ReadAllAsync(timeout.Token))
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
            var bannerStart = banner.FindIndex(l => l == "Government data-sharing gateway");
            Assert.True(bannerStart > 0, "the banner's title");
            Assert.DoesNotContain(banner[bannerStart..], l => l.StartsWith('{')); // no log line inside the banner
            Assert.Equal(4, banner.Count(l => l.StartsWith("  Subgraph", StringComparison.Ordinal)));
            Assert.Contains(banner, l => l.StartsWith("  Sign-in    DEVELOPMENT tokens", StringComparison.Ordinal) && l.Contains(keyFile, StringComparison.Ordinal));
            Assert.Contains(banner, l => l.Contains("--project gateway/Federation.Host -- token --agency", StringComparison.Ordinal));
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

            // The audit trail runs on the spool store with development keys made on first use, owner-only.
            foreach (var key in new[] { "audit-subject-key", "audit-checkpoint-key.pem" })
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(directory.Path, key)));
            }

            Assert.Single(Directory.GetDirectories(Path.Combine(directory.Path, "audit-spool")), spool => File.Exists(Path.Combine(spool, "lock")));

            // A subgraph refuses a request that does not come from the gateway and logs it (a warning,
            // which the embedded subgraphs write).
            var subgraph = SubgraphLine().Match(string.Join('\n', banner)).Groups[1].Value;
            using var unsigned = await client.PostAsync(subgraph, new StringContent(body.ToJsonString(), Encoding.UTF8, new MediaTypeHeaderValue("application/json")), TestContext.Current.CancellationToken);
            Assert.Equal(401, (int)unsigned.StatusCode);

            var gatewayLine = await LogLineAsync(output.Reader, "Microsoft.AspNetCore.Routing.EndpointMiddleware", "/graphql", timeout.Token);
            var subgraphLine = await LogLineAsync(output.Reader, "Federation.Subgraphs.GatewaySignature", "/graphql", timeout.Token);
            foreach (var line in new[] { gatewayLine, subgraphLine })
            {
                var timestamp = line["Timestamp"]!.GetValue<string>();
                Assert.Matches(IsoUtcTimestamp(), timestamp);
                var at = DateTimeOffset.Parse(timestamp, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
                Assert.InRange(at, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(1));
                Assert.False(string.IsNullOrEmpty(RequestId(line)), line.ToJsonString());
            }
        }
        finally
        {
            process.Kill(true);
            await process.WaitForExitAsync(CancellationToken.None);
            await reading;
        }
    }

    [Theory]
    [InlineData("host")]
    [InlineData("gateway")]
    public async Task The_host_and_the_gateway_have_the_same_commands(string program)
    {
        var dll = program == "host" ? typeof(OneCommandRun).Assembly.Location : typeof(Federation.Gateway.Hosting.GatewayService).Assembly.Location;

        var (helpExit, help) = await RunToEndAsync(dll, "--help");
        var (listExit, list) = await RunToEndAsync(dll, "token", "--list");

        Assert.Equal(0, helpExit);
        Assert.Matches(@"(?m)^\s+compose\s", help);
        Assert.Matches(@"(?m)^\s+token\s", help);
        Assert.Equal(0, listExit);
        Assert.Contains(DemoAgencies.Platform.Code, list, StringComparison.Ordinal);
    }

    private static async Task<(int Exit, string Output)> RunToEndAsync(string dll, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Repository.Root };
        start.ArgumentList.Add(dll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        process.BeginErrorReadLine();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(1));
        var output = await process.StandardOutput.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, output);
    }

    private static async Task ReadAllAsync(StreamReader output, ChannelWriter<string> lines)
    {
        while (await output.ReadLineAsync() is { } line)
        {
            await lines.WriteAsync(line);
        }

        lines.Complete();
    }

    /// <summary>The next JSON log line of <paramref name="category"/> written inside a request to <paramref name="path"/>.</summary>
    private static async Task<JsonNode> LogLineAsync(ChannelReader<string> output, string category, string path, CancellationToken cancellationToken)
    {
        await foreach (var line in output.ReadAllAsync(cancellationToken))
        {
            if (!line.StartsWith('{'))
            {
                continue;
            }

            var entry = JsonNode.Parse(line)!;
            if (entry["Category"]?.GetValue<string>() == category
                && entry["Scopes"] is JsonArray scopes
                && scopes.Any(scope => scope?["RequestPath"]?.GetValue<string>() == path))
            {
                return entry;
            }
        }

        throw new InvalidOperationException($"The host wrote no log line of {category} for a request to {path}.");
    }

    private static string? RequestId(JsonNode line) =>
        line["Scopes"]!.AsArray().Select(scope => scope?["RequestId"]).FirstOrDefault(id => id is not null)?.GetValue<string>();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$")]
    private static partial Regex IsoUtcTimestamp();

    [GeneratedRegex(@"Subgraph\s+\S+\s+(http://\S+/graphql)")]
    private static partial Regex SubgraphLine();

    [GeneratedRegex(@"GraphQL\s+(http://\S+/graphql)")]
    private static partial Regex GraphQLLine();

    [GeneratedRegex(@"Authorization: Bearer ([A-Za-z0-9_\-\.]+)'")]
    private static partial Regex BearerToken();
}

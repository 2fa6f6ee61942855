using System.Diagnostics;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Federation.Gateway.Audit.Storage;
using Federation.Gateway.Authentication;
using Federation.Gateway.Tests.Authentication;
using Federation.Gateway.Tests.Execution;
using Federation.Host;
using Federation.Subgraphs.DemoData;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Federation.Gateway.Tests.Audit;

/// <summary>
/// The trail through a database outage: a bounded load run against a gateway auditing to a PostgreSQL
/// server of the test's own, which is stopped (immediately, as a crash) and started again while the
/// load runs. The gateway keeps serving from its durable spool; afterwards every answer that carried
/// data has its record in PostgreSQL — counted against what the clients were served —, no request has
/// a second record, and the chain with its signed checkpoints verifies whole.
/// </summary>
public sealed class AuditOutageTests
{
    private const int Persons = 200;
    private const int Clients = 6;

    private static readonly TimeSpan Load = TimeSpan.FromSeconds(12);
    private static readonly TimeSpan OutageStarts = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan OutageEnds = TimeSpan.FromSeconds(7);

    [Fact]
    public async Task A_database_outage_during_load_loses_no_record_and_the_chain_stays_whole()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var postgres = await PrivatePostgres.StartAsync();
        await using var subgraphs = await EmbeddedSubgraphs.StartAsync(Persons, LogLevel.Warning, cancellation);
        using var directory = new TemporaryDirectory();
        using var checkpointKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var keyFile = Path.Combine(directory.Path, "checkpoint-key.pem");
        await File.WriteAllTextAsync(keyFile, checkpointKey.ExportPkcs8PrivateKeyPem(), cancellation);
        if (!OperatingSystem.IsWindows())
        {
            // The gateway refuses a private key others can read.
            File.SetUnixFileMode(keyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        var tokens = new TestTokens();
        var (gateway, url) = await EmbeddedGateway.StartAsync(subgraphs, tokens, configuration =>
        {
            configuration["Audit:Store"] = "Postgres";
            configuration["ConnectionStrings:Audit"] = postgres.ConnectionString;
            configuration["Audit:SpoolDirectory"] = Path.Combine(directory.Path, "spool");
            configuration["Audit:Instance"] = "outage-test";
            configuration["Audit:SubjectKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
            configuration["Audit:CheckpointKey"] = keyFile;
            configuration["Audit:BatchSize"] = "100";
        });
        await using (gateway)
        {
            var world = new DemoWorld(Persons);
            var token = tokens.For(TestTokens.PublicSecurity);
            using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
            var clock = Stopwatch.StartNew();
            var outage = Task.Run(async () =>
            {
                await Task.Delay(OutageStarts, cancellation);
                await postgres.StopAsync();
                await Task.Delay(OutageEnds - OutageStarts, cancellation);
                await postgres.StartAgainAsync();
            }, cancellation);

            var tallies = await Task.WhenAll(Enumerable.Range(0, Clients).Select(c => Task.Run(async () =>
            {
                var tally = new Tally();
                for (var i = c; clock.Elapsed < Load; i += Clients)
                {
                    var answer = await AskAsync(client, url, token, world.Person(i % Persons).IdNumber, cancellation);
                    tally.Count(answer, clock.Elapsed);
                }

                return tally;
            }, cancellation)));
            await outage;

            var served = tallies.Sum(t => t.WithData);
            var answered = tallies.Sum(t => t.Answers);
            var report = $"{answered} answers, {served} with data, {tallies.Sum(t => t.WithDataDuringOutage)} during the outage, {tallies.Sum(t => t.Unexpected)} unexpected, e.g. {tallies.Select(t => t.FirstUnexpected).FirstOrDefault(u => u is not null)}";
            TestContext.Current.TestOutputHelper?.WriteLine(report);
            Assert.True(tallies.Sum(t => t.WithDataDuringOutage) > 0, "the gateway kept serving from its spool while PostgreSQL was down: " + report);
            Assert.True(tallies.Sum(t => t.Unexpected) == 0, report);

            // Shipping catches up once the server is back: every record reaches it, none twice.
            await using var source = NpgsqlDataSource.Create(postgres.ConnectionString);
            var stored = await WaitForAsync(source, answered, cancellation);
            Assert.Equal(answered, stored.Requests);
            Assert.Equal(served, stored.Served);
            Assert.Equal(stored.Requests, stored.Distinct);

            var verification = await new PostgresChainVerification(source, "audit").VerifyAsync([checkpointKey], TimeProvider.System, cancellation);
            Assert.True(verification.Whole, $"the chain is broken: {verification.FirstBreak}");
        }
    }

    private static async Task<JsonObject> AskAsync(HttpClient client, Uri url, string token, string idNumber, CancellationToken cancellation)
    {
        var body = new JsonObject
        {
            ["query"] = "query Person($id: IdNumber!) { person(idNumber: $id) { name gender } }",
            ["variables"] = new JsonObject { ["id"] = idNumber },
        }.ToJsonString();
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.SendAsync(request, cancellation);
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellation))!.AsObject();
        answer["status"] = (int)response.StatusCode;
        return answer;
    }

    /// <summary>Polls until the database holds <paramref name="expected"/> access records, for at most a minute and a half.</summary>
    private static async Task<(long Requests, long Served, long Distinct)> WaitForAsync(NpgsqlDataSource source, long expected, CancellationToken cancellation)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var counts = await CountAsync(source, cancellation);
            if (counts.Requests >= expected || deadline.Elapsed > TimeSpan.FromSeconds(90))
            {
                return counts;
            }

            await Task.Delay(250, cancellation);
        }
    }

    private static async Task<(long Requests, long Served, long Distinct)> CountAsync(NpgsqlDataSource source, CancellationToken cancellation)
    {
        try
        {
            await using var command = source.CreateCommand(
                "SELECT count(*), count(*) FILTER (WHERE outcome IN ('SERVED', 'PARTLY_DENIED')), count(DISTINCT request_id) FROM audit.records WHERE kind = 'ACCESS'");
            await using var reader = await command.ExecuteReaderAsync(cancellation);
            await reader.ReadAsync(cancellation);
            return (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
        }
        catch (NpgsqlException)
        {
            // The server is still starting.
            return (0, 0, 0);
        }
    }

    private sealed class Tally
    {
        public long Answers { get; private set; }

        public long WithData { get; private set; }

        public long WithDataDuringOutage { get; private set; }

        public long Unexpected { get; private set; }

        public string? FirstUnexpected { get; private set; }

        public void Count(JsonObject answer, TimeSpan at)
        {
            Answers++;
            if ((int)answer["status"]! == 200 && answer["data"]?["person"]?["name"] is not null && answer["errors"] is null)
            {
                WithData++;
                if (at > OutageStarts && at < OutageEnds)
                {
                    WithDataDuringOutage++;
                }
            }
            else
            {
                Unexpected++;
                FirstUnexpected ??= answer.ToJsonString();
            }
        }
    }
}

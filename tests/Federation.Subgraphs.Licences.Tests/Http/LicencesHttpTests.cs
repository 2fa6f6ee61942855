using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Federation.Protocol.Signing;
using Federation.Subgraphs.Hosting;
using Federation.Subgraphs.Hosting.Changes;
using Federation.Subgraphs.Licences.Domain;
using Federation.Subgraphs.Licences.Tests.Harness;
using Federation.Subgraphs.Testing;

namespace Federation.Subgraphs.Licences.Tests.Http;

/// <summary>The service over HTTP against PostgreSQL, seeded at start-up by COPY from a demo world of <see cref="SeedData.Persons"/> persons.</summary>
public sealed class PostgresServerFixture : IAsyncLifetime
{
    public TestDatabase Database { get; private set; } = null!;

    internal LicencesServer Server { get; private set; } = null!;

    internal static Dictionary<string, string?> Settings(TestDatabase database) => new()
    {
        ["Store"] = "Postgres",
        ["ConnectionStrings:Postgres"] = database.ConnectionString,
        ["Seed:Persons"] = SeedData.Persons.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["ChangeEvents:Redis"] = TestServices.Redis,
    };

    public async ValueTask InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync("licences_http");
        Server = await LicencesServer.StartAsync(Settings(Database));
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        await Database.DisposeAsync();
    }
}

public sealed class LicencesHttpTests(PostgresServerFixture fixture) : IClassFixture<PostgresServerFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>As the gateway signs for a caller who may read every row-scoped resource of the library.</summary>
    private static readonly GatewayCaller Reader = SignedGraphQLClient.DefaultCaller with { RowResources = LicenceRowResources.All };

    private SignedGraphQLClient Client => fixture.Server.Client;

    [Fact]
    public async Task The_signed_row_resources_decide_which_guarded_licences_exist_for_the_caller()
    {
        const string Count = "{ licences(first: 0) { totalCount } }";
        var guarded = SeedData.Licences.Where(l => l.Type.RowResource is not null).ToList();
        Assert.NotEmpty(guarded);

        var all = await Client.PostAsync(Count, caller: Reader, cancellationToken: Cancel);
        var none = await Client.PostAsync(Count, caller: SignedGraphQLClient.DefaultCaller, cancellationToken: Cancel);
        var marriages = await Client.PostAsync(Count, caller: SignedGraphQLClient.DefaultCaller with { RowResources = [LicenceRowResources.MarriageCertificateItems] }, cancellationToken: Cancel);

        Assert.Equal(SeedData.Licences.Count, all.DataWithoutErrors["licences"]!["totalCount"]!.GetValue<int>());
        Assert.Equal(SeedData.Licences.Count - guarded.Count, none.DataWithoutErrors["licences"]!["totalCount"]!.GetValue<int>());
        Assert.Equal(
            SeedData.Licences.Count(l => l.Type.RowResource is null or LicenceRowResources.MarriageCertificateItems),
            marriages.DataWithoutErrors["licences"]!["totalCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task The_service_sdl_is_the_schema_file_of_the_repository()
    {
        var response = await Client.PostAsync("{ _service { sdl } }", cancellationToken: Cancel);
        Assert.Equal(await File.ReadAllTextAsync(RepositoryFile("schema/licences.graphql"), Cancel), response.DataWithoutErrors["_service"]!["sdl"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_start_up_load_holds_the_seed_of_the_same_world()
    {
        var response = await Client.PostAsync(Expected.FullLicence + """
            query ($numbers: [String!]!) { licences(first: 0) { totalCount } licencesByNumbers(numbers: $numbers) { ...Full } }
            """, new { numbers = Sample().Select(l => l.Number).ToArray() }, Reader, Cancel);
        var data = response.DataWithoutErrors;
        Assert.Equal(SeedData.Licences.Count, data["licences"]!["totalCount"]!.GetValue<int>());
        var loaded = data["licencesByNumbers"]!.AsArray();
        var sample = Sample();
        for (var i = 0; i < sample.Count; i++)
        {
            // ECDSA signatures (of the seals and of the certificates) are randomised: everything else is equal.
            var expected = Expected.Licence(sample[i]);
            expected["seal"]!["signature"] = loaded[i]!["seal"]!["signature"]!.GetValue<string>();
            expected["seal"]!["certificate"] = loaded[i]!["seal"]!["certificate"]!.GetValue<string>();
            Expected.Json(expected, loaded[i]);
        }

        var seals = await Client.PostAsync("""
            query ($number: String!) { verifyLicenceSeal(number: $number) { valid failure } }
            """, new { number = sample[^1].Number }, Reader, Cancel);
        Assert.True(seals.DataWithoutErrors["verifyLicenceSeal"]!["valid"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_restart_on_the_same_database_migrates_nothing_and_seeds_nothing_again()
    {
        await using var again = await LicencesServer.StartAsync(PostgresServerFixture.Settings(fixture.Database));
        var response = await again.Client.PostAsync("{ licences(first: 0) { totalCount } }", caller: Reader, cancellationToken: Cancel);
        Assert.Equal(SeedData.Licences.Count, response.DataWithoutErrors["licences"]!["totalCount"]!.GetValue<int>());
        using var ready = await again.Unsigned().GetAsync("/health/ready", Cancel);
        Assert.Equal(200, (int)ready.StatusCode);
    }

    [Fact]
    public async Task Entities_of_a_hundred_licences_are_one_SQL_statement()
    {
        var numbers = SeedData.Licences.Take(99).Select(l => l.Number).Append("UNKNOWN").ToArray();
        using var sql = new SqlStatements(fixture.Database.Name);
        var response = await Client.PostAsync("""
            query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Licence { number holderName seal { sealId certificate } } } }
            """, new { representations = numbers.Select(n => new { __typename = "Licence", number = n }).ToArray() }, Reader, Cancel);

        var entities = response.DataWithoutErrors["_entities"]!.AsArray();
        Assert.Equal(numbers.Take(99), entities.Take(99).Select(e => e!["number"]!.GetValue<string>()));
        Assert.Null(entities[99]);
        Assert.Single(sql.OnLicences);
    }

    [Fact]
    public async Task The_licences_of_a_hundred_persons_are_one_SQL_statement()
    {
        var persons = Enumerable.Range(0, SeedData.World.PersonCount).Select(SeedData.World.Person).Where(p => !p.IsDeceased).Take(100).ToList();
        using var sql = new SqlStatements(fixture.Database.Name);
        var response = await Client.PostAsync("""
            query ($representations: [_Any!]!) {
              _entities(representations: $representations) {
                ... on Person { idNumber licences(first: 5, statuses: [VALID, EXPIRED]) { totalCount edges { node { number holderName } } } }
              }
            }
            """, new { representations = persons.Select(p => new { __typename = "Person", idNumber = p.IdNumber }).ToArray() }, Reader, Cancel);

        var entities = response.DataWithoutErrors["_entities"]!.AsArray();
        for (var i = 0; i < persons.Count; i++)
        {
            var held = SeedData.Licences.Where(l => l.Holder == LicenceHolder.Person(persons[i].IdNumber) && l.Status is LicenceStatus.Valid or LicenceStatus.Expired).ToList();
            Assert.Equal(held.Count, entities[i]!["licences"]!["totalCount"]!.GetValue<int>());
            Assert.All(entities[i]!["licences"]!["edges"]!.AsArray(), e => Assert.Equal(persons[i].Name, e!["node"]!["holderName"]!.GetValue<string>()));
        }

        Assert.Contains(entities, e => e!["licences"]!["totalCount"]!.GetValue<int>() > 0);
        Assert.Single(sql.OnLicences);
    }

    [Theory]
    [InlineData("""{ licences(filter: { holderIdNumber: "330203199001010015" }) { totalCount } }""", "check digit")]
    [InlineData("""{ licences(filter: { issuedOnOrAfter: "2025-02-30" }) { totalCount } }""", "not a calendar date")]
    [InlineData("""{ licences(filter: { updatedSince: "2025-02-01 10:00" }) { totalCount } }""", "DateTime")]
    public async Task An_invalid_scalar_is_a_validation_error_naming_the_rule(string query, string rule)
    {
        var response = await Client.PostAsync(query, cancellationToken: Cancel);
        Assert.Equal(400, response.Status);
        Assert.Null(response.Data);
        Assert.Contains(rule, response.Errors[0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_credit_code_with_a_wrong_check_character_is_refused_naming_the_rule()
    {
        var code = SeedData.Licences.First(l => l.Holder.Kind == HolderKind.LegalPerson).Holder.Key;
        var wrong = code[..17] + (code[17] == '0' ? '1' : '0');
        var response = await Client.PostAsync("""
            query ($code: CreditCode) { licences(filter: { holderCreditCode: $code }) { totalCount } }
            """, new { code = wrong }, cancellationToken: Cancel);
        Assert.Equal(400, response.Status);
        Assert.Contains($"CreditCode check character is {wrong[17]}, expected {code[17]} (GB 32100, MOD 31).", response.Errors[0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unsigned_request_is_refused_with_401()
    {
        using var http = fixture.Server.Unsigned();
        using var response = await http.SendAsync(Query(), Cancel);
        await ExpectRefusalAsync(response, "SIGNATURE_MISSING");
    }

    [Fact]
    public async Task A_request_signed_with_another_secret_is_refused_with_401()
    {
        using var http = fixture.Server.Unsigned();
        var request = Query();
        await new GatewaySignature("another-secret-that-is-long-enough-for-hmac-sha256").SignAsync(request, SignedGraphQLClient.DefaultCaller, Cancel);
        using var response = await http.SendAsync(request, Cancel);
        await ExpectRefusalAsync(response, "SIGNATURE_INVALID");
    }

    [Fact]
    public async Task A_request_signed_two_minutes_ago_is_refused_with_401()
    {
        using var http = fixture.Server.Unsigned();
        var request = Query();
        await new GatewaySignature(SignedGraphQLClient.Secret, new ManualClock(DateTimeOffset.UtcNow.AddMinutes(-2))).SignAsync(request, SignedGraphQLClient.DefaultCaller, Cancel);
        using var response = await http.SendAsync(request, Cancel);
        await ExpectRefusalAsync(response, "SIGNATURE_EXPIRED");
    }

    [Fact]
    public async Task A_replayed_request_is_refused_with_401()
    {
        using var http = fixture.Server.Unsigned();
        var first = Query();
        await new GatewaySignature(SignedGraphQLClient.Secret).SignAsync(first, SignedGraphQLClient.DefaultCaller, Cancel);
        var replay = Query();
        foreach (var header in first.Headers)
        {
            replay.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        using (var accepted = await http.SendAsync(first, Cancel))
        {
            Assert.Equal(200, (int)accepted.StatusCode);
        }

        using var response = await http.SendAsync(replay, Cancel);
        await ExpectRefusalAsync(response, "SIGNATURE_REPLAYED");
    }

    [Fact]
    public async Task Switching_the_signature_off_for_development_lets_unsigned_requests_in()
    {
        await using var open = await LicencesServer.StartAsync(new Dictionary<string, string?>
        {
            ["GatewaySignature:RequireGatewaySignature"] = "false",
            ["Seed:Persons"] = SeedData.Persons.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        using var http = open.Unsigned();
        using var response = await http.SendAsync(Query(), Cancel);
        Assert.Equal(200, (int)response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(Cancel))!;

        // No caller headers: no row-scoped resource is readable, so their licences are withheld (fail closed).
        Assert.Equal(SeedData.Licences.Count(l => l.Type.RowResource is null), body["data"]!["licences"]!["totalCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_correction_over_HTTP_reaches_Redis_through_the_outbox()
    {
        var licence = SeedData.Licences.Last(l => l.Holder.Kind == HolderKind.LegalPerson && !Sample().Contains(l));
        var redis = RedisChangeEventPublisher.Connect(TestServices.Redis);
        try
        {
            await CorrectAndHearAsync(redis, licence);
        }
        finally
        {
            redis.Close(false);
        }
    }

    private async Task CorrectAndHearAsync(StackExchange.Redis.IConnectionMultiplexer redis, Licence licence)
    {
        var received = new TaskCompletionSource<ChangeEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        var subscriber = redis.GetSubscriber();
        await subscriber.SubscribeAsync(StackExchange.Redis.RedisChannel.Literal(ChangeEvent.Channel), (_, message) =>
        {
            if (ChangeEvent.FromJson(message!) is { } change && change.Key == licence.Number)
            {
                received.TrySetResult(change);
            }
        }).WaitAsync(TimeSpan.FromSeconds(10), Cancel);

        var response = await Client.PostAsync("""
            mutation ($input: CorrectLicenceInput!) { correctLicence(input: $input) { changedFields licence { holderName } } }
            """, new { input = new { number = licence.Number, reason = "名称变更登记", holderName = licence.HolderName + "（更名）" } }, cancellationToken: Cancel);
        Assert.Equal(["holderName", "items", "seal", "updatedAt"], response.DataWithoutErrors["correctLicence"]!["changedFields"]!.AsArray().Select(f => f!.GetValue<string>()));

        var change = await received.Task.WaitAsync(TimeSpan.FromSeconds(30), Cancel);
        Assert.Equal(("licences", "Licence", "名称变更登记"), (change.Subgraph, change.Type, change.Reason));
        Assert.Equal(["holderName", "items", "seal", "updatedAt"], change.ChangedFields);
        await subscriber.UnsubscribeAsync(StackExchange.Redis.RedisChannel.Literal(ChangeEvent.Channel)).WaitAsync(TimeSpan.FromSeconds(10), Cancel);
    }

    [Fact]
    public async Task Health_and_readiness_answer_unsigned()
    {
        using var http = fixture.Server.Unsigned();
        using var live = await http.GetAsync("/health/live", Cancel);
        using var ready = await http.GetAsync("/health/ready", Cancel);
        Assert.Equal((200, 200), ((int)live.StatusCode, (int)ready.StatusCode));
    }

    private static IReadOnlyList<Licence> Sample() =>
        [.. SeedData.Licences.GroupBy(l => l.Type.Code).Select(g => g.Last()).OrderBy(l => l.Number, StringComparer.Ordinal)];

    private static HttpRequestMessage Query() => new(HttpMethod.Post, "/graphql")
    {
        Content = new StringContent("""{"query":"{ licences(first: 1) { totalCount } }"}""", Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
    };

    private static async Task ExpectRefusalAsync(HttpResponseMessage response, string code)
    {
        Assert.Equal(401, (int)response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(Cancel))!;
        Assert.Equal(code, body["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Null(body["data"]);
    }

    private static string RepositoryFile(string path)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, path);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"{path} is not above {AppContext.BaseDirectory}.");
    }
}

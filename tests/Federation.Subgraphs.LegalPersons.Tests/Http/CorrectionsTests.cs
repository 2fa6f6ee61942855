using System.Diagnostics.CodeAnalysis;
using Federation.Subgraphs.LegalPersons.Domain;
using Federation.Subgraphs.LegalPersons.Tests.Store;
using Federation.Subgraphs.Testing;

namespace Federation.Subgraphs.LegalPersons.Tests.Http;

/// <summary>The mutations through HTTP: what they change, the events they publish, and the input they refuse without changing anything.</summary>
public sealed class CorrectionsTests
{
    [StringSyntax("graphql")]
    private const string CorrectLegalPerson = """
        mutation ($input: CorrectLegalPersonInput!) {
          correctLegalPerson(input: $input) { changedFields legalPerson { name formerNames status legalRepresentative { idNumber } registeredCapital { amount currency } industry { code } updatedAt } }
        }
        """;

    [StringSyntax("graphql")]
    private const string CorrectShareholders = """
        mutation ($input: CorrectShareholdersInput!) {
          correctShareholders(input: $input) { changedFields legalPerson { shareholders { shareholder { __typename } shareholderName sharePercentage subscribedCapital { amount } } } }
        }
        """;

    [Fact]
    public async Task A_correction_answers_the_changed_fields_and_publishes_a_change_event()
    {
        await using var server = await LegalPersonsServer.StartAsync();
        var target = Scenario.Enterprise();
        var representative = SeededRegister.World.Person(10).IdNumber;

        var response = await server.PostAsync(CorrectLegalPerson, new
        {
            input = new
            {
                creditCode = target.CreditCode,
                reason = "objection upheld",
                name = "宁波新名称科技有限公司",
                legalRepresentative = representative,
                registeredCapital = new { amount = "8800000" },
                industryCode = "i6513",
            },
        });

        var payload = response.DataWithoutErrors["correctLegalPerson"]!;
        Assert.Equal(["name", "formerNames", "legalRepresentative", "registeredCapital", "industry", "updatedAt"], Scenario.Strings(payload["changedFields"]).Where(f => f != "industry" || target.IndustryCode != "I6513"));
        Assert.Equal("宁波新名称科技有限公司", payload["legalPerson"]!["name"]!.GetValue<string>());
        Assert.Contains(target.Name, Scenario.Strings(payload["legalPerson"]!["formerNames"]));
        Assert.Equal(representative, payload["legalPerson"]!["legalRepresentative"]!["idNumber"]!.GetValue<string>());
        Assert.Equal("8800000.00", payload["legalPerson"]!["registeredCapital"]!["amount"]!.GetValue<string>());
        Assert.Equal("CNY", payload["legalPerson"]!["registeredCapital"]!["currency"]!.GetValue<string>());
        var change = Assert.Single(server.Changes.Recent);
        Assert.Equal(("legal-persons", "LegalPerson", target.CreditCode), (change.Subgraph, change.Type, change.Key));
        Assert.Equal(Scenario.Strings(payload["changedFields"]), change.ChangedFields);
    }

    [Fact]
    public async Task A_corrected_list_of_shareholders_is_answered_and_published()
    {
        await using var server = await LegalPersonsServer.StartAsync();
        var target = Scenario.Enterprise();
        var person = SeededRegister.World.Person(20);
        var holder = Scenario.Enterprise(l => l.CreditCode != target.CreditCode);

        var response = await server.PostAsync(CorrectShareholders, new
        {
            input = new
            {
                creditCode = target.CreditCode,
                reason = "share transfer",
                shareholders = new object[]
                {
                    new { idNumber = person.IdNumber, shareholderName = person.Name, sharePercentage = 70.5, subscribedCapital = new { amount = "705000.00" } },
                    new { creditCode = holder.CreditCode, shareholderName = holder.Name, sharePercentage = 29.5 },
                },
            },
        });

        var payload = response.DataWithoutErrors["correctShareholders"]!;
        Assert.Equal(["shareholders", "updatedAt"], Scenario.Strings(payload["changedFields"]));
        var shareholders = payload["legalPerson"]!["shareholders"]!.AsArray();
        Assert.Equal(["Person", "LegalPerson"], shareholders.Select(s => s!["shareholder"]!["__typename"]!.GetValue<string>()));
        Assert.Equal("705000.00", shareholders[0]!["subscribedCapital"]!["amount"]!.GetValue<string>());
        Assert.Equal(target.CreditCode, Assert.Single(server.Changes.Recent).Key);
    }

    public static TheoryData<string, string> RefusedCorrections() => new()
    {
        { """{ "registeredCapital": { "amount": "-5" } }""", "input.registeredCapital" },
        { """{ "registeredCapital": { "amount": "12.345" } }""", "input.registeredCapital" },
        { """{ "registeredCapital": { "amount": "1e6" } }""", "input.registeredCapital" },
        { """{ "registeredCapital": { "amount": "100", "currency": "yuan" } }""", "input.registeredCapital" },
        { """{ "name": null }""", "input.name" },
        { """{ "name": "   " }""", "input.name" },
        { """{ "status": null }""", "input.status" },
        { """{ "industryCode": "I9999" }""", "input.industryCode" },
        { """{ "division": "330200" }""", "input.division" },
        { """{ "establishedOn": "2999-01-01" }""", "input.establishedOn" },
        { """{ "operatingFrom": "2020-01-01", "operatingUntil": "2019-01-01" }""", "input.operatingUntil" },
        { """{ "terminatedOn": "1900-01-01" }""", "input.terminatedOn" },
        { """{ "reason": " " }""", "input.reason" },
    };

    [Theory]
    [MemberData(nameof(RefusedCorrections))]
    public async Task A_correction_breaking_a_rule_is_refused_and_changes_nothing(string fields, string field)
    {
        await using var server = await LegalPersonsServer.StartAsync();
        var target = Scenario.Enterprise();
        var input = System.Text.Json.Nodes.JsonNode.Parse(fields)!.AsObject();
        input["creditCode"] = target.CreditCode;
        input["reason"] ??= "correction";
        input["name"] = input.ContainsKey("name") ? input["name"]?.DeepClone() : "宁波不应保存有限公司";

        var response = await server.PostAsync(CorrectLegalPerson, new { input });
        var after = await server.PostAsync("""query ($code: CreditCode!) { legalPerson(creditCode: $code) { name } }""", new { code = target.CreditCode });

        Assert.Equal([LegalPersonErrorCodes.InvalidInput], response.ErrorCodes);
        Assert.Equal(field, response.Errors[0]!["extensions"]!["field"]!.GetValue<string>());
        Assert.Equal(target.Name, after.DataWithoutErrors["legalPerson"]!["name"]!.GetValue<string>());
        Assert.Empty(server.Changes.Recent);
    }

    public static TheoryData<string, string> RefusedShareholders() => new()
    {
        { """[{ "shareholderName": "甲", "sharePercentage": 60 }, { "shareholderName": "乙", "sharePercentage": 50 }]""", "input.shareholders" },
        { """[{ "shareholderName": "甲", "sharePercentage": 150 }]""", "input.shareholders[0].sharePercentage" },
        { """[{ "shareholderName": "甲", "sharePercentage": -1 }]""", "input.shareholders[0].sharePercentage" },
        { """[{ "shareholderName": "甲", "idNumber": "{person}", "creditCode": "{holder}" }]""", "input.shareholders[0]" },
        { """[{ "shareholderName": "甲", "creditCode": "{self}" }]""", "input.shareholders[0].creditCode" },
        { """[{ "shareholderName": "" }]""", "input.shareholders[0].shareholderName" },
        { """[{ "shareholderName": "甲", "paidInCapital": { "amount": "-0.01" } }]""", "input.shareholders[0].paidInCapital" },
    };

    [Theory]
    [MemberData(nameof(RefusedShareholders))]
    public async Task A_list_of_shareholders_breaking_a_rule_is_refused_and_changes_nothing(string shareholders, string field)
    {
        await using var server = await LegalPersonsServer.StartAsync();
        var target = Scenario.Enterprise();
        var holder = Scenario.Enterprise(l => l.CreditCode != target.CreditCode);
        var list = System.Text.Json.Nodes.JsonNode.Parse(shareholders
            .Replace("{person}", SeededRegister.World.Person(5).IdNumber, StringComparison.Ordinal)
            .Replace("{holder}", holder.CreditCode, StringComparison.Ordinal)
            .Replace("{self}", target.CreditCode, StringComparison.Ordinal));

        var response = await server.PostAsync(CorrectShareholders, new { input = new { creditCode = target.CreditCode, reason = "correction", shareholders = list } });
        var after = await server.PostAsync("""query ($code: CreditCode!) { legalPerson(creditCode: $code) { shareholders { shareholderName } } }""", new { code = target.CreditCode });

        Assert.Equal([LegalPersonErrorCodes.InvalidInput], response.ErrorCodes);
        Assert.Equal(field, response.Errors[0]!["extensions"]!["field"]!.GetValue<string>());
        var seeded = SeededRegister.Files.Single(f => f.LegalPerson.CreditCode == target.CreditCode).Shareholders;
        Assert.Equal(seeded.Select(s => s.ShareholderName), after.DataWithoutErrors["legalPerson"]!["shareholders"]!.AsArray().Select(s => s!["shareholderName"]!.GetValue<string>()));
        Assert.Empty(server.Changes.Recent);
    }

    [Fact]
    public async Task A_representative_with_a_wrong_check_digit_is_refused_by_the_scalar()
    {
        await using var server = await LegalPersonsServer.StartAsync();
        var target = Scenario.Enterprise();
        var idNumber = SeededRegister.World.Person(7).IdNumber;
        var wrong = idNumber[..17] + (idNumber[17] == '1' ? '2' : '1');

        var response = await server.PostAsync(CorrectLegalPerson, new { input = new { creditCode = target.CreditCode, reason = "typo", legalRepresentative = wrong } });

        var message = Assert.Single(response.Errors)!["message"]!.GetValue<string>();
        Assert.Contains("IdNumber check digit", message, StringComparison.Ordinal);
        Assert.Contains("MOD 11-2", message, StringComparison.Ordinal);
        Assert.Empty(server.Changes.Recent);
    }

    [Fact]
    public async Task A_correction_in_postgresql_reaches_the_change_feed_through_the_outbox()
    {
        await using var server = await LegalPersonsServer.StartAsync(postgres: true);
        var target = Scenario.Enterprise();
        var published = new TaskCompletionSource<Hosting.Changes.ChangeEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = server.Changes.Subscribe(change => published.TrySetResult(change));

        var response = await server.PostAsync(CorrectLegalPerson, new { input = new { creditCode = target.CreditCode, reason = "objection upheld", objectionId = "OBJ-7", status = "REVOKED" } });
        var change = await published.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        Assert.Equal(["status", "updatedAt"], Scenario.Strings(response.DataWithoutErrors["correctLegalPerson"]!["changedFields"]));
        Assert.Equal(("LegalPerson", target.CreditCode, "objection upheld (objection OBJ-7)"), (change.Type, change.Key, change.Reason));
        Assert.Equal(["status", "updatedAt"], change.ChangedFields);
    }
}

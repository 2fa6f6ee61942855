using System.Text.Json.Nodes;
using Federation.Subgraphs.Hosting;
using Federation.Subgraphs.Hosting.Changes;
using Federation.Subgraphs.Licences.Domain;
using Federation.Subgraphs.Licences.Schema;
using Federation.Subgraphs.Licences.Store;
using Federation.Subgraphs.Licences.Tests.Harness;

namespace Federation.Subgraphs.Licences.Tests.Store;

/// <summary>A seeded library a test owns: its store, and the change events its changes published.</summary>
internal sealed record TestLibrary(ILicenceStore Store, Func<Task<IReadOnlyList<ChangeEvent>>> Events);

/// <summary>
/// The behaviour every licence store must have, run against the in-memory store and the PostgreSQL
/// store alike, through the subgraph's resolvers. Reads use a shared seeded library; each test that
/// changes licences gets its own. Expectations are computed from the seed.
/// </summary>
public abstract partial class LicenceStoreConformance
{
    /// <summary>The library seeded from <see cref="SeedData"/>, shared by the tests that only read.</summary>
    internal abstract Task<ILicenceStore> SharedStoreAsync();

    /// <summary>A library of the test's own, seeded from <see cref="SeedData"/>.</summary>
    internal abstract Task<TestLibrary> OwnLibraryAsync();

    /// <summary>Changes a licence's holder name in storage, behind the library's back (no seal, no event).</summary>
    internal abstract Task TamperAsync(TestLibrary library, string number, string holderName);

    private static Subgraph SubgraphOf(ILicenceStore store) =>
        LicencesSchema.Build(store, SeedData.Sealer, SeedData.Verifier, new ManualClock(SeedData.Now));

    private async Task<Subgraph> SharedAsync() => SubgraphOf(await SharedStoreAsync());

    // ---- lookups ---------------------------------------------------------------------------

    [Fact]
    public async Task A_licence_by_number_answers_every_field_as_stored()
    {
        var subgraph = await SharedAsync();
        foreach (var licence in SeedData.Licences.GroupBy(l => l.Type.Code).Select(g => g.First()))
        {
            var data = await GraphQLRun.DataAsync(subgraph, Expected.FullLicence + """
                query ($number: String!) { licence(number: $number) { ...Full } }
                """, new { number = licence.Number });
            Expected.Json(Expected.Licence(licence), data["licence"]);
        }
    }

    [Fact]
    public async Task Items_are_typed_by_the_licence_type()
    {
        var subgraph = await SharedAsync();
        var husband = SeedData.First(l => l.Type == LicenceCatalogue.MarriageCertificate);
        var spouseIdNumber = husband.Items.Single(i => i.Key == "spouseIdNumber").Value;
        var wife = SeedData.First(l => l.Type == LicenceCatalogue.MarriageCertificate && l.Holder.Key == spouseIdNumber);
        var household = SeedData.First(l => l.Type == LicenceCatalogue.HouseholdRegister);
        var data = await GraphQLRun.DataAsync(subgraph, """
            query ($husband: String!, $wife: String!, $household: String!) {
              husband: licence(number: $husband) { holder { ... on Person { idNumber } } holderName items { __typename ... on MarriageCertificateItems { registeredOn spouseName spouseIdNumber remarks } } }
              wife: licence(number: $wife) { holder { ... on Person { idNumber } } holderName issuedOn items { ... on MarriageCertificateItems { registeredOn spouseName spouseIdNumber } } }
              household: licence(number: $household) { items { __typename ... on HouseholdRegisterItems { memberCount } ... on MarriageCertificateItems { spouseName } } }
            }
            """, new { husband = husband.Number, wife = wife.Number, household = household.Number });

        // Each spouse's certificate names the other, with the same day of registration.
        var (his, hers) = (data["husband"]!, data["wife"]!);
        Assert.Equal("MarriageCertificateItems", his["items"]!["__typename"]!.GetValue<string>());
        Assert.Equal(hers["holder"]!["idNumber"]!.GetValue<string>(), his["items"]!["spouseIdNumber"]!.GetValue<string>());
        Assert.Equal(his["holder"]!["idNumber"]!.GetValue<string>(), hers["items"]!["spouseIdNumber"]!.GetValue<string>());
        Assert.Equal(hers["holderName"]!.GetValue<string>(), his["items"]!["spouseName"]!.GetValue<string>());
        Assert.Equal(hers["issuedOn"]!.GetValue<string>(), his["items"]!["registeredOn"]!.GetValue<string>());
        Assert.Equal(his["items"]!["registeredOn"]!.GetValue<string>(), hers["items"]!["registeredOn"]!.GetValue<string>());
        Assert.Null(his["items"]!["remarks"]);

        // A count is an Int; another type's fragment selects nothing.
        var items = data["household"]!["items"]!.AsObject();
        Assert.Equal(["__typename", "memberCount"], items.Select(m => m.Key));
        Assert.Equal(int.Parse(household.Items.Single(i => i.Key == "memberCount").Value, System.Globalization.CultureInfo.InvariantCulture), items["memberCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task The_seal_shows_a_digest_that_a_reader_of_the_fields_rebuilds_and_anyone_checks_against_the_signature()
    {
        var subgraph = await SharedAsync();
        foreach (var licence in SeedData.Licences.GroupBy(l => l.Type.Code).Select(g => g.First()))
        {
            var data = await GraphQLRun.DataAsync(subgraph, Expected.FullLicence + """
                query ($number: String!) { licence(number: $number) { ...Full } }
                """, new { number = licence.Number });
            var answered = data["licence"]!;
            SealChecks.AssertHolds(answered);

            // Any other item value gives another digest: the digest pins every item.
            var first = licence.Type.ItemDefinitions.First(d => d.Kind == LicenceItemKind.Text && answered["items"]![d.Key] is not null).Key;
            var altered = answered.DeepClone();
            altered["items"]![first] = answered["items"]![first]!.GetValue<string>() + "x";
            Assert.NotEqual(answered["seal"]!["contentDigest"]!.GetValue<string>(), SealChecks.RebuiltDigest(altered));
        }
    }

    [Fact]
    public async Task The_digest_confirms_the_items_only_with_the_salt_read_from_the_items()
    {
        var subgraph = await SharedAsync();
        foreach (var licence in SeedData.Licences.GroupBy(l => l.Type.Code).Select(g => g.First()))
        {
            var data = await GraphQLRun.DataAsync(subgraph, Expected.FullLicence + """
                query ($number: String!) { licence(number: $number) { ...Full } }
                """, new { number = licence.Number });
            var answered = data["licence"]!;
            var digest = answered["seal"]!["contentDigest"]!.GetValue<string>();
            var salt = answered["items"]!["sealSalt"]!.GetValue<string>();

            // The store keeps the salt the licence was sealed with: 128 random bits, base64.
            Assert.Equal(licence.Seal.Salt, salt);
            Assert.Equal(16, Convert.FromBase64String(salt).Length);
            Assert.Equal(digest, SealChecks.RebuiltDigest(answered, salt));

            // A caller refused the items who knows every item right still cannot confirm them: without the salt, or with another, the digest differs.
            Assert.NotEqual(digest, SealChecks.RebuiltDigest(answered, ""));
            Assert.NotEqual(digest, SealChecks.RebuiltDigest(answered, Convert.ToBase64String(new byte[16])));
            var other = SeedData.Licences.First(l => l.Number != licence.Number).Seal.Salt;
            Assert.NotEqual(digest, SealChecks.RebuiltDigest(answered, other));
        }
    }

    [Fact]
    public async Task Every_seeded_licence_keeps_a_salt_of_its_own()
    {
        var store = await SharedStoreAsync();
        var sample = SeedData.Licences.Take(200).ToList();
        var stored = await store.FindAsync([.. sample.Select(l => l.Number)], CancellationToken.None);
        Assert.Equal(sample.Select(l => l.Seal.Salt), sample.Select(l => stored[l.Number].Seal.Salt));
        Assert.Equal(sample.Count, sample.Select(l => l.Seal.Salt).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task A_number_the_library_does_not_hold_is_null()
    {
        var data = await GraphQLRun.DataAsync(await SharedAsync(), """{ licence(number: "NO-SUCH-LICENCE") { number } }""");
        Assert.Null(data["licence"]);
    }

    [Fact]
    public async Task Licences_by_numbers_answer_in_the_order_asked_with_null_for_unknown_numbers()
    {
        var a = SeedData.Licences[3].Number;
        var b = SeedData.Licences[^2].Number;
        var data = await GraphQLRun.DataAsync(await SharedAsync(), """
            query ($numbers: [String!]!) { licencesByNumbers(numbers: $numbers) { number holderName } }
            """, new { numbers = new[] { b, "UNKNOWN", a, b } });
        var answered = data["licencesByNumbers"]!.AsArray().Select(n => n?["number"]?.GetValue<string>()).ToList();
        Assert.Equal([b, null, a, b], answered);
    }

    [Fact]
    public async Task More_than_a_hundred_numbers_are_refused()
    {
        var response = await GraphQLRun.ExecuteAsync(await SharedAsync(), """
            query ($numbers: [String!]!) { licencesByNumbers(numbers: $numbers) { number } }
            """, new { numbers = Enumerable.Range(0, 101).Select(i => $"N{i}").ToArray() });
        Assert.Equal(["TOO_MANY_KEYS"], GraphQLRun.Codes(response));
    }

    [Fact]
    public async Task Aliased_licence_lookups_of_one_request_share_one_store_call()
    {
        var store = new CountingLicenceStore(await SharedStoreAsync());
        var data = await GraphQLRun.DataAsync(SubgraphOf(store), $$"""
            { a: licence(number: "{{SeedData.Licences[0].Number}}") { number }
              b: licence(number: "{{SeedData.Licences[1].Number}}") { number }
              c: licence(number: "unknown") { number } }
            """);
        Assert.Equal(SeedData.Licences[1].Number, data["b"]!["number"]!.GetValue<string>());
        Assert.Null(data["c"]);
        Assert.Equal(1, store.Finds);
    }

    [Fact]
    public async Task Licence_types_are_the_catalogue_in_code_order()
    {
        var data = await GraphQLRun.DataAsync(await SharedAsync(), "{ licenceTypes { code name holderKind itemDefinitions { key required } } }");
        var codes = data["licenceTypes"]!.AsArray().Select(t => t!["code"]!.GetValue<string>()).ToList();
        Assert.Equal(LicenceCatalogue.All.Select(t => t.Code).Order(StringComparer.Ordinal), codes);
        Assert.True(codes.Count >= 10);
        Assert.All(data["licenceTypes"]!.AsArray(), t => Assert.NotEmpty(t!["itemDefinitions"]!.AsArray()));
    }

    // ---- lists ------------------------------------------------------------------------------

    [Fact]
    public async Task Walking_every_page_gives_every_licence_once_newest_issue_first()
    {
        var subgraph = await SharedAsync();
        var seen = new List<string>();
        string? after = null;
        var pages = 0;
        while (true)
        {
            var data = await GraphQLRun.DataAsync(subgraph, """
                query ($after: String) { licences(first: 37, after: $after) { totalCount edges { cursor node { number } } pageInfo { hasNextPage hasPreviousPage endCursor } } }
                """, new { after });
            var connection = data["licences"]!;
            Assert.Equal(SeedData.Licences.Count, connection["totalCount"]!.GetValue<int>());
            Assert.Equal(after is not null, connection["pageInfo"]!["hasPreviousPage"]!.GetValue<bool>());
            seen.AddRange(connection["edges"]!.AsArray().Select(e => e!["node"]!["number"]!.GetValue<string>()));
            pages++;
            if (!connection["pageInfo"]!["hasNextPage"]!.GetValue<bool>())
            {
                break;
            }

            after = connection["pageInfo"]!["endCursor"]!.GetValue<string>();
        }

        Assert.Equal(SeedData.InListOrder(SeedData.Licences).Select(l => l.Number), seen);
        Assert.Equal((SeedData.Licences.Count + 36) / 37, pages);
    }

    [Theory]
    [InlineData("not-a-cursor")]
    [InlineData("djEfMjAyNS0xMy0wMR9Y")] // v1, "2025-13-01", "X": not a date
    [InlineData("djEfWA")] // v1 with one part
    public async Task A_cursor_the_list_did_not_hand_out_is_refused(string after)
    {
        var response = await GraphQLRun.ExecuteAsync(await SharedAsync(), """
            query ($after: String) { licences(first: 5, after: $after) { totalCount } }
            """, new { after });
        Assert.Equal(["INVALID_CURSOR"], GraphQLRun.Codes(response));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(101)]
    public async Task A_page_size_outside_0_to_100_is_refused(int first)
    {
        var response = await GraphQLRun.ExecuteAsync(await SharedAsync(), """
            query ($first: Int) { licences(first: $first) { totalCount } }
            """, new { first });
        Assert.Equal(["INVALID_PAGE_SIZE"], GraphQLRun.Codes(response));
    }

    [Theory]
    [InlineData("typeCodes")]
    [InlineData("statuses")]
    [InlineData("holderIdNumber")]
    [InlineData("holderCreditCode")]
    [InlineData("issuingAgency")]
    [InlineData("issuedOnOrAfter")]
    [InlineData("issuedOnOrBefore")]
    [InlineData("issuedRange")]
    [InlineData("validOn")]
    [InlineData("updatedSince")]
    [InlineData("combined")]
    public async Task Each_filter_condition_selects_exactly_the_matching_licences(string condition)
    {
        var (filter, matches) = FilterCase(condition);
        var expected = SeedData.InListOrder(SeedData.Licences.Where(matches)).Select(l => l.Number).ToList();
        Assert.NotEmpty(expected);
        Assert.NotEqual(SeedData.Licences.Count, expected.Count);

        var subgraph = await SharedAsync();
        var seen = new List<string>();
        string? after = null;
        do
        {
            var data = await GraphQLRun.DataAsync(subgraph, """
                query ($filter: LicenceFilter, $after: String) {
                  licences(filter: $filter, first: 25, after: $after) { totalCount edges { node { number } } pageInfo { hasNextPage endCursor } }
                }
                """, new { filter, after });
            var connection = data["licences"]!;
            Assert.Equal(expected.Count, connection["totalCount"]!.GetValue<int>());
            seen.AddRange(connection["edges"]!.AsArray().Select(e => e!["node"]!["number"]!.GetValue<string>()));
            after = connection["pageInfo"]!["hasNextPage"]!.GetValue<bool>() ? connection["pageInfo"]!["endCursor"]!.GetValue<string>() : null;
        }
        while (after is not null);

        Assert.Equal(expected, seen);
    }

    private static (object Filter, Func<Licence, bool> Matches) FilterCase(string condition)
    {
        var person = SeedData.Licences.Where(l => l.Holder.Kind == HolderKind.Person).GroupBy(l => l.Holder.Key).First(g => g.Count() >= 2).Key;
        var legalPerson = SeedData.Licences.Where(l => l.Holder.Kind == HolderKind.LegalPerson).GroupBy(l => l.Holder.Key).First(g => g.Count() >= 2).Key;
        var agency = SeedData.Licences.GroupBy(l => l.IssuingAgencyCode).OrderByDescending(g => g.Count()).Skip(1).First().Key;
        var middle = SeedData.InListOrder(SeedData.Licences)[SeedData.Licences.Count / 2].IssuedOn;
        var since = SeedData.InListOrder(SeedData.Licences.OrderByDescending(l => l.UpdatedAt))[SeedData.Licences.Count / 3].UpdatedAt;
        var validOn = new DateOnly(2022, 3, 1);
        return condition switch
        {
            "typeCodes" => (new { typeCodes = new[] { "YYZZ", "JHZ" } }, l => l.Type.Code is "YYZZ" or "JHZ"),
            "statuses" => (new { statuses = new[] { "EXPIRED", "SUSPENDED", "REVOKED", "CANCELLED" } }, l => l.Status != LicenceStatus.Valid),
            "holderIdNumber" => (new { holderIdNumber = person }, l => l.Holder.Kind == HolderKind.Person && l.Holder.Key == person),
            "holderCreditCode" => (new { holderCreditCode = legalPerson }, l => l.Holder.Kind == HolderKind.LegalPerson && l.Holder.Key == legalPerson),
            "issuingAgency" => (new { issuingAgency = agency }, l => l.IssuingAgencyCode == agency),
            "issuedOnOrAfter" => (new { issuedOnOrAfter = Expected.Date(middle) }, l => l.IssuedOn >= middle),
            "issuedOnOrBefore" => (new { issuedOnOrBefore = Expected.Date(middle) }, l => l.IssuedOn <= middle),
            "issuedRange" => (new { issuedOnOrAfter = "2018-01-01", issuedOnOrBefore = "2021-12-31" }, l => l.IssuedOn.Year is >= 2018 and <= 2021),
            "validOn" => (
                new { validOn = Expected.Date(validOn) },
                l => l.Status is LicenceStatus.Valid or LicenceStatus.Expired && l.ValidFrom <= validOn && (l.ValidUntil is null || l.ValidUntil >= validOn)),
            "updatedSince" => (new { updatedSince = Expected.Instant(since) }, l => l.UpdatedAt >= since),
            "combined" => (
                new { typeCodes = new[] { "JDCJSZ", "YYZZ", "JMHKB" }, statuses = new[] { "VALID" }, issuedOnOrAfter = "2015-01-01" },
                l => l.Type.Code is "JDCJSZ" or "YYZZ" or "JMHKB" && l.Status == LicenceStatus.Valid && l.IssuedOn.Year >= 2015),
            _ => throw new ArgumentOutOfRangeException(nameof(condition)),
        };
    }

    [Fact]
    public async Task An_unknown_type_code_in_a_filter_is_refused_with_the_catalogue()
    {
        var response = await GraphQLRun.ExecuteAsync(await SharedAsync(), """{ licences(filter: { typeCodes: ["NOPE"] }) { totalCount } }""");
        Assert.Equal(["INVALID_INPUT"], GraphQLRun.Codes(response));
        Assert.Contains("YYZZ", GraphQLRun.FirstMessage(response));
    }

    // ---- holders and entities -----------------------------------------------------------------

    [Fact]
    public async Task The_licences_of_a_batch_of_persons_come_from_one_store_call_each_newest_first()
    {
        var store = new CountingLicenceStore(await SharedStoreAsync());
        var holders = SeedData.Licences.Where(l => l.Holder.Kind == HolderKind.Person).Select(l => l.Holder.Key).Distinct().Take(60).ToList();
        holders.Add("330203199001010014"); // a valid number that holds nothing here
        var representations = holders.Select(h => new Dictionary<string, object> { ["__typename"] = "Person", ["idNumber"] = h }).ToArray();
        var data = await GraphQLRun.DataAsync(SubgraphOf(store), """
            query ($representations: [_Any!]!) {
              _entities(representations: $representations) { ... on Person { idNumber licences(first: 100) { totalCount edges { node { number holderName } } } } }
            }
            """, new { representations });

        Assert.Equal(1, store.HolderLists);
        var entities = data["_entities"]!.AsArray();
        Assert.Equal(holders.Count, entities.Count);
        for (var i = 0; i < holders.Count; i++)
        {
            var expected = SeedData.InListOrder(SeedData.Licences.Where(l => l.Holder == LicenceHolder.Person(holders[i]))).Select(l => l.Number).ToList();
            var connection = entities[i]!["licences"]!;
            Assert.Equal(expected.Count, connection["totalCount"]!.GetValue<int>());
            Assert.Equal(expected, connection["edges"]!.AsArray().Select(e => e!["node"]!["number"]!.GetValue<string>()));
        }
    }

    [Fact]
    public async Task A_legal_persons_licences_filter_by_status_and_type_and_page_by_cursor()
    {
        var subgraph = await SharedAsync();
        var holder = SeedData.Licences.Where(l => l.Holder.Kind == HolderKind.LegalPerson).GroupBy(l => l.Holder.Key).First(g => g.Count() >= 2);
        var expected = SeedData.InListOrder(holder).Select(l => l.Number).ToList();
        var seen = new List<string>();
        string? after = null;
        do
        {
            var data = await GraphQLRun.DataAsync(subgraph, """
                query ($representations: [_Any!]!, $after: String) {
                  _entities(representations: $representations) { ... on LegalPerson { licences(first: 1, after: $after) { totalCount edges { node { number } } pageInfo { hasNextPage endCursor } } } }
                }
                """, new { representations = new[] { new { __typename = "LegalPerson", creditCode = holder.Key } }, after });
            var connection = data["_entities"]![0]!["licences"]!;
            Assert.Equal(expected.Count, connection["totalCount"]!.GetValue<int>());
            seen.AddRange(connection["edges"]!.AsArray().Select(e => e!["node"]!["number"]!.GetValue<string>()));
            after = connection["pageInfo"]!["hasNextPage"]!.GetValue<bool>() ? connection["pageInfo"]!["endCursor"]!.GetValue<string>() : null;
        }
        while (after is not null);

        Assert.Equal(expected, seen);

        var type = holder.First().Type.Code;
        var filtered = await GraphQLRun.DataAsync(subgraph, """
            query ($representations: [_Any!]!, $types: [String!]) {
              _entities(representations: $representations) {
                ... on LegalPerson { valid: licences(statuses: [VALID]) { totalCount } ofType: licences(typeCodes: $types) { totalCount } }
              }
            }
            """, new { representations = new[] { new { __typename = "LegalPerson", creditCode = holder.Key } }, types = new[] { type } });
        Assert.Equal(holder.Count(l => l.Status == LicenceStatus.Valid), filtered["_entities"]![0]!["valid"]!["totalCount"]!.GetValue<int>());
        Assert.Equal(holder.Count(l => l.Type.Code == type), filtered["_entities"]![0]!["ofType"]!["totalCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task Licence_entities_resolve_in_one_store_call_with_null_for_unknown_numbers()
    {
        var store = new CountingLicenceStore(await SharedStoreAsync());
        var numbers = SeedData.Licences.Take(40).Select(l => l.Number).Append("UNKNOWN").ToList();
        var data = await GraphQLRun.DataAsync(SubgraphOf(store), Expected.FullLicence + """
            query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Licence { ...Full } } }
            """, new { representations = numbers.Select(n => new { __typename = "Licence", number = n }).ToArray() });
        Assert.Equal(1, store.Finds);
        var entities = data["_entities"]!.AsArray();
        for (var i = 0; i < 40; i++)
        {
            Expected.Json(Expected.Licence(SeedData.Licences[i]), entities[i]);
        }

        Assert.Null(entities[40]);
    }

    // ---- seals ----------------------------------------------------------------------------------

    [Fact]
    public async Task Every_seeded_licence_type_verifies()
    {
        var subgraph = await SharedAsync();
        foreach (var licence in SeedData.Licences.GroupBy(l => (l.Type.Code, l.Status)).Select(g => g.First()))
        {
            var data = await GraphQLRun.DataAsync(subgraph, """
                query ($number: String!) { verifyLicenceSeal(number: $number) { valid failure checkedAt licence { number } } }
                """, new { number = licence.Number });
            var verification = data["verifyLicenceSeal"]!;
            Assert.True(verification["valid"]!.GetValue<bool>(), verification["failure"]?.GetValue<string>());
            Assert.Null(verification["failure"]);
            Assert.Equal(Expected.Instant(SeedData.Now), verification["checkedAt"]!.GetValue<string>());
            Assert.Equal(licence.Number, verification["licence"]!["number"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task Verifying_an_unknown_number_says_so()
    {
        var data = await GraphQLRun.DataAsync(await SharedAsync(), """{ verifyLicenceSeal(number: "UNKNOWN") { valid failure licence { number } } }""");
        Assert.False(data["verifyLicenceSeal"]!["valid"]!.GetValue<bool>());
        Assert.Null(data["verifyLicenceSeal"]!["licence"]);
        Assert.Contains("UNKNOWN", data["verifyLicenceSeal"]!["failure"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_licence_changed_in_storage_behind_the_library_fails_verification_naming_what_changed()
    {
        var library = await OwnLibraryAsync();
        var licence = SeedData.First(l => l.Holder.Kind == HolderKind.Person);
        await TamperAsync(library, licence.Number, licence.HolderName + "某");

        var data = await GraphQLRun.DataAsync(SubgraphOf(library.Store), """
            query ($number: String!) { verifyLicenceSeal(number: $number) { valid failure licence { holderName } } }
            """, new { number = licence.Number });
        var verification = data["verifyLicenceSeal"]!;
        Assert.False(verification["valid"]!.GetValue<bool>());
        Assert.Equal("The licence's current content differs from the sealed content in: holder.", verification["failure"]!.GetValue<string>());
        Assert.Equal(licence.HolderName + "某", verification["licence"]!["holderName"]!.GetValue<string>());
        Assert.Empty(await library.Events());
    }

    // ---- corrections ------------------------------------------------------------------------------

    [Fact]
    public async Task A_correction_changes_only_the_given_fields_reseals_and_publishes_its_event()
    {
        var library = await OwnLibraryAsync();
        var licence = SeedData.First(l => l.Type == LicenceCatalogue.BusinessLicence && l.Status == LicenceStatus.Valid);
        var subgraph = SubgraphOf(library.Store);
        var data = await GraphQLRun.DataAsync(subgraph, Expected.FullLicence + """
            mutation ($input: CorrectLicenceInput!) { correctLicence(input: $input) { changedFields licence { ...Full } } }
            """, new
        {
            input = new
            {
                number = licence.Number,
                reason = "依异议更正住所",
                objectionId = "OBJ-2025-0001",
                holderName = licence.HolderName,
                items = new[] { new { key = "domicile", value = "浙江省宁波市海曙区中山西路1号" } },
            },
        });

        var payload = data["correctLicence"]!;
        Assert.Equal(["items", "seal", "updatedAt"], payload["changedFields"]!.AsArray().Select(f => f!.GetValue<string>()));
        var corrected = payload["licence"]!;

        // Sealing anew draws a new salt, which the store keeps; the old salt no longer rebuilds the digest.
        var salt = corrected["items"]!["sealSalt"]!.GetValue<string>();
        Assert.NotEqual(licence.Seal.Salt, salt);
        Assert.Equal(16, Convert.FromBase64String(salt).Length);
        Assert.Equal(salt, (await library.Store.FindAsync([licence.Number], CancellationToken.None))[licence.Number].Seal.Salt);
        Assert.NotEqual(corrected["seal"]!["contentDigest"]!.GetValue<string>(), SealChecks.RebuiltDigest(corrected, licence.Seal.Salt));

        var expectedItems = Expected.Items(licence);
        expectedItems["domicile"] = "浙江省宁波市海曙区中山西路1号";
        expectedItems["sealSalt"] = salt;
        Expected.Json(expectedItems, corrected["items"]);
        Assert.Equal(licence.HolderName, corrected["holderName"]!.GetValue<string>());
        Assert.Equal(Expected.Instant(SeedData.Now), corrected["updatedAt"]!.GetValue<string>());
        Assert.Equal(Expected.Instant(SeedData.Now), corrected["seal"]!["sealedAt"]!.GetValue<string>());
        Assert.NotEqual(Expected.Licence(licence)["seal"]!["contentDigest"]!.GetValue<string>(), corrected["seal"]!["contentDigest"]!.GetValue<string>());
        SealChecks.AssertHolds(corrected);

        var verified = await GraphQLRun.DataAsync(subgraph, """
            query ($number: String!) { verifyLicenceSeal(number: $number) { valid failure } }
            """, new { number = licence.Number });
        Assert.True(verified["verifyLicenceSeal"]!["valid"]!.GetValue<bool>(), verified["verifyLicenceSeal"]!["failure"]?.GetValue<string>());

        var change = Assert.Single(await library.Events());
        Assert.Equal(("licences", "Licence", licence.Number), (change.Subgraph, change.Type, change.Key));
        Assert.Equal(["items", "seal", "updatedAt"], change.ChangedFields);
        Assert.Equal("依异议更正住所 (objection OBJ-2025-0001)", change.Reason);
    }

    [Fact]
    public async Task Moving_the_last_valid_day_into_the_past_expires_the_licence_and_back_again()
    {
        var library = await OwnLibraryAsync();
        var licence = SeedData.First(l => l.Status == LicenceStatus.Valid && l.ValidUntil is not null);
        var subgraph = SubgraphOf(library.Store);
        const string Correct = """
            mutation ($input: CorrectLicenceInput!) { correctLicence(input: $input) { changedFields licence { status validUntil } } }
            """;

        var expired = await GraphQLRun.DataAsync(subgraph, Correct, new { input = new { number = licence.Number, reason = "登记错误", validUntil = "2025-06-01" } });
        Assert.Equal(["validUntil", "status", "items", "seal", "updatedAt"], expired["correctLicence"]!["changedFields"]!.AsArray().Select(f => f!.GetValue<string>()));
        Assert.Equal("EXPIRED", expired["correctLicence"]!["licence"]!["status"]!.GetValue<string>());

        var unlimited = await GraphQLRun.DataAsync(subgraph, Correct, new { input = new { number = licence.Number, reason = "登记错误", validUntil = (string?)null } });
        Assert.Equal("VALID", unlimited["correctLicence"]!["licence"]!["status"]!.GetValue<string>());
        Assert.Null(unlimited["correctLicence"]!["licence"]!["validUntil"]);
        Assert.Equal(2, (await library.Events()).Count);
    }

    [Fact]
    public async Task A_correction_that_changes_nothing_reports_no_fields_and_publishes_nothing()
    {
        var library = await OwnLibraryAsync();
        var licence = SeedData.Licences[7];
        var data = await GraphQLRun.DataAsync(SubgraphOf(library.Store), """
            mutation ($input: CorrectLicenceInput!) { correctLicence(input: $input) { changedFields licence { updatedAt } } }
            """, new { input = new { number = licence.Number, reason = "复核", holderName = licence.HolderName, issuedOn = Expected.Date(licence.IssuedOn) } });
        Assert.Empty(data["correctLicence"]!["changedFields"]!.AsArray());
        Assert.Equal(Expected.Instant(licence.UpdatedAt), data["correctLicence"]!["licence"]!["updatedAt"]!.GetValue<string>());
        Assert.Empty(await library.Events());
    }

    [Theory]
    [InlineData("unknown-number", "NOT_FOUND")]
    [InlineData("unknown-item", "INVALID_INPUT")]
    [InlineData("empty-required-item", "INVALID_INPUT")]
    [InlineData("date-item-not-a-date", "INVALID_INPUT")]
    [InlineData("until-before-from", "INVALID_INPUT")]
    [InlineData("issued-in-future", "INVALID_INPUT")]
    [InlineData("blank-reason", "INVALID_INPUT")]
    [InlineData("cleared-holder-name", "INVALID_INPUT")]
    [InlineData("cleared-issue-date", "INVALID_INPUT")]
    public async Task A_refused_correction_changes_nothing(string mistake, string code)
    {
        var library = await OwnLibraryAsync();
        var licence = SeedData.First(l => l.Type == LicenceCatalogue.DrivingLicence);
        var number = mistake == "unknown-number" ? "NO-SUCH-LICENCE" : licence.Number;
        var input = new Dictionary<string, object?> { ["number"] = number, ["reason"] = mistake == "blank-reason" ? "  " : "更正", ["holderName"] = "新名字" };
        switch (mistake)
        {
            case "unknown-item":
                input["items"] = new[] { new { key = "vehicleClass", value = "A1" }, new { key = "colour", value = "红" } };
                break;
            case "empty-required-item":
                input["items"] = new[] { new { key = "vehicleClass", value = "" } };
                break;
            case "date-item-not-a-date":
                input["items"] = new[] { new { key = "firstIssuedOn", value = "2010年5月1日" } };
                break;
            case "until-before-from":
                input["validUntil"] = Expected.Date(licence.ValidFrom.AddDays(-1));
                break;
            case "issued-in-future":
                input["issuedOn"] = "2030-01-01";
                break;
            case "cleared-holder-name":
                input["holderName"] = null;
                break;
            case "cleared-issue-date":
                input["issuedOn"] = null;
                break;
        }

        var subgraph = SubgraphOf(library.Store);
        var response = await GraphQLRun.ExecuteAsync(subgraph, """
            mutation ($input: CorrectLicenceInput!) { correctLicence(input: $input) { changedFields } }
            """, new { input });
        Assert.Equal([code], GraphQLRun.Codes(response));

        var after = await GraphQLRun.DataAsync(subgraph, Expected.FullLicence + """
            query ($number: String!) { licence(number: $number) { ...Full } }
            """, new { number = licence.Number });
        Expected.Json(Expected.Licence(licence), after["licence"]);
        Assert.Empty(await library.Events());
    }

    [Fact]
    public async Task Status_changes_follow_the_allowed_transitions_and_each_reseals()
    {
        var library = await OwnLibraryAsync();
        var licence = SeedData.First(l => l.Status == LicenceStatus.Valid && l.Type.HolderKind == HolderKind.LegalPerson && !(l.ValidUntil < DemoData.DemoWorld.ReferenceDate.AddMonths(6)));
        var subgraph = SubgraphOf(library.Store);
        async Task<JsonObject> Change(string status) => await GraphQLRun.ExecuteAsync(subgraph, """
            mutation ($input: ChangeLicenceStatusInput!) { changeLicenceStatus(input: $input) { changedFields licence { status seal { sealedAt } items { ...Items } } } }
            """ + "\n" + Expected.ItemsFragment, new { input = new { number = licence.Number, status, reason = "行政处罚决定书 甬市监罚〔2025〕1号" } });

        var suspended = await Change("SUSPENDED");
        Assert.Null(suspended["errors"]);
        Assert.Equal("SUSPENDED", suspended["data"]!["changeLicenceStatus"]!["licence"]!["status"]!.GetValue<string>());
        Assert.Equal(["status", "items", "seal", "updatedAt"], suspended["data"]!["changeLicenceStatus"]!["changedFields"]!.AsArray().Select(f => f!.GetValue<string>()));
        var suspendedSalt = suspended["data"]!["changeLicenceStatus"]!["licence"]!["items"]!["sealSalt"]!.GetValue<string>();
        Assert.NotEqual(licence.Seal.Salt, suspendedSalt);

        Assert.Equal(["INVALID_STATUS_TRANSITION"], GraphQLRun.Codes(await Change("SUSPENDED")));
        Assert.Equal(["INVALID_STATUS_TRANSITION"], GraphQLRun.Codes(await Change("EXPIRED")));
        var reinstated = await Change("VALID");
        Assert.Null(reinstated["errors"]);
        Assert.NotEqual(suspendedSalt, reinstated["data"]!["changeLicenceStatus"]!["licence"]!["items"]!["sealSalt"]!.GetValue<string>());
        Assert.Null((await Change("CANCELLED"))["errors"]);

        var reinstate = await Change("VALID");
        Assert.Equal(["INVALID_STATUS_TRANSITION"], GraphQLRun.Codes(reinstate));
        Assert.Contains("cancelled", GraphQLRun.FirstMessage(reinstate));

        var verified = await GraphQLRun.DataAsync(subgraph, """
            query ($number: String!) { verifyLicenceSeal(number: $number) { valid failure licence { status } } }
            """, new { number = licence.Number });
        Assert.True(verified["verifyLicenceSeal"]!["valid"]!.GetValue<bool>(), verified["verifyLicenceSeal"]!["failure"]?.GetValue<string>());
        Assert.Equal("CANCELLED", verified["verifyLicenceSeal"]!["licence"]!["status"]!.GetValue<string>());

        var events = await library.Events();
        Assert.Equal(3, events.Count);
        Assert.All(events, e => Assert.Equal((licence.Number, "Licence"), (e.Key, e.Type)));
    }

    [Fact]
    public async Task A_suspended_licence_is_not_valid_on_any_day_and_shows_so_in_the_validOn_filter()
    {
        var library = await OwnLibraryAsync();
        var licence = SeedData.First(l => l.Status == LicenceStatus.Valid && l.Type == LicenceCatalogue.BusinessLicence);
        var subgraph = SubgraphOf(library.Store);
        const string ValidOn = """
            query ($holder: CreditCode, $day: Date) { licences(filter: { holderCreditCode: $holder, validOn: $day, typeCodes: ["YYZZ"] }) { totalCount } }
            """;
        var variables = new { holder = licence.Holder.Key, day = Expected.Date(DemoData.DemoWorld.ReferenceDate) };
        Assert.Equal(1, (await GraphQLRun.DataAsync(subgraph, ValidOn, variables))["licences"]!["totalCount"]!.GetValue<int>());

        await GraphQLRun.DataAsync(subgraph, """
            mutation ($number: String!) { changeLicenceStatus(input: { number: $number, status: SUSPENDED, reason: "责令停业整顿" }) { changedFields } }
            """, new { number = licence.Number });
        Assert.Equal(0, (await GraphQLRun.DataAsync(subgraph, ValidOn, variables))["licences"]!["totalCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_status_change_of_an_unknown_licence_is_not_found()
    {
        var library = await OwnLibraryAsync();
        var response = await GraphQLRun.ExecuteAsync(SubgraphOf(library.Store), """
            mutation { changeLicenceStatus(input: { number: "NOPE", status: REVOKED, reason: "x" }) { changedFields } }
            """);
        Assert.Equal(["NOT_FOUND"], GraphQLRun.Codes(response));
        Assert.Empty(await library.Events());
    }
}

using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json.Nodes;
using Federation.Gateway.Authentication;
using Federation.Gateway.Tests.Authentication;

namespace Federation.Gateway.Tests.Security;

/// <summary>
/// The outside review's findings, replayed against the platform as it runs (real subgraphs, the
/// committed catalogue, Filter mode): each way a datum left around the fields, and each bad input
/// that answered 500, must now be closed — the datum absent from the answer, the refusal coded.
/// </summary>
public sealed class ReviewReplayTests(ReviewPlatform platform) : IClassFixture<ReviewPlatform>
{
    private static readonly string[] Denials = ["PURPOSE_REQUIRED", "AGENCY_NOT_PERMITTED", "PURPOSE_NOT_PERMITTED", "SHARE_GRANT_REQUIRED"];

    [Fact]
    public async Task A_marriage_certificate_gives_no_spouse_to_an_agency_refused_marital_status()
    {
        var certificate = await platform.PostAsync(
            """{ licences(filter: {typeCodes: ["JHZ"]}, first: 1) { edges { node { number items { ... on MarriageCertificateItems { spouseName spouseIdNumber } } } } } }""",
            ReviewPlatform.BigDataBureau, "DATA_VERIFICATION");
        var node = certificate.Data!["licences"]!["edges"]![0]!["node"]!;
        var (number, spouseName, spouseId) = ((string)node["number"]!, (string)node["items"]!["spouseName"]!, (string)node["items"]!["spouseIdNumber"]!);

        var answer = await platform.PostAsync(
            $$"""{ licence(number: "{{number}}") { number items { __typename ... on MarriageCertificateItems { spouseName spouseIdNumber registeredOn } } } }""",
            ReviewPlatform.MarketRegulation, "DATA_VERIFICATION");

        Assert.Equal(200, answer.Status);
        Assert.DoesNotContain(spouseName, answer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(spouseId, answer.Text, StringComparison.Ordinal);
        Assert.True(answer.Data!["licence"] is null || answer.Codes.Any(c => Denials.Contains(c)), answer.Text);
    }

    [Fact]
    public async Task The_seal_salt_is_refused_with_the_items_it_protects_so_the_open_digest_confirms_no_guess()
    {
        var listed = await platform.PostAsync(
            """{ licences(filter: {typeCodes: ["JDCJSZ"]}, first: 1) { edges { node { number } } } }""",
            ReviewPlatform.BigDataBureau, "DATA_VERIFICATION");
        var number = (string)listed.Data!["licences"]!["edges"]![0]!["node"]!["number"]!;

        var answer = await platform.PostAsync(
            $$"""
            {
              sealed: licence(number: "{{number}}") { seal { contentDigest } }
              own: licence(number: "{{number}}") { items { ... on DrivingLicenceItems { vehicleClass } } }
              salted: licence(number: "{{number}}") { items { ... on DrivingLicenceItems { sealSalt } } }
            }
            """,
            ReviewPlatform.MarketRegulation, "DATA_VERIFICATION");

        // The digest is open and the licence's own entries are read, but not the salt: it is refused with the address it would let be guessed.
        Assert.Equal(200, answer.Status);
        Assert.False(string.IsNullOrEmpty((string?)answer.Data?["sealed"]?["seal"]?["contentDigest"]), answer.Text);
        Assert.False(string.IsNullOrEmpty((string?)answer.Data?["own"]?["items"]?["vehicleClass"]), answer.Text);
        Assert.Null(answer.Data!["salted"]);
        var refusal = Assert.Single(answer.Body["errors"]!.AsArray());
        Assert.Equal("""["salted","items","sealSalt"]""", refusal!["path"]!.ToJsonString());
        Assert.Equal("licences.driving-licence-address", (string?)refusal["extensions"]!["resource"]);
        Assert.Contains((string)refusal["extensions"]!["code"]!, Denials);
    }

    [Fact]
    public async Task The_seal_carries_no_copy_of_the_licence()
    {
        var answer = await platform.PostAsync("""{ licenceTypes { code } licence(number: "X") { seal { canonicalContent } } }""", ReviewPlatform.MarketRegulation, purpose: null);

        Assert.Equal(400, answer.Status);
        Assert.Equal(["GRAPHQL_VALIDATION_FAILED"], answer.Codes);
    }

    [Theory]
    [InlineData("""{ persons(filter: {maritalStatus: DIVORCED}, first: 5) { totalCount edges { node { idNumber } } } }""", "market", "DATA_VERIFICATION", "persons")]
    [InlineData("""{ legalPersons(filter: {industryCode: "C"}, first: 5) { totalCount edges { node { creditCode } } } }""", "police", null, "legalPersons")]
    [InlineData("""{ parcels(filter: {holderIdNumber: "330203199001011234"}, first: 5) { totalCount edges { node { unitCode } } } }""", "market", "ADMINISTRATIVE_BASIS", "parcels")]
    [InlineData("""{ legalPersons(filter: {legalRepresentative: "330203199001011234"}, first: 5) { totalCount edges { node { creditCode } } } }""", "police", "ADMINISTRATIVE_BASIS", "legalPersons")]
    public async Task A_filter_on_a_conditional_attribute_needs_the_right_to_read_it(string query, string who, string? purpose, string field)
    {
        var caller = who == "market" ? ReviewPlatform.MarketRegulation : ReviewPlatform.PublicSecurity;

        var answer = await platform.PostAsync(query, caller, purpose);

        Assert.Equal(200, answer.Status);
        Assert.Null(answer.Data?[field]);
        Assert.Contains(answer.Codes, c => Denials.Contains(c));
    }

    [Fact]
    public async Task A_filter_given_through_a_variable_is_decided_like_a_literal()
    {
        var answer = await platform.PostAsync(
            """query($f: PersonFilter) { persons(filter: $f, first: 5) { totalCount } }""",
            ReviewPlatform.MarketRegulation, "DATA_VERIFICATION", new JsonObject { ["f"] = new JsonObject { ["maritalStatus"] = "DIVORCED" } });

        Assert.Null(answer.Data?["persons"]);
        Assert.Contains(answer.Codes, c => Denials.Contains(c));
    }

    [Fact]
    public async Task A_cursor_carries_nothing_readable_and_a_forged_one_is_refused_with_a_code()
    {
        var page = await platform.PostAsync("""{ legalPersons(first: 1) { edges { cursor node { creditCode name } } } }""", ReviewPlatform.PublicSecurity, "DATA_VERIFICATION");
        var edge = page.Data!["legalPersons"]!["edges"]![0]!;
        var cursor = (string)edge["cursor"]!;
        var decoded = Encoding.Latin1.GetString(Base64Url.DecodeFromChars(cursor));
        var forged = Base64Url.EncodeToString(Encoding.UTF8.GetBytes("v1\u001f" + (string)edge["node"]!["creditCode"]!));

        var next = await platform.PostAsync($$"""{ legalPersons(first: 1, after: "{{forged}}") { edges { node { creditCode } } } }""", ReviewPlatform.PublicSecurity, "DATA_VERIFICATION");

        Assert.DoesNotContain((string)edge["node"]!["creditCode"]!, decoded, StringComparison.Ordinal);
        Assert.Equal(200, next.Status);
        Assert.Contains("INVALID_CURSOR", next.Codes);
    }

    [Fact]
    public async Task A_district_token_claiming_the_citys_division_is_refused()
    {
        var claims = TestTokens.ClaimsOf(ReviewPlatform.HaishuMarketRegulation);
        claims["division"] = "330200";

        var answer = await platform.SendAsync("""{"query":"{ licenceTypes { code } }"}""", platform.Tokens.With(claims), "DATA_VERIFICATION");

        Assert.Equal(403, answer.Status);
        Assert.Equal([AuthenticationErrorCodes.DivisionMismatch], answer.Codes);
    }

    [Fact]
    public async Task The_competent_departments_role_is_honoured_only_for_the_competent_department()
    {
        var pretender = ReviewPlatform.MarketRegulation with { Roles = new HashSet<string> { PlatformRoles.CompetentDepartment } };

        var answer = await platform.PostAsync("""{ overdueShareApplications { daysOverdue } }""", pretender, purpose: null);

        Assert.Equal(403, answer.Status);
        Assert.Equal([AuthenticationErrorCodes.RoleNotAllowed], answer.Codes);
    }

    [Fact]
    public async Task Fragments_that_each_spread_the_next_twice_are_answered_at_once()
    {
        var query = new StringBuilder("{ ...F0 }");
        for (var i = 0; i < 30; i++)
        {
            query.Append($" fragment F{i} on Query {{ licenceTypes {{ code }} ...F{i + 1} ...F{i + 1} }}");
        }

        query.Append(" fragment F30 on Query { __typename }");
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(50));

        var answer = await platform.PostAsync(query.ToString(), ReviewPlatform.MarketRegulation, purpose: null);

        Assert.False(limit.IsCancellationRequested);
        Assert.True(answer.Status < 500, answer.Text);
        Assert.All(answer.Codes, Assert.NotNull);
    }

    [Theory]
    [InlineData("""{"query":"{ licenceTypes { code name(x: \"\ud800\") } }"}""")]
    [InlineData("""{"query":"{ licenceTypes { code } }","variables":{"a":"\udfff"}}""")]
    [InlineData("""{"query":"{ licenceTypes { code } }","extensions":{"\ud800":1}}""")]
    public async Task A_lone_surrogate_anywhere_in_the_body_is_a_400_with_a_code(string body)
    {
        var answer = await platform.SendAsync(body, platform.Tokens.For(ReviewPlatform.MarketRegulation), purpose: null);

        Assert.Equal(400, answer.Status);
        Assert.Equal(["INVALID_UNICODE"], answer.Codes);
    }

    [Fact]
    public async Task Invalid_UTF_8_in_the_body_is_a_400_with_a_code()
    {
        byte[] body = [.. Encoding.UTF8.GetBytes("""{"query":"{ licenceTypes { code } }","operationName":" """), 0xC3, 0x28, .. Encoding.UTF8.GetBytes("\"}")];

        var answer = await platform.SendAsync(body, platform.Tokens.For(ReviewPlatform.MarketRegulation), purpose: null);

        Assert.Equal(400, answer.Status);
        Assert.Equal(["INVALID_UNICODE"], answer.Codes);
    }

    [Theory]
    [InlineData("eyJhbGciOiJSU0EtT0FFUCIsImVuYyI6IkEyNTZHQ00ifQ.a.b.c.d")]
    [InlineData("a.b.c.d.e")]
    [InlineData("....")]
    public async Task A_token_of_five_parts_is_refused_with_401(string token)
    {
        var answer = await platform.SendAsync("""{"query":"{ licenceTypes { code } }"}""", token, purpose: null);

        Assert.Equal(401, answer.Status);
        Assert.Equal([AuthenticationErrorCodes.TokenInvalid], answer.Codes);
    }

    [Fact]
    public async Task An_alias_named_typename_on_another_field_is_refused_with_a_code()
    {
        var answer = await platform.PostAsync("""{ licenceTypes { __typename: name code } }""", ReviewPlatform.MarketRegulation, purpose: null);

        Assert.Equal(400, answer.Status);
        Assert.Equal(["GRAPHQL_VALIDATION_FAILED"], answer.Codes);
    }

    [Fact]
    public async Task A_variable_of_the_wrong_type_is_refused_with_a_code()
    {
        var answer = await platform.PostAsync(
            """query($n: String!) { licence(number: $n) { number } }""", ReviewPlatform.MarketRegulation, purpose: null, new JsonObject { ["n"] = new JsonArray(1, 2) });

        Assert.Equal(400, answer.Status);
        Assert.Equal(["INVALID_VARIABLES"], answer.Codes);
    }

    [Fact]
    public async Task A_justification_over_its_bound_is_refused_before_anything_is_stored()
    {
        var now = DateTimeOffset.UtcNow;
        var variables = new JsonObject
        {
            ["input"] = new JsonObject
            {
                ["resourceId"] = "population.marital-status",
                ["purposes"] = new JsonArray("DATA_VERIFICATION"),
                ["justification"] = new string('理', 2_001),
                ["validFrom"] = now.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'"),
                ["validUntil"] = now.AddDays(30).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'"),
            },
        };
        var civilAffairs = new Caller("zhao.lei", "113302004296296290", "330200", new HashSet<string> { PlatformRoles.Applicant });

        var answer = await platform.PostAsync(ApplyForShare, civilAffairs, purpose: null, variables);

        Assert.True(answer.Status < 500, answer.Text);
        Assert.Null(answer.Data?["applyForShare"]);
        Assert.Contains("JUSTIFICATION_INVALID", answer.Codes);
    }

    [Fact]
    public async Task A_NUL_byte_in_a_text_filter_is_refused_with_a_code_and_no_database_text()
    {
        var answer = await platform.PostAsync(
            """query($n: String) { legalPersons(filter: {nameContains: $n}, first: 1) { totalCount } }""",
            ReviewPlatform.PublicSecurity, "DATA_VERIFICATION", new JsonObject { ["n"] = "宁波\u0000" });

        Assert.True(answer.Status < 500, answer.Text);
        Assert.Contains("INVALID_TEXT", answer.Codes);
        Assert.DoesNotContain("Npgsql", answer.Text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("0x00", answer.Text, StringComparison.Ordinal);
    }

    [StringSyntax("graphql")]
    private const string ApplyForShare = """mutation($input: ApplyForShareInput!) { applyForShare(input: $input) { id } }""";
}

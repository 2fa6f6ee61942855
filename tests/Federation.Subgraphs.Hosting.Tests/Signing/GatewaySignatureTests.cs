using System.Text;
using Federation.Protocol.Signing;
using Federation.Subgraphs.Hosting.Tests.Federation;

namespace Federation.Subgraphs.Hosting.Tests.Signing;

public sealed class GatewaySignatureTests
{
    private static readonly GatewayCaller Caller = new("tax-agency", "tax-assessment", "case-17");

    private static GatewaySignature Gateway(TimeSpan offset = default, string secret = SubgraphServer.Secret) =>
        new(secret, new ManualClock(SubgraphServer.Now + offset));

    private static string Refusal(string code, string message) =>
        $$"""{ "errors": [ { "message": "{{message}}", "extensions": { "code": "{{code}}" } } ] }""";

    [Fact]
    public async Task A_signed_request_runs_and_its_resolvers_see_the_verified_caller()
    {
        await using var server = await SubgraphServer.StartAsync();
        var request = SubgraphServer.WhoAmI();
        await Gateway().SignAsync(request, Caller, TestContext.Current.CancellationToken);

        var (status, body) = await server.SendAsync(request);

        Assert.Equal(200, status);
        SubgraphHarness.AssertJson("""{ "data": { "whoami": "tax-agency/tax-assessment/case-17" } }""", body);
    }

    [Fact]
    public async Task An_unsigned_request_is_refused()
    {
        await using var server = await SubgraphServer.StartAsync();

        var (status, body) = await server.SendAsync(SubgraphServer.WhoAmI());

        Assert.Equal(401, status);
        SubgraphHarness.AssertJson(Refusal("SIGNATURE_MISSING", "The request carries no gateway signature."), body);
    }

    [Fact]
    public async Task A_request_signed_with_another_secret_is_refused()
    {
        await using var server = await SubgraphServer.StartAsync();
        var request = SubgraphServer.WhoAmI();
        await Gateway(secret: "another-secret-that-is-long-enough-for-hmac-sha256").SignAsync(request, Caller, TestContext.Current.CancellationToken);

        var (status, body) = await server.SendAsync(request);

        Assert.Equal(401, status);
        SubgraphHarness.AssertJson(Refusal("SIGNATURE_INVALID", "The gateway signature does not match the request."), body);
    }

    public static TheoryData<string> Tamperings() => ["body", "purpose", "agency", "matter", "division", "path", "method", "signature", "nonce"];

    [Theory]
    [MemberData(nameof(Tamperings))]
    public async Task A_request_changed_after_signing_is_refused(string part)
    {
        await using var server = await SubgraphServer.StartAsync();
        var request = SubgraphServer.WhoAmI(part == "path" ? "/graphql?trace=1" : "/graphql");
        await Gateway().SignAsync(request, Caller, TestContext.Current.CancellationToken);
        switch (part)
        {
            case "body":
                request.Content = new StringContent("""{"query":"{ whoami  }"}""", Encoding.UTF8, "application/json");
                break;
            case "path":
                request.RequestUri = new Uri("/graphql?trace=2", UriKind.Relative);
                break;
            case "nonce":
                Set(request, GatewaySignatureHeaders.Nonce, new string('a', 32));
                break;
            case "method":
                request.Method = HttpMethod.Put;
                break;
            case "signature":
                var signature = request.Headers.GetValues(GatewaySignatureHeaders.Signature).Single();
                Set(request, GatewaySignatureHeaders.Signature, signature[..^1] + (signature[^1] == '0' ? '1' : '0'));
                break;
            case "division":
                Set(request, GatewaySignatureHeaders.CallerDivision, "330212");
                break;
            default:
                Set(request, "X-Caller-" + char.ToUpperInvariant(part[0]) + part[1..], "someone-else");
                break;
        }

        var (status, body) = await server.SendAsync(request);

        Assert.Equal(401, status);
        SubgraphHarness.AssertJson(Refusal("SIGNATURE_INVALID", "The gateway signature does not match the request."), body);
    }

    [Fact]
    public async Task The_trace_context_of_the_signing_span_is_sent_signed_and_the_subgraph_continues_it()
    {
        await using var server = await SubgraphServer.StartAsync();
        using var span = new System.Diagnostics.Activity("gateway.fetch population").SetIdFormat(System.Diagnostics.ActivityIdFormat.W3C).Start();
        var request = SubgraphServer.WhoAmI();
        await Gateway().SignAsync(request, Caller, TestContext.Current.CancellationToken);
        span.Stop();

        var (status, _) = await server.SendAsync(request);

        Assert.Equal(200, status);
        Assert.Equal(span.Id, request.Headers.GetValues(GatewaySignatureHeaders.TraceParent).Single());
    }

    public static TheoryData<string> TraceTamperings() => ["changed", "added", "removed"];

    [Theory]
    [MemberData(nameof(TraceTamperings))]
    public async Task A_trace_context_changed_added_or_removed_after_signing_is_refused(string tampering)
    {
        await using var server = await SubgraphServer.StartAsync();
        var request = SubgraphServer.WhoAmI();
        var traced = tampering != "added";
        using (var span = traced ? new System.Diagnostics.Activity("gateway.fetch").SetIdFormat(System.Diagnostics.ActivityIdFormat.W3C).Start() : null)
        {
            await Gateway().SignAsync(request, Caller, TestContext.Current.CancellationToken);
        }

        // Someone on the way grafts the request onto a trace of its choosing, or detaches it from the gateway's.
        var other = "00-" + new string('a', 32) + "-" + new string('b', 16) + "-01";
        switch (tampering)
        {
            case "removed":
                request.Headers.Remove(GatewaySignatureHeaders.TraceParent);
                break;
            default:
                Set(request, GatewaySignatureHeaders.TraceParent, other);
                break;
        }

        var (status, body) = await server.SendAsync(request);

        Assert.Equal(401, status);
        SubgraphHarness.AssertJson(Refusal("SIGNATURE_INVALID", "The gateway signature does not match the request."), body);
    }

    [Fact]
    public async Task The_callers_division_is_signed_and_resolvers_see_it()
    {
        await using var server = await SubgraphServer.StartAsync();
        var request = SubgraphServer.Query("{ division }");
        await Gateway().SignAsync(request, Caller with { Division = "330203" }, TestContext.Current.CancellationToken);

        var (status, body) = await server.SendAsync(request);

        Assert.Equal(200, status);
        Assert.Equal("330203", request.Headers.GetValues(GatewaySignatureHeaders.CallerDivision).Single());
        SubgraphHarness.AssertJson("""{ "data": { "division": "330203" } }""", body);
    }

    [Fact]
    public async Task A_division_removed_after_signing_is_refused()
    {
        // Without the header the subgraph would answer every division's rows: dropping it must break the signature.
        await using var server = await SubgraphServer.StartAsync();
        var request = SubgraphServer.Query("{ division }");
        await Gateway().SignAsync(request, Caller with { Division = "330203" }, TestContext.Current.CancellationToken);
        request.Headers.Remove(GatewaySignatureHeaders.CallerDivision);

        var (status, body) = await server.SendAsync(request);

        Assert.Equal(401, status);
        SubgraphHarness.AssertJson(Refusal("SIGNATURE_INVALID", "The gateway signature does not match the request."), body);
    }

    [Fact]
    public async Task A_division_widened_after_signing_is_refused()
    {
        await using var server = await SubgraphServer.StartAsync();
        var request = SubgraphServer.Query("{ division }");
        await Gateway().SignAsync(request, Caller with { Division = "330203" }, TestContext.Current.CancellationToken);
        Set(request, GatewaySignatureHeaders.CallerDivision, "330200");

        var (status, body) = await server.SendAsync(request);

        Assert.Equal(401, status);
        SubgraphHarness.AssertJson(Refusal("SIGNATURE_INVALID", "The gateway signature does not match the request."), body);
    }

    [Theory]
    [InlineData("3302")]
    [InlineData("990203")]
    public async Task A_division_that_is_not_a_division_code_is_refused_even_when_signed(string division)
    {
        await using var server = await SubgraphServer.StartAsync();
        var request = SubgraphServer.Query("{ division }");
        await Gateway().SignAsync(request, Caller with { Division = division }, TestContext.Current.CancellationToken);

        var (status, body) = await server.SendAsync(request);

        Assert.Equal(401, status);
        SubgraphHarness.AssertJson(Refusal("CALLER_DIVISION_INVALID", "The caller's division is not a GB/T 2260 division code."), body);
    }

    [Fact]
    public async Task With_signatures_off_a_division_that_cannot_be_applied_is_refused_not_ignored()
    {
        await using var server = await SubgraphServer.StartAsync(options => options.RequireGatewaySignature = false);
        var request = SubgraphServer.Query("{ division }");
        Set(request, GatewaySignatureHeaders.CallerAgency, "tax-agency");
        Set(request, GatewaySignatureHeaders.CallerPurpose, "tax-assessment");
        Set(request, GatewaySignatureHeaders.CallerDivision, "33");

        var (status, body) = await server.SendAsync(request);

        Assert.Equal(401, status);
        SubgraphHarness.AssertJson(Refusal("CALLER_DIVISION_INVALID", "The caller's division is not a GB/T 2260 division code."), body);
    }

    [Theory]
    [InlineData(GatewaySignatureHeaders.CallerAgency)]
    [InlineData(GatewaySignatureHeaders.CallerPurpose)]
    public async Task A_request_without_agency_or_purpose_is_refused(string header)
    {
        await using var server = await SubgraphServer.StartAsync();
        var request = SubgraphServer.WhoAmI();
        await Gateway().SignAsync(request, Caller, TestContext.Current.CancellationToken);
        request.Headers.Remove(header);

        var (status, body) = await server.SendAsync(request);

        Assert.Equal(401, status);
        SubgraphHarness.AssertJson(Refusal("CALLER_MISSING", "The request names no calling agency and purpose."), body);
    }

    [Theory]
    [InlineData(-61, "SIGNATURE_EXPIRED", "The gateway signature has expired.")]
    [InlineData(-3600, "SIGNATURE_EXPIRED", "The gateway signature has expired.")]
    [InlineData(30, "SIGNATURE_EXPIRED", "The gateway signature's timestamp lies in the future.")]
    [InlineData(-60, null, null)]
    [InlineData(5, null, null)]
    public async Task A_signature_is_accepted_only_within_the_window(int offsetSeconds, string? code, string? message)
    {
        await using var server = await SubgraphServer.StartAsync();
        var request = SubgraphServer.WhoAmI();
        await Gateway(TimeSpan.FromSeconds(offsetSeconds)).SignAsync(request, Caller, TestContext.Current.CancellationToken);

        var (status, body) = await server.SendAsync(request);

        if (code is null)
        {
            Assert.Equal(200, status);
        }
        else
        {
            Assert.Equal(401, status);
            SubgraphHarness.AssertJson(Refusal(code, message!), body);
        }
    }

    [Fact]
    public async Task A_replayed_request_is_refused()
    {
        await using var server = await SubgraphServer.StartAsync();
        var original = SubgraphServer.WhoAmI();
        await Gateway().SignAsync(original, Caller, TestContext.Current.CancellationToken);
        var replay = SubgraphServer.WhoAmI();
        foreach (var header in original.Headers)
        {
            replay.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        var (firstStatus, _) = await server.SendAsync(original);
        var (status, body) = await server.SendAsync(replay);

        Assert.Equal(200, firstStatus);
        Assert.Equal(401, status);
        SubgraphHarness.AssertJson(Refusal("SIGNATURE_REPLAYED", "The gateway signature was already used."), body);
    }

    [Fact]
    public async Task Two_identical_requests_signed_in_the_same_second_are_both_accepted()
    {
        await using var server = await SubgraphServer.StartAsync();
        var first = SubgraphServer.WhoAmI();
        var second = SubgraphServer.WhoAmI();
        await Gateway().SignAsync(first, Caller, TestContext.Current.CancellationToken);
        await Gateway().SignAsync(second, Caller, TestContext.Current.CancellationToken);

        Assert.NotEqual(first.Headers.GetValues(GatewaySignatureHeaders.Nonce).Single(), second.Headers.GetValues(GatewaySignatureHeaders.Nonce).Single());
        Assert.Equal(200, (await server.SendAsync(first)).Status);
        Assert.Equal(200, (await server.SendAsync(second)).Status);
    }

    [Theory]
    [InlineData(null, "SIGNATURE_MISSING", "The request carries no gateway signature.")]
    [InlineData("short", "SIGNATURE_INVALID", "The gateway signature's nonce is not 16 to 128 characters of A-Z, a-z, 0-9, '-' and '_'.")]
    [InlineData("has spaces in it, sixteen+", "SIGNATURE_INVALID", "The gateway signature's nonce is not 16 to 128 characters of A-Z, a-z, 0-9, '-' and '_'.")]
    public async Task A_request_without_a_well_formed_nonce_is_refused(string? nonce, string code, string message)
    {
        await using var server = await SubgraphServer.StartAsync();
        var request = SubgraphServer.WhoAmI();
        await Gateway().SignAsync(request, Caller, TestContext.Current.CancellationToken);
        request.Headers.Remove(GatewaySignatureHeaders.Nonce);
        if (nonce is not null)
        {
            request.Headers.TryAddWithoutValidation(GatewaySignatureHeaders.Nonce, nonce);
        }

        var (status, body) = await server.SendAsync(request);

        Assert.Equal(401, status);
        SubgraphHarness.AssertJson(Refusal(code, message), body);
    }

    [Fact]
    public async Task A_replay_with_the_signature_upper_cased_is_still_a_replay()
    {
        await using var server = await SubgraphServer.StartAsync();
        var original = SubgraphServer.WhoAmI();
        await Gateway().SignAsync(original, Caller, TestContext.Current.CancellationToken);
        var replay = SubgraphServer.WhoAmI();
        foreach (var header in original.Headers)
        {
            replay.Headers.TryAddWithoutValidation(header.Key, header.Key == GatewaySignatureHeaders.Signature ? "v4=" + header.Value.Single()[3..].ToUpperInvariant() : header.Value.Single());
        }

        Assert.Equal(200, (await server.SendAsync(original)).Status);
        var (status, body) = await server.SendAsync(replay);

        Assert.Equal(401, status);
        SubgraphHarness.AssertJson(Refusal("SIGNATURE_REPLAYED", "The gateway signature was already used."), body);
    }

    [Fact]
    public async Task A_full_replay_memory_refuses_rather_than_forgets()
    {
        await using var server = await SubgraphServer.StartAsync(options => options.ReplayMemory = 1);
        var first = SubgraphServer.WhoAmI();
        await Gateway().SignAsync(first, Caller, TestContext.Current.CancellationToken);
        var second = SubgraphServer.WhoAmI();
        await Gateway(TimeSpan.FromSeconds(1)).SignAsync(second, Caller, TestContext.Current.CancellationToken);

        Assert.Equal(200, (await server.SendAsync(first)).Status);
        var (status, body) = await server.SendAsync(second);

        Assert.Equal(503, status);
        SubgraphHarness.AssertJson(Refusal("REPLAY_MEMORY_FULL", "The subgraph cannot take more signed requests now."), body);
    }

    [Fact]
    public async Task Only_the_explicit_development_option_lets_unsigned_requests_through()
    {
        await using var server = await SubgraphServer.StartAsync(options => options.RequireGatewaySignature = false);
        var request = SubgraphServer.WhoAmI();
        request.Headers.Add(GatewaySignatureHeaders.CallerAgency, "dev");
        request.Headers.Add(GatewaySignatureHeaders.CallerPurpose, "testing");

        var (status, body) = await server.SendAsync(request);

        Assert.Equal(200, status);
        SubgraphHarness.AssertJson("""{ "data": { "whoami": "dev/testing/-" } }""", body);
    }

    [Fact]
    public async Task Requiring_signatures_without_a_secret_fails_at_startup()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => SubgraphServer.StartAsync(options => options.Secret = null));

        Assert.Contains("GatewaySignature:Secret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_short_secret_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new GatewaySignature("short"));
    }

    private static void Set(HttpRequestMessage request, string header, string value)
    {
        request.Headers.Remove(header);
        request.Headers.TryAddWithoutValidation(header, value);
    }
}

public sealed class GatewaySignatureHostingTests
{
    [Fact]
    public async Task The_gateways_signing_handler_signs_for_the_caller_of_each_request()
    {
        await using var server = await SubgraphServer.StartAsync(options => options.Clock = TimeProvider.System);
        using var client = new HttpClient(new GatewaySigningHandler(new GatewaySignature(SubgraphServer.Secret)) { InnerHandler = new HttpClientHandler() })
        {
            BaseAddress = server.Client.BaseAddress,
        };
        var request = SubgraphServer.WhoAmI("/graphql?from=gateway");
        request.Options.Set(GatewaySigningHandler.CallerOption, new GatewayCaller("police", "licence-check"));

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(200, (int)response.StatusCode);
        SubgraphHarness.AssertJson(
            """{ "data": { "whoami": "police/licence-check/-" } }""",
            await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Entity_resolvers_behind_map_subgraph_see_the_signed_caller()
    {
        await using var server = await SubgraphServer.StartAsync();
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(
                """{"query":"query($r:[_Any!]!){ _entities(representations:$r){ ... on Holder { id seenBy } } }","variables":{"r":[{"__typename":"Holder","id":"h1"}]}}""",
                System.Text.Encoding.UTF8,
                "application/json"),
        };
        await new GatewaySignature(SubgraphServer.Secret, new ManualClock(SubgraphServer.Now))
            .SignAsync(request, new("customs", "import-control"), TestContext.Current.CancellationToken);

        var (status, body) = await server.SendAsync(request);

        Assert.Equal(200, status);
        SubgraphHarness.AssertJson("""{ "data": { "_entities": [ { "id": "h1", "seenBy": "customs" } ] } }""", body);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_refused_before_it_is_hashed_whole()
    {
        await using var server = await SubgraphServer.StartAsync(options => options.MaxBodyBytes = 16);
        var request = SubgraphServer.WhoAmI();
        await new GatewaySignature(SubgraphServer.Secret, new ManualClock(SubgraphServer.Now)).SignAsync(request, new("a", "b"), TestContext.Current.CancellationToken);

        var (status, body) = await server.SendAsync(request);

        Assert.Equal(413, status);
        Assert.Contains("BODY_TOO_LARGE", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_longer_than_one_read_is_hashed_whole()
    {
        // 40 000 bytes of padding: the check reads the body in 16 KiB pieces into a pooled buffer.
        await using var server = await SubgraphServer.StartAsync();
        var padded = """{"query":"{ whoami }","extensions":{"padding":"PADDING"}}""".Replace("PADDING", new string('x', 40_000), StringComparison.Ordinal);
        var signer = new GatewaySignature(SubgraphServer.Secret, new ManualClock(SubgraphServer.Now));
        var intact = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(padded, Encoding.UTF8, "application/json") };
        await signer.SignAsync(intact, new("a", "b"), TestContext.Current.CancellationToken);
        var changedLate = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(padded, Encoding.UTF8, "application/json") };
        await signer.SignAsync(changedLate, new("a", "b"), TestContext.Current.CancellationToken);
        changedLate.Content = new StringContent(padded[..35_000] + "y" + padded[35_001..], Encoding.UTF8, "application/json");

        var (status, body) = await server.SendAsync(intact);
        var (lateStatus, lateBody) = await server.SendAsync(changedLate);

        Assert.Equal(200, status);
        SubgraphHarness.AssertJson("""{ "data": { "whoami": "a/b/-" } }""", body);
        Assert.Equal(401, lateStatus);
        Assert.Contains("SIGNATURE_INVALID", lateBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_streamed_body_over_the_limit_is_refused_and_the_next_request_is_served()
    {
        // Sent chunked, without a Content-Length: the limit is found while reading, not up front.
        await using var server = await SubgraphServer.StartAsync(options => options.MaxBodyBytes = 64);
        var signer = new GatewaySignature(SubgraphServer.Secret, new ManualClock(SubgraphServer.Now));
        var text = """{"query":"{ whoami }","extensions":{"padding":"PADDING"}}""".Replace("PADDING", new string('x', 200), StringComparison.Ordinal);
        var oversized = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(text, Encoding.UTF8, "application/json") };
        await signer.SignAsync(oversized, new("a", "b"), TestContext.Current.CancellationToken);
        oversized.Content = new ChunkedContent(Encoding.UTF8.GetBytes(text));
        var small = SubgraphServer.WhoAmI();
        await signer.SignAsync(small, new("a", "b"), TestContext.Current.CancellationToken);

        var (status, body) = await server.SendAsync(oversized);
        var (nextStatus, nextBody) = await server.SendAsync(small);

        Assert.Equal(413, status);
        Assert.Contains("BODY_TOO_LARGE", body, StringComparison.Ordinal);
        Assert.Equal(200, nextStatus);
        SubgraphHarness.AssertJson("""{ "data": { "whoami": "a/b/-" } }""", nextBody);
    }

    /// <summary>A body whose length is not known up front, so HttpClient sends it chunked.</summary>
    private sealed class ChunkedContent : HttpContent
    {
        private readonly byte[] bytes;

        public ChunkedContent(byte[] bytes)
        {
            this.bytes = bytes;
            Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        }

        protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) => stream.WriteAsync(bytes).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }

    [Fact]
    public async Task A_refusal_is_logged_with_its_code_and_the_claimed_agency()
    {
        await using var server = await SubgraphServer.StartAsync();
        var request = SubgraphServer.WhoAmI();
        await new GatewaySignature("another-secret-that-is-long-enough-for-hmac-sha256", new ManualClock(SubgraphServer.Now))
            .SignAsync(request, new("intruder-agency", "curiosity"), TestContext.Current.CancellationToken);

        Assert.Equal(401, (await server.SendAsync(request)).Status);

        var line = Assert.Single(server.LogLines, l => l.StartsWith("Federation.Subgraphs.GatewaySignature", StringComparison.Ordinal));
        Assert.Contains("SIGNATURE_INVALID", line, StringComparison.Ordinal);
        Assert.Contains("intruder-agency", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_relative_uri_not_from_the_root_cannot_be_signed()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri("graphql", UriKind.Relative));

        await Assert.ThrowsAsync<ArgumentException>(() => new GatewaySignature(SubgraphServer.Secret).SignAsync(request, new("a", "b"), TestContext.Current.CancellationToken));
    }
}

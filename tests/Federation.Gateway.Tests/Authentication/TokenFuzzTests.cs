using System.Security.Cryptography;
using System.Text;
using Federation.Gateway.Authentication;
using Microsoft.IdentityModel.Tokens;

namespace Federation.Gateway.Tests.Authentication;

/// <summary>
/// Bearer tokens of every shape a client can send — any number of parts, empty parts, text that is not
/// base64, base64 of what is not JSON, headers that are arrays or numbers, <c>alg</c>, <c>kid</c> and
/// <c>crit</c> of the wrong types, huge tokens, Unicode inside the parts — through the whole gated
/// endpoint: each is refused with 401 and a code, never a 5xx, and nothing reaches the executor.
/// (Raw non-ASCII bytes in a header never reach the gate: HTTP clients and Kestrel refuse them.)
/// </summary>
public sealed class TokenFuzzTests
{
    private static readonly string[] Headers =
    [
        """{"alg":"HS256","typ":"JWT","kid":"gateway-tests"}""",
        """{"alg":"HS256","kid":"gateway-tests","crit":["exp"]}""",
        """{"alg":"HS256","kid":"gateway-tests","crit":["b64"],"b64":false}""",
        """{"alg":"HS256","kid":"gateway-tests","crit":[]}""",
        """{"alg":"HS256","kid":"gateway-tests","crit":"exp"}""",
        """{"alg":"HS256","kid":"gateway-tests","crit":[1]}""",
        """{"alg":"HS256","kid":"gateway-tests","crit":[["exp"]]}""",
        """{"alg":"HS256","kid":"gateway-tests","crit":{"crit":["exp"]}}""",
        """{"alg":"HS256","kid":"gateway-tests","crit":null}""",
        """{"alg":5,"kid":"gateway-tests"}""",
        """{"alg":["HS256"],"kid":"gateway-tests"}""",
        """{"alg":{"name":"HS256"},"kid":"gateway-tests"}""",
        """{"alg":null,"kid":"gateway-tests"}""",
        """{"alg":true}""",
        """{"alg":"HS256","kid":5}""",
        """{"alg":"HS256","kid":["gateway-tests"]}""",
        """{"alg":"HS256","kid":{"id":"gateway-tests"}}""",
        """{"alg":"HS256","kid":"gateway-tests","typ":7}""",
        """{"alg":"HS256","kid":"gateway-tests","enc":"A256GCM"}""",
        """{"alg":"dir","enc":"A256GCM","kid":"gateway-tests"}""",
        """{"alg":"HS256","kid":"gateway-tests","x5c":"not a list"}""",
        """{"alg":"HS256","kid":"gateway-tests","jku":"https://evil.example/keys"}""",
        """{"alg":"HS256","alg":"none","kid":"gateway-tests"}""",
        """{"alg":"HS256","kid":"gateway-tests","zip":"DEF"}""",
        """{"alg":"HS256","kid":"gateway-tests","cty":"JWT"}""",
        """[{"alg":"HS256"}]""",
        """["HS256"]""",
        "42",
        "null",
        "\"HS256\"",
        "{}",
        "{",
        """{"alg":"HS256","kid":"gateway-tests\u0000"}""",
        """{"alg":"HS256","kid":"检查"}""",
    ];

    /// <summary>
    /// Well-formed headers with parameters the gateway does not act on — a key id it does not know (all
    /// trusted keys are tried), a key URL it never fetches, JWE parameters on a JWS: signed with a trusted
    /// key over valid claims, such a token is admitted.
    /// </summary>
    private static readonly HashSet<string> Admissible = new(StringComparer.Ordinal)
    {
        Headers[0],
        """{"alg":"HS256","kid":"gateway-tests","enc":"A256GCM"}""",
        """{"alg":"HS256","kid":"gateway-tests","x5c":"not a list"}""",
        """{"alg":"HS256","kid":"gateway-tests","jku":"https://evil.example/keys"}""",
        """{"alg":"HS256","kid":"gateway-tests","zip":"DEF"}""",
        """{"alg":"HS256","kid":"gateway-tests","cty":"JWT"}""",
        """{"alg":"HS256","kid":"gateway-tests\u0000"}""",
        """{"alg":"HS256","kid":"检查"}""",
    };

    private static readonly string[] Payloads =
    [
        "VALID",
        "[]",
        "[1,2,3]",
        "7",
        "\"claims\"",
        "null",
        "{",
        """{"exp":"tomorrow","iss":"https://issuer.gateway-tests.invalid","aud":"federation-gateway-tests","sub":"x","agency":"11330200123456788X"}""",
        """{"exp":1e400,"iss":"https://issuer.gateway-tests.invalid","aud":"federation-gateway-tests","sub":"x","agency":"11330200123456788X"}""",
        """{"exp":[1],"iss":["https://issuer.gateway-tests.invalid"],"aud":{"a":1},"sub":{"x":1},"agency":["x"]}""",
        """{"iss":"https://issuer.gateway-tests.invalid","aud":"federation-gateway-tests","sub":"x","agency":{"code":"11330200123456788X"},"exp":9999999999}""",
    ];

    [Fact]
    public async Task Any_malformed_token_is_refused_with_401_and_a_code_never_a_5xx()
    {
        var tokens = new TestTokens();
        await using var endpoint = await AuthenticatedEndpoint.StartAsync(tokens.Configure);
        var cases = new List<(string Name, string Token, bool Admissible)>();
        cases.AddRange(Shapes().Select(c => (c.Name, c.Token, false)));
        foreach (var header in Headers)
        {
            foreach (var payload in Payloads)
            {
                var body = payload == "VALID" ? System.Text.Json.JsonSerializer.Serialize(TestTokens.ClaimsOf()) : payload;
                cases.Add(($"signed {header} . {payload}", Signed(tokens, header, body), payload == "VALID" && Admissible.Contains(header)));
            }
        }

        cases.AddRange(Random(tokens, seed: 2260, count: 400));

        var failures = new List<string>();
        var admitted = 0;
        foreach (var (name, token, admissible) in cases)
        {
            AuthenticatedEndpoint.Answer answer;
            try
            {
                answer = await endpoint.PostAsync("Bearer " + token);
            }
            catch (HttpRequestException exception)
            {
                failures.Add($"{name}: {exception.Message}");
                continue;
            }

            if (admissible && answer.Status == 200)
            {
                admitted++;
            }
            else if (admissible || answer.Status != 401 || !IsCoded(answer, out var code) || code is not (AuthenticationErrorCodes.TokenInvalid or AuthenticationErrorCodes.TokenExpired))
            {
                failures.Add($"{name}: {answer.Status} {answer.Body}");
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {cases.Count} tokens were not answered as expected (401 and a code, or 200 for an admissible one):\n{string.Join("\n", failures.Take(20))}");
        // The signing helper makes tokens the gateway admits: the refusals are the shapes'. Only the admitted reached the executor.
        Assert.Equal(cases.Count(c => c.Admissible), admitted);
        Assert.Equal(admitted, endpoint.Contexts.Count);
    }

    public static TheoryData<string, string> CriticalHeaders => new()
    {
        { """{"alg":"HS256","kid":"gateway-tests","crit":["exp"]}""", "marks parameters critical (crit: exp) that this gateway does not understand" },
        { """{"alg":"HS256","kid":"gateway-tests","crit":["b64"],"b64":false}""", "marks parameters critical (crit: b64)" },
        { """{"alg":"HS256","kid":"gateway-tests","crit":["x-unknown","exp"],"x-unknown":1}""", "(crit: x-unknown, exp)" },
        { """{"alg":"HS256","kid":"gateway-tests","crit":[]}""", "not a non-empty list of header parameter names" },
        { """{"alg":"HS256","kid":"gateway-tests","crit":"exp"}""", "not a non-empty list of header parameter names" },
        { """{"alg":"HS256","kid":"gateway-tests","crit":[1]}""", "not a non-empty list of header parameter names" },
        { """{"alg":"HS256","kid":"gateway-tests","crit":[""]}""", "not a non-empty list of header parameter names" },
        { """{"alg":"HS256","kid":"gateway-tests","crit":{"crit":["exp"]}}""", "not a non-empty list of header parameter names" },
        { """{"alg":"HS256","kid":"gateway-tests","crit":null}""", "not a non-empty list of header parameter names" },
    };

    [Theory]
    [MemberData(nameof(CriticalHeaders))]
    public async Task A_token_with_a_critical_header_parameter_is_refused_however_well_signed(string header, string says)
    {
        var tokens = new TestTokens();
        await using var endpoint = await AuthenticatedEndpoint.StartAsync(tokens.Configure);
        var token = Signed(tokens, header, System.Text.Json.JsonSerializer.Serialize(TestTokens.ClaimsOf()));

        var first = await endpoint.PostAsync("Bearer " + token);
        var again = await endpoint.PostAsync("Bearer " + token);

        Assert.Equal((401, AuthenticationErrorCodes.TokenInvalid), (first.Status, first.Code));
        Assert.Contains(says, first.Message, StringComparison.Ordinal);
        Assert.Contains("RFC 7515", first.Message, StringComparison.Ordinal);
        Assert.Equal((401, AuthenticationErrorCodes.TokenInvalid), (again.Status, again.Code)); // not remembered as admitted
        Assert.Empty(endpoint.Contexts);
    }

    [Fact]
    public async Task A_token_too_large_for_the_servers_header_limit_is_refused_by_the_server_as_a_4xx()
    {
        var tokens = new TestTokens();
        await using var endpoint = await AuthenticatedEndpoint.StartAsync(tokens.Configure);

        var answer = await endpoint.PostAsync("Bearer " + new string('a', 40_000) + "." + new string('b', 40_000) + ".c");

        // Kestrel's 32 KB limit on request headers answers 431 before the gate runs.
        Assert.Equal(431, answer.Status);
        Assert.Empty(endpoint.Contexts);
    }

    /// <summary>Tokens of 0 to 7 parts made of empty, non-base64, unicode, huge and JSON-but-wrong parts.</summary>
    private static IEnumerable<(string Name, string Token)> Shapes()
    {
        string[] parts =
        [
            "",
            "!!!",
            "a",
            "eyJ",
            "====",
            "%%%%",
            B64("检查"),
            B64("""{"alg":"检","kid":"é"}"""),
            "a b",
            B64("not json"),
            B64("{\"alg\":\"HS256\""),
            B64("[]"),
            B64("12"),
            B64("\"x\""),
            B64("""{"alg":"HS256","kid":"gateway-tests"}"""),
            B64("""{"alg":"none"}"""),
            B64("""{"alg":"RSA-OAEP","enc":"A256GCM"}"""),
            new string('A', 3),
            new string('A', 20_000),
            Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(64)),
        ];
        for (var count = 0; count <= 7; count++)
        {
            for (var p = 0; p < parts.Length; p++)
            {
                // Each part in turn, the others a well-formed header, payload and signature where they exist.
                var token = string.Join('.', Enumerable.Range(0, count).Select(i => i == p % Math.Max(count, 1) ? parts[p] : Filler(i)));
                if (token.Length + 7 > 24_000)
                {
                    continue;
                }

                yield return ($"{count} parts, part {p % Math.Max(count, 1)} = #{p}", token);
            }
        }

        yield return ("dots only", "....");
        yield return ("seven dots", ".......");
        yield return ("a JWE of five parts", string.Join('.', B64("""{"alg":"RSA-OAEP","enc":"A256GCM","kid":"gateway-tests"}"""), "AAAA", "BBBB", "CCCC", "DDDD"));
        yield return ("a JWE with dir", string.Join('.', B64("""{"alg":"dir","enc":"A256GCM","kid":"gateway-tests"}"""), "", "AAAA", "BBBB", "CCCC"));
        yield return ("a JWE with a JSON-array header", string.Join('.', B64("[1]"), "", "AAAA", "BBBB", "CCCC"));
        yield return ("a JWE with a number header", string.Join('.', B64("5"), "", "AAAA", "BBBB", "CCCC"));
        yield return ("a JWE of empty parts", "....");
        yield return ("a huge three-part token", B64("""{"alg":"HS256","kid":"gateway-tests"}""") + "." + new string('e', 20_000) + ".sig");
    }

    private static IEnumerable<(string Name, string Token, bool Admissible)> Random(TestTokens tokens, int seed, int count)
    {
        var random = new Random(seed);
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_+/=. ";
        for (var i = 0; i < count; i++)
        {
            var parts = random.Next(0, 8);
            var token = new StringBuilder();
            for (var p = 0; p < parts; p++)
            {
                if (p > 0)
                {
                    token.Append('.');
                }

                switch (random.Next(4))
                {
                    case 0:
                        for (var n = random.Next(0, 60); n > 0; n--)
                        {
                            token.Append(alphabet[random.Next(alphabet.Length)]);
                        }

                        break;
                    case 1:
                        token.Append(Base64UrlEncoder.Encode(RandomBytes(random, random.Next(0, 80))));
                        break;
                    case 2:
                        token.Append(B64(Headers[random.Next(Headers.Length)]));
                        break;
                    default:
                        token.Append(B64(Payloads[random.Next(1, Payloads.Length)]));
                        break;
                }
            }

            var text = token.ToString().Trim();
            var admissible = false;
            if (text.Length > 0 && random.Next(3) == 0)
            {
                // Now and then a token the gateway's key really signs, with a random header.
                var header = Headers[random.Next(1, Headers.Length)];
                var payload = Payloads[random.Next(Payloads.Length)];
                text = Signed(tokens, header, payload == "VALID" ? System.Text.Json.JsonSerializer.Serialize(TestTokens.ClaimsOf()) : payload);
                admissible = payload == "VALID" && Admissible.Contains(header);
            }

            yield return ($"random #{i}", text.Length == 0 ? "x" : text, admissible);
        }
    }

    /// <summary>A JWS whose header is exactly <paramref name="header"/>, signed HS256 with the test key (whatever the header says).</summary>
    private static string Signed(TestTokens tokens, string header, string payload)
    {
        var input = B64(header) + "." + B64(payload);
        return input + "." + Base64UrlEncoder.Encode(HMACSHA256.HashData(tokens.Secret, Encoding.ASCII.GetBytes(input)));
    }

    private static string Filler(int index) => index switch
    {
        0 => B64("""{"alg":"HS256","typ":"JWT","kid":"gateway-tests"}"""),
        1 => B64(System.Text.Json.JsonSerializer.Serialize(TestTokens.ClaimsOf())),
        _ => Base64UrlEncoder.Encode(new byte[32]),
    };

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private static string B64(string text) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(text));

    private static bool IsCoded(AuthenticatedEndpoint.Answer answer, out string? code)
    {
        code = null;
        try
        {
            code = answer.Code;
            return !string.IsNullOrEmpty(code);
        }
        catch (Exception exception) when (exception is InvalidOperationException or System.Text.Json.JsonException or Xunit.Sdk.XunitException or NullReferenceException)
        {
            return false;
        }
    }
}

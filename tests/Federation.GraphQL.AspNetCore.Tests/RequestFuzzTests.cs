using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Federation.GraphQL.AspNetCore.Tests;

/// <summary>
/// Generated requests through the whole endpoint (a real server): random JSON shapes, bytes that
/// are not UTF-8, lone surrogate escapes, deep nesting, huge numbers, parameters of the wrong
/// type, bodies that are not objects, batches and GET query strings. Whatever arrives, the answer
/// is below 500 and every error carries <c>extensions.code</c>. Seeded, so a failure replays.
/// </summary>
public sealed class RequestFuzzTests
{
    private const int Seed = 20261208;
    private const int Cases = 2500;

    /// <summary>Operations that need no resolver that fails or waits: whatever goes wrong is the request's fault.</summary>
    private static readonly string[] Queries =
    [
        "{ hello }",
        "query ($t: String!) { echo(text: $t) }",
        "query Q($id: ID!) { person(id: $id) { name } }",
        "query ($n: Int) { people(first: $n) { id } }",
        "{ __typename: hello }",
        "{ hello ",
        "mutation ($n: String!) { rename(name: $n) }",
        "query A { hello } query B { tags }",
        "{ echo(text: \"\\uD800\") }",
        "{ echo(text: \"\\u{110000}\") }",
        "fragment F on Query { ...F } { ...F }",
        "subscription { hello }",
    ];

    private static readonly string[] Keys = ["query", "variables", "operationName", "extensions", "documentId", "x"];

    [Fact]
    public async Task No_request_gets_a_server_error_and_every_error_has_a_code()
    {
        await using var server = await TestServer.StartAsync();
        var random = new Random(Seed);
        for (var i = 0; i < Cases; i++)
        {
            using var request = Generate(random, i);
            var description = $"case {i}: {request.Method} {request.RequestUri} {(request.Content is null ? "" : Printable(await request.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken)))}";
            var reply = await server.SendAsync(request, random.Next(3) == 0 ? "application/graphql-response+json" : null);
            Assert.True(reply.Status < 500, $"{description} → {reply.Status} {reply.Body}");
            if (reply.ContentType?.Contains("json", StringComparison.Ordinal) != true)
            {
                continue;
            }

            using var json = JsonDocument.Parse(reply.Body);
            if (json.RootElement.TryGetProperty("errors", out var errors))
            {
                foreach (var error in errors.EnumerateArray())
                {
                    Assert.True(
                        error.TryGetProperty("extensions", out var extensions) && extensions.TryGetProperty("code", out var code) && code.GetString() is { Length: > 0 },
                        $"{description} → {reply.Body}");
                }
            }
        }
    }

    private static HttpRequestMessage Generate(Random random, int index)
    {
        switch (index % 10)
        {
            case 0:
                return Get(random);
            case 1:
                return Post(InvalidUtf8(random, Encoding.UTF8.GetBytes(RequestObject(random))));
            case 2:
                return Post(Encoding.UTF8.GetBytes(WithLoneSurrogate(random)));
            case 3:
                return Post(Encoding.UTF8.GetBytes(Nested(random, random.Next(1, 300))));
            case 4:
                return Post(Encoding.UTF8.GetBytes(random.Next(2) == 0 ? $"[{RequestObject(random)},{RequestObject(random)}]" : Value(random, 2)));
            case 5:
                return Post(Encoding.UTF8.GetBytes(Truncated(random, RequestObject(random))));
            default:
                return Post(Encoding.UTF8.GetBytes(RequestObject(random)));
        }
    }

    private static HttpRequestMessage Post(byte[] body) =>
        new(HttpMethod.Post, "") { Content = new ByteArrayContent(body) { Headers = { ContentType = MediaTypeHeaderValue.Parse("application/json") } } };

    /// <summary>A query string of known and unknown parameters, repeated ones, raw and percent-encoded bytes.</summary>
    private static HttpRequestMessage Get(Random random)
    {
        var query = new StringBuilder("?");
        var count = random.Next(0, 5);
        for (var i = 0; i < count; i++)
        {
            query.Append(Keys[random.Next(Keys.Length)]).Append('=');
            query.Append(random.Next(4) switch
            {
                0 => Uri.EscapeDataString(Queries[random.Next(Queries.Length)]),
                1 => Uri.EscapeDataString(Value(random, 2)),
                2 => "%" + random.Next(256).ToString("X2") + "%" + random.Next(256).ToString("X2"),
                _ => "%ED%A0%80%7B",
            });
            query.Append('&');
        }

        return new HttpRequestMessage(HttpMethod.Get, query.ToString());
    }

    /// <summary>An object with some of the GraphQL request's keys, each with a value of a random type (often the right one).</summary>
    private static string RequestObject(Random random)
    {
        var members = new List<string>();
        var count = random.Next(0, 5);
        for (var i = 0; i < count; i++)
        {
            var key = Keys[random.Next(Keys.Length)];
            var value = random.Next(3) switch
            {
                0 => Value(random, 3),
                _ => key switch
                {
                    "query" => JsonSerializer.Serialize(Queries[random.Next(Queries.Length)]),
                    "variables" => Variables(random),
                    "operationName" => JsonSerializer.Serialize(random.Next(2) == 0 ? "Q" : "B"),
                    "extensions" => "{\"persistedQuery\":" + Value(random, 2) + "}",
                    _ => Value(random, 2),
                },
            };
            members.Add($"{JsonSerializer.Serialize(key)}:{value}");
        }

        return "{" + string.Join(',', members) + "}";
    }

    private static string Variables(Random random) =>
        "{" + string.Join(',', ["\"t\":" + Value(random, 2), "\"id\":" + Value(random, 1), "\"n\":" + Value(random, 1)]) + "}";

    /// <summary>A random JSON value: huge and odd numbers, strings with escapes, nested lists and objects.</summary>
    private static string Value(Random random, int depth)
    {
        var kind = random.Next(depth > 0 ? 9 : 6);
        return kind switch
        {
            0 => "null",
            1 => random.Next(2) == 0 ? "true" : "false",
            2 => random.Next(6) switch
            {
                0 => "1e400",
                1 => "-1e400",
                2 => "123456789012345678901234567890",
                3 => "2147483648",
                4 => "0.5",
                _ => random.Next(-5, 100).ToString(System.Globalization.CultureInfo.InvariantCulture),
            },
            3 => JsonSerializer.Serialize(random.Next(3) switch
            {
                0 => "",
                1 => "x",
                _ => "é中\u0001",
            }),
            4 => "\"\\u0000\\n\\\"\"",
            5 => "\"" + new string('a', random.Next(0, 300)) + "\"",
            6 => "[" + Value(random, depth - 1) + "," + Value(random, depth - 1) + "]",
            _ => "{\"" + (random.Next(2) == 0 ? "a" : "__proto__") + "\":" + Value(random, depth - 1) + "}",
        };
    }

    /// <summary>A request with an escaped lone surrogate in the query, a variable, the operation name, the extensions or a key.</summary>
    private static string WithLoneSurrogate(Random random)
    {
        var surrogate = random.Next(2) == 0 ? "\\ud800" : "\\udfff";
        return random.Next(5) switch
        {
            0 => $"{{\"query\":\"{{ echo(text: \\\"{surrogate}\\\") }}\"}}",
            1 => $"{{\"query\":\"query ($t: String!) {{ echo(text: $t) }}\",\"variables\":{{\"t\":\"a{surrogate}\"}}}}",
            2 => $"{{\"query\":\"{{ hello }}\",\"operationName\":\"{surrogate}\"}}",
            3 => $"{{\"query\":\"{{ hello }}\",\"extensions\":{{\"{surrogate}\":1}}}}",
            _ => $"{{\"query\":\"{{ hello }}\",\"unknown\":[\"{surrogate}\"]}}",
        };
    }

    /// <summary>Bytes that are not UTF-8 (a lone continuation byte, an overlong form, an encoded surrogate, a cut sequence) put anywhere.</summary>
    private static byte[] InvalidUtf8(Random random, byte[] body)
    {
        byte[][] invalid = [[0x80], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xE2, 0x82], [0xFF], [0xF5, 0x80, 0x80, 0x80]];
        var bytes = invalid[random.Next(invalid.Length)];
        var at = random.Next(body.Length + 1);
        return [.. body.AsSpan(0, at), .. bytes, .. body.AsSpan(at)];
    }

    private static string Nested(Random random, int depth)
    {
        var open = random.Next(2) == 0 ? "[" : "{\"a\":";
        var close = open == "[" ? "]" : "}";
        var inner = new StringBuilder().Insert(0, open, depth).Append('1').Append(new StringBuilder().Insert(0, close, depth));
        return random.Next(2) == 0
            ? inner.ToString()
            : $"{{\"query\":\"query ($t: String!) {{ echo(text: $t) }}\",\"variables\":{{\"t\":{inner}}}}}";
    }

    private static string Truncated(Random random, string body) => body[..random.Next(body.Length + 1)];

    private static string Printable(byte[] bytes) =>
        bytes.Length > 300 ? Convert.ToHexString(bytes, 0, 150) + "…" : Encoding.UTF8.GetString(bytes);
}

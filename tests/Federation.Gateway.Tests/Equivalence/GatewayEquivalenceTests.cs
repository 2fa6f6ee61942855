using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Federation.Gateway.Tests.Equivalence;

/// <summary>
/// Our gateway and Apollo Gateway 2.14.4 answer every query of <c>equivalence.graphql</c> over the
/// same subgraphs with the same <c>data</c> — the same fields, order and values, compared as JSON
/// text written one way (the two servers escape non-ASCII characters differently) — and equivalent
/// errors: the same messages at the same paths.
/// </summary>
public sealed class GatewayEquivalenceTests(EquivalencePlatform platform) : IClassFixture<EquivalencePlatform>
{
    private static readonly JsonSerializerOptions Written = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static TheoryData<string> Names() => [.. EquivalenceCorpus.Read(new Subgraphs.DemoData.DemoWorld(EquivalencePlatform.Persons)).Select(e => e.Name)];

    [Fact]
    public void The_corpus_has_at_least_sixty_queries()
    {
        Assert.True(Names().Count >= 60, $"{Names().Count} queries");
    }

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Both_gateways_answer_alike(string name)
    {
        var entry = EquivalenceCorpus.Read(platform.World).Single(e => e.Name == name);

        var apollo = await platform.PostAsync(platform.Apollo, entry.Query, entry.Variables);
        var ours = await platform.PostAsync(platform.Ours, entry.Query, entry.Variables);

        Assert.Equal(Text(WithoutCursorValues(apollo["data"])), Text(WithoutCursorValues(ours["data"])));
        Assert.Equal(Errors(apollo), Errors(ours));
        if (!name.StartsWith("error-", StringComparison.Ordinal) && name != "typename-only-on-entities")
        {
            // A query that finds nothing would compare equal and prove little: each must read data.
            Assert.True(Values(ours["data"]) > 0, $"{name} read no values: {Text(ours["data"])}");
        }
    }

    /// <summary>How many non-null leaf values other than __typename the answer holds.</summary>
    private static int Values(JsonNode? node) => node switch
    {
        JsonObject obj => obj.Where(p => p.Key != "__typename").Sum(p => Values(p.Value)),
        JsonArray array => array.Sum(Values),
        JsonValue => 1,
        _ => 0,
    };

    /// <summary>
    /// The answer with every cursor's value replaced by a mark: cursors are sealed with a fresh nonce
    /// each time (a subgraph never hands out the same bytes twice), so two reads of one page differ in
    /// their cursors alone. Whether a cursor is there, or null, still counts.
    /// </summary>
    private static JsonNode? WithoutCursorValues(JsonNode? node)
    {
        var copy = node?.DeepClone();
        Mark(copy);
        return copy;

        static void Mark(JsonNode? node)
        {
            switch (node)
            {
                case JsonObject obj:
                    foreach (var (key, value) in obj.ToList())
                    {
                        if (key is "cursor" or "startCursor" or "endCursor" && value is JsonValue)
                        {
                            obj[key] = "(cursor)";
                        }
                        else
                        {
                            Mark(value);
                        }
                    }

                    break;
                case JsonArray array:
                    foreach (var item in array)
                    {
                        Mark(item);
                    }

                    break;
            }
        }
    }

    private static string Text(JsonNode? node) => node is null ? "(absent)" : node.ToJsonString(Written);

    /// <summary>Each error as "path: message", sorted (the two gateways may list them in another order).</summary>
    private static IReadOnlyList<string> Errors(JsonObject response) =>
        (response["errors"] as JsonArray ?? [])
            .Select(e => $"{Text(e?["path"])}: {InGraphQLJs17Words(e?["message"]?.GetValue<string>() ?? "")}")
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>
    /// Apollo Gateway runs graphql-js 16; our engine words its messages as graphql-js 17 does, which
    /// reworded the one request error this corpus meets. The same error in 17's words.
    /// </summary>
    private static string InGraphQLJs17Words(string message) =>
        Regex.Replace(message, "^Variable \"(\\$[A-Za-z0-9_]+)\" of required type \"([^\"]+)\" was not provided\\.$", "Variable \"$1\" has invalid value: Expected a value of non-null type \"$2\" to be provided.");
}

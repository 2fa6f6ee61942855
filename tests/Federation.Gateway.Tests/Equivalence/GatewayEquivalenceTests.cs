using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

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

        Assert.Equal(Text(apollo["data"]), Text(ours["data"]));
        Assert.Equal(Errors(apollo), Errors(ours));
    }

    private static string Text(JsonNode? node) => node is null ? "(absent)" : node.ToJsonString(Written);

    /// <summary>Each error as "path: message", sorted (the two gateways may list them in another order).</summary>
    private static IReadOnlyList<string> Errors(JsonObject response) =>
        (response["errors"] as JsonArray ?? [])
            .Select(e => $"{Text(e?["path"])}: {e?["message"]?.GetValue<string>()}")
            .Order(StringComparer.Ordinal)
            .ToList();
}

using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Federation.Gateway.Composition;
using Federation.Gateway.Planning;

namespace Federation.Gateway.Tests.Conformance;

internal enum ConformanceVerdict
{
    /// <summary>The expected data, and errors at the expected paths.</summary>
    Correct,

    /// <summary>Not the expected answer, but refused with a coded planning or composition error: never silent.</summary>
    Refused,

    /// <summary>Another answer, with no planning or composition error: a silently wrong answer.</summary>
    Wrong,
}

/// <summary>What became of one query: its verdict, the refusal's code, or what is wrong.</summary>
internal sealed record ConformanceOutcome(ConformanceQuery Query, ConformanceVerdict Verdict, string? Code, string? Difference)
{
    private static readonly JsonSerializerOptions Written = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// The codes that say "this gateway cannot plan or compose this": the planner's and composition's
    /// error codes, read from their constants so a code added there counts here.
    /// </summary>
    public static IReadOnlySet<string> RefusalCodes { get; } = new HashSet<string>(
        new[] { typeof(PlanningErrorCodes), typeof(CompositionErrorCodes) }
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!),
        StringComparer.Ordinal);

    /// <summary>
    /// The verdict on <paramref name="response"/> (a GraphQL response body) for <paramref name="query"/>.
    /// With <paramref name="anyErrorRefuses"/> (for a peer gateway, whose codes are not ours) an answer
    /// other than the expected that carries any error counts as refused, with the first error's code.
    /// </summary>
    public static ConformanceOutcome Judge(ConformanceQuery query, JsonObject response, bool anyErrorRefuses = false)
    {
        var data = Text(response["data"]);
        var expected = Text(query.ExpectedData);
        var paths = (response["errors"] as JsonArray ?? []).Select(e => PathText(e?["path"])).Order(StringComparer.Ordinal).ToList();
        if (data == expected && paths.Distinct().SequenceEqual(query.ExpectedErrorPaths.Distinct()))
        {
            return new ConformanceOutcome(query, ConformanceVerdict.Correct, null, null);
        }

        var refusal = (response["errors"] as JsonArray ?? [])
            .Select(e => e?["extensions"]?["code"] is JsonValue code && code.TryGetValue<string>(out var text) ? text : null)
            .FirstOrDefault(c => c is not null && RefusalCodes.Contains(c))
            ?? (anyErrorRefuses && response["errors"] is JsonArray { Count: > 0 } errors ? (string?)errors[0]?["extensions"]?["code"] ?? "(no code)" : null);
        if (refusal is not null)
        {
            return new ConformanceOutcome(query, ConformanceVerdict.Refused, refusal, null);
        }

        var difference = data != expected
            ? $"data {Shorten(data)} instead of {Shorten(expected)}"
            : $"errors at [{string.Join(", ", paths)}] instead of [{string.Join(", ", query.ExpectedErrorPaths)}]";
        var messages = (response["errors"] as JsonArray ?? []).Select(e => $"{(string?)e?["extensions"]?["code"] ?? "no code"}: {(string?)e?["message"]}").ToList();
        return new ConformanceOutcome(query, ConformanceVerdict.Wrong, null, messages.Count == 0 ? difference + ", no error" : difference + "; errors: " + Shorten(string.Join(" | ", messages)));
    }

    /// <summary>Every query of a suite that composition or the gateway's start refused, with the refusal's code.</summary>
    public static ConformanceOutcome Unserved(ConformanceQuery query, string code) => new(query, ConformanceVerdict.Refused, code, null);

    /// <summary>JSON text written one way (the gateways escape non-ASCII characters differently); <c>null</c> for no value.</summary>
    public static string Text(JsonNode? node) => node is null ? "null" : node.ToJsonString(Written);

    public static string PathText(JsonNode? path) => path is JsonArray ? Text(path) : "(none)";

    private static string Shorten(string text) => text.Length <= 400 ? text : text[..400] + "…";
}

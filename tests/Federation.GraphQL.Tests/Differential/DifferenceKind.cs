using System.Text.Json.Nodes;

namespace Federation.GraphQL.Tests.Differential;

/// <summary>
/// Names what kind of difference <see cref="ResponseComparison"/> finds between graphql-js's line
/// and another engine's, for the tally: a document accepted or refused at another stage, or the
/// same stage with other messages, locations, paths, values or member order. Null when equal.
/// </summary>
internal static class DifferenceKind
{
    public static string? Of(JsonObject expected, JsonObject actual)
    {
        if (ResponseComparison.Difference(expected, actual) is null)
        {
            return null;
        }

        var expectedKind = KindOf(expected);
        var actualKind = KindOf(actual);
        return (expectedKind, actualKind) switch
        {
            ("validationErrors", "result") => "validation: accepts and executes a document graphql-js refuses (a rule missing or narrower)",
            ("result", "validationErrors") => "validation: refuses a document graphql-js executes",
            ("parseError", _) when actualKind != "parseError" => "language: parses a document graphql-js refuses",
            (_, "parseError") when expectedKind != "parseError" => "language: refuses to parse a document graphql-js parses",
            ("parseError", "parseError") => SameMessages(expected["parseError"], actual["parseError"], "language: syntax error"),
            ("validationErrors", "validationErrors") => ErrorsKind("validation", expected["validationErrors"]!.AsArray(), actual["validationErrors"]!.AsArray()),
            ("result", "result") => ResultKind(expected["result"]!.AsObject(), actual["result"]!.AsObject()),
            _ => $"other: graphql-js gives {expectedKind}, the engine {actualKind}",
        };
    }

    private static string ResultKind(JsonObject expected, JsonObject actual)
    {
        var expectedErrors = expected["errors"]?.AsArray() ?? [];
        var actualErrors = actual["errors"]?.AsArray() ?? [];
        if (expectedErrors.Count == 0 && actualErrors.Count > 0)
        {
            return "execution: errors where graphql-js has none (coercion, resolution or serialization)";
        }

        if (expectedErrors.Count > 0 && actualErrors.Count == 0)
        {
            return "execution: no errors where graphql-js has some (coercion or null checks missing)";
        }

        if (ResponseComparison.Canonical(new JsonArray(Sorted(expectedErrors))) != ResponseComparison.Canonical(new JsonArray(Sorted(actualErrors))))
        {
            return ErrorsKind("execution", expectedErrors, actualErrors);
        }

        if (expected.ContainsKey("data") != actual.ContainsKey("data"))
        {
            return "execution: data present in one result, absent in the other";
        }

        return Ordered(expected["data"]) == Ordered(actual["data"])
            ? "execution: same data, members in another order"
            : "execution: other data values";
    }

    /// <summary>Errors of one stage: another number of them, the same places with other messages, or other locations or paths.</summary>
    private static string ErrorsKind(string stage, JsonArray expected, JsonArray actual)
    {
        if (expected.Count != actual.Count)
        {
            return $"{stage}: {(actual.Count > expected.Count ? "more" : "fewer")} errors than graphql-js";
        }

        // GraphQL.NET words an exception its resolvers do not raise as an ExecutionError so:
        // here a list item the root JSON marks as an error, or a value its scalar does not serialize.
        var extra = actual.Select(ResponseComparison.Canonical).Except(expected.Select(ResponseComparison.Canonical)).Select(e => JsonNode.Parse(e)!).ToList();
        if (stage == "execution" && extra.Count > 0 && extra.All(e => e["message"]?.GetValue<string>().StartsWith("Error trying to resolve field", StringComparison.Ordinal) == true))
        {
            return $"{stage}: \"Error trying to resolve field\" in place of the message (an unhandled exception masked: error list items, values the scalar does not serialize)";
        }

        var expectedPlaces = expected.Select(Place).Order(StringComparer.Ordinal);
        var actualPlaces = actual.Select(Place).Order(StringComparer.Ordinal);
        return expectedPlaces.SequenceEqual(actualPlaces)
            ? $"{stage}: same errors at the same places, other messages"
            : $"{stage}: errors at other locations or paths";
    }

    private static string SameMessages(JsonNode? expected, JsonNode? actual, string what) =>
        ResponseComparison.Canonical(expected?["locations"]) == ResponseComparison.Canonical(actual?["locations"])
            ? $"{what} at the same place, other message"
            : $"{what} at another location";

    private static string Place(JsonNode? error) =>
        ResponseComparison.Canonical(error?["locations"] ?? new JsonArray()) + ResponseComparison.Canonical(error?["path"]);

    private static JsonNode[] Sorted(JsonArray errors) =>
        errors.Select(e => JsonNode.Parse(ResponseComparison.Canonical(e))!).OrderBy(ResponseComparison.Canonical, StringComparer.Ordinal).ToArray();

    /// <summary>The canonical JSON with every object's members sorted by name: equal when only member order differs.</summary>
    private static string Ordered(JsonNode? node) => ResponseComparison.Canonical(Sort(node));

    private static JsonNode? Sort(JsonNode? node) => node switch
    {
        JsonObject members => new JsonObject(members.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => KeyValuePair.Create(m.Key, Sort(m.Value)))),
        JsonArray items => new JsonArray(items.Select(Sort).ToArray()),
        null => null,
        _ => node.DeepClone(),
    };

    private static string KindOf(JsonObject line) =>
        new[] { "parseError", "validationErrors", "result" }.FirstOrDefault(line.ContainsKey) ?? "nothing";
}

using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Federation.GraphQL.Conformance;

namespace Federation.GraphQL.Tests.Differential;

/// <summary>
/// Compares the line of graphql-js with ours for one query and describes the first difference:
/// parse errors by message and location; validation errors as sets of message + locations;
/// execution results by data (as JSON, member order included, numbers by value) and by errors
/// (as sets of path + message + locations). Null when the lines agree.
/// </summary>
internal static class ResponseComparison
{
    private static readonly string[] Kinds = ["parseError", "validationErrors", "result"];

    public static string? Difference(JsonObject expected, JsonObject actual)
    {
        var expectedKind = KindOf(expected);
        var actualKind = KindOf(actual);
        if (expectedKind != actualKind)
        {
            return $"graphql-js gives {expectedKind}, ours {actualKind}.\n  graphql-js: {Canonical(expected[expectedKind])}\n  ours:       {Canonical(actual[actualKind])}";
        }

        return expectedKind switch
        {
            "parseError" => Compare("parse error", Canonical(expected["parseError"]), Canonical(actual["parseError"])),
            "validationErrors" => CompareSets("validation errors", expected["validationErrors"]!.AsArray(), actual["validationErrors"]!.AsArray()),
            _ => CompareResults(expected["result"]!.AsObject(), actual["result"]!.AsObject()),
        };
    }

    /// <summary>Schema errors of two <c>{"name","schemaErrors"}</c> lines, as sets of message + locations.</summary>
    public static string? SchemaErrorsDifference(JsonObject expected, JsonObject actual) =>
        CompareSets("schema errors", expected["schemaErrors"]!.AsArray(), actual["schemaErrors"]!.AsArray());

    /// <summary>The area of the engine a difference points at, for the report.</summary>
    public static string AreaOf(string queryName, JsonObject expected) => KindOf(expected) switch
    {
        "parseError" => "language",
        "validationErrors" => "validation",
        _ when queryName.Contains("intro", StringComparison.Ordinal) => "introspection",
        _ => "execution",
    };

    private static string KindOf(JsonObject line) => Kinds.FirstOrDefault(line.ContainsKey) ?? "nothing";

    private static string? CompareResults(JsonObject expected, JsonObject actual)
    {
        var errors = CompareSets("errors", expected["errors"]?.AsArray() ?? [], actual["errors"]?.AsArray() ?? []);
        if (errors is not null)
        {
            return errors;
        }

        if (expected.ContainsKey("data") != actual.ContainsKey("data"))
        {
            return $"data is {(expected.ContainsKey("data") ? "present" : "absent")} in graphql-js's result, {(actual.ContainsKey("data") ? "present" : "absent")} in ours.";
        }

        return Compare("data", Canonical(expected["data"]), Canonical(actual["data"]));
    }

    private static string? CompareSets(string what, JsonArray expected, JsonArray actual)
    {
        var expectedItems = expected.Select(Canonical).Order(StringComparer.Ordinal).ToList();
        var actualItems = actual.Select(Canonical).Order(StringComparer.Ordinal).ToList();
        if (expectedItems.SequenceEqual(actualItems))
        {
            return null;
        }

        var missing = Subtract(expectedItems, actualItems);
        var extra = Subtract(actualItems, expectedItems);
        var text = new StringBuilder($"{what} differ.");
        foreach (var item in missing)
        {
            text.Append("\n  only graphql-js: ").Append(item);
        }

        foreach (var item in extra)
        {
            text.Append("\n  only ours:       ").Append(item);
        }

        return text.ToString();
    }

    private static List<string> Subtract(List<string> from, List<string> remove)
    {
        var rest = new List<string>(from);
        foreach (var item in remove)
        {
            rest.Remove(item);
        }

        return rest;
    }

    private static string? Compare(string what, string expected, string actual) =>
        expected == actual ? null : $"{what} differ.\n  graphql-js: {expected}\n  ours:       {actual}";

    /// <summary>JSON text with numbers as JavaScript prints them, so 1.0 and 1 are equal.</summary>
    public static string Canonical(JsonNode? node)
    {
        var text = new StringBuilder();
        Write(text, node);
        return text.ToString();
    }

    private static void Write(StringBuilder text, JsonNode? node)
    {
        switch (node)
        {
            case null:
                text.Append("null");
                break;
            case JsonObject members:
                text.Append('{');
                var firstMember = true;
                foreach (var (key, value) in members)
                {
                    if (!firstMember)
                    {
                        text.Append(',');
                    }

                    firstMember = false;
                    JsJson.WriteString(text, key);
                    text.Append(':');
                    Write(text, value);
                }

                text.Append('}');
                break;
            case JsonArray items:
                text.Append('[');
                for (var i = 0; i < items.Count; i++)
                {
                    if (i > 0)
                    {
                        text.Append(',');
                    }

                    Write(text, items[i]);
                }

                text.Append(']');
                break;
            default:
                var element = node.GetValue<JsonElement>();
                switch (element.ValueKind)
                {
                    case JsonValueKind.Number:
                        text.Append(JsJson.FormatNumber(element.GetDouble()));
                        break;
                    case JsonValueKind.String:
                        JsJson.WriteString(text, element.GetString()!);
                        break;
                    default:
                        text.Append(element.GetRawText());
                        break;
                }

                break;
        }
    }
}

using System.Globalization;
using Federation.GraphQL.Language.Syntax;

namespace Federation.Gateway.Composition;

/// <summary>
/// The demand-control directives (<c>@cost</c>, <c>@listSize</c>) as Apollo's composition carries
/// them: both from <c>https://specs.apollo.dev/cost/v0.1</c>, and where subgraphs give one element
/// different ones, merged argument by argument as the spec's composition strategies say (the
/// largest weight and assumed size, the union of slicing arguments and sized fields, a slicing
/// argument required only if all require one), so no subgraph's estimate is lowered.
/// https://www.apollographql.com/docs/graphos/routing/security/demand-control
/// </summary>
internal static class DemandControl
{
    public const string Url = "https://specs.apollo.dev/cost/v0.1";

    public static bool IsDemandControl(string? specName) => specName is "cost" or "listSize";

    public static string Definition(string specName, string name) => specName == "cost"
        ? $"directive @{name}(weight: Int!) on ARGUMENT_DEFINITION | ENUM | FIELD_DEFINITION | INPUT_FIELD_DEFINITION | OBJECT | SCALAR"
        : $"directive @{name}(assumedSize: Int, slicingArguments: [String!], sizedFields: [String!], requireOneSlicingArgument: Boolean = true) on FIELD_DEFINITION";

    /// <summary>The application merged from differing ones (Apollo's MAX, NULLABLE_MAX, NULLABLE_UNION, NULLABLE_AND).</summary>
    public static string Merge(string specName, string name, IReadOnlyList<DirectiveNode> applications)
    {
        if (specName == "cost")
        {
            return $"@{name}(weight: {applications.Select(a => Int(a, "weight") ?? 0).Max().ToString(CultureInfo.InvariantCulture)})";
        }

        var arguments = new List<string>();
        var sizes = applications.Select(a => Int(a, "assumedSize")).Where(s => s is not null).ToList();
        if (sizes.Count > 0)
        {
            arguments.Add("assumedSize: " + sizes.Max()!.Value.ToString(CultureInfo.InvariantCulture));
        }

        foreach (var list in new[] { "slicingArguments", "sizedFields" })
        {
            var values = applications.Select(a => Strings(a, list)).Where(v => v is not null).ToList();
            if (values.Count > 0)
            {
                var union = values.SelectMany(v => v!).Distinct(StringComparer.Ordinal);
                arguments.Add($"{list}: [{string.Join(", ", union.Select(SupergraphValues.Quote))}]");
            }
        }

        // The argument's default (true) counts where an application leaves it out, as Apollo reads them with defaults.
        var requireOne = applications.All(a => Argument(a, "requireOneSlicingArgument") is not BooleanValueNode { Value: false });
        arguments.Add("requireOneSlicingArgument: " + (requireOne ? "true" : "false"));
        return $"@{name}({string.Join(", ", arguments)})";
    }

    public static ValueNode? Argument(DirectiveNode directive, string argument) =>
        directive.Arguments.FirstOrDefault(a => a.Name.Value == argument)?.Value is { } value and not NullValueNode ? value : null;

    public static long? Int(DirectiveNode directive, string argument) =>
        Argument(directive, argument) is IntValueNode number && long.TryParse(number.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;

    public static List<string>? Strings(DirectiveNode directive, string argument) => Argument(directive, argument) switch
    {
        ListValueNode list => [.. list.Values.OfType<StringValueNode>().Select(s => s.Value)],
        StringValueNode single => [single.Value],
        _ => null,
    };
}

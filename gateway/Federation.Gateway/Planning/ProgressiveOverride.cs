using System.Collections.Concurrent;
using System.Globalization;
using Federation.Gateway.Composition;

namespace Federation.Gateway.Planning;

/// <summary>
/// Progressive <c>@override(from:, label:)</c> as Apollo Router serves it: per request, each
/// <c>percent(n)</c> label of the supergraph is enabled with probability n/100 (so
/// <c>percent(0)</c> never, <c>percent(100)</c> always), any other label when the gateway's
/// configuration lists it (<c>Gateway:OverrideLabels</c>, none by default). With its label enabled
/// the field is resolved by the overriding subgraph, else by the one it overrides. The plans differ,
/// so the plan cache keys on the enabled labels too; one planner is kept per set of enabled labels.
/// https://www.apollographql.com/docs/graphos/schema-design/federated-schemas/entities/migrate-fields#incremental-migration-with-progressive-override
/// </summary>
internal sealed class ProgressiveOverride
{
    private readonly Supergraph supergraph;
    private readonly QueryPlanner unlabelled;
    private readonly IReadOnlyList<(string Label, double? Percent)> labels;
    private readonly HashSet<string> configured;
    private readonly Func<double> random;
    private readonly ConcurrentDictionary<string, QueryPlanner> planners = new(StringComparer.Ordinal);

    /// <param name="unlabelled">The planner of the supergraph with no label enabled.</param>
    /// <param name="configured">The labels the configuration enables for every request.</param>
    /// <param name="random">A number in [0, 1) per percent label and request; <see cref="Random.Shared"/> unless a test injects one.</param>
    public ProgressiveOverride(Supergraph supergraph, QueryPlanner unlabelled, IEnumerable<string> configured, Func<double>? random = null)
    {
        this.supergraph = supergraph;
        this.unlabelled = unlabelled;
        labels = [.. unlabelled.Schema.OverrideLabels.Select(label => (label, Percent(label)))];
        this.configured = new HashSet<string>(configured, StringComparer.Ordinal);
        this.random = random ?? Random.Shared.NextDouble;
    }

    /// <summary>Whether the supergraph has any progressive override at all.</summary>
    public bool Any => labels.Count > 0;

    /// <summary>n of a <c>percent(n)</c> label (0 to 100, decimals allowed); null for any other label.</summary>
    public static double? Percent(string label)
    {
        if (!label.StartsWith("percent(", StringComparison.Ordinal) || !label.EndsWith(')'))
        {
            return null;
        }

        var number = label["percent(".Length..^1];
        return number.Length > 0
            && number.All(c => char.IsAsciiDigit(c) || c == '.')
            && double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var percent)
            && percent is >= 0 and <= 100
                ? percent
                : null;
    }

    /// <summary>The labels enabled for one request, in order.</summary>
    public IReadOnlyList<string> Sample()
    {
        List<string>? enabled = null;
        foreach (var (label, percent) in labels)
        {
            // Each percent label is drawn for every request, also when configured, so the draws do not depend on the configuration.
            var drawn = percent is { } n && random() * 100 < n;
            if (drawn || configured.Contains(label))
            {
                (enabled ??= []).Add(label);
            }
        }

        return enabled ?? (IReadOnlyList<string>)[];
    }

    /// <summary>The planner for one request and the part of its plan key that says which labels it was planned with ("" for none).</summary>
    public (QueryPlanner Planner, string Key) ForRequest()
    {
        var enabled = Sample();
        if (enabled.Count == 0)
        {
            return (unlabelled, "");
        }

        var key = "labels:" + string.Join(',', enabled);
        return (planners.GetOrAdd(key, _ => new QueryPlanner(SupergraphPlanning.From(supergraph, enabled.ToHashSet(StringComparer.Ordinal)))), key);
    }
}

using Federation.Gateway.Planning;
using Federation.GraphQL.Language;

namespace Federation.Gateway.Tests.Planning;

/// <summary>
/// Progressive <c>@override(label:)</c>: the field is resolved by the overriding subgraph when the
/// label is enabled for the request, by the overridden one when not; <c>percent(n)</c> labels are
/// drawn per request (the random source injected here), other labels enabled by configuration.
/// </summary>
public sealed class ProgressiveOverrideTests
{
    private static readonly FederatedGraph Meters = FederatedGraph.Compose(
        ("old", """
            type Query { meters: [Meter!]! }
            type Meter @key(fields: "id") { id: ID! reading: Int! unit: String! phase: Int! tariff: String! }
            """),
        ("new", """
            type Meter @key(fields: "id") {
              id: ID!
              reading: Int! @override(from: "old", label: "percent(20)")
              unit: String! @override(from: "old", label: "percent(0)")
              phase: Int! @override(from: "old", label: "percent(100)")
              tariff: String! @override(from: "old", label: "beta")
            }
            """));

    private static string PlanWith(IReadOnlyList<string> labels, string operation) =>
        QueryPlanPrinter.Print(new QueryPlanner(SupergraphPlanning.From(Meters.Model, labels.ToHashSet())).Plan(Parser.Parse(operation), null));

    [Fact]
    public void Without_its_label_the_field_is_resolved_by_the_subgraph_it_overrides() => Assert.Equal(
        """
        QueryPlan {
          Fetch(service: "old") {
            {
              meters {
                reading
              }
            }
          },
        }
        """,
        PlanWith([], "{ meters { reading } }"));

    [Fact]
    public void With_its_label_the_field_is_resolved_by_the_overriding_subgraph() => Assert.Equal(
        """
        QueryPlan {
          Sequence {
            Fetch(service: "old") {
              {
                meters {
                  __typename
                  id
                  unit
                }
              }
            },
            Flatten(path: "meters.@") {
              Fetch(service: "new") {
                {
                  ... on Meter {
                    __typename
                    id
                  }
                } =>
                {
                  ... on Meter {
                    reading
                  }
                }
              },
            },
          },
        }
        """,
        PlanWith(["percent(20)"], "{ meters { reading unit } }"));

    [Fact]
    public void A_percent_label_is_enabled_when_the_draw_falls_below_its_share()
    {
        var below = Overrides([], () => 0.1999);
        var at = Overrides([], () => 0.2);

        Assert.Equal(["percent(100)", "percent(20)"], below.Sample());
        Assert.Equal(["percent(100)"], at.Sample());
    }

    [Fact]
    public void Percent_0_is_never_enabled_and_percent_100_always()
    {
        Assert.DoesNotContain("percent(0)", Overrides([], () => 0.0).Sample());
        Assert.Contains("percent(100)", Overrides([], () => 0.999_999_999).Sample());
    }

    [Fact]
    public void A_label_that_is_not_a_percentage_is_enabled_only_by_configuration()
    {
        Assert.DoesNotContain("beta", Overrides([], () => 0.0).Sample());
        Assert.Contains("beta", Overrides(["beta"], () => 0.999).Sample());
        Assert.DoesNotContain("gamma", Overrides(["gamma"], () => 0.999).Sample());
    }

    [Fact]
    public void The_plan_key_names_the_enabled_labels_and_one_planner_serves_each_set()
    {
        var draws = new Queue<double>([0.5, 0.5, 0.5, 0.5, 0.5, 0.1, 0.5, 0.5, 0.1]);
        var overrides = Overrides([], () => draws.Dequeue());

        var first = overrides.ForRequest();
        var second = overrides.ForRequest();

        Assert.Equal("labels:percent(100)", first.Key);
        Assert.Equal("labels:percent(100),percent(20)", second.Key);
        Assert.NotSame(first.Planner, second.Planner);
        Assert.Same(second.Planner, overrides.ForRequest().Planner);
    }

    [Theory]
    [InlineData("percent(0)", 0.0)]
    [InlineData("percent(100)", 100.0)]
    [InlineData("percent(12.5)", 12.5)]
    [InlineData("percent(101)", null)]
    [InlineData("percent(-1)", null)]
    [InlineData("percent()", null)]
    [InlineData("percent(1e2)", null)]
    [InlineData("beta", null)]
    public void Only_percent_of_a_number_from_0_to_100_is_a_percentage(string label, double? percent) =>
        Assert.Equal(percent, ProgressiveOverride.Percent(label));

    private static ProgressiveOverride Overrides(IReadOnlyList<string> configured, Func<double> random) =>
        new(Meters.Model, new QueryPlanner(Meters.Planning), configured, random);
}

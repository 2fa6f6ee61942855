using System.Text;
using Federation.Gateway.Planning;
using Federation.GraphQL.Language;
using Federation.GraphQL.Language.Syntax;
using Federation.GraphQL.Validation;

namespace Federation.Gateway.Tests.Planning;

/// <summary>
/// Fragments that each spread the next one twice describe 2^n selections in n lines. The planner
/// expands a fragment once per place and conditions, so its work stays linear in the document;
/// the plan is the one of the same selections written once.
/// </summary>
public sealed class FragmentFanOutPlanningTests
{
    /// <summary>Selections visited per selection written in the document, at most.</summary>
    private const int WorkPerSelection = 4;

    [Theory]
    [InlineData(32)]
    [InlineData(40)]
    public void Doubling_fragments_on_the_root(int levels)
    {
        var text = Doubling(levels, "Query", "", """person(idNumber: "110101199003074514") { name licences { totalCount } }""");
        var (plan, work, selections) = PlanCounting(text);
        Assert.InRange(work, 1, WorkPerSelection * selections);
        Assert.Equal(Printed("""{ person(idNumber: "110101199003074514") { name licences { totalCount } } }"""), plan);
    }

    [Theory]
    [InlineData(32)]
    [InlineData(40)]
    public void Doubling_fragments_inside_an_entity_with_a_hop(int levels)
    {
        var text = new StringBuilder("""{ person(idNumber: "110101199003074514") { ...F0 } }""").Append('\n');
        for (var i = 0; i < levels; i++)
        {
            text.Append($"fragment F{i} on Person {{ name ...F{i + 1} a{i}: licences {{ totalCount }} ...F{i + 1} }}\n");
        }

        text.Append($"fragment F{levels} on Person {{ gender }}\n");
        var (_, work, selections) = PlanCounting(text.ToString());
        Assert.InRange(work, 1, WorkPerSelection * selections);
    }

    [Fact]
    public void Doubling_fragments_under_one_condition()
    {
        const int levels = 32;
        var text = new StringBuilder("""query ($a: Boolean!) { ...F0 }""").Append('\n');
        for (var i = 0; i < levels; i++)
        {
            text.Append($"fragment F{i} on Query {{ ...F{i + 1} @include(if: $a) ...F{i + 1} @include(if: $a) }}\n");
        }

        text.Append($$"""fragment F{{levels}} on Query { person(idNumber: "110101199003074514") { name } }""");
        var (_, work, selections) = PlanCounting(text.ToString());
        Assert.InRange(work, 1, WorkPerSelection * selections);
    }

    [Fact]
    public void Doubling_fragments_under_different_conditions_are_refused_within_the_budget()
    {
        // Each level spreads under @include($a) and @skip($b): 2^n different condition paths,
        // each a different place in the subgraph operation. The planner stops at its budget.
        const int levels = 32;
        var text = new StringBuilder("""query ($a: Boolean!, $b: Boolean!) { ...F0 }""").Append('\n');
        for (var i = 0; i < levels; i++)
        {
            text.Append($"fragment F{i} on Query {{ ...F{i + 1} @include(if: $a) ...F{i + 1} @skip(if: $b) }}\n");
        }

        text.Append($$"""fragment F{{levels}} on Query { person(idNumber: "110101199003074514") { name } }""");
        var document = Parser.Parse(text.ToString());
        Assert.Empty(DocumentValidator.Validate(PlanHarness.Supergraph.Api, document));
        var refused = Assert.Throws<QueryPlanningException>(() => new QueryPlanner(PlanHarness.Supergraph).Plan(document, null));
        Assert.Contains("more than 200000 selections", refused.Message);
    }

    [Fact]
    public void Spreading_a_fragment_twice_plans_as_spreading_it_once() =>
        Assert.Equal(
            Printed("""{ ...P ...P } fragment P on Query { person(idNumber: "110101199003074514") { name licences { totalCount } } }"""),
            Printed("""{ ...P } fragment P on Query { person(idNumber: "110101199003074514") { name licences { totalCount } } }"""));

    private static string Doubling(int levels, string type, string between, string last)
    {
        var text = new StringBuilder("{ ...F0 }\n");
        for (var i = 0; i < levels; i++)
        {
            text.Append($"fragment F{i} on {type} {{ ...F{i + 1} {between} ...F{i + 1} }}\n");
        }

        return text.Append($"fragment F{levels} on {type} {{ {last} }}\n").ToString();
    }

    private static (string Plan, long Work, int Selections) PlanCounting(string text)
    {
        var document = Parser.Parse(text, ParserOptions.Unlimited);
        Assert.Empty(DocumentValidator.Validate(PlanHarness.Supergraph.Api, document));
        var plan = new QueryPlanner(PlanHarness.Supergraph).Plan(document, null, out var work);
        return (QueryPlanPrinter.Print(plan), work, SelectionsIn(document));
    }

    private static string Printed(string text) => QueryPlanPrinter.Print(PlanHarness.Plan(text));

    private static int SelectionsIn(DocumentNode document)
    {
        var count = 0;
        var pending = new Stack<SelectionSetNode>();
        foreach (var definition in document.Definitions)
        {
            pending.Push(definition switch
            {
                OperationDefinitionNode operation => operation.SelectionSet,
                FragmentDefinitionNode fragment => fragment.SelectionSet,
                _ => new SelectionSetNode([]),
            });
        }

        while (pending.TryPop(out var set))
        {
            foreach (var selection in set.Selections)
            {
                count++;
                switch (selection)
                {
                    case FieldNode { SelectionSet: { } inner }:
                        pending.Push(inner);
                        break;
                    case InlineFragmentNode inline:
                        pending.Push(inline.SelectionSet);
                        break;
                }
            }
        }

        return count;
    }
}

using System.Diagnostics.CodeAnalysis;
using Federation.Gateway.Planning;
using Federation.GraphQL.Language;
using Federation.GraphQL.Validation;
using Federation.Testing;
using SupergraphModel = Federation.Gateway.Composition.Supergraph;

namespace Federation.Gateway.Tests.Planning;

/// <summary>
/// Plans operations over the committed supergraph of the four agency subgraphs and compares the printed plan
/// with the test's reviewed snapshot, <c>__snapshots__/{Class}.{Test}.snap</c> beside it (<see cref="Snapshots"/>).
/// </summary>
internal static class PlanHarness
{
    private static readonly Lazy<SupergraphModel> LazyModel = new(() =>
        SupergraphModel.Parse(File.ReadAllText(Path.Combine(Repository.SchemaDirectory, "supergraph.graphql"))));

    private static readonly Lazy<PlanningSchema> LazySupergraph = new(() => SupergraphPlanning.From(LazyModel.Value));

    /// <summary>The committed supergraph as the composition reads it.</summary>
    public static SupergraphModel Model => LazyModel.Value;

    /// <summary>The committed supergraph as the planner reads it.</summary>
    public static PlanningSchema Supergraph => LazySupergraph.Value;

    public static QueryPlan Plan([StringSyntax("graphql")] string operation, string? operationName = null)
    {
        var document = Parser.Parse(operation);
        var errors = DocumentValidator.Validate(Supergraph.Api, document);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        return new QueryPlanner(Supergraph).Plan(document, operationName);
    }

    public static void ExpectPlan([StringSyntax("graphql")] string operation, string? operationName = null) =>
        Snapshots.Match(QueryPlanPrinter.Print(Plan(operation, operationName)));
}

using System.Diagnostics.CodeAnalysis;
using Federation.Gateway.Composition;
using Federation.Gateway.Planning;
using Federation.GraphQL.Language;
using Federation.GraphQL.Validation;
using Federation.Subgraphs.Hosting;
using Federation.Testing;

namespace Federation.Gateway.Tests.Planning;

/// <summary>
/// Subgraphs written inline as an agency would write them (Federation v2.7), composed by the
/// gateway's composition and planned by the planner: <see cref="ExpectPlan"/> compares the printed
/// plan, <see cref="ExpectRefused"/> the planning error, and <see cref="StartAsync"/> serves the
/// same subgraphs with the hosting library for end-to-end runs.
/// </summary>
internal sealed class FederatedGraph
{
    public const string Link = """extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@external", "@requires", "@provides", "@override", "@interfaceObject", "@inaccessible"])""";

    private FederatedGraph(IReadOnlyList<SubgraphSdl> subgraphs, Supergraph model)
    {
        Subgraphs = subgraphs;
        Model = model;
        Planning = SupergraphPlanning.From(model);
    }

    public IReadOnlyList<SubgraphSdl> Subgraphs { get; }

    public Supergraph Model { get; }

    public PlanningSchema Planning { get; }

    /// <param name="subgraphs">Name and SDL of each subgraph, without the federation link (added here).</param>
    public static FederatedGraph Compose(params (string Name, string Sdl)[] subgraphs)
    {
        var sdls = subgraphs.Select(s => new SubgraphSdl(s.Name, $"http://{s.Name}.example/graphql", Link + "\n" + s.Sdl)).ToList();
        var result = SupergraphComposer.Compose(sdls);
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        return new FederatedGraph(sdls, Supergraph.Parse(result.SupergraphSdl!));
    }

    /// <summary>
    /// A supergraph Apollo's composition made (for features our composition refuses, such as
    /// <c>@interfaceObject</c>); <paramref name="subgraphs"/> are the SDLs without the federation link.
    /// </summary>
    public static FederatedGraph FromSupergraph([StringSyntax("graphql")] string supergraphSdl, params (string Name, string Sdl)[] subgraphs) =>
        new([.. subgraphs.Select(s => new SubgraphSdl(s.Name, $"http://{s.Name}.example/graphql", Link + "\n" + s.Sdl))], Supergraph.Parse(supergraphSdl));

    public QueryPlan Plan([StringSyntax("graphql")] string operation, string? operationName = null)
    {
        var document = Parser.Parse(operation);
        var errors = DocumentValidator.Validate(Planning.Api, document);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        return new QueryPlanner(Planning).Plan(document, operationName);
    }

    /// <summary>Compares the printed plan with the test's reviewed snapshot (<see cref="Snapshots"/>).</summary>
    public void ExpectPlan([StringSyntax("graphql")] string operation, string? operationName = null) =>
        Snapshots.Match(QueryPlanPrinter.Print(Plan(operation, operationName)));

    /// <summary>Asserts the operation is refused with QUERY_PLANNING_FAILED and returns the error's message.</summary>
    public string ExpectRefused([StringSyntax("graphql")] string operation)
    {
        var exception = Assert.Throws<QueryPlanningException>(() => Plan(operation));
        var error = PlanningErrorCodes.PlanningFailed(exception);
        Assert.Equal(PlanningErrorCodes.QueryPlanningFailed, error.Extensions!["code"]);
        return exception.Message;
    }

    /// <summary>Serves each subgraph's SDL with the hosting library, bound by <paramref name="bindings"/>, and a gateway over them.</summary>
    public Task<RunningGraph> StartAsync(IReadOnlyDictionary<string, Func<Subgraph, Subgraph>> bindings) =>
        RunningGraph.StartAsync(this, bindings);
}

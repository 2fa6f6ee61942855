using System.Diagnostics.CodeAnalysis;
using Federation.Gateway.Composition;

namespace Federation.Gateway.Tests.Composition;

/// <summary>Composes subgraphs written inline, named <c>a</c>, <c>b</c>, <c>c</c>… in order.</summary>
internal static class CompositionHarness
{
    public const string Link = """extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@external", "@requires", "@provides", "@inaccessible", "@override", "@interfaceObject"])""";

    public static string ExpectComposes([StringSyntax("graphql")] params string[] subgraphs)
    {
        var result = Compose(subgraphs);
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        return result.SupergraphSdl!;
    }

    /// <summary>Each error as <c>CODE [subgraphs] coordinates</c>.</summary>
    public static void ExpectErrors(string[] expected, [StringSyntax("graphql")] params string[] subgraphs)
    {
        var result = Compose(subgraphs);
        Assert.Equal(expected, result.Errors.Select(e => $"{e.Code} [{string.Join(", ", e.Subgraphs)}] {string.Join(", ", e.Coordinates)}"));
    }

    private static CompositionResult Compose(string[] subgraphs) =>
        SupergraphComposer.Compose(subgraphs.Select((sdl, i) => Subgraph(((char)('a' + i)).ToString(), sdl)));

    public static SubgraphSdl Subgraph(string name, [StringSyntax("graphql")] string sdl) =>
        new(name, $"http://{name}.example/graphql", Link + "\n" + sdl);
}

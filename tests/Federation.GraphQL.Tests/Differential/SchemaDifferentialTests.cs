using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Federation.GraphQL.Conformance;
using Xunit;

namespace Federation.GraphQL.Tests.Differential;

/// <summary>
/// Every type system document of schema-corpus.json through graphql-js's buildSchema and
/// validateSchema and through our SchemaBuilder and SchemaValidator: the schema errors (as sets
/// of message + locations; none for a valid schema) must be equal unless tolerated.
/// </summary>
public sealed class SchemaDifferentialTests
{
    private static readonly Lazy<IReadOnlyDictionary<string, JsonObject>> GraphQLJsLines = new(RunGraphQLJs);

    private static string CorpusPath => Path.Combine(DifferentialCorpus.Directory, "schema-corpus.json");

    public static TheoryData<string> Schemas()
    {
        var data = new TheoryData<string>();
        foreach (var (name, _) in Load())
        {
            data.Add(name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Schemas))]
    public void Schema_has_the_errors_of_graphql_js(string name)
    {
        var sdl = Load().Single(s => s.Name == name).Sdl;
        var expected = GraphQLJsLines.Value[name];
        var actual = JsonNode.Parse(ConformanceRunner.SchemaLine(name, sdl))!.AsObject();
        var difference = ResponseComparison.SchemaErrorsDifference(expected, actual);
        var tolerated = ToleratedDifferences.IsTolerated("schemas", name, out var reason);

        if (difference is not null && !tolerated)
        {
            Assert.Fail($"schemas/{name} (types): {difference}");
        }

        if (difference is null && tolerated)
        {
            Assert.Fail($"schemas/{name} is listed in tolerated-differences.md ({reason}) but no longer differs: remove the row.");
        }
    }

    private static IReadOnlyList<(string Name, string Sdl)> Load()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(CorpusPath));
        return document.RootElement.EnumerateArray()
            .Select(e => (e.GetProperty("name").GetString()!, e.GetProperty("sdl").GetString()!))
            .ToArray();
    }

    private static IReadOnlyDictionary<string, JsonObject> RunGraphQLJs()
    {
        var peer = GraphQLJsPeer.PeerDirectory;
        GraphQLJsPeer.EnsureInstalled(peer);
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = peer,
        };
        foreach (var argument in new[] { Path.Combine(peer, "graphql-js-runner.mjs"), "--schemas", CorpusPath })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        var errorOutput = process.StandardError.ReadToEndAsync();
        var lines = new Dictionary<string, JsonObject>();
        while (process.StandardOutput.ReadLine() is { } line)
        {
            var json = JsonNode.Parse(line)!.AsObject();
            lines[json["name"]!.GetValue<string>()] = json;
        }

        process.WaitForExit();
        return process.ExitCode == 0
            ? lines
            : throw new InvalidOperationException($"graphql-js-runner.mjs --schemas exited with {process.ExitCode}: {errorOutput.Result}");
    }
}

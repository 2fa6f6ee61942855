using System.Diagnostics;
using Federation.Gateway.Composition;
using Federation.GraphQL.Types;

namespace Federation.Gateway.Tests.Composition;

/// <summary>
/// The API schema of a supergraph against Apollo's (<c>tests/peer/api-schema.mjs</c>:
/// <c>Supergraph.apiSchema()</c> printed by graphql-js's <c>printSchema</c>).
/// </summary>
public sealed class ApiSchemaTests
{
    [Theory]
    [InlineData("agency")]
    [InlineData("inaccessible-elements")]
    [InlineData("tags-everywhere")]
    [InlineData("executable-directive-intersection")]
    [InlineData("deprecated-and-specified-by")]
    public async Task The_api_schema_prints_as_Apollos(string name)
    {
        using var directory = new TemporaryDirectory();
        var subgraphs = name == "agency"
            ? Repository.AgencySubgraphs()
            : CorpusCase.Read(Path.Combine(Repository.CorpusDirectory, name));
        var composition = SupergraphComposer.Compose(subgraphs);
        Assert.True(composition.Succeeded, string.Join("\n", composition.Errors));
        var file = Path.Combine(directory.Path, "supergraph.graphql");
        File.WriteAllText(file, composition.SupergraphSdl);

        var apollo = await ApolloApiSchemaAsync(file);
        var ours = SchemaPrinter.Print(Supergraph.Parse(composition.SupergraphSdl!).ApiSchema);

        Assert.Equal(apollo, ours);
    }

    private static async Task<string> ApolloApiSchemaAsync(string supergraphFile)
    {
        var start = new ProcessStartInfo("node") { WorkingDirectory = Repository.PeerDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("api-schema.mjs");
        start.ArgumentList.Add(supergraphFile);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"node api-schema.mjs exited with {process.ExitCode}:\n{await error}");
        return await output;
    }
}

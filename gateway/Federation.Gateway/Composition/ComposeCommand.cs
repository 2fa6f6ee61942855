using System.CommandLine;

namespace Federation.Gateway.Composition;

/// <summary>
/// <c>compose [--schema-dir schema] [--out schema/supergraph.graphql]</c>: composes the subgraph
/// SDL files of the schema directory into the supergraph file, or prints the errors and exits 1.
/// </summary>
public static class ComposeCommand
{
    public static Command Create()
    {
        var schemaDirectory = new Option<DirectoryInfo>("--schema-dir")
        {
            Description = "The directory of the subgraph SDL files (population.graphql, legal-persons.graphql, spatial.graphql, licences.graphql).",
            DefaultValueFactory = _ => new DirectoryInfo("schema"),
        };
        var output = new Option<FileInfo>("--out")
        {
            Description = "Where to write the supergraph.",
            DefaultValueFactory = _ => new FileInfo(Path.Combine("schema", AgencySubgraphs.SupergraphFile)),
        };
        var command = new Command("compose", "Compose the agency subgraphs into the supergraph (Apollo's supergraph format).")
        {
            schemaDirectory,
            output,
        };
        command.SetAction(parse => Run(parse.GetValue(schemaDirectory)!, parse.GetValue(output)!, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error));
        return command;
    }

    internal static int Run(DirectoryInfo schemaDirectory, FileInfo output, TextWriter console, TextWriter errorConsole)
    {
        IReadOnlyList<SubgraphSdl> subgraphs;
        try
        {
            subgraphs = AgencySubgraphs.Read(schemaDirectory.FullName);
        }
        catch (IOException exception)
        {
            errorConsole.WriteLine(exception.Message);
            return 1;
        }

        var result = SupergraphComposer.Compose(subgraphs);
        if (!result.Succeeded)
        {
            errorConsole.WriteLine($"The subgraphs of {schemaDirectory.FullName} do not compose ({result.Errors.Count} errors):");
            foreach (var error in result.Errors)
            {
                errorConsole.WriteLine("  " + error);
            }

            return 1;
        }

        File.WriteAllText(output.FullName, result.SupergraphSdl);
        console.WriteLine($"Wrote the supergraph of {subgraphs.Count} subgraphs to {output.FullName}.");
        return 0;
    }
}

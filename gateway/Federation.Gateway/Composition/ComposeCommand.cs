using System.CommandLine;
using Federation.Gateway.Catalogue;

namespace Federation.Gateway.Composition;

/// <summary>
/// <c>compose [--schema-dir schema] [--out schema/supergraph.graphql]</c>: composes the subgraph
/// SDL files of the schema directory into the supergraph file, or prints the errors and exits 1 —
/// the share catalogue's too: a field it does not cover fails composition.
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
        var catalogue = new Option<FileInfo?>("--catalogue")
        {
            Description = "The share catalogue that must cover every field of the supergraph (default: catalogue.yaml of the schema directory).",
        };
        var command = new Command("compose", "Compose the agency subgraphs into the supergraph (Apollo's supergraph format), covered by the share catalogue.")
        {
            schemaDirectory,
            output,
            catalogue,
        };
        command.SetAction(parse => Run(parse.GetValue(schemaDirectory)!, parse.GetValue(output)!, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, parse.GetValue(catalogue)));
        return command;
    }

    internal static int Run(DirectoryInfo schemaDirectory, FileInfo output, TextWriter console, TextWriter errorConsole, FileInfo? catalogueFile = null)
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

        var cataloguePath = catalogueFile?.FullName ?? Path.Combine(schemaDirectory.FullName, CatalogueFiles.FileName);
        IReadOnlyList<CompositionError> uncovered;
        try
        {
            uncovered = CatalogueCoverage.Check(Supergraph.Parse(result.SupergraphSdl!), CatalogueFiles.FromFile(cataloguePath));
        }
        catch (Exception exception) when (exception is IOException or InvalidCatalogueException or FormatException)
        {
            errorConsole.WriteLine(exception.Message);
            return 1;
        }

        if (uncovered.Count > 0)
        {
            errorConsole.WriteLine($"The share catalogue {cataloguePath} does not cover the supergraph ({uncovered.Count} errors):");
            foreach (var error in uncovered)
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

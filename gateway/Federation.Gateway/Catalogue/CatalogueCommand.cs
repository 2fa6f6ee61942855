using System.CommandLine;
using Federation.Gateway.Composition;

namespace Federation.Gateway.Catalogue;

/// <summary>
/// <c>catalogue draft --subgraph &lt;name&gt; --agency &lt;credit code&gt; (--sdl FILE [--url URL] [--schema-dir schema] | --supergraph FILE)
/// [--catalogue schema/catalogue.yaml] [--out FILE] [--merge]</c>: the share-catalogue entries a subgraph
/// that joins needs (<see cref="CatalogueDraft"/>), written to <c>--out</c> or stdout; with <c>--merge</c>
/// the whole catalogue with them added (to <c>--out</c>, else over the catalogue). Exits 1 with a coded
/// message when it cannot draft.
/// </summary>
public static class CatalogueCommand
{
    public static Command Create()
    {
        var subgraph = new Option<string>("--subgraph") { Description = "The name of the subgraph that joins, as the supergraph names it.", Required = true };
        var agency = new Option<string>("--agency") { Description = "The unified social credit code of the agency whose system the subgraph is; it must be in the agencies registry (`token --list`).", Required = true };
        var sdl = new Option<FileInfo?>("--sdl") { Description = "The subgraph's SDL, composed with the agency subgraphs of --schema-dir to find what it brings." };
        var url = new Option<string?>("--url") { Description = "The subgraph's routing URL (with --sdl; it does not change the draft)." };
        var schemaDirectory = new Option<DirectoryInfo>("--schema-dir")
        {
            Description = "The directory of the agency subgraphs' SDL files that --sdl is composed with.",
            DefaultValueFactory = _ => new DirectoryInfo("schema"),
        };
        var supergraph = new Option<FileInfo?>("--supergraph") { Description = "Instead of --sdl: a supergraph that has the subgraph already (composed by any Federation 2 composition)." };
        var catalogue = new Option<FileInfo>("--catalogue")
        {
            Description = "The share catalogue to draft for.",
            DefaultValueFactory = _ => new FileInfo(Path.Combine("schema", CatalogueFiles.FileName)),
        };
        var output = new Option<FileInfo?>("--out") { Description = "Where to write (default: stdout; with --merge, the catalogue itself)." };
        var merge = new Option<bool>("--merge") { Description = "Write the whole catalogue with the entries added, comments and all, instead of the entries alone." };
        var draft = new Command("draft", "Write CONDITIONAL catalogue entries, provided by the subgraph's agency, for every field, argument and input field of a joining subgraph that no resource covers, for people to edit.")
        {
            subgraph, agency, sdl, url, schemaDirectory, supergraph, catalogue, output, merge,
        };
        draft.SetAction(parse => Draft(
            new DraftRequest(
                parse.GetValue(subgraph)!,
                parse.GetValue(agency)!,
                parse.GetValue(sdl),
                parse.GetValue(url),
                parse.GetValue(schemaDirectory)!,
                parse.GetValue(supergraph),
                parse.GetValue(catalogue)!,
                parse.GetValue(output),
                parse.GetValue(merge)),
            parse.InvocationConfiguration.Output,
            parse.InvocationConfiguration.Error));
        return new Command("catalogue", "Work on the share catalogue.") { draft };
    }

    internal sealed record DraftRequest(
        string Subgraph,
        string Agency,
        FileInfo? Sdl,
        string? Url,
        DirectoryInfo SchemaDirectory,
        FileInfo? Supergraph,
        FileInfo Catalogue,
        FileInfo? Output,
        bool Merge);

    internal static int Draft(DraftRequest request, TextWriter console, TextWriter errorConsole)
    {
        if ((request.Sdl is null) == (request.Supergraph is null))
        {
            errorConsole.WriteLine("Give the subgraph's schema: --sdl FILE (composed with the agency subgraphs of --schema-dir) or --supergraph FILE, one of the two.");
            return 1;
        }

        string catalogueText;
        ShareCatalogue catalogue;
        Supergraph composed;
        try
        {
            catalogueText = File.ReadAllText(request.Catalogue.FullName);
            catalogue = CatalogueFiles.FromText(catalogueText, request.Catalogue.FullName);
            if (Compose(request, errorConsole) is not { } supergraph)
            {
                return 1;
            }

            composed = supergraph;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or InvalidCatalogueException or FormatException)
        {
            errorConsole.WriteLine(exception.Message);
            return 1;
        }

        var (draft, refusal) = CatalogueDraft.Write(composed, catalogue, request.Subgraph, request.Agency);
        if (refusal is not null)
        {
            errorConsole.WriteLine(refusal);
            return 1;
        }

        string text;
        try
        {
            text = request.Merge ? CatalogueDraft.Merge(catalogueText, draft!) : CatalogueDraft.Fragment(draft!);
        }
        catch (FormatException exception)
        {
            errorConsole.WriteLine(exception.Message);
            return 1;
        }

        var target = request.Output ?? (request.Merge ? request.Catalogue : null);
        if (target is null)
        {
            console.Write(text);
        }
        else
        {
            File.WriteAllText(target.FullName, text);
        }

        errorConsole.WriteLine(
            $"Drafted {draft!.Resources.Count} CONDITIONAL resources ({draft.Resources.Sum(r => r.Fields.Count)} coordinates) of subgraph \"{draft.Subgraph}\" for {draft.Agency.Name} ({draft.Agency.Code})" +
            (target is null ? "." : $" into {target.FullName}."));
        foreach (var left in draft.LeftOut)
        {
            errorConsole.WriteLine("  not drafted: " + left);
        }

        // What the catalogue would still lack with the entries: errors of other subgraphs, or left-out coordinates.
        try
        {
            var remaining = CatalogueCoverage.Check(composed, CatalogueFiles.FromText(CatalogueDraft.Merge(catalogueText, draft), "(with the draft)"));
            errorConsole.WriteLine(remaining.Count == 0
                ? "With these entries the catalogue covers the supergraph. Edit them before they are served: each stays closed until a share application is approved."
                : $"With these entries the catalogue would still not cover the supergraph ({remaining.Count} errors):{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", remaining)}");
        }
        catch (Exception exception) when (exception is FormatException or InvalidCatalogueException)
        {
            errorConsole.WriteLine("The entries could not be tried in the catalogue: " + exception.Message);
        }

        return 0;
    }

    private static Supergraph? Compose(DraftRequest request, TextWriter errorConsole)
    {
        if (request.Supergraph is { } file)
        {
            return Supergraph.Parse(File.ReadAllText(file.FullName));
        }

        var subgraphs = AgencySubgraphs.Read(request.SchemaDirectory.FullName).Where(s => s.Name != request.Subgraph).ToList();
        subgraphs.Add(new SubgraphSdl(request.Subgraph, request.Url ?? $"http://{request.Subgraph}.invalid/graphql", File.ReadAllText(request.Sdl!.FullName)));
        var result = SupergraphComposer.Compose(subgraphs);
        if (result.Succeeded)
        {
            return Supergraph.Parse(result.SupergraphSdl!);
        }

        errorConsole.WriteLine($"Subgraph \"{request.Subgraph}\" does not compose with the subgraphs of {request.SchemaDirectory.FullName} ({result.Errors.Count} errors):");
        foreach (var error in result.Errors)
        {
            errorConsole.WriteLine("  " + error);
        }

        return null;
    }
}

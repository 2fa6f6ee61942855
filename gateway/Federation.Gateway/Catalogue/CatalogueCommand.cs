using System.CommandLine;
using Federation.Gateway.Composition;

namespace Federation.Gateway.Catalogue;

/// <summary>
/// <c>catalogue draft --subgraph &lt;name&gt; --agency &lt;credit code&gt; [--config schema/supergraph.yaml | --supergraph FILE]
/// [--catalogue schema/catalogue.yaml] [--out FILE] [--merge]</c>: the share-catalogue entries a subgraph
/// that joins needs, once the subgraph config names it (<see cref="CatalogueDraft"/>), written to <c>--out</c> or stdout; with <c>--merge</c>
/// the whole catalogue with them added (to <c>--out</c>, else over the catalogue). Exits 1 with a coded
/// message when it cannot draft.
/// </summary>
public static class CatalogueCommand
{
    public static Command Create()
    {
        var subgraph = new Option<string>("--subgraph") { Description = "The name of the subgraph that joins, as the supergraph names it.", Required = true };
        var agency = new Option<string>("--agency") { Description = "The unified social credit code of the agency whose system the subgraph is; it must be in the agencies registry (`token --list`).", Required = true };
        var config = new Option<FileInfo?>("--config")
        {
            Description = $"The subgraph config with the joining subgraph's entry (default: schema/{SubgraphConfig.FileName}); a live subgraph's SDL is fetched signed with {ComposeCommand.SignatureSecretVariable}.",
        };
        var supergraph = new Option<FileInfo?>("--supergraph") { Description = "Instead of --config: a supergraph that has the subgraph already (composed by any Federation 2 composition)." };
        var catalogue = new Option<FileInfo>("--catalogue")
        {
            Description = "The share catalogue to draft for.",
            DefaultValueFactory = _ => new FileInfo(Path.Combine("schema", CatalogueFiles.FileName)),
        };
        var output = new Option<FileInfo?>("--out") { Description = "Where to write (default: stdout; with --merge, the catalogue itself)." };
        var merge = new Option<bool>("--merge") { Description = "Write the whole catalogue with the entries added, comments and all, instead of the entries alone." };
        var draft = new Command("draft", "Write CONDITIONAL catalogue entries, provided by the subgraph's agency, for every field, argument and input field of a joining subgraph that no resource covers, for people to edit.")
        {
            subgraph, agency, config, supergraph, catalogue, output, merge,
        };
        draft.SetAction((parse, cancellationToken) => DraftAsync(
            new DraftRequest(
                parse.GetValue(subgraph)!,
                parse.GetValue(agency)!,
                parse.GetValue(config),
                parse.GetValue(supergraph),
                parse.GetValue(catalogue)!,
                parse.GetValue(output),
                parse.GetValue(merge)),
            parse.InvocationConfiguration.Output,
            parse.InvocationConfiguration.Error,
            cancellationToken));
        return new Command("catalogue", "Work on the share catalogue.") { draft };
    }

    internal sealed record DraftRequest(
        string Subgraph,
        string Agency,
        FileInfo? Config,
        FileInfo? Supergraph,
        FileInfo Catalogue,
        FileInfo? Output,
        bool Merge);

    internal static async Task<int> DraftAsync(DraftRequest request, TextWriter console, TextWriter errorConsole, CancellationToken cancellationToken = default)
    {
        if (request.Config is not null && request.Supergraph is not null)
        {
            errorConsole.WriteLine("Give the subgraph's schema one way: --config FILE (the subgraph config with its entry) or --supergraph FILE.");
            return 1;
        }

        string catalogueText;
        ShareCatalogue catalogue;
        Supergraph composed;
        try
        {
            catalogueText = File.ReadAllText(request.Catalogue.FullName);
            catalogue = CatalogueFiles.FromText(catalogueText, request.Catalogue.FullName);
            if (await ComposeAsync(request, errorConsole, cancellationToken).ConfigureAwait(false) is not { } supergraph)
            {
                return 1;
            }

            composed = supergraph;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or InvalidCatalogueException or FormatException or InvalidSubgraphConfigException)
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

    private static async Task<Supergraph?> ComposeAsync(DraftRequest request, TextWriter errorConsole, CancellationToken cancellationToken)
    {
        if (request.Supergraph is { } file)
        {
            return Supergraph.Parse(await File.ReadAllTextAsync(file.FullName, cancellationToken).ConfigureAwait(false));
        }

        var config = SubgraphConfig.Load((request.Config ?? new FileInfo(Path.Combine("schema", SubgraphConfig.FileName))).FullName);
        using var fetcher = ComposeCommand.LiveFetcher(config);
        var resolution = await config.ResolveAsync(fetcher?.Fetcher, cancellationToken).ConfigureAwait(false);
        var errors = resolution.Errors;
        string? sdl = null;
        if (resolution.Succeeded)
        {
            var result = SupergraphComposer.Compose(resolution.Subgraphs);
            errors = result.Errors;
            sdl = result.SupergraphSdl;
        }

        if (errors.Count == 0)
        {
            return Supergraph.Parse(sdl!);
        }

        errorConsole.WriteLine($"The subgraphs of {config.Path} do not compose ({errors.Count} errors):");
        foreach (var error in errors)
        {
            errorConsole.WriteLine("  " + error);
        }

        return null;
    }
}

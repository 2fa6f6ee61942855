using System.CommandLine;
using Federation.Gateway.Catalogue;
using Federation.Protocol.Signing;

namespace Federation.Gateway.Composition;

/// <summary>
/// <c>compose [--config schema/supergraph.yaml] [--out schema/supergraph.graphql] [--catalogue …]</c>:
/// composes the subgraphs the subgraph config names (<see cref="SubgraphConfig"/>: SDL files, or
/// live subgraphs asked for their <c>_service { sdl }</c>) into the supergraph file, or prints the
/// errors and exits 1 — the share catalogue's too: a field it does not cover fails composition.
/// <c>--schema-dir dir</c> stands for <c>--config dir/supergraph.yaml</c>.
/// </summary>
public static class ComposeCommand
{
    /// <summary>Where a config with live subgraphs takes the secret that signs the SDL requests (the gateway's setting).</summary>
    public const string SignatureSecretVariable = "GatewaySignature__Secret";

    public static Command Create()
    {
        var config = new Option<FileInfo?>("--config")
        {
            Description = "The subgraph config, Apollo rover's supergraph config format (default: schema/supergraph.yaml, or supergraph.yaml of --schema-dir).",
        };
        var schemaDirectory = new Option<DirectoryInfo?>("--schema-dir")
        {
            Description = "A directory whose supergraph.yaml (and catalogue.yaml) to use, when --config is not given.",
        };
        var output = new Option<FileInfo>("--out")
        {
            Description = "Where to write the supergraph.",
            DefaultValueFactory = _ => new FileInfo(Path.Combine("schema", Supergraph.FileName)),
        };
        var catalogue = new Option<FileInfo?>("--catalogue")
        {
            Description = "The share catalogue that must cover every field of the supergraph (default: catalogue.yaml beside the config).",
        };
        var command = new Command("compose", "Compose the subgraphs the subgraph config names into the supergraph (Apollo's supergraph format), covered by the share catalogue.")
        {
            config,
            schemaDirectory,
            output,
            catalogue,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var configFile = parse.GetValue(config)
                ?? new FileInfo(Path.Combine(parse.GetValue(schemaDirectory)?.FullName ?? "schema", SubgraphConfig.FileName));
            return RunAsync(configFile, parse.GetValue(output)!, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, parse.GetValue(catalogue), cancellationToken);
        });
        return command;
    }

    internal static async Task<int> RunAsync(FileInfo configFile, FileInfo output, TextWriter console, TextWriter errorConsole, FileInfo? catalogueFile = null, CancellationToken cancellationToken = default)
    {
        SubgraphConfig config;
        try
        {
            config = SubgraphConfig.Load(configFile.FullName);
        }
        catch (InvalidSubgraphConfigException exception)
        {
            errorConsole.WriteLine(exception.Message);
            return 1;
        }

        using var fetcher = LiveFetcher(config);
        var resolution = await config.ResolveAsync(fetcher?.Fetcher, cancellationToken).ConfigureAwait(false);
        if (!resolution.Succeeded)
        {
            Print(errorConsole, $"The subgraphs of {config.Path} cannot all be read ({resolution.Errors.Count} errors):", resolution.Errors);
            return 1;
        }

        var result = SupergraphComposer.Compose(resolution.Subgraphs);
        if (!result.Succeeded)
        {
            Print(errorConsole, $"The subgraphs of {config.Path} do not compose ({result.Errors.Count} errors):", result.Errors);
            return 1;
        }

        var cataloguePath = catalogueFile?.FullName ?? Path.Combine(Path.GetDirectoryName(config.Path)!, CatalogueFiles.FileName);
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
            Print(errorConsole, $"The share catalogue {cataloguePath} does not cover the supergraph ({uncovered.Count} errors):", uncovered);
            return 1;
        }

        File.WriteAllText(output.FullName, result.SupergraphSdl);
        console.WriteLine($"Wrote the supergraph of {resolution.Subgraphs.Count} subgraphs to {output.FullName}.");
        return 0;
    }

    private static void Print(TextWriter errorConsole, string heading, IReadOnlyList<CompositionError> errors)
    {
        errorConsole.WriteLine(heading);
        foreach (var error in errors)
        {
            errorConsole.WriteLine("  " + error);
        }
    }

    /// <summary>The signed fetcher live subgraphs need (they answer only the gateway), when the config names any and the secret is set.</summary>
    internal static OwnedFetcher? LiveFetcher(SubgraphConfig config)
    {
        if (!config.Subgraphs.Any(s => s.Schema is SubgraphSchemaLive) || Environment.GetEnvironmentVariable(SignatureSecretVariable) is not { Length: > 0 } secret)
        {
            return null;
        }

        var http = new HttpClient(new GatewaySigningHandler(new GatewaySignature(secret)) { InnerHandler = new SocketsHttpHandler { ActivityHeadersPropagator = null } }) { Timeout = LiveSubgraphs.FetchTimeout };
        return new OwnedFetcher(http, new SubgraphSdlFetcher(http, Hosting.GatewayService.SchemaCheckCaller));
    }

    internal sealed record OwnedFetcher(HttpClient Http, SubgraphSdlFetcher Fetcher) : IDisposable
    {
        public void Dispose() => Http.Dispose();
    }
}

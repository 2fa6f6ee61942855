using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Federation.Gateway.Composition;

/// <summary>Where a subgraph's schema comes from: a file, or the subgraph itself (<c>_service { sdl }</c>).</summary>
public abstract record SubgraphSchemaSource;

/// <summary>An SDL file; <see cref="Path"/> is absolute (the config names it relative to itself).</summary>
public sealed record SubgraphSchemaFile(string Path) : SubgraphSchemaSource;

/// <summary>The SDL the subgraph at <see cref="Url"/> serves as <c>_service { sdl }</c>, fetched signed.</summary>
public sealed record SubgraphSchemaLive(string Url) : SubgraphSchemaSource;

/// <summary>One subgraph the config names: its name (the <c>join__Graph</c> value's source), where the gateway routes to it, its schema.</summary>
public sealed record SubgraphConfigEntry(string Name, string RoutingUrl, SubgraphSchemaSource Schema);

/// <summary>The subgraphs' SDL as the config resolves it, or why some could not be had (never both).</summary>
public sealed record SubgraphSdlResolution(IReadOnlyList<SubgraphSdl> Subgraphs, IReadOnlyList<CompositionError> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>The subgraph config is not valid: every error found, each with its code.</summary>
public sealed class InvalidSubgraphConfigException(string path, IReadOnlyList<CompositionError> errors)
    : Exception($"The subgraph config {path} is not valid ({errors.Count} errors):" + string.Concat(errors.Select(e => Environment.NewLine + "  " + e)))
{
    public IReadOnlyList<CompositionError> Errors { get; } = errors;
}

/// <summary>
/// The subgraph set, <c>schema/supergraph.yaml</c>, in Apollo rover's supergraph config format:
/// <code>
/// federation_version: =2.14.4        # optional
/// subgraphs:
///   population:
///     routing_url: http://127.0.0.1:4101/graphql
///     schema:
///       file: population.graphql       # relative to this file
///   tax:
///     routing_url: http://tax.internal/graphql
///     schema:
///       subgraph_url: http://tax.internal/graphql   # its _service { sdl }, fetched signed
/// </code>
/// Read strictly, all errors at once: unknown keys, missing ones, URLs that are not absolute
/// http(s), names that cannot name a subgraph, two sources or none. Rover's GraphOS sources
/// (<c>graphref</c>, <c>subgraph</c>) and <c>introspection_headers</c> are not supported: the
/// gateway's own signature authenticates its SDL requests.
/// https://www.apollographql.com/docs/rover/commands/supergraphs#yaml-configuration-file
/// </summary>
public sealed partial class SubgraphConfig
{
    public const string FileName = "supergraph.yaml";

    /// <summary>The composition this gateway does (Apollo's 2.14.4): the versions a config may ask for.</summary>
    private static readonly string[] FederationVersions = ["2", "=2.14.4"];

    private static readonly string[] FileKeys = ["federation_version", "subgraphs"];
    private static readonly string[] SubgraphKeys = ["routing_url", "schema"];
    private static readonly string[] SchemaKeys = ["file", "subgraph_url"];

    private SubgraphConfig(string path, IReadOnlyList<SubgraphConfigEntry> subgraphs)
    {
        Path = path;
        Subgraphs = subgraphs;
    }

    /// <summary>The config file's absolute path.</summary>
    public string Path { get; }

    /// <summary>The subgraphs in the order the file names them.</summary>
    public IReadOnlyList<SubgraphConfigEntry> Subgraphs { get; }

    /// <summary>Reads the config file.</summary>
    /// <exception cref="InvalidSubgraphConfigException">The file cannot be read or is not a valid config.</exception>
    public static SubgraphConfig Load(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        string yaml;
        try
        {
            yaml = File.ReadAllText(full);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new InvalidSubgraphConfigException(full, [CompositionErrorCodes.SubgraphConfigUnreadable(full, exception.Message)]);
        }

        var errors = new List<CompositionError>();
        var subgraphs = Read(yaml, System.IO.Path.GetDirectoryName(full)!, errors);
        return errors.Count > 0 ? throw new InvalidSubgraphConfigException(full, errors) : new SubgraphConfig(full, subgraphs);
    }

    /// <summary>Reads a config's text; <paramref name="baseDirectory"/> is where its relative files are.</summary>
    /// <exception cref="InvalidSubgraphConfigException">It is not a valid config.</exception>
    public static SubgraphConfig Parse(string yaml, string baseDirectory)
    {
        var errors = new List<CompositionError>();
        var subgraphs = Read(yaml, System.IO.Path.GetFullPath(baseDirectory), errors);
        var path = System.IO.Path.Combine(System.IO.Path.GetFullPath(baseDirectory), FileName);
        return errors.Count > 0 ? throw new InvalidSubgraphConfigException(path, errors) : new SubgraphConfig(path, subgraphs);
    }

    /// <summary>
    /// The SDL of every subgraph: files read, live subgraphs asked (in parallel, each within
    /// <see cref="LiveSubgraphs.FetchTimeout"/>) through <paramref name="fetcher"/>, which a config
    /// naming only files does not need.
    /// </summary>
    public async Task<SubgraphSdlResolution> ResolveAsync(SubgraphSdlFetcher? fetcher, CancellationToken cancellationToken)
    {
        var errors = new List<CompositionError>();
        var resolved = new SubgraphSdl?[Subgraphs.Count];
        var fetches = new List<Task>();
        for (var i = 0; i < Subgraphs.Count; i++)
        {
            var index = i;
            var entry = Subgraphs[i];
            switch (entry.Schema)
            {
                case SubgraphSchemaFile file:
                    try
                    {
                        resolved[index] = new SubgraphSdl(entry.Name, entry.RoutingUrl, await File.ReadAllTextAsync(file.Path, cancellationToken).ConfigureAwait(false));
                    }
                    catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
                    {
                        errors.Add(CompositionErrorCodes.SubgraphSchemaFileUnreadable(entry.Name, file.Path, exception.Message));
                    }

                    break;
                case SubgraphSchemaLive live when fetcher is null:
                    errors.Add(CompositionErrorCodes.SubgraphSdlUnavailable(entry.Name, $"{live.Url} is a live subgraph and nothing here may ask it for its SDL."));
                    break;
                case SubgraphSchemaLive live:
                    fetches.Add(Fetch(fetcher!, entry, live.Url, sdl => resolved[index] = sdl, errors, cancellationToken));
                    break;
            }
        }

        await Task.WhenAll(fetches).ConfigureAwait(false);
        return errors.Count > 0
            ? new SubgraphSdlResolution([], [.. errors.OrderBy(e => e.Subgraphs.FirstOrDefault(), StringComparer.Ordinal)])
            : new SubgraphSdlResolution([.. resolved.Select(s => s!)], []);
    }

    private static async Task Fetch(SubgraphSdlFetcher fetcher, SubgraphConfigEntry entry, string url, Action<SubgraphSdl> found, List<CompositionError> errors, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(LiveSubgraphs.FetchTimeout);
        string? why;
        try
        {
            found(new SubgraphSdl(entry.Name, entry.RoutingUrl, await fetcher.FetchAsync(url, timeout.Token).ConfigureAwait(false)));
            return;
        }
        catch (SubgraphSdlUnavailableException exception)
        {
            why = exception.Message;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            why = $"{url} did not answer within {LiveSubgraphs.FetchTimeout.TotalSeconds:0} s.";
        }

        lock (errors)
        {
            errors.Add(CompositionErrorCodes.SubgraphSdlUnavailable(entry.Name, why));
        }
    }

    private static List<SubgraphConfigEntry> Read(string yaml, string baseDirectory, List<CompositionError> errors)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException exception) when (DuplicateKey(exception, yaml) is { } key)
        {
            errors.Add(CompositionErrorCodes.SubgraphConfigDuplicateKey(Line(exception), key));
            return [];
        }
        catch (YamlException exception)
        {
            errors.Add(CompositionErrorCodes.SubgraphConfigInvalidYaml(Line(exception), exception.InnerException?.Message ?? exception.Message));
            return [];
        }
        catch (InvalidOperationException exception)
        {
            // YamlDotNet's scanner gives up this way on some broken flow collections; the position is lost with it.
            errors.Add(CompositionErrorCodes.SubgraphConfigInvalidYaml(1, exception.Message));
            return [];
        }

        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            errors.Add(CompositionErrorCodes.SubgraphConfigInvalidYaml(1, "the file is one mapping with subgraphs (and optionally federation_version)."));
            return [];
        }

        CheckKeys(root, FileKeys, "the config", errors);
        if (Value(root, "federation_version") is { } version && (version is not YamlScalarNode { Value: { } asked } || !FederationVersions.Contains(asked, StringComparer.Ordinal)))
        {
            errors.Add(CompositionErrorCodes.SubgraphConfigInvalidValue(Line(version), "federation_version", Describe(version), "one of " + string.Join(", ", FederationVersions) + " (this gateway composes as Apollo's composition 2.14.4 does)"));
        }

        var entries = new List<SubgraphConfigEntry>();
        switch (Value(root, "subgraphs"))
        {
            case null:
                errors.Add(CompositionErrorCodes.SubgraphConfigMissingKey(Line(root), "subgraphs", "the config"));
                return entries;
            case YamlMappingNode subgraphs:
                foreach (var (key, value) in subgraphs.Children)
                {
                    if (ReadEntry(key, value, baseDirectory, errors) is { } entry)
                    {
                        entries.Add(entry);
                    }
                }

                if (subgraphs.Children.Count == 0)
                {
                    errors.Add(CompositionErrorCodes.SubgraphConfigInvalidValue(Line(subgraphs), "subgraphs", "an empty mapping", "at least one subgraph"));
                }

                return entries;
            case var other:
                errors.Add(CompositionErrorCodes.SubgraphConfigInvalidValue(Line(other), "subgraphs", Describe(other), "a mapping of subgraph names to their routing_url and schema"));
                return entries;
        }
    }

    private static SubgraphConfigEntry? ReadEntry(YamlNode key, YamlNode value, string baseDirectory, List<CompositionError> errors)
    {
        if (key is not YamlScalarNode { Value: { } name } || !SubgraphName().IsMatch(name))
        {
            errors.Add(CompositionErrorCodes.SubgraphConfigInvalidName(Line(key), Describe(key)));
            return null;
        }

        var where = $"subgraph \"{name}\"";
        if (value is not YamlMappingNode entry)
        {
            errors.Add(CompositionErrorCodes.SubgraphConfigInvalidValue(Line(value), name, Describe(value), "a mapping with routing_url and schema"));
            return null;
        }

        CheckKeys(entry, SubgraphKeys, where, errors);
        var routingUrl = Url(entry, "routing_url", where, errors);
        SubgraphSchemaSource? source = null;
        switch (Value(entry, "schema"))
        {
            case null:
                errors.Add(CompositionErrorCodes.SubgraphConfigMissingKey(Line(entry), "schema", where));
                break;
            case YamlMappingNode schema:
                CheckKeys(schema, SchemaKeys, where + " schema", errors);
                var hasFile = Value(schema, "file") is not null;
                var hasUrl = Value(schema, "subgraph_url") is not null;
                if (hasFile == hasUrl)
                {
                    errors.Add(CompositionErrorCodes.SubgraphConfigSchemaSource(Line(schema), name, hasFile ? "names both a file and a subgraph_url" : "names neither a file nor a subgraph_url"));
                }
                else if (hasFile)
                {
                    source = Text(schema, "file", where, errors) is { } file ? new SubgraphSchemaFile(System.IO.Path.GetFullPath(file, baseDirectory)) : null;
                }
                else
                {
                    source = Url(schema, "subgraph_url", where, errors) is { } url ? new SubgraphSchemaLive(url) : null;
                }

                break;
            case var other:
                errors.Add(CompositionErrorCodes.SubgraphConfigInvalidValue(Line(other), "schema", Describe(other), "a mapping with file or subgraph_url"));
                break;
        }

        return routingUrl is not null && source is not null ? new SubgraphConfigEntry(name, routingUrl, source) : null;
    }

    private static string? Url(YamlMappingNode node, string key, string where, List<CompositionError> errors)
    {
        if (Value(node, key) is null)
        {
            errors.Add(CompositionErrorCodes.SubgraphConfigMissingKey(Line(node), key, where));
            return null;
        }

        var text = Text(node, key, where, errors);
        if (text is null)
        {
            return null;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || string.IsNullOrEmpty(uri.Host) || !string.IsNullOrEmpty(uri.UserInfo) || !string.IsNullOrEmpty(uri.Fragment))
        {
            errors.Add(CompositionErrorCodes.SubgraphConfigInvalidValue(Line(Value(node, key)!), key, $"\"{text}\"", "an absolute http or https URL without user information or fragment"));
            return null;
        }

        return text;
    }

    private static string? Text(YamlMappingNode node, string key, string where, List<CompositionError> errors)
    {
        var value = Value(node, key);
        if (value is YamlScalarNode { Value: { } text } && !string.IsNullOrWhiteSpace(text))
        {
            return text;
        }

        errors.Add(CompositionErrorCodes.SubgraphConfigInvalidValue(value is null ? Line(node) : Line(value), key, value is null ? "nothing" : Describe(value), $"text ({where})"));
        return null;
    }

    private static void CheckKeys(YamlMappingNode node, string[] known, string where, List<CompositionError> errors)
    {
        foreach (var key in node.Children.Keys)
        {
            if (key is not YamlScalarNode { Value: { } name } || !known.Contains(name, StringComparer.Ordinal))
            {
                errors.Add(CompositionErrorCodes.SubgraphConfigUnknownKey(Line(key), Describe(key), where, known));
            }
        }
    }

    private static YamlNode? Value(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private static int Line(YamlNode node) => checked((int)node.Start.Line);

    private static int Line(YamlException exception) => checked((int)exception.Start.Line);

    /// <summary>The key YamlDotNet refused as given twice in one mapping, else null.</summary>
    private static string? DuplicateKey(YamlException exception, string yaml)
    {
        if (!exception.Message.Contains("Duplicate key", StringComparison.Ordinal))
        {
            return null;
        }

        // YamlDotNet names the position of the second key, not the key: read it from the text there.
        var lines = yaml.Split('\n');
        var (line, column) = (checked((int)exception.Start.Line), checked((int)exception.Start.Column));
        return line >= 1 && line <= lines.Length && column >= 1 && column <= lines[line - 1].Length
            && DuplicateKeyText().Match(lines[line - 1][(column - 1)..]) is { Success: true } match
                ? match.Groups[1].Value
                : "a key";
    }

    private static string Describe(YamlNode node) => node switch
    {
        YamlScalarNode { Value: { } text } => text.Length <= 60 ? $"\"{text}\"" : $"\"{text[..60]}…\"",
        YamlScalarNode => "an empty value",
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        _ => "an alias",
    };

    /// <summary>
    /// A subgraph name names its <c>join__Graph</c> value, its catalogue entry and its log lines:
    /// letters, digits, <c>-</c> and <c>_</c>, starting with a letter (Apollo refuses <c>_</c> itself).
    /// </summary>
    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_-]{0,62}$")]
    private static partial Regex SubgraphName();

    [GeneratedRegex(@"^[""']?([^""':]*)")]
    private static partial Regex DuplicateKeyText();
}

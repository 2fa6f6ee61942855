using System.Text.RegularExpressions;

namespace Federation.Deployment.Tests;

/// <summary>
/// A Dockerfile of the repository, read as far as the tests need: its stages' base images, what it
/// copies, the project it publishes, its user, its entry point and the image name it declares
/// (<c>org.opencontainers.image.title</c>, the name k8s/ deploys it under).
/// </summary>
internal sealed partial record Dockerfile(string Path, IReadOnlyList<string> Instructions)
{
    public IReadOnlyList<string> BaseImages => [.. Instructions.Where(i => i.StartsWith("FROM ", StringComparison.Ordinal)).Select(i => i.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1])];

    /// <summary>The repository paths the build stage copies from the context (not from another stage).</summary>
    public IReadOnlyList<string> CopiedSources => [.. Instructions
        .Where(i => i.StartsWith("COPY ", StringComparison.Ordinal) && !i.StartsWith("COPY --from", StringComparison.Ordinal))
        .SelectMany(i => { var parts = i.Split(' ', StringSplitOptions.RemoveEmptyEntries); return parts[1..^1]; })];

    public string? PublishedProject => Instructions.Select(i => Publish().Match(i)).FirstOrDefault(m => m.Success)?.Groups["project"].Value;

    /// <summary>The user of the last stage, the one that runs.</summary>
    public string? User => Instructions.LastOrDefault(i => i.StartsWith("USER ", StringComparison.Ordinal))?[5..].Trim();

    public IReadOnlyList<string> EntryPoint => Instructions.LastOrDefault(i => i.StartsWith("ENTRYPOINT ", StringComparison.Ordinal)) is { } entry
        ? [.. JsonArrayItem().Matches(entry).Select(m => m.Groups[1].Value)]
        : [];

    public string? ImageName => Title().Match(string.Join('\n', Instructions)) is { Success: true } m ? m.Groups[1].Value : null;

    /// <summary>Every Dockerfile of the repository (build output and node_modules aside).</summary>
    public static IReadOnlyList<Dockerfile> All { get; } = [.. Directory
        .EnumerateFiles(Repository.Root, "Dockerfile", SearchOption.AllDirectories)
        .Where(path => !path.Split(System.IO.Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj" or "node_modules" or ".git"))
        .Order(StringComparer.Ordinal)
        .Select(Read)];

    public static Dockerfile Read(string path)
    {
        // Instructions, with continuation lines joined and comments dropped.
        var instructions = new List<string>();
        var current = "";
        foreach (var raw in File.ReadAllLines(path))
        {
            var line = raw.Trim();
            if (current.Length == 0 && (line.Length == 0 || line.StartsWith('#')))
            {
                continue;
            }

            if (line.EndsWith('\\'))
            {
                current += line[..^1] + " ";
                continue;
            }

            instructions.Add(Regex.Replace(current + line, "\\s+", " "));
            current = "";
        }

        return new Dockerfile(System.IO.Path.GetRelativePath(Repository.Root, path).Replace(System.IO.Path.DirectorySeparatorChar, '/'), instructions);
    }

    [GeneratedRegex("dotnet publish (?<project>\\S+\\.csproj)")]
    private static partial Regex Publish();

    [GeneratedRegex("\"([^\"]*)\"")]
    private static partial Regex JsonArrayItem();

    [GeneratedRegex("org\\.opencontainers\\.image\\.title=\"([^\"]+)\"")]
    private static partial Regex Title();
}

/// <summary>The images k8s/ deploys: ours (a Dockerfile's name, any registry and tag) and the data services'.</summary>
internal static class Images
{
    /// <summary>The images of others that the manifests run: PostgreSQL (with PostGIS) and Redis, in dev and for pg_dump.</summary>
    public static readonly string[] ThirdParty = ["postgres", "postgis/postgis", "redis"];

    public static bool IsOurs(string image) => Dockerfile.All.Any(d => d.ImageName is { } name && Names(image, name));

    /// <summary>Whether <paramref name="image"/> is <paramref name="name"/> in any registry, with any tag.</summary>
    public static bool Names(string image, string name) =>
        Repository(image) == name || Repository(image).EndsWith("/" + name, StringComparison.Ordinal);

    /// <summary>The image without its tag or digest.</summary>
    public static string Repository(string image)
    {
        var withoutDigest = image.Split('@')[0];
        var lastSlash = withoutDigest.LastIndexOf('/');
        var colon = withoutDigest.LastIndexOf(':');
        return colon > lastSlash ? withoutDigest[..colon] : withoutDigest;
    }
}

using System.Xml.Linq;

namespace Federation.Deployment.Tests;

/// <summary>
/// The images cannot be built here (no Docker engine), so each Dockerfile is held to the repository:
/// it publishes a real service project, copies everything that project builds from, starts the
/// assembly the project makes, and runs as a non-root user on .NET 10; and k8s/ deploys those images.
/// </summary>
public sealed class DockerfileTests
{
    /// <summary>The deployed services: the gateway and the agency subgraphs, each with its image.</summary>
    private static readonly Dictionary<string, string> Services = new()
    {
        ["federation/gateway"] = "gateway/Federation.Gateway/Federation.Gateway.csproj",
        ["federation/population"] = "subgraphs/Population/Federation.Subgraphs.Population.csproj",
        ["federation/legal-persons"] = "subgraphs/LegalPersons/Federation.Subgraphs.LegalPersons.csproj",
        ["federation/spatial"] = "subgraphs/Spatial/Federation.Subgraphs.Spatial.csproj",
        ["federation/licences"] = "subgraphs/Licences/Federation.Subgraphs.Licences.csproj",
    };

    public static TheoryData<string> Dockerfiles => [.. Dockerfile.All.Select(d => d.Path)];

    [Fact]
    public void There_is_one_Dockerfile_per_deployed_service_and_none_for_the_one_command_host()
    {
        var images = Dockerfile.All.ToDictionary(d => d.ImageName ?? $"(no image title in {d.Path})", d => d.PublishedProject ?? "(no dotnet publish)");
        Assert.Equal(Services.OrderBy(s => s.Key), images.OrderBy(i => i.Key));
        Assert.DoesNotContain(Dockerfile.All, d => d.Path.StartsWith("gateway/Federation.Host/", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Dockerfiles))]
    public void Each_publishes_a_service_project_beside_it_and_starts_the_assembly_it_makes(string path)
    {
        var dockerfile = Dockerfile.Read(Repository.PathOf(path));
        var project = dockerfile.PublishedProject;
        Assert.NotNull(project);
        Assert.True(File.Exists(Repository.PathOf(project)), $"{path} publishes {project}, which does not exist");
        Assert.Equal(Path.GetDirectoryName(path), Path.GetDirectoryName(project));

        var xml = XDocument.Load(Repository.PathOf(project));
        Assert.Equal("Microsoft.NET.Sdk.Web", xml.Root!.Attribute("Sdk")?.Value);
        Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(Repository.PathOf(project))!, "Program.cs")), $"{project} has no Program.cs: nothing to start");
        var assembly = xml.Descendants("AssemblyName").FirstOrDefault()?.Value ?? Path.GetFileNameWithoutExtension(project);
        Assert.Equal(["dotnet", $"{assembly}.dll"], dockerfile.EntryPoint);
    }

    [Theory]
    [MemberData(nameof(Dockerfiles))]
    public void Each_copies_everything_its_project_builds_from(string path)
    {
        var dockerfile = Dockerfile.Read(Repository.PathOf(path));
        var copied = dockerfile.CopiedSources;
        foreach (var source in copied)
        {
            Assert.True(File.Exists(Repository.PathOf(source)) || Directory.Exists(Repository.PathOf(source)), $"{path} copies {source}, which does not exist");
        }

        var needed = new SortedSet<string>(StringComparer.Ordinal) { "global.json", "Directory.Build.props", "Directory.Packages.props", ".editorconfig" };
        Inputs(dockerfile.PublishedProject!, needed);
        var missing = needed.Where(file => !copied.Any(source => file == source.TrimEnd('/') || file.StartsWith(source.TrimEnd('/') + "/", StringComparison.Ordinal))).ToList();
        Assert.True(missing.Count == 0, $"{path} does not copy what its project builds from: {string.Join(", ", missing)}");
    }

    [Theory]
    [MemberData(nameof(Dockerfiles))]
    public async Task Each_builds_with_the_dotnet_10_sdk_and_runs_on_aspnet_10_as_a_non_root_user(string path)
    {
        var dockerfile = Dockerfile.Read(Repository.PathOf(path));
        Assert.True(dockerfile.BaseImages.Count >= 2, $"{path} is not a multi-stage build");
        Assert.Contains("mcr.microsoft.com/dotnet/sdk:10.0", dockerfile.BaseImages);
        Assert.Equal("mcr.microsoft.com/dotnet/aspnet:10.0", dockerfile.BaseImages[^1]);

        // A numeric user, so that the kubelet can check runAsNonRoot without reading /etc/passwd.
        var user = dockerfile.User;
        Assert.NotNull(user);
        Assert.Matches("^[1-9][0-9]*(:[1-9][0-9]*)?$", user);

        // The UID the manifests run the pods as.
        var uid = user.Split(':')[0];
        var manifests = await Kubectl.RenderAsync("dev");
        foreach (var workload in manifests.Workloads.Where(w => w.Containers.Any(c => Images.Names(c.Image, dockerfile.ImageName!))))
        {
            Assert.Equal(uid, workload.Pod.Map("securityContext").Text("runAsUser"));
        }
    }

    [Theory]
    [MemberData(nameof(OverlayInvariantTests.Overlays), MemberType = typeof(OverlayInvariantTests))]
    public async Task Every_overlay_deploys_each_image_and_only_these_and_the_data_services(string overlay)
    {
        var manifests = await Kubectl.RenderAsync(overlay);
        foreach (var container in manifests.Containers)
        {
            Assert.True(
                Images.IsOurs(container.Image) || Images.ThirdParty.Any(image => Images.Repository(container.Image) == image),
                $"{container} runs {container.Image}, which is neither a Dockerfile's image nor PostgreSQL or Redis");
        }

        foreach (var dockerfile in Dockerfile.All)
        {
            Assert.True(manifests.Containers.Any(c => Images.Names(c.Image, dockerfile.ImageName!)), $"{overlay} does not deploy {dockerfile.ImageName} ({dockerfile.Path})");
        }
    }

    /// <summary>The files a project builds from: its folder, its project references' (transitively), and the files it embeds from outside its folder.</summary>
    private static void Inputs(string project, SortedSet<string> needed)
    {
        var directory = Path.GetDirectoryName(project)!.Replace('\\', '/');
        if (!needed.Add(directory))
        {
            return;
        }

        var xml = XDocument.Load(Repository.PathOf(project));
        foreach (var item in xml.Descendants().Where(e => e.Name.LocalName is "ProjectReference" or "EmbeddedResource" or "Compile" or "Content" or "None"))
        {
            var include = item.Attribute("Include")?.Value;
            if (include is null || !include.StartsWith("..", StringComparison.Ordinal))
            {
                continue;
            }

            var full = Path.GetFullPath(Path.Combine(Repository.PathOf(directory), include));
            var relative = Path.GetRelativePath(Repository.Root, full).Replace('\\', '/');
            if (item.Name.LocalName == "ProjectReference")
            {
                Inputs(relative, needed);
            }
            else
            {
                needed.Add(relative);
            }
        }
    }
}

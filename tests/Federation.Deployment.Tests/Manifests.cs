using YamlDotNet.RepresentationModel;

namespace Federation.Deployment.Tests;

/// <summary>The objects of a rendered overlay, with the pods and containers of its workloads.</summary>
internal sealed class Manifests
{
    private Manifests(IReadOnlyList<YamlMappingNode> objects)
    {
        Objects = objects;
        Workloads = [.. objects.Select(Tests.Workload.Of).OfType<Workload>()];
    }

    public IReadOnlyList<YamlMappingNode> Objects { get; }

    /// <summary>Deployments, StatefulSets, Jobs and CronJobs: whatever has a pod template.</summary>
    public IReadOnlyList<Workload> Workloads { get; }

    public IEnumerable<Container> Containers => Workloads.SelectMany(workload => workload.Containers);

    public static Manifests Parse(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return new Manifests([.. stream.Documents.Select(document => document.RootNode).OfType<YamlMappingNode>()]);
    }

    public IEnumerable<YamlMappingNode> OfKind(string kind) => Objects.Where(o => o.Text("kind") == kind);

    public YamlMappingNode Single(string kind, string name) =>
        OfKind(kind).SingleOrDefault(o => o.Map("metadata").Text("name") == name)
        ?? throw new InvalidOperationException($"The overlay renders no {kind} {name}.");

    public Workload Workload(string name) =>
        Workloads.SingleOrDefault(w => w.Name == name) ?? throw new InvalidOperationException($"The overlay renders no workload {name}.");
}

/// <summary>An object with a pod template.</summary>
internal sealed record Workload(string Kind, string Name, YamlMappingNode Object, YamlMappingNode Pod, IReadOnlyDictionary<string, string> PodLabels)
{
    /// <summary>Runs until stopped (not a Job's pod): needs probes.</summary>
    public bool LongRunning => Kind is "Deployment" or "StatefulSet" or "DaemonSet";

    public IEnumerable<Container> Containers =>
        Pod.Seq("initContainers").OfType<YamlMappingNode>().Select(c => new Container(this, c, Init: true))
            .Concat(Pod.Seq("containers").OfType<YamlMappingNode>().Select(c => new Container(this, c, Init: false)));

    public static Workload? Of(YamlMappingNode o)
    {
        var kind = o.Text("kind") ?? "";
        var template = kind switch
        {
            "Deployment" or "StatefulSet" or "DaemonSet" or "Job" => o.Map("spec").Map("template"),
            "CronJob" => o.Map("spec").Map("jobTemplate").Map("spec").Map("template"),
            _ => null,
        };
        var pod = template.Map("spec");
        return pod is null ? null : new Workload(kind, o.Map("metadata").Text("name")!, o, pod, template.Map("metadata").Map("labels").Strings());
    }
}

internal sealed record Container(Workload Workload, YamlMappingNode Node, bool Init)
{
    public string Name => Node.Text("name")!;

    public string Image => Node.Text("image") ?? "";

    public override string ToString() => $"{Workload.Kind} {Workload.Name}, {(Init ? "init container" : "container")} {Name}";
}

/// <summary>Reading a YAML tree without a schema: a missing key is null all the way down.</summary>
internal static class Yaml
{
    public static YamlNode? Get(this YamlNode? node, string key) =>
        node is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    public static YamlMappingNode? Map(this YamlNode? node, string key) => node.Get(key) as YamlMappingNode;

    public static IReadOnlyList<YamlNode> Seq(this YamlNode? node, string key) =>
        node.Get(key) is YamlSequenceNode sequence ? sequence.Children.ToList() : [];

    public static string? Text(this YamlNode? node, string key) => (node.Get(key) as YamlScalarNode)?.Value;

    public static string? Text(this YamlNode? node) => (node as YamlScalarNode)?.Value;

    public static IReadOnlyDictionary<string, string> Strings(this YamlMappingNode? map) =>
        map is null ? new Dictionary<string, string>()
            : map.Children.ToDictionary(pair => ((YamlScalarNode)pair.Key).Value!, pair => (pair.Value as YamlScalarNode)?.Value ?? "");
}

using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Federation.Deployment.Tests;

/// <summary>
/// Every overlay of <c>k8s/</c>, rendered with <c>kubectl kustomize</c>, held to what the platform
/// promises of its deployment: hardened containers, probes, resources, no secret in the manifests,
/// the network reachable only where a policy says so.
/// </summary>
public sealed partial class OverlayInvariantTests
{
    public static TheoryData<string> Overlays => [.. Kubectl.Overlays];

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Every_container_runs_as_non_root_on_a_read_only_root_without_privilege_escalation(string overlay)
    {
        var manifests = await Kubectl.RenderAsync(overlay);
        Assert.NotEmpty(manifests.Containers);
        var problems = new List<string>();
        foreach (var container in manifests.Containers)
        {
            var pod = container.Workload.Pod.Map("securityContext");
            var own = container.Node.Map("securityContext");
            if (own.Text("runAsNonRoot") != "true" && pod.Text("runAsNonRoot") != "true")
            {
                problems.Add($"{container}: runAsNonRoot is not true");
            }

            if ((own.Text("runAsUser") ?? pod.Text("runAsUser")) is "0")
            {
                problems.Add($"{container}: runs as user 0");
            }

            if (own.Text("allowPrivilegeEscalation") != "false")
            {
                problems.Add($"{container}: allowPrivilegeEscalation is not false");
            }

            if (own.Text("readOnlyRootFilesystem") != "true")
            {
                problems.Add($"{container}: readOnlyRootFilesystem is not true");
            }

            if (own.Text("privileged") == "true")
            {
                problems.Add($"{container}: privileged");
            }

            if (!own.Map("capabilities").Seq("drop").Select(Yaml.Text).Contains("ALL") || own.Map("capabilities").Seq("add").Count > 0)
            {
                problems.Add($"{container}: capabilities do not drop ALL (or add some)");
            }

            if ((own.Map("seccompProfile") ?? pod.Map("seccompProfile")).Text("type") != "RuntimeDefault")
            {
                problems.Add($"{container}: seccomp profile is not RuntimeDefault");
            }
        }

        foreach (var workload in manifests.Workloads)
        {
            if (workload.Pod.Text("hostNetwork") == "true" || workload.Pod.Text("hostPID") == "true" || workload.Pod.Text("hostIPC") == "true")
            {
                problems.Add($"{workload.Kind} {workload.Name}: shares a host namespace");
            }

            if (workload.Pod.Seq("volumes").Any(volume => volume.Get("hostPath") is not null))
            {
                problems.Add($"{workload.Kind} {workload.Name}: mounts a host path");
            }

            if (workload.Pod.Text("automountServiceAccountToken") != "false")
            {
                problems.Add($"{workload.Kind} {workload.Name}: mounts a service account token it does not need");
            }
        }

        Assert.Empty(problems);
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Every_container_requests_and_is_limited_in_cpu_and_memory(string overlay)
    {
        var manifests = await Kubectl.RenderAsync(overlay);
        var problems = new List<string>();
        foreach (var container in manifests.Containers)
        {
            foreach (var kind in new[] { "requests", "limits" })
            {
                foreach (var resource in new[] { "cpu", "memory" })
                {
                    if (string.IsNullOrEmpty(container.Node.Map("resources").Map(kind).Text(resource)))
                    {
                        problems.Add($"{container}: no {kind}.{resource}");
                    }
                }
            }
        }

        Assert.Empty(problems);
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Every_service_is_probed_on_its_health_endpoints_and_every_other_server_is_probed(string overlay)
    {
        var manifests = await Kubectl.RenderAsync(overlay);
        var problems = new List<string>();
        foreach (var container in manifests.Containers.Where(c => c.Workload.LongRunning && !c.Init))
        {
            var liveness = container.Node.Map("livenessProbe");
            var readiness = container.Node.Map("readinessProbe");
            if (liveness is null || readiness is null)
            {
                problems.Add($"{container}: no liveness or readiness probe");
                continue;
            }

            if (Images.IsOurs(container.Image))
            {
                var port = container.Node.Seq("ports").FirstOrDefault();
                Check(container, "livenessProbe", liveness, "/health/live", port, problems);
                Check(container, "readinessProbe", readiness, "/health/ready", port, problems);
                Check(container, "startupProbe", container.Node.Map("startupProbe"), "/health/live", port, problems);
            }
        }

        Assert.Empty(problems);

        static void Check(Container container, string probe, YamlMappingNode? node, string path, YamlNode? port, List<string> problems)
        {
            var get = node.Map("httpGet");
            if (get.Text("path") != path)
            {
                problems.Add($"{container}: {probe} is not an HTTP GET of {path}");
            }
            else if (get.Text("port") != port.Text("name") && get.Text("port") != port.Text("containerPort"))
            {
                problems.Add($"{container}: {probe} probes port {get.Text("port")}, which the container does not declare");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task No_secret_value_is_in_the_manifests(string overlay)
    {
        var manifests = await Kubectl.RenderAsync(overlay);
        var problems = new List<string>();
        problems.AddRange(manifests.OfKind("Secret").Select(secret => $"Secret {secret.Map("metadata").Text("name")} is rendered: Secrets are created apart, never committed"));
        foreach (var container in manifests.Containers)
        {
            foreach (var variable in container.Node.Seq("env"))
            {
                var name = variable.Text("name") ?? "";
                var value = variable.Text("value");
                if (value is null)
                {
                    continue;
                }

                // A setting named like a secret may hold a file's path (Audit:CheckpointKey), never the secret.
                if (SecretName().IsMatch(name) && !value.StartsWith('/'))
                {
                    problems.Add($"{container}: {name} has a literal value; it must come from a Secret");
                }

                if (SecretValue().IsMatch(value))
                {
                    problems.Add($"{container}: {name} holds what looks like a secret");
                }
            }

            foreach (var argument in container.Node.Seq("args").Concat(container.Node.Seq("command")).Select(Yaml.Text))
            {
                if (argument is not null && SecretValue().IsMatch(argument))
                {
                    problems.Add($"{container}: an argument holds what looks like a secret: {argument}");
                }
            }
        }

        foreach (var map in manifests.OfKind("ConfigMap"))
        {
            var name = map.Map("metadata").Text("name")!;
            foreach (var (key, value) in map.Map("data").Strings())
            {
                // The served schema and the scripts are text that speaks of secrets; settings hold none.
                var settings = !name.StartsWith("federation-schema", StringComparison.Ordinal) && !name.StartsWith("backup-script", StringComparison.Ordinal);
                if (SecretValue().IsMatch(value) || (settings && SecretName().IsMatch(key) && !value.StartsWith('/')))
                {
                    problems.Add($"ConfigMap {name}, {key}: holds what looks like a secret");
                }
            }
        }

        Assert.Empty(problems);
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Settings_roll_out_under_a_new_name_and_the_served_schema_reloads_in_place(string overlay)
    {
        var manifests = await Kubectl.RenderAsync(overlay);

        // Read once at start: a changed setting must change the pod template, so it carries the hash suffix.
        var settings = manifests.Containers.SelectMany(c => c.Node.Seq("envFrom")).Select(e => e.Map("configMapRef").Text("name")).OfType<string>().ToList();
        Assert.NotEmpty(settings);
        Assert.All(settings, name => Assert.Matches("-settings-[a-z0-9]{10}$", name));

        // The served set is watched by the gateway and reloaded: one ConfigMap under a stable name,
        // holding the repository's files, mounted as a directory (a subPath mount never sees an update).
        var schema = manifests.Single("ConfigMap", "federation-schema").Map("data").Strings();
        var files = new[] { "supergraph.graphql", "catalogue.yaml", "supergraph.yaml" }
            .Concat(SubgraphConfigFiles())
            .ToList();
        Assert.Equal(files.Order(), schema.Keys.Order());
        Assert.All(files, file => Assert.True(Repository.Read($"schema/{file}") == schema[file], $"federation-schema's {file} differs from schema/{file}"));

        var gateway = manifests.Workload("gateway").Containers.Single(c => c.Name == "gateway");
        var volume = gateway.Workload.Pod.Seq("volumes").Single(v => v.Map("configMap").Text("name") == "federation-schema").Text("name");
        var mount = gateway.Node.Seq("volumeMounts").Single(m => m.Text("name") == volume);
        Assert.Null(mount.Text("subPath"));
        var environment = Environment(manifests, gateway);
        Assert.Equal($"{mount.Text("mountPath")}/supergraph.graphql", environment["Gateway__SupergraphFile"]);
        Assert.Equal($"{mount.Text("mountPath")}/catalogue.yaml", environment["Gateway__CatalogueFile"]);
        Assert.Equal($"{mount.Text("mountPath")}/supergraph.yaml", environment["Gateway__Reload__SubgraphConfigFile"]);
        Assert.NotEqual("false", environment.GetValueOrDefault("Gateway__Reload__WatchFiles"));
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task The_gateway_routes_to_each_subgraph_of_the_config_by_its_service(string overlay)
    {
        var manifests = await Kubectl.RenderAsync(overlay);
        var gateway = manifests.Workload("gateway").Containers.Single(c => c.Name == "gateway");
        var routes = gateway.Node.Seq("args").Select(Yaml.Text).OfType<string>()
            .Select(argument => SubgraphRoute().Match(argument)).Where(match => match.Success)
            .ToDictionary(match => match.Groups["name"].Value, match => new Uri(match.Groups["url"].Value));
        Assert.Equal(SubgraphNames().Order(), routes.Keys.Order());
        foreach (var (name, url) in routes)
        {
            var service = manifests.Single("Service", url.Host);
            Assert.Contains(service.Map("spec").Seq("ports"), port => port.Text("port") == url.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var deployment = manifests.Workload(url.Host);
            Assert.Equal("subgraph", deployment.PodLabels["app.kubernetes.io/component"]);
            Assert.Equal(name, url.Host);
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task The_gateway_scales_on_its_own_and_is_disrupted_one_pod_at_a_time(string overlay)
    {
        var manifests = await Kubectl.RenderAsync(overlay);
        var gateway = manifests.Workload("gateway");
        var autoscaler = Assert.Single(manifests.OfKind("HorizontalPodAutoscaler"));
        var target = autoscaler.Map("spec").Map("scaleTargetRef");
        Assert.Equal((gateway.Kind, "gateway"), (target.Text("kind"), target.Text("name")));
        Assert.True(int.Parse(autoscaler.Map("spec").Text("minReplicas")!, System.Globalization.CultureInfo.InvariantCulture) >= 1);

        var budget = Assert.Single(manifests.OfKind("PodDisruptionBudget"));
        Assert.True(Selects(budget.Map("spec").Map("selector"), gateway.PodLabels), "the PodDisruptionBudget does not select the gateway's pods");

        // The audit spool is on a volume that outlives the pod: records not yet shipped are never lost with it.
        var spool = Environment(manifests, gateway.Containers.Single(c => c.Name == "gateway"))["Audit__SpoolDirectory"];
        var mount = gateway.Containers.Single(c => c.Name == "gateway").Node.Seq("volumeMounts").Single(m => m.Text("mountPath") == spool);
        Assert.Contains(gateway.Object.Map("spec").Seq("volumeClaimTemplates"), claim => claim.Map("metadata").Text("name") == mount.Text("name"));
        Assert.Equal("Retain", gateway.Object.Map("spec").Map("persistentVolumeClaimRetentionPolicy").Text("whenScaled"));
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Everything_is_denied_unless_a_policy_allows_it(string overlay)
    {
        var manifests = await Kubectl.RenderAsync(overlay);
        var policies = manifests.OfKind("NetworkPolicy").ToList();
        Assert.Contains(policies, policy =>
            policy.Map("spec").Map("podSelector") is { Children.Count: 0 }
            && policy.Map("spec").Seq("policyTypes").Select(Yaml.Text).Order().SequenceEqual(["Egress", "Ingress"])
            && policy.Map("spec").Get("ingress") is null && policy.Map("spec").Get("egress") is null);

        // Every pod is governed by a policy besides the default: none is left open by a missing label.
        foreach (var workload in manifests.Workloads)
        {
            Assert.True(
                policies.Any(policy => policy.Map("spec").Map("podSelector") is { Children.Count: > 0 } selector && Selects(selector, workload.PodLabels)),
                $"{workload.Kind} {workload.Name}: no network policy names its pods");
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Subgraphs_accept_traffic_only_from_the_gateway(string overlay)
    {
        var manifests = await Kubectl.RenderAsync(overlay);
        var subgraphs = manifests.Workloads.Where(w => w.PodLabels.GetValueOrDefault("app.kubernetes.io/component") == "subgraph").ToList();
        Assert.Equal(SubgraphNames().Order(), subgraphs.Select(s => s.Name).Order());
        foreach (var subgraph in subgraphs)
        {
            Assert.Equal(["gateway"], AllowedSources(manifests, subgraph));
        }
    }

    [Fact]
    public async Task Each_development_database_accepts_only_its_own_service_and_the_backup()
    {
        var manifests = await Kubectl.RenderAsync("dev");
        var databases = manifests.Workloads.Where(w => w.PodLabels.GetValueOrDefault("app.kubernetes.io/component") == "database").ToList();
        Assert.Equal(SubgraphNames().Append("gateway").Select(n => $"{n}-postgres").Order(), databases.Select(d => d.Name).Order());
        foreach (var database in databases)
        {
            var service = database.Name[..^"-postgres".Length];
            Assert.Equal(new[] { $"name={service}", "component=backup" }.Order(), AllowedSources(manifests, database, describe: true).Order());
            Assert.Equal("StatefulSet", database.Kind);
        }

        var redis = manifests.Workload("redis");
        Assert.Equal("StatefulSet", redis.Kind);
        Assert.Equal(new[] { "name=gateway", "component=subgraph" }.Order(), AllowedSources(manifests, redis, describe: true).Order());
    }

    [Fact]
    public async Task Production_runs_no_database_of_its_own_and_reaches_the_managed_ones_at_their_addresses_only()
    {
        var manifests = await Kubectl.RenderAsync("prod");
        Assert.DoesNotContain(manifests.Workloads, w => w.PodLabels.GetValueOrDefault("app.kubernetes.io/component") is "database" or "cache");
        foreach (var policy in manifests.OfKind("NetworkPolicy"))
        {
            foreach (var rule in policy.Map("spec").Seq("egress"))
            {
                var databasePort = rule.Seq("ports").Any(port => port.Text("port") is "5432" or "6379");
                Assert.False(databasePort && rule.Seq("to").Count == 0, $"NetworkPolicy {policy.Map("metadata").Text("name")} lets its pods reach any address on a database port");
            }
        }

        // The gateway's role may not migrate the audit schema in production; its owner does, apart.
        var gateway = manifests.Workload("gateway").Containers.Single(c => c.Name == "gateway");
        Assert.Equal("false", Environment(manifests, gateway)["Audit__MigrateOnStart"]);
        Assert.Equal("0", Environment(manifests, manifests.Workload("population").Containers.Single())["Seed__Persons"]);
    }

    [Fact]
    public async Task The_development_secrets_script_makes_every_secret_and_key_the_development_overlay_uses()
    {
        var manifests = await Kubectl.RenderAsync("dev");
        var outcome = await Processes.RunAsync("bash", [Repository.PathOf("k8s/overlays/dev/make-secrets.sh"), "--print"]);
        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        var made = Manifests.Parse(outcome.Output).OfKind("Secret")
            .ToDictionary(s => s.Map("metadata").Text("name")!, s => s.Map("data").Strings().Keys.ToHashSet());

        var used = SecretReferences(manifests).ToList();
        Assert.NotEmpty(used);
        foreach (var (name, key) in used)
        {
            Assert.True(made.TryGetValue(name, out var keys), $"the overlay uses the Secret {name}, which make-secrets.sh does not make");
            Assert.True(key is null || keys.Contains(key), $"the overlay uses {name}/{key}, which make-secrets.sh does not make");
        }
    }

    [Fact]
    public async Task Every_secret_production_uses_is_documented()
    {
        var manifests = await Kubectl.RenderAsync("prod");
        var documentation = Repository.Read("docs/kubernetes.md");
        foreach (var (name, key) in SecretReferences(manifests).Distinct())
        {
            Assert.True(documentation.Contains($"`{name}`", StringComparison.Ordinal), $"docs/kubernetes.md does not say how to make the Secret {name}");
            Assert.True(key is null || documentation.Contains($"`{key}`", StringComparison.Ordinal), $"docs/kubernetes.md does not name the key {key} of the Secret {name}");
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task The_backup_runs_the_repository_script_on_a_volume_of_its_own(string overlay)
    {
        var manifests = await Kubectl.RenderAsync(overlay);
        var backup = manifests.Workload("backup");
        Assert.Equal("CronJob", backup.Kind);
        var script = manifests.OfKind("ConfigMap").Single(m => m.Map("metadata").Text("name")!.StartsWith("backup-script-", StringComparison.Ordinal));
        Assert.Equal(Repository.Read("k8s/base/backup/backup.sh"), script.Map("data").Text("backup.sh"));
        Assert.Equal(Repository.Read("k8s/base/backup/restore.sh"), script.Map("data").Text("restore.sh"));
        var command = backup.Containers.Single().Node.Seq("command").Select(Yaml.Text).ToList();
        Assert.Equal(["bash", "/opt/backup/backup.sh", "/backups", "/etc/backup/targets"], command);

        // Every database of the platform is a target: the four base registers and the gateway's (the audit trail).
        var targets = manifests.OfKind("ConfigMap").Single(m => m.Map("metadata").Text("name")!.StartsWith("backup-targets-", StringComparison.Ordinal)).Map("data").Text("targets")!;
        var names = targets.Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0 && !line.StartsWith('#')).Select(line => line.Split(' ')[0]);
        Assert.Equal(SubgraphNames().Append("gateway").Order(), names.Order());
    }

    internal static IEnumerable<string> SubgraphNames() =>
        SubgraphConfig().Map("subgraphs")!.Children.Keys.Select(key => ((YamlScalarNode)key).Value!);

    private static IEnumerable<string> SubgraphConfigFiles() =>
        SubgraphConfig().Map("subgraphs")!.Children.Values.Select(subgraph => subgraph.Map("schema").Text("file")).OfType<string>();

    private static YamlNode SubgraphConfig()
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(Repository.Read("schema/supergraph.yaml")));
        return stream.Documents[0].RootNode;
    }

    /// <summary>The settings a container sees: its env, then the ConfigMaps of its envFrom.</summary>
    private static Dictionary<string, string> Environment(Manifests manifests, Container container)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var source in container.Node.Seq("envFrom"))
        {
            if (source.Map("configMapRef").Text("name") is { } name)
            {
                foreach (var (key, value) in manifests.Single("ConfigMap", name).Map("data").Strings())
                {
                    environment[key] = value;
                }
            }
        }

        foreach (var variable in container.Node.Seq("env"))
        {
            environment[variable.Text("name")!] = variable.Text("value") ?? "(from elsewhere)";
        }

        return environment;
    }

    private static IEnumerable<(string Name, string? Key)> SecretReferences(Manifests manifests)
    {
        foreach (var container in manifests.Containers)
        {
            foreach (var variable in container.Node.Seq("env"))
            {
                if (variable.Map("valueFrom").Map("secretKeyRef") is { } reference)
                {
                    yield return (reference.Text("name")!, reference.Text("key"));
                }
            }

            foreach (var source in container.Node.Seq("envFrom"))
            {
                if (source.Map("secretRef").Text("name") is { } name)
                {
                    yield return (name, null);
                }
            }
        }

        foreach (var workload in manifests.Workloads)
        {
            foreach (var volume in workload.Pod.Seq("volumes"))
            {
                if (volume.Map("secret") is { } secret)
                {
                    var items = secret.Seq("items");
                    if (items.Count == 0)
                    {
                        yield return (secret.Text("secretName")!, null);
                    }

                    foreach (var item in items)
                    {
                        yield return (secret.Text("secretName")!, item.Text("key"));
                    }
                }
            }
        }
    }

    /// <summary>
    /// Who may open a connection to <paramref name="workload"/>'s pods: the union over the policies
    /// that select them of their ingress peers, each as the pod label it requires; a rule open to
    /// anyone, a namespace or an address range fails the test.
    /// </summary>
    private static List<string> AllowedSources(Manifests manifests, Workload workload, bool describe = false)
    {
        var sources = new List<string>();
        var governed = false;
        foreach (var policy in manifests.OfKind("NetworkPolicy"))
        {
            var spec = policy.Map("spec");
            if (!Selects(spec.Map("podSelector"), workload.PodLabels) || !spec.Seq("policyTypes").Select(Yaml.Text).Contains("Ingress"))
            {
                continue;
            }

            governed = true;
            foreach (var rule in spec.Seq("ingress"))
            {
                var peers = rule.Seq("from");
                Assert.True(peers.Count > 0, $"NetworkPolicy {policy.Map("metadata").Text("name")} lets anyone reach {workload.Name}");
                foreach (var peer in peers)
                {
                    Assert.True(peer.Get("namespaceSelector") is null && peer.Get("ipBlock") is null, $"NetworkPolicy {policy.Map("metadata").Text("name")} lets another namespace or an address range reach {workload.Name}");
                    var labels = peer.Map("podSelector").Map("matchLabels").Strings();
                    var (key, value) = Assert.Single(labels);
                    sources.Add(describe ? $"{key["app.kubernetes.io/".Length..]}={value}" : value);
                }
            }
        }

        Assert.True(governed, $"no network policy governs who reaches {workload.Name}");
        return sources;
    }

    private static bool Selects(YamlMappingNode? selector, IReadOnlyDictionary<string, string> labels) =>
        selector is not null
        && selector.Get("matchExpressions") is null
        && selector.Map("matchLabels").Strings().All(label => labels.TryGetValue(label.Key, out var value) && value == label.Value);

    [GeneratedRegex("(?i)(secret|password|passwd|token|subjectkey|connectionstrings|redis)")]
    private static partial Regex SecretName();

    [GeneratedRegex("(?i)(password\\s*=|-----BEGIN [A-Z ]*PRIVATE KEY)")]
    private static partial Regex SecretValue();

    [GeneratedRegex("^--Subgraphs:Endpoints:(?<name>[^:]+):Url=(?<url>.+)$")]
    private static partial Regex SubgraphRoute();
}

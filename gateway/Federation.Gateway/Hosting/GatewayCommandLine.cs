using System.CommandLine;
using Federation.Gateway.Audit;
using Federation.Gateway.Authentication;
using Federation.Gateway.Catalogue;
using Federation.Gateway.Composition;

namespace Federation.Gateway.Hosting;

/// <summary>
/// The gateway's command line: <c>compose</c>, <c>token</c>, <c>catalogue draft</c>, <c>audit migrate|retain|verify</c>, and with no command <paramref name="serve"/>
/// (configuration arguments such as <c>--Gateway:ExposeQueryPlans=true</c> pass through to it). The
/// gateway serves with <see cref="GatewayService.RunAsync"/>; the one-command host serves with its own
/// run and keeps the same commands.
/// </summary>
public static class GatewayCommandLine
{
    /// <summary>
    /// How both programs are invoked. System.CommandLine leaves SIGTERM and Ctrl+C alone here: by default it
    /// would cancel the command and, two seconds later, end the process itself with 143 (130) — in the
    /// middle of a graceful stop, whose drain delay alone is a few seconds on Kubernetes
    /// (<c>Shutdown:DrainDelay</c>). The served host's own console lifetime takes the signal instead:
    /// readiness off, the drain, the requests in flight, the audit spool closed, exit 0.
    /// </summary>
    public static InvocationConfiguration Invocation => new() { ProcessTerminationTimeout = null };

    public static RootCommand Create(string description, Func<string[], CancellationToken, Task<int>> serve)
    {
        var root = new RootCommand(description)
        {
            ComposeCommand.Create(),
            TokenCommand.Create(),
            CatalogueCommand.Create(),
            AuditCommand.Create(),
        };
        root.TreatUnmatchedTokensAsErrors = false;
        root.SetAction((parsed, cancellationToken) => serve([.. parsed.UnmatchedTokens], cancellationToken));
        return root;
    }
}

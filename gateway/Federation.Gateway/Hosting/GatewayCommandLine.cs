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

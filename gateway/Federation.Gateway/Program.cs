using System.CommandLine;
using Federation.Gateway.Authentication;
using Federation.Gateway.Catalogue;
using Federation.Gateway.Composition;
using Federation.Gateway.Hosting;

// With no command, serve: the four agency subgraphs in this process unless Subgraphs:Endpoints
// names where they run. Configuration arguments (--Gateway:ExposeQueryPlans=true) pass through.
var gateway = new RootCommand("The federation gateway of the government data-sharing platform.")
{
    ComposeCommand.Create(),
    TokenCommand.Create(),
    CatalogueCommand.Create(),
};
gateway.TreatUnmatchedTokensAsErrors = false;
gateway.SetAction((parsed, cancellationToken) => GatewayService.RunAsync([.. parsed.UnmatchedTokens], cancellationToken));

return await gateway.Parse(args).InvokeAsync();

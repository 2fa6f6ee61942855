using System.CommandLine;
using Federation.Gateway.Composition;

var gateway = new RootCommand("The federation gateway of the government data-sharing platform.")
{
    ComposeCommand.Create(),
};

return await gateway.Parse(args).InvokeAsync();

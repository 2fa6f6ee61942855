using Federation.Gateway.Hosting;

// With no command, serve the subgraphs Subgraphs:Endpoints names, signing with GatewaySignature:Secret.
// The one-command run with embedded subgraphs and demo data is gateway/Federation.Host.
var gateway = GatewayCommandLine.Create("The federation gateway of the government data-sharing platform.", GatewayService.RunAsync);
return await gateway.Parse(args).InvokeAsync(GatewayCommandLine.Invocation);

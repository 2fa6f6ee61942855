using Federation.Gateway.Hosting;
using Federation.Host;

// The platform in one process: the four agency subgraphs (in-memory stores, demo data), the gateway in
// front of them trusting the development signing key, then the banner. `compose`, `token`, `catalogue` and `audit` are the
// gateway's commands; configuration arguments (--Gateway:ExposeQueryPlans=true) pass through.
var platform = GatewayCommandLine.Create(
    "The government data-sharing platform in one process: the agency subgraphs with demo data and the gateway.",
    OneCommandRun.RunAsync);
return await platform.Parse(args).InvokeAsync(GatewayCommandLine.Invocation);

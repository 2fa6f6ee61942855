using Microsoft.Extensions.Hosting;

namespace Federation.Gateway.Composition;

/// <summary>
/// At start-up, compares the live subgraphs with the supergraph the gateway serves and logs each
/// one that differs or does not answer (<see cref="SubgraphDriftCheck"/>). It never stops the
/// start: a subgraph that starts later or lags behind is the operators' to see, not a reason to refuse service.
/// </summary>
public sealed class SupergraphStartupCheck(SubgraphDriftCheck check) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => check.CheckAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

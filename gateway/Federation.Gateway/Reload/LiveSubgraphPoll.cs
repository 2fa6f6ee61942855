using Federation.Gateway.Composition;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Federation.Gateway.Reload;

/// <summary>
/// Every <see cref="ReloadOptions.PollInterval"/>, fetches the live subgraphs' <c>_service { sdl }</c>
/// and serves their composition when it differs from the served supergraph and passes every check.
/// </summary>
internal sealed class LiveSubgraphPoll(SupergraphReload reload, TimeSpan interval, ILogger<LiveSubgraphPoll> logger) : BackgroundService
{
    public const string Trigger = "live subgraphs poll";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                try
                {
                    await reload.FromLiveSubgraphsAsync(Trigger, stoppingToken).ConfigureAwait(false);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    ReloadLog.ReloadFailed(logger, exception);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}

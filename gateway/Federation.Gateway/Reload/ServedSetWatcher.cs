using System.Threading.Channels;
using Federation.Gateway.Composition;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Federation.Gateway.Reload;

/// <summary>
/// Watches the directories of the served set's files and reloads from the files that changed once
/// the directory has been quiet for <see cref="ReloadOptions.Debounce"/>. The whole directory is
/// watched, not a name: editors save by writing another file and renaming it over the old one, and
/// Kubernetes updates a mounted ConfigMap by swapping a symlink — neither is an event on the file's
/// own name. What changed is decided by content (<see cref="ServedSetFiles"/>), so unrelated events cost a read.
/// </summary>
internal sealed class ServedSetWatcher(ServedSetFiles files, SupergraphReload reload, ReloadOptions options, ILogger<ServedSetWatcher> logger) : BackgroundService
{
    private readonly Channel<bool> events = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly List<FileSystemWatcher> watchers = [];

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var directory in files.Directories())
        {
            var watcher = new FileSystemWatcher(directory)
            {
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.CreationTime,
                IncludeSubdirectories = false,
            };
            watcher.Changed += (_, _) => Poke();
            watcher.Created += (_, _) => Poke();
            watcher.Deleted += (_, _) => Poke();
            watcher.Renamed += (_, _) => Poke();
            watcher.Error += (_, e) =>
            {
                // An overflow loses events, not changes: reading every file again finds them.
                ReloadLog.WatchFailed(logger, directory, e.GetException().Message);
                Poke();
            };
            watcher.EnableRaisingEvents = true;
            watchers.Add(watcher);
            ReloadLog.Watching(logger, directory);
        }

        return base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        foreach (var watcher in watchers)
        {
            watcher.Dispose();
        }

        await base.StopAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await events.Reader.WaitToReadAsync(stoppingToken).ConfigureAwait(false))
            {
                // Quiet for one debounce interval: every event meanwhile starts the interval again.
                do
                {
                    events.Reader.TryRead(out _);
                    await Task.Delay(options.Debounce, stoppingToken).ConfigureAwait(false);
                }
                while (events.Reader.TryPeek(out _));

                try
                {
                    await files.ReloadChangedAsync(reload, stoppingToken).ConfigureAwait(false);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    // The watch outlives one failed reload: the last good set keeps serving.
                    ReloadLog.ReloadFailed(logger, exception);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private void Poke() => events.Writer.TryWrite(true);
}

using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Federation.Gateway.Hosting;
using Federation.ServiceDefaults.Health;

namespace Federation.Gateway.Tests.Hosting;

/// <summary>
/// The gateway as the platform runs it — <c>dotnet Federation.Gateway.dll</c>, a process of its own — on
/// a fixed loopback port, so that it can be stopped with SIGTERM, as Kubernetes stops a pod, and started
/// again where the load balancer expects it. Its output is drained (a full pipe would block it) and the
/// last lines kept for a failing test's message.
/// </summary>
internal sealed class GatewayProcess : IAsyncDisposable
{
    private const int KeptLines = 200;

    private readonly IReadOnlyList<string> arguments;
    private readonly Queue<string> output = new();
    private Process? process;

    private GatewayProcess(string name, int port, IReadOnlyList<string> arguments)
    {
        Name = name;
        Port = port;
        this.arguments = arguments;
    }

    public string Name { get; }

    public int Port { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");

    public Uri GraphQL => new(BaseAddress, "graphql");

    /// <summary>The process's last lines of output, for a failure's message.</summary>
    public string RecentOutput
    {
        get
        {
            lock (output)
            {
                return string.Join('\n', output);
            }
        }
    }

    /// <summary>A gateway that will listen on a loopback port free now, with <paramref name="settings"/> as its command line.</summary>
    public static GatewayProcess On(string name, IEnumerable<string> settings)
    {
        var port = FreePort();
        return new GatewayProcess(name, port, [$"--Urls=http://127.0.0.1:{port}", .. settings]);
    }

    /// <summary>Starts the process and waits until its <c>/health/ready</c> answers 200.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Repository.Root,
        };
        start.ArgumentList.Add(typeof(GatewayService).Assembly.Location);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var started = Process.Start(start) ?? throw new InvalidOperationException($"{Name} did not start.");
        started.OutputDataReceived += (_, line) => Keep(line.Data);
        started.ErrorDataReceived += (_, line) => Keep(line.Data);
        started.BeginOutputReadLine();
        started.BeginErrorReadLine();
        process = started;
        await WaitUntilReadyAsync(cancellationToken);
    }

    /// <summary>
    /// Sends SIGTERM — what Kubernetes sends a pod it stops — and waits for the process to exit (its drain
    /// delay, the requests in flight, the audit spool's close); the exit code.
    /// </summary>
    public async Task<int> TerminateAsync(CancellationToken cancellationToken)
    {
        var running = process ?? throw new InvalidOperationException($"{Name} is not running.");
        using (var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-TERM", running.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }, UseShellExecute = false })!)
        {
            await kill.WaitForExitAsync(cancellationToken);
            if (kill.ExitCode != 0)
            {
                throw new InvalidOperationException($"kill -TERM {running.Id} failed with {kill.ExitCode}.");
            }
        }

        await running.WaitForExitAsync(cancellationToken);
        var exitCode = running.ExitCode;
        running.Dispose();
        process = null;
        return exitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (process is { } running)
        {
            // The end of a failed test only: a passing one has terminated its gateways with SIGTERM.
            if (!running.HasExited)
            {
                running.Kill(entireProcessTree: true);
            }

            await running.WaitForExitAsync(CancellationToken.None);
            running.Dispose();
            process = null;
        }
    }

    private async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(TimeSpan.FromMinutes(2)); // a start on a loaded machine; a passing start takes seconds
        while (true)
        {
            if (process is not { HasExited: false })
            {
                throw new InvalidOperationException($"{Name} exited while starting:\n{RecentOutput}");
            }

            try
            {
                using var ready = await client.GetAsync(new Uri(BaseAddress, ServiceHealth.ReadyPath.TrimStart('/')), deadline.Token);
                if (ready.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"{Name} was not ready within two minutes:\n{RecentOutput}");
            }

            await Task.Delay(100, deadline.Token);
        }
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.Enqueue(line);
            if (output.Count > KeptLines)
            {
                output.Dequeue();
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

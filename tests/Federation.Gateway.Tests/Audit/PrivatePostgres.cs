using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Federation.Gateway.Tests.Audit;

/// <summary>
/// A PostgreSQL server of the test's own — its own data directory and port, made with <c>initdb</c>
/// from the PostgreSQL 15 binaries <c>tests/run.sh</c> installs — that the test may stop and start
/// again, as an outage does, without touching the server the other tests share. Run as the
/// <c>postgres</c> user when the tests run as root (initdb refuses root). Deleted at the end.
/// </summary>
internal sealed class PrivatePostgres : IAsyncDisposable
{
    private const string Binaries = "/usr/lib/postgresql/15/bin";

    private readonly string directory;

    private PrivatePostgres(string directory, int port)
    {
        this.directory = directory;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Timeout=3;Command Timeout=10";

    private string DataDirectory => Path.Combine(directory, "data");

    public static async Task<PrivatePostgres> StartAsync()
    {
        var directory = Path.Combine(Path.GetTempPath(), "private-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(directory);
        var server = new PrivatePostgres(directory, FreePort());
        if (Environment.UserName == "root")
        {
            await RunAsync("chown", ["postgres:postgres", directory]);
        }

        await server.AsPostgresAsync("initdb", ["-D", server.DataDirectory, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8"]);
        await server.StartAgainAsync();
        return server;
    }

    /// <summary>Starts the stopped server on the same port and data.</summary>
    public Task StartAgainAsync() => AsPostgresAsync("pg_ctl", [
        "-D", DataDirectory, "-l", Path.Combine(directory, "log"), "-w",
        "-o", $"-p {Port} -k {directory} -c listen_addresses=127.0.0.1", "start"]);

    /// <summary>Stops the server at once (<c>immediate</c>): connections drop, as when the machine goes away.</summary>
    public Task StopAsync() => AsPostgresAsync("pg_ctl", ["-D", DataDirectory, "-m", "immediate", "-w", "stop"]);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync();
        }
        catch (InvalidOperationException)
        {
            // Already stopped.
        }

        Directory.Delete(directory, recursive: true);
    }

    private Task AsPostgresAsync(string program, IReadOnlyList<string> arguments) =>
        Environment.UserName == "root"
            ? RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(Binaries, program), .. arguments])
            : RunAsync(Path.Combine(Binaries, program), arguments);

    private static async Task RunAsync(string program, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await output}{await error}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

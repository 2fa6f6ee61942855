using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Federation.Gateway.Tests.Caching;

/// <summary>
/// A Redis server of the test's own (<c>redis-server</c>, on a free loopback port, no persistence),
/// which the test may stop and start again on the same port — what the shared test server
/// (<c>FEDERATION_TEST_REDIS</c>) must never be made to do.
/// </summary>
internal sealed class OwnRedis : IAsyncDisposable
{
    private Process? server;

    private OwnRedis(int port) => Port = port;

    public int Port { get; }

    /// <summary>The StackExchange.Redis configuration string of this server.</summary>
    public string Configuration => $"127.0.0.1:{Port}";

    public static async Task<OwnRedis> StartAsync()
    {
        var redis = new OwnRedis(FreePort());
        await redis.StartAgainAsync();
        return redis;
    }

    /// <summary>Starts the server (again, after <see cref="StopAsync"/>) and waits until it answers.</summary>
    public async Task StartAgainAsync()
    {
        server = Process.Start(new ProcessStartInfo("redis-server", ["--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("redis-server did not start.");
        server.OutputDataReceived += (_, _) => { };
        server.ErrorDataReceived += (_, _) => { };
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (await AnswersAsync())
            {
                return;
            }

            await Task.Delay(50);
        }

        throw new InvalidOperationException($"redis-server on port {Port} did not answer.");
    }

    /// <summary>Kills the server, as a crash would: every connection to it breaks at once.</summary>
    public async Task StopAsync()
    {
        if (server is { HasExited: false })
        {
            server.Kill();
            await server.WaitForExitAsync();
        }

        server?.Dispose();
        server = null;
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private async Task<bool> AnswersAsync()
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, Port);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray());
            var buffer = new byte[16];
            var read = await stream.ReadAsync(buffer);
            return read >= 5 && buffer.AsSpan(0, 5).SequenceEqual("+PONG"u8);
        }
        catch (SocketException)
        {
            return false;
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

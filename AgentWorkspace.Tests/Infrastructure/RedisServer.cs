using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace AgentWorkspace.Tests.Infrastructure;

/// <summary>
/// Debian's redis-server, started by the test on a free loopback port from a temp folder, without persistence; killed
/// with the test. (.ci/run installs it; on a developer machine: apt-get install redis-server.)
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private readonly Process process;
    private readonly string directory = Path.Combine(Path.GetTempPath(), "aw-tests", "redis-" + Guid.NewGuid().ToString("N"));
    private readonly StringBuilder output = new();

    private RedisServer(int port)
    {
        Port = port;
        Directory.CreateDirectory(directory);
        var start = new ProcessStartInfo("redis-server",
            ["--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no"])
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start");
        process.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int Port { get; }

    /// <summary>The app's <c>Redis:Connection</c> setting for this server.</summary>
    public string Connection => $"127.0.0.1:{Port}";

    /// <param name="port">A fixed port (Redis coming back where it was); 0 picks a free one.</param>
    public static async Task<RedisServer> StartAsync(int port = 0)
    {
        var server = new RedisServer(port == 0 ? LoopbackPorts.Free() : port);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!await server.AnswersPingAsync())
        {
            if (server.process.HasExited || DateTime.UtcNow > deadline)
            {
                string log;
                lock (server.output) log = server.output.ToString();
                await server.DisposeAsync();
                throw new InvalidOperationException($"redis-server did not answer on port {server.Port}: {log}");
            }
            await Task.Delay(50);
        }
        return server;
    }

    private async Task<bool> AnswersPingAsync()
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", Port);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray());
            var buffer = new byte[16];
            var read = await stream.ReadAsync(buffer);
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (SocketException)
        {
            return false;
        }
    }

    public ValueTask DisposeAsync()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // already gone
        }
        process.Dispose();
        WorkspaceAppFactory.TryDeleteDirectory(directory);
        return ValueTask.CompletedTask;
    }
}

/// <summary>
/// A loopback TCP forwarder standing in for a load balancer: clients connect to <see cref="Port"/>, every connection is
/// piped to the current target. <see cref="SwitchTo"/> moves new connections to another node and cuts the open ones,
/// as a balancer does when a node dies.
/// </summary>
public sealed class TcpForwarder : IAsyncDisposable
{
    private readonly TcpListener listener = new(System.Net.IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    private readonly List<TcpClient> open = [];
    private readonly Task accepting;
    private volatile int target;

    public TcpForwarder(int targetPort)
    {
        target = targetPort;
        listener.Start();
        accepting = AcceptAsync();
    }

    public int Port => ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;

    public Uri Address => new($"http://127.0.0.1:{Port}/");

    public void SwitchTo(int targetPort)
    {
        target = targetPort;
        lock (open)
        {
            foreach (var client in open)
            {
                client.Dispose();
            }
            open.Clear();
        }
    }

    private async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient inbound;
            try
            {
                inbound = await listener.AcceptTcpClientAsync(stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (ObjectDisposedException)
            {
                return;
            }
            _ = PipeAsync(inbound);
        }
    }

    private async Task PipeAsync(TcpClient inbound)
    {
        var outbound = new TcpClient();
        lock (open)
        {
            open.Add(inbound);
            open.Add(outbound);
        }
        try
        {
            await outbound.ConnectAsync("127.0.0.1", target, stop.Token);
            var a = inbound.GetStream();
            var b = outbound.GetStream();
            await Task.WhenAny(a.CopyToAsync(b, stop.Token), b.CopyToAsync(a, stop.Token));
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // the node went away or the test cut the connection: the client sees a dropped connection
        }
        finally
        {
            lock (open)
            {
                open.Remove(inbound);
                open.Remove(outbound);
            }
            inbound.Dispose();
            outbound.Dispose();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        SwitchTo(target);
        await accepting;
        stop.Dispose();
    }
}

using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Text;

namespace AgentWorkspace.Tests.Infrastructure;

/// <summary>
/// A loopback port nothing should ever contact: it records every TCP connection made to it and what the first bytes
/// were (an HTTP request line, or a TLS handshake for https). Proving "the browser fetched nothing" takes a real
/// listener: a blocked or never-made request leaves no trace in the page.
/// </summary>
public sealed class ConnectionTrap : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    private readonly ConcurrentQueue<StrongBox<string>> connections = new();
    private readonly Task accepting;

    public ConnectionTrap()
    {
        listener.Start();
        accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    /// <summary>One entry per connection, counted when accepted: its HTTP request line, "TLS handshake..." or "(connection...)".</summary>
    public IReadOnlyList<string> Connections => connections.Select(c => c.Value!).ToArray();

    private async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            var description = new StrongBox<string>("(connection, no data yet)");
            connections.Enqueue(description);
            _ = DescribeAsync(client, description);
        }
    }

    private async Task DescribeAsync(TcpClient client, StrongBox<string> description)
    {
        using (client)
        {
            var buffer = new byte[512];
            var read = 0;
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stop.Token);
                timeout.CancelAfter(TimeSpan.FromSeconds(2));
                read = await client.GetStream().ReadAsync(buffer, timeout.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or IOException or SocketException)
            {
            }
            description.Value = read == 0 ? "(connection, no data)"
                : buffer[0] == 0x16 ? "TLS handshake (an https request)"
                : Encoding.ASCII.GetString(buffer, 0, read).Split("\r\n")[0];
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        await accepting;
        stop.Dispose();
    }
}

/// <summary>
/// Serves one HTML page on its own loopback origin, with no Content-Security-Policy: a customer's website embedding
/// the widget, where only the widget itself decides what the visitor's browser loads.
/// </summary>
public sealed class HostPageServer : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    private readonly byte[] page;
    private readonly Task serving;

    public HostPageServer(string html)
    {
        page = Encoding.UTF8.GetBytes(html);
        listener.Start();
        serving = ServeAsync();
    }

    public Uri Address => new($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/");

    private async Task ServeAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            _ = AnswerAsync(client);
        }
    }

    private async Task AnswerAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                using var reader = new StreamReader(stream, Encoding.ASCII, leaveOpen: true);
                var requestLine = await reader.ReadLineAsync(stop.Token) ?? "";
                while (!string.IsNullOrEmpty(await reader.ReadLineAsync(stop.Token)))
                {
                }
                var found = requestLine.StartsWith("GET / ", StringComparison.Ordinal);
                var head = found
                    ? $"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {page.Length}\r\nConnection: close\r\n\r\n"
                    : "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
                await stream.WriteAsync(Encoding.ASCII.GetBytes(head), stop.Token);
                if (found)
                {
                    await stream.WriteAsync(page, stop.Token);
                }
            }
            catch (Exception e) when (e is OperationCanceledException or IOException or SocketException)
            {
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        await serving;
        stop.Dispose();
    }
}

/// <summary>Loopback ports for app hosts a test starts and restarts itself.</summary>
public static class LoopbackPorts
{
    /// <summary>A port free right now (the OS picks it); a restarted host binds the same one again.</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

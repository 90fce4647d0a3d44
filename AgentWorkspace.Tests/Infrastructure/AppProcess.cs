using System.Diagnostics;
using System.Text;
using AgentWorkspace.Data;
using AgentWorkspace.Features.Api;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AgentWorkspace.Tests.Infrastructure;

/// <summary>
/// The built app (AgentWorkspace/bin/&lt;configuration&gt;/net10.0/AgentWorkspace.dll) as a real separate process on its own
/// loopback port and data folder: unlike an in-process WebApplicationFactory it can be killed with SIGKILL, and its
/// command-line commands (backup, restore, check) run exactly as an operator runs them. On the PostgreSQL pass it runs
/// with Database:Provider=Postgres on a database of its own on the test server (<paramref name="postgresDatabase"/>, or
/// a new migrated one), dropped when it is disposed.
/// </summary>
public sealed class AppProcess(string dataDirectory, int port, IReadOnlyDictionary<string, string>? settings = null, string? postgresDatabase = null)
    : IAsyncDisposable
{
    private readonly StringBuilder log = new();
    private readonly string? postgres = TestDatabases.Postgres ? postgresDatabase ?? PostgresServer.CreateDatabase() : null;
    private Process? process;

    public string DataDirectory => dataDirectory;

    /// <summary>The SQLite file (SQLite pass only).</summary>
    public string DatabasePath => Path.Combine(dataDirectory, "workspace.db");

    public bool OnPostgres => postgres is not null;

    /// <summary>ConnectionStrings:Workspace as the app gets it.</summary>
    public string ConnectionString => postgres ?? $"Data Source={DatabasePath}";

    public Uri Address { get; } = new($"http://127.0.0.1:{port}/");

    /// <summary>Everything the app processes wrote to stdout and stderr, for failure messages.</summary>
    public string Log
    {
        get
        {
            lock (log)
            {
                return log.ToString();
            }
        }
    }

    /// <summary>The app built beside the tests, in the same configuration.</summary>
    public static string AppDll => Path.Combine(RepositoryPaths.App, "bin", new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name, "net10.0", "AgentWorkspace.dll");

    /// <summary>Starts the app and waits until /healthz answers; returns how long that took.</summary>
    public async Task<TimeSpan> StartAsync(TimeSpan? timeout = null)
    {
        if (process is { HasExited: false })
        {
            throw new InvalidOperationException("The app is already running.");
        }
        var started = Stopwatch.StartNew();
        process = Launch(["--urls", Address.ToString().TrimEnd('/')]);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(120));
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The app exited with code {process.ExitCode}:\n{Log}");
            }
            try
            {
                if ((await http.GetAsync(new Uri(Address, "healthz"))).IsSuccessStatusCode)
                {
                    return started.Elapsed;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException)
            {
                // busy starting
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The app did not answer /healthz at {Address}:\n{Log}");
            }
            await Task.Delay(100);
        }
    }

    /// <summary>kill -9: SIGKILL, no shutdown code runs, open transactions and buffered work die with the process.</summary>
    public void KillHard()
    {
        var running = process ?? throw new InvalidOperationException("The app is not running.");
        running.Kill(entireProcessTree: false);
        running.WaitForExit();
        running.Dispose();
        process = null;
    }

    /// <summary>A normal stop (SIGTERM, as systemd or Ctrl+C would), waiting for the process to end.</summary>
    public async Task StopAsync()
    {
        if (process is not { } running)
        {
            return;
        }
        if (!running.HasExited)
        {
            using var term = Process.Start("kill", ["-TERM", running.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await term.WaitForExitAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await running.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                running.Kill();
            }
        }
        running.Dispose();
        process = null;
    }

    /// <summary>Runs one of the app's commands (e.g. <c>backup file</c>) against this data folder; returns its exit code and output.</summary>
    public async Task<(int ExitCode, string Output)> RunCommandAsync(params string[] args)
    {
        var output = new StringBuilder();
        using var command = Launch(args, output);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await command.WaitForExitAsync(timeout.Token);
        command.WaitForExit(); // drains the redirected output
        lock (output)
        {
            return (command.ExitCode, output.ToString());
        }
    }

    /// <summary>An API key of the demo admin, issued straight into the database (the app may be running: both providers take both).</summary>
    public async Task<string> IssueApiKeyAsync()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = dataDirectory });
        builder.Configuration["ConnectionStrings:Workspace"] = ConnectionString;
        builder.Configuration["Database:Provider"] = TestDatabases.Provider;
        builder.Configuration["DataProtection:KeysPath"] = Path.Combine(dataDirectory, "keys");
        builder.AddWorkspaceData();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddLocalization();
        builder.Services.AddSingleton<ApiKeyService>();
        using var host = builder.Build();
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var adminId = await db.Users.Where(u => u.Email == DemoAgents.AdminEmail).Select(u => u.Id).SingleAsync();
        var created = await host.Services.GetRequiredService<ApiKeyService>().CreateAsync(adminId, "crash test", teamId: null);
        created.Succeeded.ShouldBeTrue(created.Error);
        return created.Secret!;
    }

    private Process Launch(string[] args, StringBuilder? output = null)
    {
        var start = new ProcessStartInfo("dotnet", [AppDll, .. args])
        {
            // The content root (appsettings.json) is the project folder, as with dotnet run.
            WorkingDirectory = RepositoryPaths.App,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = Address.ToString().TrimEnd('/');
        start.Environment["ConnectionStrings__Workspace"] = ConnectionString;
        start.Environment["Database__Provider"] = TestDatabases.Provider;
        start.Environment["DataProtection__KeysPath"] = Path.Combine(dataDirectory, "keys");
        start.Environment["DemoData__Enabled"] = "true";
        start.Environment["Routing__Enabled"] = "false";
        start.Environment["Suggestions__Dense__Enabled"] = "false";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }
        var started = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        void Append(string? line)
        {
            if (line is null)
            {
                return;
            }
            lock (log)
            {
                log.AppendLine(line);
            }
            if (output is not null)
            {
                lock (output)
                {
                    output.AppendLine(line);
                }
            }
        }
        started.OutputDataReceived += (_, e) => Append(e.Data);
        started.ErrorDataReceived += (_, e) => Append(e.Data);
        started.BeginOutputReadLine();
        started.BeginErrorReadLine();
        return started;
    }

    public async ValueTask DisposeAsync()
    {
        if (process is { HasExited: false } running)
        {
            running.Kill();
            await running.WaitForExitAsync();
        }
        process?.Dispose();
        if (postgres is not null)
        {
            PostgresServer.DropDatabase(postgres);
        }
    }
}

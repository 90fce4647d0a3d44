namespace AgentWorkspace.Features.Reports;

public static class ReportServiceExtensions
{
    /// <summary>The report facts (kept up by a hosted service following ticket changes), their queries and the reports page.</summary>
    public static IServiceCollection AddReports(this IServiceCollection services)
    {
        services.AddSingleton<ReportStore>();
        services.AddSingleton<ReportQuery>();
        services.AddSingleton<ReportFeed>();
        services.AddHostedService(sp => sp.GetRequiredService<ReportFeed>());
        return services;
    }

    /// <summary>
    /// <c>dotnet run --project AgentWorkspace -- reports rebuild</c>: recomputes every report fact and aggregate from the
    /// tickets' history, then exits (run it with the app stopped or running; the feed keeps up with changes made meanwhile
    /// at its next start). Returns null when the arguments are not this command.
    /// </summary>
    public static async Task<int?> RunReportsCommandAsync(this IServiceProvider services, string[] args)
    {
        if (args is not ["reports", var verb, ..])
        {
            return null;
        }
        if (verb != "rebuild")
        {
            await Console.Error.WriteLineAsync($"Unknown reports command '{verb}'. Usage: reports rebuild");
            return 2;
        }
        var started = System.Diagnostics.Stopwatch.StartNew();
        var count = await services.GetRequiredService<ReportStore>().RebuildAsync();
        await Console.Out.WriteLineAsync($"Report facts rebuilt from the history of {count:N0} ticket(s) in {started.Elapsed.TotalSeconds:N1} s.");
        return 0;
    }
}

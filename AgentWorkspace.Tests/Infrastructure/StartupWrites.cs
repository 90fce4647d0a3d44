using AgentWorkspace.Features.Reports;
using AgentWorkspace.Features.Sla;
using Microsoft.Extensions.DependencyInjection;

namespace AgentWorkspace.Tests.Infrastructure;

public static class StartupWrites
{
    /// <summary>
    /// Waits for a new host's start-up catch-ups (SLA state and report facts of every seeded ticket): tests that time
    /// writers against each other must not also queue behind those.
    /// </summary>
    public static async Task DoneAsync(IServiceProvider services)
    {
        await services.GetRequiredService<SlaFeed>().CatchUp;
        await services.GetRequiredService<ReportFeed>().CatchUp;
    }
}

using AgentWorkspace.Data;
using AgentWorkspace.Features.Email;
using AgentWorkspace.Features.Scheduling;
using AgentWorkspace.Features.Tickets;
using Microsoft.EntityFrameworkCore;

namespace AgentWorkspace.Features.Surveys;

public static class SurveyServiceExtensions
{
    /// <summary>
    /// CSAT and CES surveys after a resolution: scheduled with the resolution (<see cref="SurveyScheduler"/>), sent by a
    /// durable job (<see cref="SurveyJobHandler"/>), answered in the chat widget or on /help/surveys/{number}.
    /// </summary>
    public static IServiceCollection AddSurveys(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SurveyOptions>(configuration.GetSection(SurveyOptions.Section));
        services.AddSingleton<SurveyScheduler>();
        services.AddSingleton<ICustomerUpdates>(sp => sp.GetRequiredService<SurveyScheduler>());
        services.AddHostedService(sp => sp.GetRequiredService<SurveyScheduler>());
        services.AddSingleton<IJobHandler, SurveyJobHandler>();
        services.AddSingleton<SurveyLinks>();
        services.AddSingleton<ICustomerSurveyLinks, SurveyEmailLinks>();
        services.AddSingleton<SurveyService>();
        services.AddSingleton<SurveyQueries>();
        services.AddSingleton<SurveyStats>();
        return services;
    }
}

/// <summary>The link a survey e-mail carries: the ticket's latest survey, while it takes an answer.</summary>
internal sealed class SurveyEmailLinks(IDbContextFactory<AppDbContext> dbFactory, SurveyLinks links, TimeProvider clock) : ICustomerSurveyLinks
{
    public async Task<Uri?> OpenSurveyAsync(int ticketId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var now = clock.GetUtcNow();
        var open = await db.Set<SurveyResponse>().AsNoTracking().Where(s => s.TicketId == ticketId).OrderByDescending(s => s.ResolvedAt)
            .Select(s => new { Survey = s, s.Ticket.Number }).FirstOrDefaultAsync();
        return open is null || open.Survey.AnsweredAt is not null || open.Survey.ExpiresAt <= now ? null : links.For(open.Survey, open.Number);
    }
}

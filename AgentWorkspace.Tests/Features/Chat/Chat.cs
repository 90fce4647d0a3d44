using AgentWorkspace.Data;
using AgentWorkspace.Features.Tickets;
using AgentWorkspace.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AgentWorkspace.Tests.Features.Chat;

internal static class Chat
{
    public static async Task<Ticket> TicketAsync(BrowserFixture browser, int number)
    {
        await using var db = await browser.App.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.Tickets.Include(t => t.Customer).SingleAsync(t => t.Number == number);
    }

    /// <summary>Waits for a server-side condition that has no page to watch (bounded, fails with the reason).</summary>
    public static async Task WaitUntilAsync(Func<bool> condition, string what, int seconds = 15)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Waited {seconds} s for: {what}");
            }
            await Task.Delay(50);
        }
    }
}

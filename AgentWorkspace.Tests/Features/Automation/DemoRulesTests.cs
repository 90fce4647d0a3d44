using AgentWorkspace.Data;
using AgentWorkspace.Features.Automation;
using AgentWorkspace.Features.Tickets;
using AgentWorkspace.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AgentWorkspace.Tests.Features.Automation;

/// <summary>The demo's seeded rules are valid rules and really fire in the running app.</summary>
[Trait("Kind", "Browser")] // driven through Chromium: stays on SQLite in the PostgreSQL pass
[Collection(BrowserCollection.Name)]
public sealed class DemoRulesTests(BrowserFixture browser)
{
    private IServiceProvider Services => browser.App.Services;

    [Fact]
    public async Task TheSeededRules_PassTheEditorsValidation_AsTheyAre()
    {
        var admin = Services.GetRequiredService<AutomationAdminService>();
        var rules = (await admin.ListAsync()).Where(r => r.Name is "Security reports are urgent" or "VIP chats first" or "Spanish web-form requests").ToList();

        rules.Count.ShouldBe(3);
        foreach (var rule in rules)
        {
            // Saving unchanged rewrites the same cleaned values: nothing in the seed bypasses what an admin could save.
            var before = (rule.ConditionsJson, rule.ActionsJson);
            (await admin.SaveAsync(RuleDraft.From(rule), null)).Succeeded.ShouldBeTrue(rule.Name);
            var after = (await admin.FindAsync(rule.Id))!;
            (after.ConditionsJson, after.ActionsJson).ShouldBe(before);
        }
    }

    [Fact]
    public async Task AVipCustomersChat_IsRaisedToHigh_AndASpanishWebFormRequestIsTagged()
    {
        var dbFactory = Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        var tickets = Services.GetRequiredService<TicketService>();
        int vipCustomer;
        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            vipCustomer = await db.Customers.Where(c => c.IsVip && c.MergedIntoId == null).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
        }

        var chat = await tickets.CreateTicketAsync(new NewTicket(vipCustomer, "Order question", "Hi, where is my order?", TicketChannel.Chat));
        var form = await tickets.CreateTicketAsync(new NewTicket(vipCustomer, "Pregunta", "Hola, ¿dónde está mi pedido?", TicketChannel.WebForm, Language: "es"));

        await Sla.SlaWorld.WaitUntilAsync(async () =>
        {
            await using var db = await dbFactory.CreateDbContextAsync();
            var chatDone = await db.Tickets.AnyAsync(t => t.Number == chat.TicketNumber && t.Priority == TicketPriority.High && t.Tags.Any(g => g.Tag == "vip"));
            var formDone = await db.Tickets.AnyAsync(t => t.Number == form.TicketNumber && t.Tags.Any(g => g.Tag == "español"));
            return chatDone && formDone;
        }, "the demo rules ran on the new tickets");
        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            // A web form is not a chat: the VIP rule left it alone.
            (await db.Tickets.SingleAsync(t => t.Number == form.TicketNumber)).Priority.ShouldBe(TicketPriority.Normal);
        }
    }
}

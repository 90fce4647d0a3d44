using AgentWorkspace.Components.Layout;
using AgentWorkspace.Features.Agents;
using AgentWorkspace.Features.Notifications;
using AgentWorkspace.Realtime;
using AgentWorkspace.Tests.Infrastructure;
using Bunit;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AgentWorkspace.Tests.Components.Layout;

/// <summary>The header's bell, on the real <see cref="NotificationCenter"/> and live backbone over a SQLite file.</summary>
public sealed class NotificationBellTests : ComponentTest
{
    private readonly TempDatabase database = new();
    private readonly string agentId = Guid.NewGuid().ToString();

    public NotificationBellTests()
    {
        Services.AddLogging();
        database.AddDbContextFactory(Services);
        Services.AddSingleton<WorkspaceNotifier>();
        Services.AddSingleton<NotificationCenter>();
        using var db = database.CreateContext();
        db.Database.Migrate();
        db.Users.Add(new Agent { Id = agentId, UserName = "bell@nimbus.test", Email = "bell@nimbus.test", DisplayName = "Bell Tester" });
        db.SaveChanges();
    }

    private NotificationCenter Center => Services.GetRequiredService<NotificationCenter>();

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        database.Dispose();
    }

    [Fact]
    public async Task TheBell_ShowsHowManyNotificationsAreUnread_AndSaysItToScreenReaders()
    {
        await Center.NotifyAsync(agentId, "Ana mentioned you on #1001", link: "/tickets/1001");
        await Center.NotifyAsync(agentId, "Ticket #1002 was assigned to you", link: "/tickets/1002");
        await Center.NotifyAsync(agentId, "An article waits for your review");

        var bell = Render<NotificationBell>(p => p.Add(b => b.AgentId, agentId));

        bell.WaitForAssertion(() => bell.Find("[data-testid=notification-count]").TextContent.ShouldBe("3"));
        bell.Find("[data-testid=notification-bell]").GetAttribute("aria-label").ShouldBe("Notifications, 3 unread");
        bell.Find("[data-testid=notification-bell]").GetAttribute("aria-expanded").ShouldBe("false");
        bell.FindAll("[data-testid=notifications-panel]").ShouldBeEmpty();
    }

    [Fact]
    public async Task ANotificationCreatedWhileTheBellIsShown_RaisesTheCountAtOnce()
    {
        await Center.NotifyAsync(agentId, "First");
        var bell = Render<NotificationBell>(p => p.Add(b => b.AgentId, agentId));
        bell.WaitForAssertion(() => bell.Find("[data-testid=notification-count]").TextContent.ShouldBe("1"));

        await Center.NotifyAsync(agentId, "Second");

        bell.WaitForAssertion(() => bell.Find("[data-testid=notification-count]").TextContent.ShouldBe("2"));
    }

    [Fact]
    public async Task OpeningTheBell_ListsTheNotifications_AndMarkAllRead_EmptiesTheCount()
    {
        await Center.NotifyAsync(agentId, "Ana mentioned you on #1001", body: "Can you check the refund?", link: "/tickets/1001");
        await Center.NotifyAsync(agentId, "An article waits for your review");
        var bell = Render<NotificationBell>(p => p.Add(b => b.AgentId, agentId));
        bell.WaitForAssertion(() => bell.Find("[data-testid=notification-count]").TextContent.ShouldBe("2"));

        bell.Find("[data-testid=notification-bell]").Click();

        var panel = bell.Find("[data-testid=notifications-panel]");
        panel.GetAttribute("role").ShouldBe("region");
        panel.QuerySelector("h2")!.TextContent.ShouldBe("Notifications");
        panel.QuerySelectorAll("li.unread").Length.ShouldBe(2);
        panel.QuerySelector("a[href='/tickets/1001']")!.TextContent.ShouldBe("Ana mentioned you on #1001");
        bell.Find("[data-testid=notification-bell]").GetAttribute("aria-expanded").ShouldBe("true");

        bell.FindAll("[data-testid=notifications-panel] button").Single(b => b.TextContent.Trim() == "Mark all read").Click();

        bell.WaitForAssertion(() => bell.FindAll("[data-testid=notification-count]").ShouldBeEmpty());
        bell.Find("[data-testid=notification-bell]").GetAttribute("aria-label").ShouldBe("Notifications, 0 unread");
        bell.FindAll("[data-testid=notifications-panel] li.unread").ShouldBeEmpty();
        bell.FindAll("[data-testid=notifications-panel] button").ShouldNotContain(b => b.TextContent.Trim() == "Mark all read");
        (await Center.UnreadCountAsync(agentId)).ShouldBe(0);
    }

    [Fact]
    public async Task Escape_ClosesThePanel()
    {
        await Center.NotifyAsync(agentId, "Ticket #1002 was assigned to you");
        var bell = Render<NotificationBell>(p => p.Add(b => b.AgentId, agentId));
        bell.Find("[data-testid=notification-bell]").Click();
        bell.Find("[data-testid=notifications-panel]");

        bell.Find("[data-testid=notifications-panel]").KeyDown(new KeyboardEventArgs { Key = "Escape" });

        bell.FindAll("[data-testid=notifications-panel]").ShouldBeEmpty();
        bell.Find("[data-testid=notification-bell]").GetAttribute("aria-expanded").ShouldBe("false");
        (await Center.UnreadCountAsync(agentId)).ShouldBe(1, "closing is not reading");
    }

    [Fact]
    public async Task ASpanishSpeakingAgent_HearsTheBellInSpanish()
    {
        UseLanguage("es");
        await Center.NotifyAsync(agentId, "Ana te ha mencionado en #1001");

        var bell = Render<NotificationBell>(p => p.Add(b => b.AgentId, agentId));
        bell.WaitForAssertion(() => bell.Find("[data-testid=notification-bell]").GetAttribute("aria-label").ShouldBe("Notificaciones, 1 sin leer"));
        bell.Find("[data-testid=notification-bell]").Click();

        bell.Find("[data-testid=notifications-panel] h2").TextContent.ShouldBe("Notificaciones");
        bell.FindAll("[data-testid=notifications-panel] button").ShouldContain(b => b.TextContent.Trim() == "Marcar todo como leído");
    }
}

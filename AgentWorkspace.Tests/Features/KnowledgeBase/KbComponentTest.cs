using System.Security.Claims;
using AgentWorkspace.Data;
using AgentWorkspace.Features.Agents;
using AgentWorkspace.Features.KnowledgeBase;
using AgentWorkspace.Features.Notifications;
using AgentWorkspace.Features.Presence;
using AgentWorkspace.Realtime;
using AgentWorkspace.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AgentWorkspace.Tests.Features.KnowledgeBase;

/// <summary>
/// Knowledge-base components rendered with the app's real services on a real (migrated, empty) SQLite database,
/// signed in as a KB editor.
/// </summary>
public abstract class KbComponentTest : ComponentTest
{
    protected const string AgentId = "agent-ana";

    private readonly TempDatabase database = new();

    protected KbComponentTest()
    {
        using (var db = database.CreateContext())
        {
            db.Database.Migrate();
            db.Users.Add(new Agent { Id = AgentId, UserName = "ana@nimbus.test", Email = "ana@nimbus.test", DisplayName = "Ana García", CreatedAt = DateTimeOffset.UtcNow });
            db.SaveChanges();
        }
        Services.AddLogging();
        database.AddDbContextFactory(Services);
        Services.AddSingleton<WorkspaceNotifier>();
        Services.AddSingleton<PresenceBoard>();
        Services.AddNotifications();
        Services.AddKnowledgeBase();
        AddAuthorization()
            .SetAuthorized("Ana García")
            .SetRoles(Roles.Agent, Roles.KbEditor)
            .SetClaims(new Claim(ClaimTypes.NameIdentifier, AgentId), new Claim(AgentWorkspace.Features.Account.AgentClaims.DisplayNameType, "Ana García"));
    }

    protected AppDbContext Db() => database.CreateContext();

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            database.Dispose();
        }
    }
}

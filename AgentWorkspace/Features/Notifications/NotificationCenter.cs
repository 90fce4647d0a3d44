using AgentWorkspace.Data;
using AgentWorkspace.Features.Agents;
using AgentWorkspace.Realtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgentWorkspace.Features.Notifications;

public sealed class NotificationCenter(IDbContextFactory<AppDbContext> dbFactory, WorkspaceNotifier notifier, TimeProvider clock)
{
    /// <summary>Notifies in the recipient's language (their stored choice; English until they make one).</summary>
    public async Task<Notification> NotifyAsync(string agentId, NotificationText title, string? body = null, string? link = null)
    {
        string? language;
        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            language = await db.Users.Where(a => a.Id == agentId).Select(a => a.Language).FirstOrDefaultAsync();
        }
        return await NotifyAsync(agentId, title.In(language), body, link);
    }

    /// <summary>Notifies with a title already written (in the recipient's language).</summary>
    public async Task<Notification> NotifyAsync(string agentId, string title, string? body = null, string? link = null)
    {
        var notification = new Notification
        {
            AgentId = agentId,
            Title = title.Length > 200 ? title[..200] : title,
            Body = body is { Length: > 1000 } ? body[..1000] : body,
            Link = link,
            CreatedAt = clock.GetUtcNow(),
        };
        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            db.Notifications.Add(notification);
            await db.SaveChangesAsync();
        }
        notifier.Publish(new NotificationCreated(agentId, notification.Id, notification.Title));
        return notification;
    }

    public async Task<IReadOnlyList<Notification>> RecentAsync(string agentId, int take = 20)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.Notifications.AsNoTracking()
            .Where(n => n.AgentId == agentId)
            .OrderByDescending(n => n.Id)
            .Take(take)
            .ToListAsync();
    }

    public async Task<int> UnreadCountAsync(string agentId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.Notifications.CountAsync(n => n.AgentId == agentId && n.ReadAt == null);
    }

    public async Task MarkAllReadAsync(string agentId)
    {
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync();
        await db.Notifications
            .Where(n => n.AgentId == agentId && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now));
    }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> notification)
    {
        notification.Property(n => n.Title).HasMaxLength(200);
        notification.Property(n => n.Body).HasMaxLength(1000);
        notification.Property(n => n.Link).HasMaxLength(500);
        notification.HasIndex(n => new { n.AgentId, n.Id });
        notification.HasOne<Agent>().WithMany().HasForeignKey(n => n.AgentId).OnDelete(DeleteBehavior.Cascade);
    }
}

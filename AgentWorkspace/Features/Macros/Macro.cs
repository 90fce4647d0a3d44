using AgentWorkspace.Features.Agents;
using AgentWorkspace.Features.Canned;
using AgentWorkspace.Features.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgentWorkspace.Features.Macros;

/// <summary>Who a macro assigns the ticket to.</summary>
public enum MacroAssignee
{
    /// <summary>Leaves the assignee alone.</summary>
    Keep,

    /// <summary>The agent applying the macro.</summary>
    Me,

    /// <summary>The agent named in <see cref="Macro.AssigneeId"/>.</summary>
    Agent,

    /// <summary>Nobody: the ticket goes back to its team's Unassigned view.</summary>
    Nobody,
}

/// <summary>
/// Several changes to a ticket applied with one click, as one change (all or nothing), and optionally a canned response
/// put into the composer for the agent to review and send: a macro never sends to a customer by itself.
/// </summary>
public sealed class Macro : IShareable
{
    public const int MaxNameLength = 80;
    public const int MaxTags = 10;

    /// <summary>How a macro's changes are recorded in the ticket's history: "macro: Refund approved".</summary>
    public const string ReasonPrefix = "macro: ";

    public int Id { get; set; }
    public required string Name { get; set; }

    public TicketStatus? Status { get; set; }
    public TicketPriority? Priority { get; set; }

    /// <summary>Tags to add, stored normalized and space-separated.</summary>
    public string AddTags { get; set; } = "";

    /// <summary>Tags to remove, stored normalized and space-separated.</summary>
    public string RemoveTags { get; set; } = "";

    /// <summary>The team to move the ticket to; null leaves it.</summary>
    public int? MoveToTeamId { get; set; }
    public Team? MoveToTeam { get; set; }

    public MacroAssignee Assign { get; set; }
    public string? AssigneeId { get; set; }

    /// <summary>The canned response inserted into the composer after the changes are applied.</summary>
    public int? CannedResponseId { get; set; }
    public CannedResponse? CannedResponse { get; set; }

    public Sharing Sharing { get; set; }
    public int? TeamId { get; set; }
    public Team? Team { get; set; }
    public string? OwnerId { get; set; }

    public int UsageCount { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public IReadOnlyList<string> TagsToAdd => Split(AddTags);
    public IReadOnlyList<string> TagsToRemove => Split(RemoveTags);

    private static string[] Split(string tags) => tags.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}

internal sealed class MacroConfiguration : IEntityTypeConfiguration<Macro>
{
    public void Configure(EntityTypeBuilder<Macro> builder)
    {
        builder.ToTable("Macros");
        builder.Property(m => m.Name).HasMaxLength(Macro.MaxNameLength);
        builder.Property(m => m.AddTags).HasMaxLength(600);
        builder.Property(m => m.RemoveTags).HasMaxLength(600);
        builder.Property(m => m.OwnerId).HasMaxLength(450);
        builder.Property(m => m.AssigneeId).HasMaxLength(450);
        builder.HasOne(m => m.Team).WithMany().HasForeignKey(m => m.TeamId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(m => m.MoveToTeam).WithMany().HasForeignKey(m => m.MoveToTeamId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(m => m.CannedResponse).WithMany().HasForeignKey(m => m.CannedResponseId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Agent>().WithMany().HasForeignKey(m => m.OwnerId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Agent>().WithMany().HasForeignKey(m => m.AssigneeId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(m => new { m.Sharing, m.TeamId });
        builder.HasIndex(m => m.OwnerId);
        builder.Ignore(m => m.TagsToAdd);
        builder.Ignore(m => m.TagsToRemove);
    }
}

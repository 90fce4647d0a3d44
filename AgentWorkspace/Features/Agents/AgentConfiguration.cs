using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgentWorkspace.Features.Agents;

internal sealed class AgentConfiguration : IEntityTypeConfiguration<Agent>
{
    public void Configure(EntityTypeBuilder<Agent> agent)
    {
        agent.Property(a => a.DisplayName).HasMaxLength(100);
        agent.Property(a => a.Theme).HasMaxLength(8);
        agent.Property(a => a.Language).HasMaxLength(8);
    }
}

internal sealed class TeamConfiguration : IEntityTypeConfiguration<Team>
{
    public void Configure(EntityTypeBuilder<Team> team)
    {
        team.Property(t => t.Name).HasMaxLength(100);
        team.Property(t => t.Description).HasMaxLength(500);
        team.HasIndex(t => t.Name).IsUnique();
    }
}

internal sealed class TeamMemberConfiguration : IEntityTypeConfiguration<TeamMember>
{
    public void Configure(EntityTypeBuilder<TeamMember> member)
    {
        member.HasKey(m => new { m.TeamId, m.AgentId });
        member.HasOne(m => m.Team).WithMany(t => t.Members).HasForeignKey(m => m.TeamId);
        member.HasOne(m => m.Agent).WithMany(a => a.Teams).HasForeignKey(m => m.AgentId);
        member.HasIndex(m => m.AgentId);
    }
}

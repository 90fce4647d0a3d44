namespace AgentWorkspace.Features.Agents;

public sealed class Team
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    public List<TeamMember> Members { get; set; } = [];
}

public sealed class TeamMember
{
    public int TeamId { get; set; }
    public Team Team { get; set; } = null!;
    public required string AgentId { get; set; }
    public Agent Agent { get; set; } = null!;
}

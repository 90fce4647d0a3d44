using AgentWorkspace.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgentWorkspace.Features.Automation;

/// <summary>What wakes a rule up.</summary>
public enum RuleTrigger
{
    /// <summary>A ticket was opened (by a customer, an agent, the API, e-mail or a follow-up).</summary>
    TicketCreated,

    /// <summary>A customer wrote on an existing ticket (not the message that opened it: that is <see cref="TicketCreated"/>).</summary>
    CustomerMessage,

    /// <summary>Someone (an agent, the customer, the system) changed the ticket's status.</summary>
    StatusChanged,

    /// <summary>An SLA target of the ticket reached its warning share ("at risk").</summary>
    SlaWarning,
}

/// <summary>Whether every condition must hold, or one is enough.</summary>
public enum RuleMatch
{
    All,
    Any,
}

/// <summary>
/// "When this happens to a ticket and it looks like that, do this." Rules run in <see cref="Position"/> order; each sees
/// the ticket as the rules before it left it, and one may stop the rules after it. Conditions and actions are stored as
/// JSON (<see cref="RuleJson"/>), always written from the typed lists by <see cref="AutomationAdminService"/>, which
/// validates them first.
/// </summary>
public sealed class AutomationRule : IVersioned
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public int Position { get; set; }
    public bool IsEnabled { get; set; } = true;
    public RuleTrigger Trigger { get; set; }
    public RuleMatch Match { get; set; }

    /// <summary>After this rule fired, later rules do not run on the same trigger.</summary>
    public bool StopProcessing { get; set; }

    public string ConditionsJson { get; set; } = "[]";
    public string ActionsJson { get; set; } = "[]";

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string? UpdatedById { get; set; }

    public long Version { get; set; }

    public IReadOnlyList<RuleCondition> Conditions => RuleJson.Conditions(ConditionsJson);

    public IReadOnlyList<RuleActionSpec> Actions => RuleJson.Actions(ActionsJson);
}

/// <summary>
/// That a rule fired on one trigger (a history line or a customer message): stored in the transaction of the rule's
/// changes, so a trigger read again after a crash or a restart never fires the rule twice. Also what the per-ticket
/// firing cap counts.
/// </summary>
public sealed class AutomationFiring
{
    public long Id { get; set; }
    public int RuleId { get; set; }
    public int TicketId { get; set; }

    /// <summary>"e123" (a ticket history line) or "m456" (a customer message).</summary>
    public required string TriggerKey { get; set; }

    public DateTimeOffset FiredAt { get; set; }
}

/// <summary>How far the rule runner has read a stream ("events": ticket history lines, "messages": customer messages).</summary>
public sealed class AutomationCursor
{
    public required string Name { get; set; }
    public long Position { get; set; }
}

internal sealed class AutomationRuleConfiguration : IEntityTypeConfiguration<AutomationRule>
{
    public void Configure(EntityTypeBuilder<AutomationRule> rule)
    {
        rule.ToTable("AutomationRules");
        rule.Property(r => r.Name).HasMaxLength(RuleLimits.MaxNameLength);
        rule.Property(r => r.ConditionsJson).HasMaxLength(20_000);
        rule.Property(r => r.ActionsJson).HasMaxLength(20_000);
        rule.Property(r => r.UpdatedById).HasMaxLength(450);
        rule.Property(r => r.Version).IsConcurrencyToken();
        rule.Ignore(r => r.Conditions);
        rule.Ignore(r => r.Actions);
        rule.HasIndex(r => r.Name).IsUnique();
        rule.HasIndex(r => new { r.Trigger, r.Position });
    }
}

internal sealed class AutomationFiringConfiguration : IEntityTypeConfiguration<AutomationFiring>
{
    public void Configure(EntityTypeBuilder<AutomationFiring> firing)
    {
        firing.ToTable("AutomationFirings");
        firing.Property(f => f.TriggerKey).HasMaxLength(32);
        firing.HasIndex(f => new { f.RuleId, f.TriggerKey }).IsUnique();
        firing.HasIndex(f => new { f.TicketId, f.FiredAt });
    }
}

internal sealed class AutomationCursorConfiguration : IEntityTypeConfiguration<AutomationCursor>
{
    public void Configure(EntityTypeBuilder<AutomationCursor> cursor)
    {
        cursor.ToTable("AutomationCursors");
        cursor.HasKey(c => c.Name);
        cursor.Property(c => c.Name).HasMaxLength(32);
    }
}

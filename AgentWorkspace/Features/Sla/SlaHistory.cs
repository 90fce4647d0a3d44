using AgentWorkspace.Data;
using AgentWorkspace.Features.Tickets;

namespace AgentWorkspace.Features.Sla;

/// <summary>
/// The SLA's lines in a ticket's history (the same table as every other change, written by the system). Values are
/// stored in English, like the other history lines; the policy's name is always in the line.
/// </summary>
internal static class SlaHistory
{
    public const string PolicyField = "SLA policy";
    public const string CalendarField = "SLA calendar";
    public const string ClockField = "SLA";

    public const string Paused = "Paused";
    public const string Resumed = "Resumed";
    public const string Warned = "At risk";
    public const string Breached = "Breached";
    public const string Met = "Met";
    public const string MetLate = "Met late";

    public static string FieldOf(SlaTargetKind kind) => kind switch
    {
        SlaTargetKind.FirstResponse => "SLA first response",
        SlaTargetKind.NextResponse => "SLA next response",
        _ => "SLA resolution",
    };

    public static string Label(SlaTargetKind kind) => kind switch
    {
        SlaTargetKind.FirstResponse => "first response",
        SlaTargetKind.NextResponse => "next response",
        _ => "resolution",
    };

    public static void Record(AppDbContext db, int ticketId, DateTimeOffset at, string field, string? oldValue, string? newValue, string? reason) =>
        db.TicketEvents.Add(new TicketEvent
        {
            TicketId = ticketId,
            ActorKind = AuthorKind.System,
            Field = field,
            OldValue = oldValue,
            NewValue = newValue,
            Reason = reason,
            CreatedAt = at,
        });
}

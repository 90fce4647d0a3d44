using AgentWorkspace.Features.Agents;
using AgentWorkspace.Features.Canned;
using AgentWorkspace.Features.Macros;
using AgentWorkspace.Features.Tickets;
using Microsoft.EntityFrameworkCore;

namespace AgentWorkspace.Data.Seed;

/// <summary>
/// The Nimbus team's canned responses (shared, per team and personal, in English and Spanish, with variables and help-centre
/// links) and a few macros that use them. Seeded after the knowledge base: the links name its articles by id.
/// </summary>
internal static class DemoCanned
{
    public static async Task SeedAsync(AppDbContext db, DemoAgents agents, Team billing, Team technical, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var articles = await db.Articles.Where(a => a.Language == "en").ToDictionaryAsync(a => a.Slug, a => a.Id, cancellationToken);
        string Kb(string slug) => articles.TryGetValue(slug, out var id) ? $"{{{{kb:{id}}}}}" : "our help centre";

        CannedResponse Response(string shortcut, string title, string en, string? es, Sharing sharing, Team? team, Agent owner, int used) => new()
        {
            Shortcut = shortcut, Title = title, BodyEn = en, BodyEs = es, Sharing = sharing, TeamId = team?.Id, OwnerId = owner.Id,
            UsageCount = used, CreatedAt = now.AddDays(-60), UpdatedAt = now.AddDays(-used % 20),
        };

        var greeting = Response("greeting", "Greeting",
            "Hi {{customer.first_name | there}},\n\nThanks for reaching out to Nimbus support. I'm {{agent.first_name}} and I'll help you with this.",
            "Hola, {{customer.first_name | qué tal}}:\n\nGracias por escribir al soporte de Nimbus. Soy {{agent.first_name}} y te ayudo con esto.",
            Sharing.Shared, null, agents.Admin, 212);
        var closing = Response("closing", "Closing: anything else?",
            "Is there anything else I can help you with on ticket #{{ticket.number}}? If not, I'll close it in a couple of days.\n\nBest,\n{{agent.name}}",
            "¿Te puedo ayudar con algo más en el ticket #{{ticket.number}}? Si no, lo cerraré en un par de días.\n\nUn saludo,\n{{agent.name}}",
            Sharing.Shared, null, agents.Admin, 168);
        var moreInfo = Response("need-details", "Ask for details",
            "Hi {{customer.first_name | there}}, could you send me the order number and a screenshot of what you see? That way I can look into \"{{ticket.subject}}\" right away.",
            "Hola, {{customer.first_name | qué tal}}: ¿me envías el número de pedido y una captura de lo que ves? Así reviso «{{ticket.subject}}» enseguida.",
            Sharing.Shared, null, agents.Admin, 95);
        var refund = Response("refund-approved", "Refund approved",
            $"Hi {{{{customer.first_name | there}}}},\n\nGood news: your refund is approved. It reaches your card in 5 to 10 business days. How refunds work: {Kb("issue-a-refund")}\n\n{{{{agent.name}}}}, {{{{team.name}}}}",
            $"Hola, {{{{customer.first_name | qué tal}}}}:\n\nBuenas noticias: tu reembolso está aprobado. Llegará a tu tarjeta en 5 a 10 días hábiles. Así funcionan los reembolsos: {Kb("issue-a-refund")}\n\n{{{{agent.name}}}}, {{{{team.name}}}}",
            Sharing.Team, billing, agents.Rita, 57);
        var payout = Response("payout-timing", "When payouts arrive",
            $"Payouts are sent two business days after an order is paid; your bank may take one more day. Details: {Kb("when-will-i-get-my-payout")}",
            $"Los pagos se envían dos días hábiles después de que se cobra el pedido; tu banco puede tardar un día más. Detalles: {Kb("when-will-i-get-my-payout")}",
            Sharing.Team, billing, agents.Rita, 41);
        var dns = Response("dns-propagation", "DNS takes time",
            $"Your domain settings look right. DNS changes can take up to 48 hours to reach everyone; I'll check again tomorrow. Reference: {Kb("connect-a-custom-domain")}",
            null, Sharing.Team, technical, agents.Rita, 33);
        var twoFactor = Response("2fa-reset", "Lost 2FA device",
            $"For your security I need to verify it's you before turning off two-factor authentication. Please follow {Kb("lost-two-factor-device")} and reply here when done.",
            "Por seguridad, necesito verificar que eres tú antes de desactivar la verificación en dos pasos. Sigue los pasos del centro de ayuda y responde aquí cuando termines.",
            Sharing.Team, technical, agents.Rita, 12);
        var anaFollowUp = Response("ana-seguimiento", "Ana: follow-up tomorrow",
            "I'm checking this with our payments team and will write back tomorrow morning.",
            "Lo estoy revisando con el equipo de pagos y te escribo mañana por la mañana.",
            Sharing.Personal, null, agents.Ana, 9);
        var benLogs = Response("ben-logs", "Ben: ask for browser console",
            "Could you open your browser's console (F12), reload the page and send me a screenshot of any red lines?",
            null, Sharing.Personal, null, agents.Ben, 4);
        db.CannedResponses.AddRange(greeting, closing, moreInfo, refund, payout, dns, twoFactor, anaFollowUp, benLogs);
        await db.SaveChangesAsync(cancellationToken);

        Macro MacroOf(string name, Sharing sharing, Team? team, Agent owner, int used) => new()
        {
            Name = name, Sharing = sharing, TeamId = team?.Id, OwnerId = owner.Id, UsageCount = used, CreatedAt = now.AddDays(-45), UpdatedAt = now.AddDays(-3),
        };
        var refundMacro = MacroOf("Refund approved", Sharing.Team, billing, agents.Rita, 38);
        refundMacro.Status = TicketStatus.WaitingOnCustomer;
        refundMacro.AddTags = "refund approved";
        refundMacro.Assign = MacroAssignee.Me;
        refundMacro.CannedResponseId = refund.Id;

        var urgentMacro = MacroOf("Escalate as urgent", Sharing.Shared, null, agents.Admin, 14);
        urgentMacro.Priority = TicketPriority.Urgent;
        urgentMacro.AddTags = "escalated";
        urgentMacro.Status = TicketStatus.InProgress;

        var dnsMacro = MacroOf("Domain: wait for DNS", Sharing.Team, technical, agents.Rita, 11);
        dnsMacro.Status = TicketStatus.OnHold;
        dnsMacro.AddTags = "dns";
        dnsMacro.CannedResponseId = dns.Id;

        var toTechnical = MacroOf("Send to Technical Support", Sharing.Shared, null, agents.Admin, 20);
        toTechnical.MoveToTeamId = technical.Id;
        toTechnical.Assign = MacroAssignee.Nobody;
        toTechnical.RemoveTags = "billing";

        var anaMacro = MacroOf("Ana: waiting on payments", Sharing.Personal, null, agents.Ana, 6);
        anaMacro.Status = TicketStatus.OnHold;
        anaMacro.AddTags = "payments-check";
        anaMacro.CannedResponseId = anaFollowUp.Id;

        db.Macros.AddRange(refundMacro, urgentMacro, dnsMacro, toTechnical, anaMacro);
        await db.SaveChangesAsync(cancellationToken);
    }
}

using AgentWorkspace.Features.Tickets;

namespace AgentWorkspace.Data.Seed;

/// <summary>The lines that are not part of a conversation script: system notices, follow-up nudges, escalation reasons.</summary>
internal static class DemoTicketTexts
{
    public static string? CreatedFrom(TicketChannel channel, bool spanish) => channel switch
    {
        TicketChannel.Phone => spanish
            ? "Ticket creado a partir de una llamada. Debajo, la petición del cliente transcrita del buzón de voz."
            : "Ticket created from a phone call. The customer's request, transcribed from voicemail, follows.",
        TicketChannel.WalkIn => spanish
            ? "Ticket creado en el mostrador: el cliente vino en persona. Debajo, su petición tal como la contó."
            : "Ticket created at the front desk: the customer came in person. Their request, as they told it, follows.",
        TicketChannel.Api => spanish
            ? "Ticket creado vía API desde el botón **Ayuda** del panel de la tienda."
            : "Ticket created via the API from the **Help** button in the store admin.",
        TicketChannel.WebForm => spanish
            ? "Ticket creado desde el formulario web (https://help.nimbus.test/es/contacto)."
            : "Ticket created from web form (https://help.nimbus.test/en/contact).",
        _ => null,
    };

    /// <summary>The history line's reason when the auto-close rule closes a ticket, with the default delay.</summary>
    public const string AutoCloseReason = "Resolved for 4 days without a reply";

    // Chat nudges come minutes later, email ones the next day, so they read differently.
    private static readonly string[] ChatNudgesEn = ["Hello? Is anyone there? 🙂", "Still here, waiting for someone to answer."];
    private static readonly string[] ChatNudgesEs = ["¿Hola? ¿Hay alguien por ahí? 🙂", "Sigo aquí, espero respuesta."];

    private static readonly string[] MailNudgesEn =
    [
        "Hi again, just following up on this. Any news?",
        "Sorry to chase, but could someone look at this today, please?",
    ];

    private static readonly string[] MailNudgesEs =
    [
        "Hola de nuevo, ¿hay alguna novedad?",
        "Perdonad la insistencia, ¿alguien puede mirarlo hoy?",
    ];

    public static string Nudge(bool spanish, bool live, Random random)
    {
        var pool = (spanish, live) switch
        {
            (true, true) => ChatNudgesEs,
            (true, false) => MailNudgesEs,
            (false, true) => ChatNudgesEn,
            _ => MailNudgesEn,
        };
        return pool[random.Next(pool.Length)];
    }

    public static string EscalationReason(bool spanish) => spanish
        ? "Error reproducido por soporte; necesita al equipo de ingeniería o al desarrollador de la app."
        : "Bug reproduced by support; needs engineering or the app partner.";

}

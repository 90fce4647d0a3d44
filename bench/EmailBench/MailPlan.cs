using System.Globalization;
using System.Text;
using MimeKit;

namespace EmailBench;

/// <summary>What each generated e-mail is, and so where it must land.</summary>
internal enum PlannedKind
{
    /// <summary>Opens a conversation: a new ticket.</summary>
    New,

    /// <summary>The customer answers their own earlier e-mail (In-Reply-To / References): the conversation's ticket.</summary>
    Reply,

    /// <summary>Same sender, same subject every week, no thread headers, List-Id: each its own ticket, never one thread.</summary>
    Newsletter,

    /// <summary>The customer answers the app's "we received your request" e-mail: the conversation's ticket.</summary>
    ReplyToOurs,

    /// <summary>A reply without thread headers, "[#n]" in the subject, from the ticket's customer: that ticket.</summary>
    SubjectFallback,

    /// <summary>The same subject with "[#n]" from someone else: never that ticket.</summary>
    WrongSender,

    /// <summary>An out-of-office answer to the app's e-mail: a system note on the ticket, never answered.</summary>
    AutoReply,
}

internal sealed record PlannedMail(PlannedKind Kind, int Conversation, string MessageId, MimeMessage Mime);

/// <summary>
/// Ten thousand e-mails in two waves, with the outcome each must have. The first wave (conversations opened and
/// continued by their customers, and a weekly newsletter) needs nothing from the app; the second answers what the app
/// sent back (its "received" e-mails' Message-IDs and ticket numbers), as customers and their auto-responders would.
/// </summary>
internal sealed class MailPlan(int conversations, Random rng)
{
    public const string SupportAddress = "support@bench.test";

    private static readonly string[] TopicsEn =
    [
        "I was charged twice for order", "My package has not arrived, order", "Cannot log in to my account since the update, ref",
        "Please cancel my subscription, customer", "The invoice shows the wrong VAT number, invoice", "Refund still pending for return",
        "App crashes when I upload a photo, build", "How do I change the delivery address of order",
    ];

    private static readonly string[] TopicsEs =
    [
        "Me han cobrado dos veces el pedido", "No ha llegado mi paquete, pedido", "No puedo entrar en mi cuenta desde la actualización, ref",
        "Quiero cancelar mi suscripción, cliente", "La factura tiene mal el NIF, factura", "El reembolso sigue pendiente, devolución",
        "La aplicación se cierra al subir una foto, versión", "¿Cómo cambio la dirección de entrega del pedido",
    ];

    private readonly int customers = Math.Max(1, conversations / 2);
    private readonly Dictionary<int, (string Address, string Name, bool Spanish)> starters = [];
    private readonly Dictionary<int, List<string>> threads = [];
    private readonly Dictionary<int, string> subjects = [];
    private int sequence;

    public List<PlannedMail> FirstWave()
    {
        var mails = new List<PlannedMail>();
        var replies = conversations * 39 / 40;
        var newsletters = conversations / 8;
        var opened = 0;
        var issues = 0;
        var total = conversations + replies + newsletters;
        for (var i = 0; i < total; i++)
        {
            var remainingNew = conversations - opened;
            var pick = rng.Next(total - i);
            if (opened == 0 || pick < remainingNew)
            {
                mails.Add(Open(opened++));
            }
            else if (pick < remainingNew + newsletters - issues)
            {
                mails.Add(Newsletter(issues++));
            }
            else
            {
                mails.Add(Continue(rng.Next(opened)));
            }
        }
        return mails;
    }

    /// <param name="sent">The app's "received" e-mails.</param>
    /// <param name="ticketOf">Where each stored e-mail landed, by Message-ID: says which conversation each ticket is.</param>
    public List<PlannedMail> SecondWave(IReadOnlyList<SentMail> sent, IReadOnlyDictionary<string, int> ticketOf)
    {
        var mails = new List<PlannedMail>();
        var conversationOf = threads.Where(t => ticketOf.ContainsKey(t.Value[0])).ToDictionary(t => ticketOf[t.Value[0]], t => t.Key);
        var answered = sent.Where(s => conversationOf.ContainsKey(s.TicketId))
            .Select(s => (Sent: s, Conversation: conversationOf[s.TicketId]))
            .OrderBy(_ => rng.Next())
            .ToList();
        var quarter = conversations / 4;
        foreach (var (s, c) in answered.Take(quarter + quarter / 10))
        {
            mails.Add(Mail(PlannedKind.ReplyToOurs, c, starters[c].Address, starters[c].Name, $"Re: {s.Subject}", inReplyTo: s.InternetMessageId,
                Body(starters[c].Spanish, "Thanks, here is the extra information you asked for.", "Gracias, aquí tienes la información que pedíais.")));
        }
        foreach (var (s, c) in answered.Skip(quarter + quarter / 10).Take(conversations * 3 / 40))
        {
            var subject = s.Subject.Contains($"[#{s.Number}]", StringComparison.Ordinal) ? $"Re: {s.Subject}" : $"Re: {s.Subject} [#{s.Number}]";
            mails.Add(Mail(PlannedKind.SubjectFallback, c, starters[c].Address, starters[c].Name, subject, null,
                Body(starters[c].Spanish, "Replying from my phone, is there any news?", "Respondo desde el móvil, ¿hay novedades?")));
        }
        foreach (var (s, c) in answered.Skip(quarter + quarter / 10 + conversations * 3 / 40).Take(conversations / 40))
        {
            mails.Add(Mail(PlannedKind.WrongSender, c, $"someone.else{c}@elsewhere.bench", "Someone Else", $"Re: {s.Subject} [#{s.Number}]", null,
                "I saw this number on a forwarded e-mail. Can you tell me what it is about?"));
        }
        foreach (var (s, c) in answered.Skip(quarter + quarter / 10 + conversations * 3 / 40 + conversations / 40).Take(conversations / 40))
        {
            var auto = Mail(PlannedKind.AutoReply, c, starters[c].Address, starters[c].Name, $"Out of office: {s.Subject}", s.InternetMessageId,
                "I am out of the office until Monday with limited access to e-mail.");
            auto.Mime.Headers.Add("Auto-Submitted", "auto-replied");
            mails.Add(auto);
        }
        return mails;
    }

    public string Describe(IReadOnlyList<PlannedMail> mails) =>
        string.Join(", ", mails.GroupBy(m => m.Kind).OrderBy(g => g.Key).Select(g => $"{g.Count():N0} {g.Key}"));

    /// <summary>Where every planned e-mail landed against where it had to.</summary>
    /// <param name="receivedTickets">Tickets a "we received your request" e-mail was queued for.</param>
    public static string Check(IReadOnlyList<PlannedMail> planned, IReadOnlyList<StoredMail> stored, IReadOnlySet<int> receivedTickets)
    {
        var ticketOf = stored.ToDictionary(s => Bare(s.InternetMessageId), s => s.TicketId);
        var authorOf = stored.ToDictionary(s => Bare(s.InternetMessageId), s => s.Author);
        var missing = planned.Where(p => !ticketOf.ContainsKey(p.MessageId)).ToList();
        var landed = planned.Where(p => ticketOf.ContainsKey(p.MessageId)).Select(p => (Mail: p, Ticket: ticketOf[p.MessageId])).ToList();
        var joining = new[] { PlannedKind.New, PlannedKind.Reply, PlannedKind.ReplyToOurs, PlannedKind.SubjectFallback, PlannedKind.AutoReply };
        var conversationTickets = landed.Where(l => l.Mail.Kind == PlannedKind.New).ToDictionary(l => l.Mail.Conversation, l => l.Ticket);

        var split = landed.Count(l => joining.Contains(l.Mail.Kind) && l.Mail.Kind != PlannedKind.New
            && conversationTickets.TryGetValue(l.Mail.Conversation, out var t) && t != l.Ticket);
        var merged = conversationTickets.GroupBy(c => c.Value).Count(g => g.Count() > 1);
        var newsletterTickets = landed.Where(l => l.Mail.Kind == PlannedKind.Newsletter).Select(l => l.Ticket).ToList();
        var newslettersMerged = newsletterTickets.Count - newsletterTickets.Distinct().Count()
            + newsletterTickets.Count(t => conversationTickets.ContainsValue(t));
        var wrongJoined = landed.Count(l => l.Mail.Kind == PlannedKind.WrongSender && conversationTickets.GetValueOrDefault(l.Mail.Conversation) == l.Ticket);
        var receivedQueuedForNewsletters = newsletterTickets.Count(receivedTickets.Contains);
        var autoNotNotes = landed.Count(l => l.Mail.Kind == PlannedKind.AutoReply && authorOf[l.Mail.MessageId] != AgentWorkspace.Features.Tickets.AuthorKind.System);

        var text = new StringBuilder();
        text.AppendLine("| check | result |");
        text.AppendLine("|---|---|");
        text.AppendLine(CultureInfo.InvariantCulture, $"| e-mails planned / stored | {planned.Count:N0} / {landed.Count:N0} (missing {missing.Count}) |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| conversations / their tickets | {conversationTickets.Count:N0} / {conversationTickets.Values.Distinct().Count():N0} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| replies (headers, to our e-mail, [#n] from the customer, auto-replies) in another ticket than their conversation's | {split} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| tickets holding two conversations | {merged} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| newsletters threaded together or into a conversation | {newslettersMerged} of {newsletterTickets.Count} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| [#n] from another sender joined that ticket | {wrongJoined} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| auto-replies stored as a customer message instead of a system note | {autoNotNotes} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| \"received\" e-mails queued for newsletters | {receivedQueuedForNewsletters} |");
        return text.ToString();
    }

    private PlannedMail Open(int conversation)
    {
        var customer = rng.Next(customers);
        var spanish = customer % 3 == 0;
        var (first, last) = Names[customer % Names.Length];
        var address = $"{first.ToLowerInvariant()}.{last.ToLowerInvariant()}{customer}@customer.bench";
        var topics = spanish ? TopicsEs : TopicsEn;
        var subject = $"{topics[rng.Next(topics.Length)]} {100000 + conversation}";
        starters[conversation] = (address, $"{first} {last}", spanish);
        subjects[conversation] = subject;
        return Mail(PlannedKind.New, conversation, address, $"{first} {last}", subject, null,
            Body(spanish, "Hello, I need help with this. I tried again this morning and it still fails. Thanks.",
                "Hola, necesito ayuda con esto. Lo he vuelto a intentar esta mañana y sigue fallando. Gracias."),
            html: rng.Next(5) == 0);
    }

    private PlannedMail Continue(int conversation)
    {
        var (address, name, spanish) = starters[conversation];
        return Mail(PlannedKind.Reply, conversation, address, name, $"Re: {subjects[conversation]}", threads[conversation][^1],
            Body(spanish, "Adding a screenshot description: the page says error 500 after I press pay.",
                "Añado más detalles: la página dice error 500 después de pulsar pagar."));
    }

    private PlannedMail Newsletter(int issue)
    {
        var mail = Mail(PlannedKind.Newsletter, -1 - issue, "news@shop-offers.bench", "Shop Offers", "Weekly deals just for you", null,
            $"This week's deals, issue {issue}. Unsubscribe at any time.");
        mail.Mime.Headers.Add("List-Id", "<deals.shop-offers.bench>");
        mail.Mime.Headers.Add("List-Unsubscribe", "<mailto:unsubscribe@shop-offers.bench>");
        mail.Mime.Headers.Add("Precedence", "bulk");
        return mail;
    }

    private PlannedMail Mail(PlannedKind kind, int conversation, string from, string name, string subject, string? inReplyTo, string body, bool html = false)
    {
        var id = $"bench.{++sequence}.{kind.ToString().ToLowerInvariant()}@{from.Split('@')[1]}";
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(name, from));
        message.To.Add(new MailboxAddress("Support", SupportAddress));
        message.Subject = subject;
        message.MessageId = id;
        message.Date = DateTimeOffset.UtcNow;
        if (inReplyTo is not null)
        {
            message.InReplyTo = Bare(inReplyTo);
            if (threads.TryGetValue(conversation, out var chain))
            {
                foreach (var reference in chain.TakeLast(10))
                {
                    message.References.Add(reference);
                }
            }
            else
            {
                message.References.Add(Bare(inReplyTo));
            }
        }
        var builder = new BodyBuilder { TextBody = body };
        if (html)
        {
            builder.HtmlBody = $"<html><body><p>{System.Net.WebUtility.HtmlEncode(body)}</p><script>alert(1)</script></body></html>";
        }
        message.Body = builder.ToMessageBody();
        if (kind is PlannedKind.New or PlannedKind.Reply)
        {
            (threads.TryGetValue(conversation, out var list) ? list : threads[conversation] = []).Add(id);
        }
        return new PlannedMail(kind, conversation, id, message);
    }

    private static string Body(bool spanish, string english, string spanishText) => spanish ? spanishText : english;

    public static string Bare(string id) => id.Trim().TrimStart('<').TrimEnd('>');

    private static readonly (string First, string Last)[] Names =
    [
        ("Maria", "Garcia"), ("John", "Smith"), ("Lucia", "Fernandez"), ("Peter", "Jones"), ("Carmen", "Lopez"), ("Emma", "Brown"),
        ("Javier", "Martin"), ("Olivia", "Taylor"), ("Sofia", "Sanchez"), ("Liam", "Wilson"), ("Pablo", "Gomez"), ("Ava", "Davies"),
    ];
}

using System.Text;

namespace InboxBench.Generate;

internal sealed record GenMessage(int Seq, string AuthorKind, string? AgentId, int? CustomerId, string Visibility, string Body, long CreatedAt);

internal sealed record GenEvent(string? AgentId, string Field, string? OldValue, string? NewValue, long CreatedAt);

internal sealed class GenTicket
{
    public int Id;
    public int Number;
    public required string Subject;
    public required string Status;
    public int Priority;
    public required string Channel;
    public required string Category;
    public required GenCustomer Customer;
    public int? TeamId;
    public string? AssigneeId;
    public int Tier;
    public long CreatedAt, UpdatedAt, LastActivityAt;
    public long? WaitingSince, FirstResponseAt, ResolvedAt, ClosedAt;
    public required List<GenMessage> Messages;
    public required List<string> Tags;
    public required List<GenEvent> Events;
    public long? ReadByAssigneeAt;
    public required string SearchBody;
}

/// <summary>
/// Makes one ticket at a time, in creation order, with a conversation consistent with its status:
/// open tickets are mostly recent, a ticket waiting on the customer ends with an agent's reply, and
/// WaitingSince, FirstResponseAt, ResolvedAt and LastActivityAt follow from the messages.
/// </summary>
internal sealed class TicketFactory(World world, int ticketCount, long messageCount, Random rng)
{
    private static readonly string[] Channels = ["Chat", "Email", "WebForm", "Phone", "Api"];
    private static readonly WeightedPicker ChannelPick = new(30, 40, 15, 10, 5);
    private static readonly WeightedPicker PriorityPick = new(20, 55, 18, 7);
    private static readonly WeightedPicker TopicPick = new(Vocabulary.Topics.Select(t => t.Weight).ToArray());
    private static readonly string[] Statuses = ["Open", "InProgress", "WaitingOnCustomer", "OnHold", "Resolved", "Closed"];
    private static readonly WeightedPicker StatusFresh = new(25, 20, 20, 10, 20, 5);   // under 14 days old
    private static readonly WeightedPicker StatusRecent = new(5, 5, 8, 7, 35, 40);     // 14 to 60 days
    private static readonly WeightedPicker StatusOld = new(0.5, 0.5, 1, 1, 7, 90);     // older
    private static readonly WeightedPicker TagCount = new(35, 35, 20, 10);
    private readonly ZipfPicker englishWords = new(Vocabulary.English.Length, 8);
    private readonly ZipfPicker spanishWords = new(Vocabulary.Spanish.Length, 8);
    private readonly ZipfPicker tagPick = new(Vocabulary.Tags.Length, 3);
    private readonly long spanTicks = (World.Now - World.Start).Ticks;
    private readonly StringBuilder text = new(4096);
    private long messagesLeft = messageCount;

    public GenTicket Create(int id)
    {
        var ticketsLeft = ticketCount - id + 1;
        var average = (double)messagesLeft / ticketsLeft;
        var count = ticketsLeft == 1
            ? (int)Math.Max(1, messagesLeft)
            : (int)Math.Clamp(Math.Round(average * (0.1 + 1.8 * rng.NextDouble())), 1, Math.Max(1, messagesLeft - (ticketsLeft - 1)));
        messagesLeft -= count;

        var created = World.Start.UtcTicks + (long)((id - 1 + rng.NextDouble()) * spanTicks / ticketCount);
        var ageDays = (World.Now.UtcTicks - created) / TimeSpan.TicksPerDay;
        var status = Statuses[(ageDays < 14 ? StatusFresh : ageDays < 60 ? StatusRecent : StatusOld).Next(rng)];
        if (count == 1 && status == "WaitingOnCustomer")
        {
            status = "Open"; // nobody has answered yet, so nobody waits on the customer
        }
        var customer = world.Customers[(int)(world.Customers.Count * Math.Pow(rng.NextDouble(), 2))];
        var spanish = customer.Language == "es";
        int? teamId = spanish && rng.NextDouble() < 0.6 ? 5 : World.TeamShare.Next(rng) + 1;
        var unassigned = rng.NextDouble() < (status == "Open" ? 0.45 : 0.03);
        if (unassigned && status == "Open" && rng.NextDouble() < 0.3 || rng.NextDouble() < 0.02)
        {
            teamId = null; // the shared triage queue
        }
        var members = teamId is { } t ? world.Teams[t - 1].MemberIds : world.Agents.Skip(1).Select(a => a.Id).ToArray();
        var assignee = unassigned ? null : members[rng.Next(members.Length)];
        var orderNumber = $"ORD-{rng.Next(1_000_000, 9_999_999)}";
        var topic = Vocabulary.Topics[TopicPick.Next(rng)];
        var subjects = spanish ? topic.SpanishSubjects : topic.EnglishSubjects;

        var ticket = new GenTicket
        {
            Id = id,
            Number = 1000 + id,
            Subject = string.Format(subjects[rng.Next(subjects.Length)], orderNumber),
            Status = status,
            Priority = PriorityPick.Next(rng),
            Channel = Channels[ChannelPick.Next(rng)],
            Category = topic.Category,
            Customer = customer,
            TeamId = teamId,
            AssigneeId = assignee,
            Tier = rng.NextDouble() < 0.1 ? 2 : 1,
            CreatedAt = created,
            Messages = new List<GenMessage>(count),
            Tags = PickTags(),
            Events = [],
            SearchBody = "",
        };
        AddConversation(ticket, count, members, spanish ? topic.Spanish : topic.English, spanish, orderNumber);
        return ticket;
    }

    private void AddConversation(GenTicket ticket, int count, string[] members, string[] topicWords, bool spanish, string orderNumber)
    {
        var closedState = ticket.Status is "Resolved" or "Closed";
        var mustEndWithAgent = closedState || ticket.Status == "WaitingOnCustomer";
        var kinds = new (string Kind, string Visibility)[count];
        var lastPublicIsCustomer = false;
        var lastPublic = -1;
        for (var i = 0; i < count; i++)
        {
            var r = rng.NextDouble();
            kinds[i] = i == 0 ? ("Customer", "Public")
                : r < 0.10 ? ("Agent", "Internal")
                : r < 0.12 ? ("System", "Public")
                : (lastPublicIsCustomer ^ r < 0.27) ? ("Agent", "Public") : ("Customer", "Public");
            if (kinds[i] is (not "System", "Public"))
            {
                lastPublicIsCustomer = kinds[i].Kind == "Customer";
                lastPublic = i;
            }
        }
        if (mustEndWithAgent && lastPublicIsCustomer && lastPublic > 0)
        {
            kinds[lastPublic] = ("Agent", "Public");
        }

        // Gaps: customers answer within hours, agents faster; squeezed if the ticket is too young for them.
        var times = new long[count];
        times[0] = ticket.CreatedAt;
        for (var i = 1; i < count; i++)
        {
            var meanHours = kinds[i].Kind == "Customer" ? 6.0 : 2.5;
            times[i] = times[i - 1] + (long)(-Math.Log(1 - rng.NextDouble()) * meanHours * TimeSpan.TicksPerHour) + TimeSpan.TicksPerMinute;
        }
        var room = World.Now.UtcTicks - TimeSpan.TicksPerMinute - ticket.CreatedAt;
        var used = times[count - 1] - ticket.CreatedAt;
        if (used > room && used > 0)
        {
            for (var i = 1; i < count; i++)
            {
                times[i] = ticket.CreatedAt + (long)((times[i] - ticket.CreatedAt) * ((double)room / used));
            }
        }

        var search = new StringBuilder(count * 300);
        long? waitingSince = null;
        var responder = ticket.AssigneeId ?? members[rng.Next(members.Length)];
        for (var i = 0; i < count; i++)
        {
            var (kind, visibility) = kinds[i];
            var body = kind == "System"
                ? (spanish ? "El cliente volvió a abrir la conversación." : "The customer reopened the conversation.")
                : Body(spanish, topicWords, i == 0 ? orderNumber : null);
            ticket.Messages.Add(new GenMessage(i + 1, kind, kind == "Agent" ? responder : null,
                kind == "Customer" ? ticket.Customer.Id : null, visibility, body, times[i]));
            if (i > 0) search.Append(' ');
            search.Append(body);
            if (kind == "Customer") waitingSince ??= times[i];
            if (kind == "Agent" && visibility == "Public")
            {
                waitingSince = null;
                ticket.FirstResponseAt ??= times[i];
            }
        }
        ticket.SearchBody = search.ToString();
        ticket.LastActivityAt = times[count - 1];
        ticket.WaitingSince = closedState ? null : waitingSince;
        if (closedState)
        {
            ticket.ResolvedAt = Math.Min(ticket.LastActivityAt + TimeSpan.TicksPerHour, World.Now.UtcTicks);
            if (ticket.Status == "Closed")
            {
                ticket.ClosedAt = Math.Min(ticket.ResolvedAt.Value + 3 * TimeSpan.TicksPerDay, World.Now.UtcTicks);
            }
        }
        ticket.UpdatedAt = Math.Max(ticket.LastActivityAt, ticket.ClosedAt ?? ticket.ResolvedAt ?? 0);

        if (ticket.AssigneeId is { } assignee)
        {
            ticket.Events.Add(new GenEvent(assignee, "Assignee", null, assignee, ticket.CreatedAt + TimeSpan.TicksPerMinute));
            // Most assignees have opened their ticket; some have not seen the customer's latest message yet.
            if (rng.NextDouble() < 0.75)
            {
                ticket.ReadByAssigneeAt = lastPublicIsCustomer && rng.NextDouble() < 0.5 && count > 1 ? times[count - 2] : ticket.LastActivityAt;
            }
        }
        if (ticket.Status != "Open")
        {
            ticket.Events.Add(new GenEvent(responder, "Status", "Open", ticket.Status, ticket.ResolvedAt ?? ticket.LastActivityAt));
        }
        if (rng.NextDouble() < 0.2)
        {
            ticket.Events.Add(new GenEvent(responder, "Priority", "Normal", ((Priority)ticket.Priority).ToString(), ticket.CreatedAt + 2 * TimeSpan.TicksPerMinute));
        }
    }

    private enum Priority { Low, Normal, High, Urgent }

    private List<string> PickTags()
    {
        var tags = new List<string>(3);
        for (var n = TagCount.Next(rng); tags.Count < n;)
        {
            var tag = Vocabulary.Tags[tagPick.Next(rng)];
            if (!tags.Contains(tag)) tags.Add(tag);
        }
        return tags;
    }

    /// <summary>10 to 60 words: a third from the ticket's topic, the rest general words mostly in the customer's language.</summary>
    private string Body(bool spanish, string[] topicWords, string? orderNumber)
    {
        text.Clear();
        var words = rng.Next(10, 61);
        for (var w = 0; w < words; w++)
        {
            var r = rng.NextDouble();
            var word = r < 0.33 ? topicWords[rng.Next(topicWords.Length)]
                : spanish ^ r > 0.95 ? Vocabulary.Spanish[spanishWords.Next(rng)]
                : Vocabulary.English[englishWords.Next(rng)];
            if (rng.NextDouble() < 0.00001 / words) word = Vocabulary.RareWord;
            if (w == 0 || text[^1] == ' ' && text[^2] == '.')
            {
                text.Append(char.ToUpperInvariant(word[0])).Append(word, 1, word.Length - 1);
            }
            else
            {
                text.Append(word);
            }
            text.Append(w == words - 1 ? "." : rng.Next(12) == 0 ? ". " : " ");
        }
        if (orderNumber is not null)
        {
            text.Append(' ').Append(orderNumber);
        }
        return text.ToString();
    }
}

using System.Reflection;
using AgentWorkspace.Features.Chat;
using AgentWorkspace.Features.Tickets;

namespace AgentWorkspace.Tests.Features.Chat;

/// <summary>The one projection that decides what a customer may receive, and the proof the hub can send nothing else.</summary>
public sealed class CustomerViewTests
{
    private static Message NewMessage(AuthorKind author, MessageVisibility visibility, string body = "Hello", int seq = 3) => new()
    {
        Seq = seq,
        AuthorKind = author,
        Visibility = visibility,
        Body = body,
        AuthorAgentId = "agent-id-123",
        CreatedAt = DateTimeOffset.UnixEpoch,
        ClientMessageId = "client-1",
    };

    [Fact]
    public void InternalNotes_AreNeverProjected_WhoeverWroteThem()
    {
        foreach (var author in Enum.GetValues<AuthorKind>())
        {
            CustomerView.Message(NewMessage(author, MessageVisibility.Internal), "Ana García").ShouldBeNull();
        }
    }

    [Fact]
    public void SystemLines_AreNotForCustomers_EvenWhenPublic() =>
        CustomerView.Message(NewMessage(AuthorKind.System, MessageVisibility.Public), null).ShouldBeNull();

    [Fact]
    public void UnknownVisibilities_AreDenied() =>
        CustomerView.Message(NewMessage(AuthorKind.Agent, (MessageVisibility)42), "Ana").ShouldBeNull();

    [Fact]
    public void AnAgentReply_CarriesTheAgentsName_ButNotTheirIdOrTheAgentsClientId()
    {
        var view = CustomerView.Message(NewMessage(AuthorKind.Agent, MessageVisibility.Public, "**Hi**"), "Ana García")!;

        view.Author.ShouldBe("agent");
        view.AgentName.ShouldBe("Ana García");
        view.ClientMessageId.ShouldBeNull();
        view.Html.ShouldContain("<strong>Hi</strong>");
        System.Text.Json.JsonSerializer.Serialize(view).ShouldNotContain("agent-id-123");
    }

    [Fact]
    public void ACustomerMessage_KeepsTheWidgetsClientId_SoThePendingCopyIsMatched()
    {
        var view = CustomerView.Message(NewMessage(AuthorKind.Customer, MessageVisibility.Public), null)!;
        view.Author.ShouldBe("customer");
        view.ClientMessageId.ShouldBe("client-1");
        view.AgentName.ShouldBeNull();
    }

    [Fact]
    public void RawHtmlInAMessage_IsEscaped_InTheProjectedHtml()
    {
        var view = CustomerView.Message(NewMessage(AuthorKind.Agent, MessageVisibility.Public, "<img src=x onerror=alert(1)> [x](javascript:alert(1))"), "Ana")!;
        view.Html.ShouldNotContain("<img");
        view.Html.ShouldNotContain("javascript:");
    }

    [Fact]
    public void AConversation_HoldsOnlyPublicCustomerAndAgentMessages_InSeqOrder()
    {
        var ticket = new Ticket { Subject = "s", Number = 1234, Status = TicketStatus.WaitingOnCustomer };
        var messages = new[]
        {
            NewMessage(AuthorKind.Agent, MessageVisibility.Internal, "secret", 4),
            NewMessage(AuthorKind.Customer, MessageVisibility.Public, "second", 3),
            NewMessage(AuthorKind.Agent, MessageVisibility.Public, "first", 1),
            NewMessage(AuthorKind.System, MessageVisibility.Public, "system", 2),
        }.Select(m => (m, (string?)"Ana"));

        var conversation = CustomerView.Conversation(ticket, messages, isVerified: false);

        conversation.Messages.Select(m => m.Body).ShouldBe(["first", "second"]);
        conversation.Ticket.Number.ShouldBe(1234);
        conversation.Ticket.Status.ShouldBe("waiting_on_customer");
    }

    [Fact]
    public void TypingOfANote_IsNeverShown_TypingOfAReplyIs()
    {
        CustomerView.Typing([new TicketViewer("a", "Ana", MessageVisibility.Internal)]).IsTyping.ShouldBeFalse();
        CustomerView.Typing([new TicketViewer("a", "Ana", null)]).IsTyping.ShouldBeFalse();
        var replying = CustomerView.Typing([new TicketViewer("a", "Ana", MessageVisibility.Internal), new TicketViewer("b", "Ben", MessageVisibility.Public)]);
        replying.IsTyping.ShouldBeTrue();
        replying.AgentName.ShouldBe("Ben");
    }

    [Fact]
    public void TheHub_SendsAndReturnsOnlyCustomerFacingTypes_ThatOnlyTheProjectionCanBuild()
    {
        var sent = typeof(IWidgetClient).GetMethods().SelectMany(m => m.GetParameters()).Select(p => p.ParameterType);
        var returned = typeof(WidgetHub).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => !m.IsSpecialName && m.Name != nameof(WidgetHub.OnDisconnectedAsync))
            .Select(m => m.ReturnType).Select(t => t.IsGenericType ? t.GetGenericArguments()[0] : t)
            .Where(t => t != typeof(Task) && t != typeof(void));

        var types = sent.Concat(returned).Distinct().ToList();
        types.ShouldNotBeEmpty();
        foreach (var type in ReachableTypes(types))
        {
            type.GetCustomAttribute<CustomerFacingAttribute>().ShouldNotBeNull($"{type.Name} is sent to customers but is not a CustomerView type");
            type.GetConstructors(BindingFlags.Public | BindingFlags.Instance).ShouldBeEmpty($"{type.Name} must only be built by its projection");
        }
    }

    /// <summary>The types and the customer-facing types of their properties, recursively; strings and numbers end the walk.</summary>
    private static IEnumerable<Type> ReachableTypes(IEnumerable<Type> roots)
    {
        var seen = new HashSet<Type>();
        var queue = new Queue<Type>(roots);
        while (queue.TryDequeue(out var type))
        {
            var element = type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>) ? type.GetGenericArguments()[0] : type;
            element = Nullable.GetUnderlyingType(element) ?? element;
            if (element.IsPrimitive || element == typeof(string) || element == typeof(DateTimeOffset) || element == typeof(Guid) || !seen.Add(element))
            {
                continue;
            }
            yield return element;
            foreach (var property in element.GetProperties())
            {
                queue.Enqueue(property.PropertyType);
            }
        }
    }

    private static Ticket MailTicket(string? email = "ola@customer.example", string language = "es") => new()
    {
        Id = 7, Number = 1234, Subject = "Refund", Status = TicketStatus.Resolved, Channel = TicketChannel.Email,
        Customer = new AgentWorkspace.Features.Customers.Customer { Name = "Ola", Email = email, Language = language },
    };

    [Fact]
    public void AnEmail_NeverCarriesANoteOrASystemLine_AsAReply()
    {
        var ticket = MailTicket();
        foreach (var author in Enum.GetValues<AuthorKind>())
        {
            var note = NewMessage(author, MessageVisibility.Internal, "SECRET");
            note.TicketId = ticket.Id;
            CustomerView.Mail(ticket, CustomerMailKind.Reply, note, "Ana").ShouldBeNull();
        }
        var system = NewMessage(AuthorKind.System, MessageVisibility.Public);
        system.TicketId = ticket.Id;
        CustomerView.Mail(ticket, CustomerMailKind.Reply, system, null).ShouldBeNull();
        var customers = NewMessage(AuthorKind.Customer, MessageVisibility.Public);
        customers.TicketId = ticket.Id;
        CustomerView.Mail(ticket, CustomerMailKind.Reply, customers, null).ShouldBeNull();
    }

    [Fact]
    public void AnEmail_CarriesOnlyAReplyOfItsOwnTicket_AndNotificationsCarryNoMessage()
    {
        var ticket = MailTicket();
        var elsewhere = NewMessage(AuthorKind.Agent, MessageVisibility.Public);
        elsewhere.TicketId = 8;
        CustomerView.Mail(ticket, CustomerMailKind.Reply, elsewhere, "Ana").ShouldBeNull();
        var reply = NewMessage(AuthorKind.Agent, MessageVisibility.Public, "**Done**");
        reply.TicketId = ticket.Id;
        CustomerView.Mail(ticket, CustomerMailKind.Resolved, reply, "Ana").ShouldBeNull();
        CustomerView.Mail(ticket, (CustomerMailKind)42, null, null).ShouldBeNull();

        var mail = CustomerView.Mail(ticket, CustomerMailKind.Reply, reply, "Ana")!;
        mail.Reply!.Html.ShouldContain("<strong>Done</strong>");
        mail.Reply.AgentName.ShouldBe("Ana");
        mail.Ticket.Number.ShouldBe(1234);
        mail.Ticket.Status.ShouldBe("resolved");
        mail.Language.ShouldBe("es");
        mail.RecipientAddress.ShouldBe("ola@customer.example");
        System.Text.Json.JsonSerializer.Serialize(mail).ShouldNotContain("agent-id-123");
    }

    [Fact]
    public void ACustomerWithoutAnAddress_GetsNoEmail() =>
        CustomerView.Mail(MailTicket(email: null), CustomerMailKind.Received, null, null).ShouldBeNull();
}

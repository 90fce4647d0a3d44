using AgentWorkspace.Features.Tickets;
using AgentWorkspace.Tests.Infrastructure;

namespace AgentWorkspace.Tests.Features.WebForm;

/// <summary>A web-form ticket is answered by e-mail, like one that came by e-mail: the confirmation, then agents' replies.</summary>
[Collection(WebFormCollection.Name)]
public sealed class WebFormEmailTests(WebFormFixture fixture)
{
    [Fact]
    public async Task TheCustomerGetsTheNumber_ThenTheAgentsPublicReplyByEmail_InTheirLanguage_AndNeverANote()
    {
        var email = WebFormClient.NewAddress("lucia");
        using (var client = fixture.NewClient())
        {
            var fields = WebFormClient.Valid(email);
            fields["lang"] = "es";
            fields["subject"] = "No me llegan las liquidaciones";
            fields["description"] = "Desde el lunes no recibo ninguna liquidación en mi cuenta.";
            (await client.SendAsync(fields)).Status.ShouldBe(System.Net.HttpStatusCode.Redirect);
        }
        var ticket = (await fixture.TicketsOfAsync(email)).ShouldHaveSingleItem();
        ticket.Language.ShouldBe("es");
        var received = (await fixture.Mail.WaitForAsync(m => To(m, email))).Single();
        received.Message.Subject.ShouldStartWith("Hemos recibido tu solicitud");
        received.Text.ShouldContain($"#{ticket.Number}");

        var rita = await fixture.Tickets.ScopeAsync(DemoAgents.RitaEmail);
        (await fixture.Tickets.Tickets.AddAgentMessageAsync(rita, ticket.Id, new AgentMessage("Nota interna: revisar la cuenta bancaria", MessageVisibility.Internal))).Succeeded.ShouldBeTrue();
        (await fixture.Tickets.Tickets.AddAgentMessageAsync(rita, ticket.Id, new AgentMessage("Ya está resuelto: tu banco rechazaba las transferencias.", MessageVisibility.Public))).Succeeded.ShouldBeTrue();

        var reply = (await fixture.Mail.WaitForAsync(m => To(m, email) && m.Message.Subject!.StartsWith("Re:", StringComparison.Ordinal))).Single();
        reply.Text.ShouldContain("Ya está resuelto: tu banco rechazaba las transferencias.");
        reply.Message.InReplyTo.ShouldBe(received.Message.MessageId);
        (await fixture.Mail.ReadAsync()).Where(m => To(m, email)).ShouldAllBe(m => !m.Raw.Contains("Nota interna"));
    }

    private static bool To(ReceivedMail mail, string address) => mail.Message.To.Mailboxes.Any(t => t.Address == address);
}

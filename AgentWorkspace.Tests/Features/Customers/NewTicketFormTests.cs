using AgentWorkspace.Features.Customers;
using AgentWorkspace.Features.Tickets;
using Bunit;
using Microsoft.EntityFrameworkCore;
using MudBlazor;

namespace AgentWorkspace.Tests.Features.Customers;

/// <summary>The new-ticket form: every problem said beside its field before anything is saved; a valid form saves both.</summary>
public sealed class NewTicketFormTests : CustomerComponentTest
{
    private IRenderedComponent<NewTicketForm> RenderForm(Action<int>? created = null)
    {
        Render<MudPopoverProvider>();
        return Render<NewTicketForm>(p => p
            .Add(c => c.Scope, Ana)
            .Add(c => c.Teams, [(1, "Billing & Accounts")])
            .Add(c => c.Created, n => created?.Invoke(n)));
    }

    private static string ErrorOf(IRenderedComponent<NewTicketForm> form, string testId) =>
        form.Find($"[data-testid={testId}]").Closest(".mud-input-control")!.QuerySelector(".mud-input-helper-text.mud-input-error")?.TextContent.Trim() ?? "";

    [Fact]
    public async Task AnEmptyForm_SaysWhatIsMissingBesideEachField_AndSavesNothing()
    {
        var form = RenderForm();

        form.Find("[data-testid=create-ticket]").Click();

        ErrorOf(form, "customer-lookup").ShouldBe("Choose a customer, or create a new one.");
        ErrorOf(form, "new-ticket-subject").ShouldBe("The subject is required.");
        ErrorOf(form, "new-ticket-body").ShouldBe("Write a summary of the call.");
        await using var db = Db();
        (await db.Tickets.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task ANewCustomer_NeedsANameAndAValidEmailOrPhone()
    {
        var form = RenderForm();
        form.Find("[data-testid=customer-mode-new]").Click();

        form.Find("[data-testid=new-customer-phone]").Change("call me maybe");
        form.Find("[data-testid=create-ticket]").Click();

        ErrorOf(form, "new-customer-name").ShouldBe("The name is required.");
        ErrorOf(form, "new-customer-phone").ShouldStartWith("This is not a valid phone number");

        form.Find("[data-testid=new-customer-phone]").Change("");
        form.Find("[data-testid=new-customer-name]").Change("Walk In");
        form.Find("[data-testid=create-ticket]").Click();

        ErrorOf(form, "new-customer-email").ShouldBe("Give an e-mail address or a phone number.");
        await using var db = Db();
        (await db.Customers.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task AValidForm_CreatesTheCustomerAndTheirTicket_AsAPhoneCallSummarizedByTheAgent()
    {
        var created = 0;
        var form = RenderForm(n => created = n);
        form.Find("[data-testid=customer-mode-new]").Click();
        form.Find("[data-testid=new-customer-name]").Change("Nora Caller");
        form.Find("[data-testid=new-customer-phone]").Change("+34 600 123 456");
        form.Find("[data-testid=new-ticket-subject]").Change("Refund for a double charge");
        form.Find("[data-testid=new-ticket-body]").Change("Charged twice on 3 March; wants one refunded.");

        form.Find("[data-testid=create-ticket]").Click();

        form.WaitForAssertion(() => created.ShouldBeGreaterThan(1000), TimeSpan.FromSeconds(5));
        await using var db = Db();
        var ticket = await db.Tickets.Include(t => t.Customer).Include(t => t.Messages).SingleAsync(t => t.Number == created);
        ticket.Customer.Name.ShouldBe("Nora Caller");
        ticket.Customer.Phone.ShouldBe("+34 600 123 456");
        ticket.Channel.ShouldBe(TicketChannel.Phone);
        ticket.AssigneeId.ShouldBe(AgentId);
        ticket.Messages.ShouldHaveSingleItem().Visibility.ShouldBe(MessageVisibility.Internal);
    }

    [Fact]
    public void InSpanish_TheMessagesAreSpanish()
    {
        UseLanguage("es");
        var form = RenderForm();

        form.Find("[data-testid=create-ticket]").Click();

        ErrorOf(form, "new-ticket-subject").ShouldBe("El asunto es obligatorio.");
        form.Find("[data-testid=create-ticket]").TextContent.ShouldContain("Crear ticket");
    }
}

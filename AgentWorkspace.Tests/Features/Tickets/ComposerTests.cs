using AgentWorkspace.Data;
using AgentWorkspace.Features.Tickets;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace AgentWorkspace.Tests.Features.Tickets;

/// <summary>The composer on a real ticket: reply or internal note, the length limit, and the stale-send prompt.</summary>
public sealed class ComposerTests : TicketPageTest
{
    private async Task<IRenderedComponent<Composer>> RenderComposerAsync(Ticket? ticket = null)
    {
        Render<MudPopoverProvider>();
        ticket ??= (await CreateTicketAsync()).Ticket;
        return Render<Composer>(p => p.Add(c => c.Ticket, ticket).Add(c => c.Scope, Ana));
    }

    private static void Type(IRenderedComponent<Composer> composer, string text) =>
        composer.Find("[data-testid=composer-input]").Input(text);

    private async Task<List<Message>> MessagesAsync(int ticketId)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.Messages.AsNoTracking().Where(m => m.TicketId == ticketId).OrderBy(m => m.Seq).ToListAsync();
    }

    [Fact]
    public async Task SwitchingToInternalNote_ChangesTheMode_ShowsTheNoteMarker_AndSendsANote()
    {
        var details = await CreateTicketAsync();
        var composer = await RenderComposerAsync(details.Ticket);
        var section = composer.Find("[data-testid=composer]");
        section.GetAttribute("data-mode").ShouldBe("reply");
        section.ClassList.ShouldNotContain("aw-composer-note");
        composer.FindAll("[data-testid=note-banner]").ShouldBeEmpty();
        composer.Find("[data-testid=composer-send]").TextContent.ShouldContain("Send reply");

        composer.Find("[data-testid=mode-note]").Click();

        section = composer.Find("[data-testid=composer]");
        section.GetAttribute("data-mode").ShouldBe("note");
        section.ClassList.ShouldContain("aw-composer-note");
        composer.Find("[data-testid=mode-note]").GetAttribute("aria-checked").ShouldBe("true");
        composer.Find("[data-testid=mode-reply]").GetAttribute("aria-checked").ShouldBe("false");
        composer.Find("[data-testid=note-banner]").TextContent.ShouldContain("The customer never receives them");
        composer.Find($"label[for='{composer.Find("[data-testid=composer-input]").Id}']").TextContent.ShouldBe("Internal note");
        composer.Find("[data-testid=composer-send]").TextContent.ShouldContain("Add note");
        composer.FindAll("[data-testid=status-after]").ShouldBeEmpty();

        Type(composer, "Ledger checked, refund is due.");
        composer.Find("[data-testid=composer-send]").Click();

        composer.WaitForAssertion(() => composer.Find("[data-testid=composer-input]").GetAttribute("value").ShouldBeNullOrEmpty());
        var note = (await MessagesAsync(details.Ticket.Id)).Last();
        note.Body.ShouldBe("Ledger checked, refund is due.");
        note.Visibility.ShouldBe(MessageVisibility.Internal);
    }

    [Fact]
    public async Task ADraftOverTheLimit_IsRefusedWithAMessage_AndNothingIsSent()
    {
        var details = await CreateTicketAsync();
        var composer = await RenderComposerAsync(details.Ticket);
        composer.Find("[data-testid=composer-input]").GetAttribute("maxlength").ShouldBe(MessageLimits.MaxBodyLength.ToString());

        // Typing stops at maxlength in a browser; text inserted or restored can still pass it.
        Type(composer, new string('a', MessageLimits.MaxBodyLength + 1));

        composer.Find("[data-testid=composer-error]").TextContent
            .ShouldContain($"The message is {MessageLimits.MaxBodyLength + 1} characters long; the limit is {MessageLimits.MaxBodyLength}.");
        composer.Find("[data-testid=composer-send]").HasAttribute("disabled").ShouldBeTrue();
        await composer.Find("[data-testid=composer-input]").KeyDownAsync(new Microsoft.AspNetCore.Components.Web.KeyboardEventArgs { Key = "Enter", CtrlKey = true });
        (await MessagesAsync(details.Ticket.Id)).Count.ShouldBe(1);

        Type(composer, new string('a', MessageLimits.MaxBodyLength));

        composer.FindAll("[data-testid=composer-error]").ShouldBeEmpty();
        composer.Find("[data-testid=composer-send]").HasAttribute("disabled").ShouldBeFalse();
    }

    [Fact]
    public async Task TheLimitMessage_IsInTheAgentsLanguage()
    {
        UseLanguage("es");
        var composer = await RenderComposerAsync();

        Type(composer, new string('a', MessageLimits.MaxBodyLength + 5));

        composer.Find("[data-testid=composer-error]").TextContent
            .ShouldContain($"El mensaje tiene {MessageLimits.MaxBodyLength + 5} caracteres; el límite es {MessageLimits.MaxBodyLength}.");
        composer.Find("[data-testid=composer-send]").TextContent.ShouldContain("Enviar respuesta");
    }

    [Fact]
    public async Task SendingAfterTheConversationMovedWhileTyping_PromptsFirst_AndSendAnywaySends()
    {
        var details = await CreateTicketAsync();
        var composer = await RenderComposerAsync(details.Ticket);
        Type(composer, "Your refund is on its way.");

        var arrived = await CustomerWritesAsync(details.Ticket, "Actually it was charged three times.");
        arrived.Succeeded.ShouldBeTrue(arrived.Error);
        (await ReadAsync(details.Ticket.Number)).Ticket.Version.ShouldBeGreaterThan(details.Ticket.Version);
        composer.Find("[data-testid=composer-send]").Click();

        var warning = composer.WaitForElement("[data-testid=stale-warning]");
        warning.TextContent.ShouldContain("1 new message arrived while you were typing");
        warning.TextContent.ShouldContain("Maria Lopez: Actually it was charged three times.");
        (await MessagesAsync(details.Ticket.Id)).ShouldNotContain(m => m.Body == "Your refund is on its way.");
        composer.Find("[data-testid=composer-input]").GetAttribute("value").ShouldBe("Your refund is on its way.");

        composer.Find("[data-testid=stale-send]").Click();

        composer.WaitForAssertion(() => composer.FindAll("[data-testid=stale-warning]").ShouldBeEmpty());
        var sent = (await MessagesAsync(details.Ticket.Id)).Last();
        sent.Body.ShouldBe("Your refund is on its way.");
        sent.Visibility.ShouldBe(MessageVisibility.Public);
    }

    [Fact]
    public async Task CtrlEnter_WhenNothingArrivedWhileTyping_SendsAtOnce()
    {
        var details = await CreateTicketAsync();
        var composer = await RenderComposerAsync(details.Ticket);
        Type(composer, "We are on it.");

        await composer.Find("[data-testid=composer-input]").KeyDownAsync(new Microsoft.AspNetCore.Components.Web.KeyboardEventArgs { Key = "Enter", CtrlKey = true });

        composer.WaitForAssertion(() => composer.Find("[data-testid=composer-input]").GetAttribute("value").ShouldBeNullOrEmpty());
        composer.FindAll("[data-testid=stale-warning]").ShouldBeEmpty();
        (await MessagesAsync(details.Ticket.Id)).Last().Body.ShouldBe("We are on it.");
    }
}

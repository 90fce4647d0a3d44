using AgentWorkspace.Features.Tickets;
using Bunit;
using MudBlazor;

namespace AgentWorkspace.Tests.Features.Canned;

/// <summary>
/// The composer's "/" picker on a real ticket. Composer.razor.js reports the "/query" and the keys (the browser tests
/// drive that part); here the component gets the same calls and must filter, move, preview, insert and close.
/// </summary>
public sealed class CannedPickerTests : CannedTest
{
    private async Task<IRenderedComponent<Composer>> ComposerWithResponsesAsync(Ticket? ticket = null)
    {
        await SaveAsync("refund-approved", "Hi {{customer.first_name | there}}, your refund for #{{ticket.number}} is approved.", "Hola, {{customer.first_name}}: tu reembolso está aprobado.");
        await SaveAsync("refund-denied", "Hi {{customer.first_name | there}}, we can't refund this order.");
        await SaveAsync("greeting", "Hello and welcome!");
        Render<MudPopoverProvider>();
        ticket ??= (await CreateTicketAsync()).Ticket;
        return Render<Composer>(p => p.Add(c => c.Ticket, ticket).Add(c => c.Scope, Ana));
    }

    private static async Task TypeAsync(IRenderedComponent<Composer> composer, string text, string? query)
    {
        composer.Find("[data-testid=composer-input]").Input(text);
        var start = query is null ? 0 : text.LastIndexOf('/');
        await composer.InvokeAsync(() => composer.Instance.SlashQuery(query, start, text.Length));
    }

    private static string[] Shortcuts(IRenderedComponent<Composer> composer) =>
        composer.FindAll("[data-testid=canned-option]").Select(o => o.GetAttribute("data-shortcut")!).ToArray();

    private static string? Selected(IRenderedComponent<Composer> composer) =>
        composer.FindAll("[data-testid=canned-option]").SingleOrDefault(o => o.GetAttribute("aria-selected") == "true")?.GetAttribute("data-shortcut");

    [Fact]
    public async Task TypingSlashAndAQuery_ListsTheMatchingResponses_AsAListbox_WithThePreviewFilledInForThisTicket()
    {
        var composer = await ComposerWithResponsesAsync();
        composer.FindAll("[data-testid=canned-picker]").ShouldBeEmpty();

        await TypeAsync(composer, "Thanks! /ref", "ref");

        composer.WaitForAssertion(() => Shortcuts(composer).ShouldBe(["refund-approved", "refund-denied"]));
        var listbox = composer.Find("[role=listbox]");
        listbox.GetAttribute("aria-label").ShouldBe("Canned responses");
        composer.Find("[data-testid=canned-picker]").GetAttribute("data-active").ShouldBe(composer.FindAll("[role=option]")[0].Id);
        Selected(composer).ShouldBe("refund-approved");
        var number = composer.Instance.Ticket.Number;
        composer.Find("[data-testid=canned-preview]").TextContent.ShouldContain($"Hi Maria, your refund for #{number} is approved.");

        await TypeAsync(composer, "Thanks! /gre", "gre");
        composer.WaitForAssertion(() => Shortcuts(composer).ShouldBe(["greeting"]));

        await TypeAsync(composer, "Thanks! /zzz", "zzz");
        composer.WaitForAssertion(() => composer.Find("[data-testid=canned-none]").TextContent.ShouldContain("No canned response matches \"zzz\""));
    }

    [Fact]
    public async Task ArrowsMoveTheSelectionAndThePreview_EnterReplacesTheSlashQuery_AndCountsAUse()
    {
        var composer = await ComposerWithResponsesAsync();
        await TypeAsync(composer, "Thanks! /ref", "ref");
        composer.WaitForAssertion(() => Selected(composer).ShouldBe("refund-approved"));

        await composer.InvokeAsync(() => composer.Instance.PickerKey("ArrowDown"));
        composer.WaitForAssertion(() => Selected(composer).ShouldBe("refund-denied"));
        composer.Find("[data-testid=canned-preview]").TextContent.ShouldContain("we can't refund this order");
        await composer.InvokeAsync(() => composer.Instance.PickerKey("ArrowDown"));
        // The list wraps around.
        composer.WaitForAssertion(() => Selected(composer).ShouldBe("refund-approved"));
        await composer.InvokeAsync(() => composer.Instance.PickerKey("ArrowUp"));
        composer.WaitForAssertion(() => Selected(composer).ShouldBe("refund-denied"));

        await composer.InvokeAsync(() => composer.Instance.PickerKey("Enter"));

        composer.WaitForAssertion(() => composer.FindAll("[data-testid=canned-picker]").ShouldBeEmpty());
        composer.Find("[data-testid=composer-input]").GetAttribute("value").ShouldBe("Thanks! Hi Maria, we can't refund this order.");
        (await Canned.ListAsync(AnaActor)).Single(c => c.Shortcut == "refund-denied").UsageCount.ShouldBe(1);
    }

    [Fact]
    public async Task EscapeClosesThePicker_WithoutChangingTheDraft()
    {
        var composer = await ComposerWithResponsesAsync();
        await TypeAsync(composer, "/ref", "ref");
        composer.WaitForAssertion(() => Shortcuts(composer).Length.ShouldBe(2));

        await composer.InvokeAsync(() => composer.Instance.PickerKey("Escape"));

        composer.WaitForAssertion(() => composer.FindAll("[data-testid=canned-picker]").ShouldBeEmpty());
        composer.Find("[data-testid=composer-input]").GetAttribute("value").ShouldBe("/ref");
    }

    [Fact]
    public async Task OnASpanishTicket_ThePreviewIsTheSpanishVersion_OrSaysItFellBackToEnglish()
    {
        var ticket = (await CreateTicketAsync()).Ticket;
        await SetLanguageAsync(ticket, "es");
        ticket.Language = "es";
        var composer = await ComposerWithResponsesAsync(ticket);

        await TypeAsync(composer, "/refund-a", "refund-a");
        composer.WaitForAssertion(() => composer.Find("[data-testid=canned-preview]").TextContent.ShouldContain("Hola, Maria: tu reembolso está aprobado."));
        composer.FindAll("[data-testid=canned-fallback]").ShouldBeEmpty();

        await TypeAsync(composer, "/refund-d", "refund-d");
        composer.WaitForAssertion(() => composer.Find("[data-testid=canned-fallback]").TextContent.ShouldContain("this is the English one"));
    }

    [Fact]
    public async Task ClickingAnOption_InsertsIt()
    {
        var composer = await ComposerWithResponsesAsync();
        await TypeAsync(composer, "/gre", "gre");
        composer.WaitForAssertion(() => Shortcuts(composer).ShouldBe(["greeting"]));

        composer.Find("[data-testid=canned-option]").Click();

        composer.WaitForAssertion(() => composer.Find("[data-testid=composer-input]").GetAttribute("value").ShouldBe("Hello and welcome!"));
    }
}

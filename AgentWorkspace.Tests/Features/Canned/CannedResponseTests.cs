using AgentWorkspace.Features.Canned;
using AgentWorkspace.Features.KnowledgeBase;
using Microsoft.Extensions.DependencyInjection;

namespace AgentWorkspace.Tests.Features.Canned;

/// <summary>Variables, their fallbacks, the ticket's language and KB links, as a rules engine or the composer gets them.</summary>
public sealed class CannedResponseTests : CannedTest
{
    [Fact]
    public async Task Variables_AreFilledFromTheTicketTheCustomerAndTheAgent()
    {
        var ticket = (await CreateTicketAsync(subject: "Charged twice")).Ticket;
        var id = await SaveAsync("hello", "Hi {{customer.first_name | there}} ({{customer.name}}), about #{{ticket.number}} \"{{ticket.subject}}\": {{agent.first_name}} / {{agent.name}}, {{team.name}}.");

        var reply = (await Canned.RenderForTicketAsync(id, ticket.Id, Ana.AgentId)).ShouldNotBeNull();

        reply.Text.ShouldBe($"Hi Maria (Maria Lopez), about #{ticket.Number} \"Charged twice\": Ana / Ana García, Billing & Accounts.");
        reply.Missing.ShouldBeEmpty();
    }

    [Fact]
    public async Task AMissingFirstName_UsesTheFallback_AndAVariableWithoutFallbackBecomesNothing()
    {
        var ticket = (await CreateTicketAsync()).Ticket;
        await SetCustomerNameAsync(ticket, "maria@example.com");
        var id = await SaveAsync("hello", "Hi {{customer.first_name | there}}, I'm {{agent.name}}.");

        // No agent given and nobody assigned: the agent's name is missing too.
        var reply = (await Canned.RenderForTicketAsync(id, ticket.Id)).ShouldNotBeNull();

        reply.Text.ShouldBe("Hi there, I'm .");
        reply.Missing.ShouldBe(["customer.first_name", "agent.name"]);
    }

    [Fact]
    public async Task ASpanishTicket_GetsTheSpanishVersion_AndAnEnglishOneTheEnglish()
    {
        var english = (await CreateTicketAsync()).Ticket;
        var spanish = (await CreateTicketAsync()).Ticket;
        await SetLanguageAsync(spanish, "es");
        var id = await SaveAsync("thanks", "Thanks {{customer.first_name}}!", "¡Gracias, {{customer.first_name}}!");

        var es = (await Canned.RenderForTicketAsync(id, spanish.Id)).ShouldNotBeNull();
        var en = (await Canned.RenderForTicketAsync(id, english.Id)).ShouldNotBeNull();

        es.Text.ShouldBe("¡Gracias, Maria!");
        es.Language.ShouldBe("es");
        es.IsFallbackLanguage.ShouldBeFalse();
        en.Text.ShouldBe("Thanks Maria!");
        en.Language.ShouldBe("en");
    }

    [Fact]
    public async Task WithoutAVersionInTheTicketsLanguage_TheOtherOneIsUsed_AndSaidSo()
    {
        var spanish = (await CreateTicketAsync()).Ticket;
        await SetLanguageAsync(spanish, "es");
        var englishOnly = await SaveAsync("only-en", "Only in English.");
        var english = (await CreateTicketAsync()).Ticket;
        var spanishOnly = await SaveAsync("only-es", null, "Solo en español.");

        var reply = (await Canned.RenderForTicketAsync(englishOnly, spanish.Id)).ShouldNotBeNull();
        reply.Text.ShouldBe("Only in English.");
        reply.Language.ShouldBe("en");
        reply.IsFallbackLanguage.ShouldBeTrue();

        var other = (await Canned.RenderForTicketAsync(spanishOnly, english.Id)).ShouldNotBeNull();
        other.Text.ShouldBe("Solo en español.");
        other.IsFallbackLanguage.ShouldBeTrue();
    }

    [Fact]
    public async Task AKbLink_IsTheHelpCentreLink_OnlyWhileTheArticleIsPublished()
    {
        var ticket = (await CreateTicketAsync()).Ticket;
        var published = await PublishArticleAsync("Refunds and returns", "How refunds work.");
        var draft = await Services.GetRequiredService<ArticleService>().CreateAsync(new KbActor(Ana.AgentId, true, false),
            new NewArticle("en", new ArticleDraft("Unfinished", "", null, "", "Not yet.", false)));
        var id = await SaveAsync("links", $"Read {{{{kb:{published}}}}} and {{{{kb:{draft.ArticleId} | our help centre}}}}.");

        var reply = (await Canned.RenderForTicketAsync(id, ticket.Id, baseUri: new Uri("https://help.example.test/"))).ShouldNotBeNull();

        reply.Text.ShouldBe($"Read [Refunds and returns](https://help.example.test/help/a/{published}) and our help centre.");
        reply.Missing.ShouldBe([$"kb:{draft.ArticleId}"]);
    }

    [Fact]
    public async Task AnUnknownVariable_IsRefusedWhenSaving_WithAClearMessage()
    {
        var saved = await Canned.SaveAsync(Supervisor, new CannedDraft(0, "typo", "Typo", "Hi {{custmer.name}}", null, Sharing.Shared, null));

        saved.Succeeded.ShouldBeFalse();
        saved.Problem!.Key.ShouldBe("UnknownVariable");
        saved.Problem.Message.ShouldStartWith("Unknown variable {{custmer.name}}. You can use {{customer.first_name}}");
        saved.Problem.Format(System.Globalization.CultureInfo.GetCultureInfo("es")).ShouldStartWith("La variable {{custmer.name}} no existe.");
        (await Canned.ListAsync(Supervisor)).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("Hi {{customer.name", "UnclosedVariable")]
    [InlineData("Hi {{kb:999999}}", "NoSuchArticle")]
    public async Task BrokenVariables_AreRefused(string body, string key)
    {
        var saved = await Canned.SaveAsync(Supervisor, new CannedDraft(0, "broken", "Broken", body, null, Sharing.Shared, null));

        saved.Problem.ShouldNotBeNull().Key.ShouldBe(key);
    }

    [Fact]
    public async Task BadInput_IsRefusedWithTheTextPolicysReasons()
    {
        var control = await Canned.SaveAsync(AnaActor, new CannedDraft(0, "ok", "Bad\u0007title", "Body", null, Sharing.Personal, null));
        var tooLong = await Canned.SaveAsync(AnaActor, new CannedDraft(0, "ok", "Title", new string('a', CannedResponse.MaxBodyLength + 1), null, Sharing.Personal, null));
        var spaces = await Canned.SaveAsync(AnaActor, new CannedDraft(0, "two words", "Title", "Body", null, Sharing.Personal, null));
        var empty = await Canned.SaveAsync(AnaActor, new CannedDraft(0, "ok", "Title", " ", "", Sharing.Personal, null));

        control.Problem!.Message.ShouldBe("The title contains an invisible control character; remove it and try again.");
        tooLong.Problem!.Message.ShouldBe($"The English text has at most {CannedResponse.MaxBodyLength:N0} characters.");
        spaces.Problem!.Key.ShouldBe("ShortcutCharacters");
        empty.Problem!.Key.ShouldBe("NeedsOneLanguage");
    }

    [Fact]
    public async Task Values_CannotAddMarkdownToTheReply()
    {
        var ticket = (await CreateTicketAsync()).Ticket;
        await SetCustomerNameAsync(ticket, "[Evil](javascript:alert(1)) *Bold*");
        var id = await SaveAsync("hello", "Hi {{customer.name}}");

        var reply = (await Canned.RenderForTicketAsync(id, ticket.Id)).ShouldNotBeNull();

        reply.Text.ShouldBe(@"Hi \[Evil\](javascript:alert(1)) \*Bold\*");
        AgentWorkspace.Components.Markdown.MarkdownRenderer.ToHtml(reply.Text).ShouldNotContain("<a");
    }

    [Fact]
    public async Task FuzzySearch_FindsByShortcutTitleAndBody_ShortcutFirst()
    {
        await SaveAsync("refund-approved", "Your refund is on its way.");
        await SaveAsync("shipping", "Parcels take three days; a refund is possible.");
        await SaveAsync("greeting", "Hello!");

        var found = await Canned.ListAsync(Supervisor, "ref");
        var spread = await Canned.ListAsync(Supervisor, "rfnd");

        found.Select(c => c.Shortcut).ShouldBe(["refund-approved", "shipping"]);
        spread.First().Shortcut.ShouldBe("refund-approved");
    }
}

using AgentWorkspace.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace AgentWorkspace.Tests.Features.Chat;

/// <summary>Two strangers on the demo shop, each in their own browser, each giving only a name.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ChatPrivacyBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task TwoVisitorsWithoutAnEmail_AreTwoCustomers_AndTheAgentSeesNeitherInTheOthersTicket()
    {
        var id = Guid.NewGuid().ToString("N")[..8];
        await using var ana = await browser.NewPageAsync();
        await ana.SignInAsync(DemoAgents.AnaEmail);
        await using var firstVisitor = await browser.NewPageAsync();
        await using var secondVisitor = await browser.NewPageAsync();
        var first = new CustomerWidget(firstVisitor.Page);
        var second = new CustomerWidget(secondVisitor.Page);
        await first.OpenAsync();
        await second.OpenAsync();

        var firstNumber = await first.StartChatAsync($"Alma {id}", "", $"Where is my parcel? ({id})");
        // A name that shows as nothing is refused in the form, and what was typed stays.
        await second.Root.Locator("#aw-name").FillAsync("\u200B\u200B\u200B");
        await second.Root.Locator("#aw-question").FillAsync($"Can I change my size? ({id})");
        await second.StartForm.Locator("button[type=submit]").ClickAsync();
        await Expect(second.StartForm.Locator(".error")).ToContainTextAsync("name");
        await Expect(second.Root.Locator("#aw-question")).ToHaveValueAsync($"Can I change my size? ({id})");
        var secondNumber = await second.StartChatAsync($"Bruno {id}", "", $"Can I change my size? ({id})");

        var firstTicket = await Chat.TicketAsync(browser, firstNumber);
        var secondTicket = await Chat.TicketAsync(browser, secondNumber);
        secondTicket.CustomerId.ShouldNotBe(firstTicket.CustomerId);
        secondTicket.Customer.Name.ShouldBe($"Bruno {id}");

        await ana.OpenAsync($"/tickets/{secondNumber}");
        var panel = ana.Page.GetByTestId("customer-panel");
        await Expect(panel.Locator("strong").First).ToHaveTextAsync($"Bruno {id}");
        await Expect(panel).Not.ToContainTextAsync($"Alma {id}");
        await Expect(panel).ToContainTextAsync("No other tickets.");
        await Expect(ana.Page.GetByTestId("customer-tickets").Locator("li")).ToHaveCountAsync(0);
        await Expect(ana.Page.TimelineMessage($"Can I change my size? ({id})")).ToBeVisibleAsync();

        await ana.OpenAsync($"/tickets/{firstNumber}");
        await Expect(panel.Locator("strong").First).ToHaveTextAsync($"Alma {id}");
        await Expect(panel).Not.ToContainTextAsync($"Bruno {id}");
        await Expect(ana.Page.GetByTestId("customer-tickets")).Not.ToContainTextAsync($"#{secondNumber}");

        // Each visitor's widget shows only their own conversation.
        await Expect(second.Message($"Where is my parcel? ({id})")).ToHaveCountAsync(0);
        await Expect(first.Message($"Can I change my size? ({id})")).ToHaveCountAsync(0);
    }
}

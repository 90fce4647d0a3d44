using AgentWorkspace.Features.Automation;
using AgentWorkspace.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace AgentWorkspace.Tests.Features.Automation;

/// <summary>An admin writes a rule on /admin/rules; the next ticket it matches shows the rule's change in its history.</summary>
[Collection(BrowserCollection.Name)]
public sealed class RulesBrowserTests(BrowserFixture browser)
{
    private readonly LiveScenario scenario = new(browser);

    [Fact]
    public async Task AnAdminCreatesARule_AndATicketCreatedAfterwardsGetsItsEffect_NamedInItsHistory()
    {
        var keyword = $"kiwi{Guid.NewGuid():N}"[..12];
        var name = $"Urgent {keyword}";
        await using var admin = await browser.NewPageAsync();
        await admin.SignInAsync(DemoAgents.AdminEmail);
        await admin.OpenAsync("/admin/rules");
        await admin.Page.GetByTestId("new-rule").ClickAsync();
        await admin.Page.GetByTestId("rule-name-input").FillAsync(name);
        await admin.Page.GetByTestId("add-condition").ClickAsync();
        await admin.Page.ChooseAsync("condition-field", "Subject");
        await admin.Page.GetByTestId("condition-value").FillAsync(keyword);
        await admin.Page.GetByTestId("add-action").ClickAsync();
        await admin.Page.ChooseAsync("action-value", "Urgent");
        await admin.Page.GetByTestId("save-rule").ClickAsync();
        await Expect(admin.Page.GetByTestId("rule-name").Filter(new() { HasText = name })).ToBeVisibleAsync();

        try
        {
            var ticket = await scenario.CreateTicketAsync(subject: $"Please look at {keyword} today");

            await admin.OpenAsync($"/tickets/{ticket.Number}");
            await Expect(admin.Page.TimelineEvent($"Rule “{name}” changed priority from Normal to Urgent")).ToBeVisibleAsync();
            admin.ConsoleErrors.ShouldBeEmpty();
        }
        finally
        {
            // The app is shared by the collection: the rule must not outlive the test.
            var rules = browser.App.Services.GetRequiredService<AutomationAdminService>();
            foreach (var rule in (await rules.ListAsync()).Where(r => r.Name == name))
            {
                await rules.DeleteAsync(rule.Id);
            }
        }
    }
}

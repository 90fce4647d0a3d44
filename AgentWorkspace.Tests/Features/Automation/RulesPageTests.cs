using AgentWorkspace.Features.Agents;
using AgentWorkspace.Features.Automation;
using AgentWorkspace.Features.Customers;
using AgentWorkspace.Features.Notifications;
using AgentWorkspace.Features.Scheduling;
using AgentWorkspace.Features.Sla;
using AgentWorkspace.Features.Tickets;
using AgentWorkspace.Realtime;
using AgentWorkspace.Tests.Infrastructure;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace AgentWorkspace.Tests.Features.Automation;

/// <summary>The rules page and its editor on the real services over a SQLite file.</summary>
public sealed class RulesPageTests : ComponentTest, IAsyncLifetime
{
    private readonly TempDatabase database = new();
    private int customerId;

    public RulesPageTests()
    {
        var configuration = new ConfigurationBuilder().Build();
        Services.AddLogging();
        database.AddDbContextFactory(Services);
        Services.AddSingleton<WorkspaceNotifier>();
        Services.AddNotifications();
        Services.AddTickets();
        Services.AddScheduling(configuration);
        Services.AddSla(configuration);
        Services.AddAutomation(configuration);
    }

    async Task IAsyncLifetime.InitializeAsync()
    {
        await using var db = database.CreateContext();
        await db.Database.MigrateAsync();
        db.Teams.AddRange(new Team { Name = "Billing" }, new Team { Name = "Technical" });
        var customer = new Customer { Name = "Casey", Email = "casey@example.com", CreatedAt = DateTimeOffset.UtcNow };
        db.Customers.Add(customer);
        await db.SaveChangesAsync();
        customerId = customer.Id;
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        database.Dispose();
    }

    private AutomationAdminService Admin => Services.GetRequiredService<AutomationAdminService>();

    private IRenderedComponent<RulesPage> OpenEditor()
    {
        Render<MudPopoverProvider>();
        var page = Render<RulesPage>();
        page.WaitForElement("[data-testid=new-rule]").Click();
        page.WaitForElement("[data-testid=rule-editor]");
        return page;
    }

    [Fact]
    public async Task ANewRule_WithAConditionAndAnAction_IsSavedAndListed()
    {
        var page = OpenEditor();
        page.Find("[data-testid=rule-name-input]").Change("Chats are high");
        page.Find("[data-testid=add-condition]").Click();
        page.Find("[data-testid=add-action]").Click();
        page.Find("[data-testid=save-rule]").Click();

        page.WaitForAssertion(() => page.FindAll("[data-testid=rule-name]").Select(e => e.TextContent).ShouldBe(["Chats are high"]));
        page.FindAll("[data-testid=rule-editor]").ShouldBeEmpty();
        var rule = (await Admin.ListAsync()).ShouldHaveSingleItem();
        rule.Conditions.ShouldBe([new RuleCondition(ConditionField.Channel, ConditionOperator.Is, "Chat")]);
        rule.Actions.ShouldBe([new RuleActionSpec("set-priority", "Low")]);
        page.Find("[data-testid=rules-grid] tbody tr").TextContent.ShouldContain("Channel is Chat");
        page.Find("[data-testid=rules-grid] tbody tr").TextContent.ShouldContain("Set priority: Low");
    }

    [Fact]
    public async Task SavingWithoutAName_ShowsTheErrorInTheEditor_AndKeepsWhatWasTyped()
    {
        var page = OpenEditor();
        page.Find("[data-testid=add-action]").Click();
        page.Find("[data-testid=save-rule]").Click();

        page.WaitForAssertion(() => page.Find("[data-testid=rule-error]").TextContent.ShouldContain("Give the rule a name."));
        page.FindAll("[data-testid=action-row]").Count.ShouldBe(1);
        (await Admin.ListAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task ChangingAConditionsField_OffersThatFieldsTests_AndATextBoxForKeywords()
    {
        var page = OpenEditor();
        page.Find("[data-testid=add-condition]").Click();
        var field = page.FindComponent<MudSelect<ConditionField>>();

        await page.InvokeAsync(() => field.Instance.ValueChanged.InvokeAsync(ConditionField.SubjectOrMessage));

        page.WaitForAssertion(() => page.Find("[data-testid=condition-operator]").GetAttribute("value").ShouldBe("contains any of"));
        page.FindComponents<MudSelect<string>>().ShouldBeEmpty();
        page.Find("[data-testid=condition-row] input[type=text]:not([readonly])").ShouldNotBeNull();
        page.Markup.ShouldContain("Words or phrases separated by commas");
    }

    [Fact]
    public async Task ThePreview_ListsMatchingRecentTickets_WithoutSavingTheRule()
    {
        var tickets = Services.GetRequiredService<TicketService>();
        (await tickets.CreateTicketAsync(new NewTicket(customerId, "Chat about invoices", "Hi", TicketChannel.Chat))).Succeeded.ShouldBeTrue();
        (await tickets.CreateTicketAsync(new NewTicket(customerId, "Mail about invoices", "Hi", TicketChannel.Email))).Succeeded.ShouldBeTrue();
        var page = OpenEditor();
        page.Find("[data-testid=add-condition]").Click(); // Channel is Chat
        page.Find("[data-testid=add-action]").Click(); // Set priority: Low

        page.Find("[data-testid=preview-rule]").Click();

        page.WaitForAssertion(() => page.FindAll("[data-testid=preview-row]").Select(r => System.Text.RegularExpressions.Regex.Replace(r.TextContent, @"\s+", " ").Trim()).ShouldBe(["#1001 Chat about invoices — Set priority: Low"]));
        page.Find("[data-testid=rule-preview]").TextContent.ShouldContain("1 of the last 100 tickets match");
        (await Admin.ListAsync()).ShouldBeEmpty();
    }
}

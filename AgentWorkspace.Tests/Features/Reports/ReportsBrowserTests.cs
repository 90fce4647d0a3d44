using AgentWorkspace.Features.Account;
using AgentWorkspace.Tests.Accessibility;
using AgentWorkspace.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AgentWorkspace.Tests.Features.Reports;

[Collection(BrowserCollection.Name)]
public sealed class ReportsBrowserTests(BrowserFixture browser)
{
    private async Task<AgentPage> SupervisorPageAsync(string timeZone, string theme = "light")
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = browser.BaseAddress.ToString(), TimezoneId = timeZone, AcceptDownloads = true,
        });
        context.SetDefaultTimeout(15_000);
        await context.AddCookiesAsync([new Cookie { Name = UiPreferences.ThemeCookie, Value = theme, Url = browser.BaseAddress.ToString() }]);
        var agent = new AgentPage(context, await context.NewPageAsync());
        await agent.SignInAsync(DemoAgents.AdminEmail);
        return agent;
    }

    [Fact]
    public async Task TheReportsPage_UsesTheBrowsersTimeZone_AndANumberOpensExactlyItsTicketsInTheInbox()
    {
        await using var admin = await SupervisorPageAsync("America/Mexico_City");
        var page = admin.Page;
        await page.GetByTestId("nav-reports").ClickAsync();
        await Expect(page.GetByTestId("table-summary")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("report-notes")).ToContainTextAsync("America/Mexico_City");
        await Expect(page.GetByTestId("chart-created-resolved").Locator("svg").First).ToBeVisibleAsync();

        // The smallest non-empty channel of the period, so the whole drill-down fits on one inbox page.
        var channelLinks = page.GetByTestId("table-created-by-channel").GetByTestId("drill");
        var counts = await channelLinks.AllInnerTextsAsync();
        counts.Count.ShouldBeGreaterThan(0);
        var smallest = counts.Select((text, index) => (Count: int.Parse(text, System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.GetCultureInfo("en-US")), index))
            .Where(c => c.Count is > 0 and <= 25).OrderBy(c => c.Count).First();
        await channelLinks.Nth(smallest.index).ClickAsync();

        await page.WaitForURLAsync(url => url.Contains("/inbox?report=", StringComparison.Ordinal));
        await Expect(page.GetByTestId("report-drill")).ToContainTextAsync($"{smallest.Count} ticket(s)");
        await Expect(page.GetByTestId("inbox-row")).ToHaveCountAsync(smallest.Count);

        await page.GetByTestId("clear-report").ClickAsync();
        await Expect(page.GetByTestId("report-drill")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task ATable_ExportsAsCsv()
    {
        await using var admin = await SupervisorPageAsync("Europe/Madrid");
        var page = admin.Page;
        await admin.OpenAsync("/reports");
        await Expect(page.GetByTestId("table-summary")).ToBeVisibleAsync();

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("export-created-by-channel").ClickAsync());

        download.SuggestedFilename.ShouldStartWith("created-by-channel_");
        var text = await File.ReadAllTextAsync(await download.PathAsync());
        text.TrimStart('\ufeff').ShouldStartWith("Channel,Created\r\n");
    }

    [Theory]
    [InlineData("light")]
    [InlineData("dark")]
    public async Task TheReportsPage_PassesWcag21AA(string theme)
    {
        await using var admin = await SupervisorPageAsync("Europe/Madrid", theme);
        var page = admin.Page;
        await admin.OpenAsync("/reports");
        await Expect(page.GetByTestId("table-summary")).ToBeVisibleAsync();

        var violations = await Axe.CheckAsync(page, "reports", theme);

        violations.ShouldBeEmpty(string.Join("\n", violations));
    }
}

using System.Net;
using AgentWorkspace.Tests.Infrastructure;

namespace AgentWorkspace.Tests.Features.Account;

[Collection(AppCollection.Name)]
public sealed class SignInHttpTests(WorkspaceAppFactory app)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/inbox")]
    [InlineData("/tickets/1001")]
    [InlineData("/admin/agents")]
    public async Task AgentPages_RedirectAnonymousVisitorsToSignIn(string path)
    {
        using var client = new FormClient(app.ServerAddress);
        var response = await client.Http.GetAsync(path);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/account/login?ReturnUrl=");
    }

    [Theory]
    [InlineData("/account/login", "text/html")]
    [InlineData("/widget/widget.js", "text/javascript")]
    [InlineData("/demo/shop.html", "text/html")]
    [InlineData("/healthz", "text/plain")]
    public async Task PublicEndpoints_AnswerAnonymousVisitors(string path, string mediaType)
    {
        using var client = new FormClient(app.ServerAddress);
        var response = await client.Http.GetAsync(path);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe(mediaType);
        (await response.Content.ReadAsStringAsync()).ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task BlazorScript_IsServedWithContent()
    {
        using var client = new FormClient(app.ServerAddress);
        var login = await client.Http.GetStringAsync("/account/login");
        var src = System.Text.RegularExpressions.Regex.Match(login, "src=\"(_framework/blazor\\.web[^\"]*\\.js)\"");
        src.Success.ShouldBeTrue("the page references blazor.web.js");

        var script = await client.Http.GetStringAsync("/" + src.Groups[1].Value);

        script.Length.ShouldBeGreaterThan(50_000);
        script.ShouldContain("Blazor");
    }

    [Fact]
    public async Task CorrectPassword_SetsTheAuthCookie_AndOpensTheInbox()
    {
        using var client = new FormClient(app.ServerAddress);
        var response = await client.SignInAsync(DemoAgents.AnaEmail, DemoAgents.Password);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        new Uri(app.ServerAddress, response.Headers.Location!).AbsolutePath.ShouldBe("/");
        var inbox = await client.Http.GetAsync("/");
        inbox.StatusCode.ShouldBe(HttpStatusCode.OK);
        WebUtility.HtmlDecode(await inbox.Content.ReadAsStringAsync()).ShouldContain("Ana García");
    }

    [Fact]
    public void SignIn_NeverRedirectsOffSite()
    {
        Login_SafeReturnUrl("https://evil.example/phish").ShouldBe("/");
        Login_SafeReturnUrl("//evil.example").ShouldBe("/");
        Login_SafeReturnUrl("/\\evil.example").ShouldBe("/");
        Login_SafeReturnUrl("/tickets/1001").ShouldBe("/tickets/1001");
    }

    private static string Login_SafeReturnUrl(string url) =>
        AgentWorkspace.Features.Account.Login.SafeReturnUrl(url);
}

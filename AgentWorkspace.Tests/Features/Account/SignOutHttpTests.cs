using System.Net;
using System.Text.RegularExpressions;
using AgentWorkspace.Tests.Infrastructure;

namespace AgentWorkspace.Tests.Features.Account;

/// <summary>Sign-out is a form post that carries the page's antiforgery token, so another site cannot sign an agent out.</summary>
[Collection(AppCollection.Name)]
public sealed partial class SignOutHttpTests(WorkspaceAppFactory app)
{
    [Fact]
    public async Task SignOutWithoutTheAntiforgeryToken_IsRefused_AndTheAgentStaysSignedIn()
    {
        using var agent = await SignedInAsync();

        var bare = await agent.Http.PostAsync("/account/logout", null);
        var emptyForm = await agent.Http.PostAsync("/account/logout", new FormUrlEncodedContent([]));
        var forgedToken = await agent.Http.PostAsync("/account/logout", Form("CfDJ8forged"));

        bare.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        emptyForm.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        forgedToken.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await agent.Http.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK, "the auth cookie still works");
    }

    [Fact]
    public async Task SignOutWithTheTokenFromThePage_SignsTheAgentOut()
    {
        using var agent = await SignedInAsync();
        var page = await agent.Http.GetStringAsync("/");
        var token = SignOutToken().Match(page);
        token.Success.ShouldBeTrue("the sign-out form carries an antiforgery token");

        var response = await agent.Http.PostAsync("/account/logout", Form(WebUtility.HtmlDecode(token.Groups[1].Value)));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldBe("/account/login");
        var after = await agent.Http.GetAsync("/");
        after.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        after.Headers.Location!.ToString().ShouldContain("/account/login");
    }

    private async Task<FormClient> SignedInAsync()
    {
        var agent = new FormClient(app.ServerAddress);
        (await agent.SignInAsync(DemoAgents.BenEmail, DemoAgents.Password)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await agent.Http.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK);
        return agent;
    }

    private static FormUrlEncodedContent Form(string token) =>
        new(new Dictionary<string, string> { ["__RequestVerificationToken"] = token });

    [GeneratedRegex("action=\"account/logout\"[^>]*>\\s*<input[^>]*name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex SignOutToken();
}

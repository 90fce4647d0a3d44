using System.Net;
using AgentWorkspace.Features.Account;
using AgentWorkspace.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace AgentWorkspace.Tests.Features.Account;

/// <summary>
/// Sign-in, access denied and not found are server-rendered (no circuit): they come in the browser's language and in
/// the agent's theme from the first byte.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class AccountPagesHttpTests(WorkspaceAppFactory app)
{
    private const string DarkBackground = "--mud-palette-background: rgba(15,23,42,1)";
    private const string LightBackground = "--mud-palette-background: rgba(248,250,252,1)";

    [Fact]
    public async Task ASpanishBrowser_GetsTheSignInPageInSpanish()
    {
        using var client = Browser("es-ES,es;q=0.9,en;q=0.5");

        var html = WebUtility.HtmlDecode(await client.Http.GetStringAsync("/account/login"));

        html.ShouldContain("<html lang=\"es\"");
        html.ShouldContain("<h1 class=\"aw-auth-title\"");
        html.ShouldContain("Iniciar sesión");
        html.ShouldContain(">Correo</label>");
        html.ShouldContain(">Contraseña</label>");
        html.ShouldContain("Mantener la sesión iniciada");
        html.ShouldNotContain("Keep me signed in");
    }

    [Fact]
    public async Task AnEnglishBrowser_GetsItInEnglish()
    {
        using var client = Browser("en-GB,en;q=0.9");

        var html = WebUtility.HtmlDecode(await client.Http.GetStringAsync("/account/login"));

        html.ShouldContain("<html lang=\"en\"");
        html.ShouldContain(">Email</label>");
        html.ShouldContain("Keep me signed in");
    }

    [Fact]
    public async Task TheThemeCookie_RendersTheSignInPageInTheDarkPalette()
    {
        using var dark = Browser("en");
        dark.Cookies.Add(app.ServerAddress, new Cookie(UiPreferences.ThemeCookie, "dark"));
        using var light = Browser("en");

        var darkHtml = await dark.Http.GetStringAsync("/account/login");
        var lightHtml = await light.Http.GetStringAsync("/account/login");

        darkHtml.ShouldContain("data-theme=\"dark\"");
        darkHtml.ShouldContain(DarkBackground);
        darkHtml.ShouldNotContain(LightBackground);
        lightHtml.ShouldContain("data-theme=\"light\"");
        lightHtml.ShouldContain(LightBackground);
    }

    [Fact]
    public async Task AWrongPassword_IsRefusedInTheVisitorsLanguage_AndNothingTypedIsLost()
    {
        using var client = Browser("es");

        var response = await client.SignInAsync(DemoAgents.LucasEmail, "not-the-password");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        html.ShouldContain("Correo o contraseña incorrectos.");
        html.ShouldContain("data-testid=\"login-error\"");
        html.ShouldContain($"value=\"{DemoAgents.LucasEmail}\"");
    }

    [Fact]
    public async Task AnEmptyForm_SaysWhatIsMissing_NextToEachField()
    {
        using var client = Browser("en");

        var response = await client.SignInAsync("", "");

        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        html.ShouldContain("Enter your email address.");
        html.ShouldContain("Enter your password.");
        html.ShouldContain("aria-invalid=\"true\"");
        html.ShouldNotContain("Wrong email or password.");
    }

    [Fact]
    public async Task AccessDeniedAndNotFound_AreInTheVisitorsLanguage()
    {
        using var client = Browser("es");
        (await client.SignInAsync(DemoAgents.BenEmail, DemoAgents.Password)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var denied = WebUtility.HtmlDecode(await client.Http.GetStringAsync("/account/access-denied"));
        var missing = await client.Http.GetAsync("/no-such-page");

        denied.ShouldContain("Acceso denegado");
        denied.ShouldContain("Volver a la bandeja de entrada");
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var notFound = WebUtility.HtmlDecode(await missing.Content.ReadAsStringAsync());
        notFound.ShouldContain("Página no encontrada");
        notFound.ShouldContain("aw-auth-card");
    }

    [Fact]
    public async Task TheErrorPage_IsInTheVisitorsLanguage_WithAReferenceForSupport()
    {
        using var client = Browser("es");

        var html = WebUtility.HtmlDecode(await client.Http.GetStringAsync("/error"));

        html.ShouldContain("Algo ha fallado");
        html.ShouldContain("No se ha perdido nada de lo que escribiste");
        html.ShouldContain("data-testid=\"error-reference\"");
        html.ShouldContain("aw-auth-card");
    }

    private FormClient Browser(string acceptLanguage)
    {
        var client = new FormClient(app.ServerAddress);
        client.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd(acceptLanguage);
        return client;
    }
}

/// <summary>Where the demo sign-ins are documented is said on a developer's machine, never on a real workspace.</summary>
public sealed class DemoSignInsHintTests
{
    [Theory]
    [InlineData("Development", true)]
    [InlineData("Production", false)]
    public async Task TheSignInPage_PointsToTheDemoSignIns_OnlyInDevelopment(string environment, bool shown)
    {
        await using var app = WorkspaceAppFactory.Create(
            seedDemoData: false, settings: new Dictionary<string, string?> { [WebHostDefaults.EnvironmentKey] = environment });
        using var client = new FormClient(app.ServerAddress);

        var html = WebUtility.HtmlDecode(await client.Http.GetStringAsync("/account/login"));

        html.Contains("data-testid=\"demo-accounts-hint\"").ShouldBe(shown);
        html.Contains("README.md").ShouldBe(shown);
        if (shown)
        {
            html.ShouldContain("“Demo sign-ins”");
            File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md")).ShouldContain("\n## Demo sign-ins\n", Case.Sensitive, "the hint names a README section that exists");
        }
    }
}

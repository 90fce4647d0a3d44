using Microsoft.AspNetCore.Localization;
using MudBlazor.Services;

namespace AgentWorkspace.Components;

/// <summary>The agent UI: interactive server components, MudBlazor, and the two languages agents work in.</summary>
public static class UiServiceExtensions
{
    public static readonly string[] Languages = ["en", "es"];

    public static IServiceCollection AddWorkspaceUi(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices(mud =>
        {
            // Toasts sit bottom-left: the ticket's property panel is on the right and must stay usable while they show.
            mud.SnackbarConfiguration.PositionClass = MudBlazor.Defaults.Classes.Position.BottomLeft;
            mud.SnackbarConfiguration.VisibleStateDuration = 4000;
        });
        services.AddLocalization();
        services.AddRequestLocalization(options =>
        {
            // The agent's stored language reaches the culture cookie at sign-in; before that, the browser's language decides.
            options.SetDefaultCulture("en").AddSupportedCultures(Languages).AddSupportedUICultures(Languages);
            options.RequestCultureProviders = [new CookieRequestCultureProvider(), new AcceptLanguageHeaderRequestCultureProvider()];
            options.ApplyCurrentCultureToResponseHeaders = true;
        });
        return services;
    }
}

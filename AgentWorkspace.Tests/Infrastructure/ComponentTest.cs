using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace AgentWorkspace.Tests.Infrastructure;

/// <summary>
/// A bUnit context with what the workspace's components expect: MudBlazor's services, string localizers (English
/// unless a test asks for another language) and a JS runtime that answers every call (MudBlazor calls it freely).
/// Disposed asynchronously (xunit runs IAsyncLifetime.DisposeAsync before Dispose): some MudBlazor services (the
/// popover's pointer-events service, MudChip's key interceptor) only implement IAsyncDisposable.
/// </summary>
/// <remarks>
/// Component tests stay on SQLite in the PostgreSQL pass (Kind=Component is filtered out there): many find elements
/// right after the first render, which works on SQLite because Microsoft.Data.Sqlite completes "async" reads
/// synchronously, so a component's OnInitializedAsync has loaded by then; Npgsql's reads are truly asynchronous.
/// </remarks>
[Trait("Kind", "Component")]
public abstract class ComponentTest : BunitContext, IAsyncLifetime
{
    private readonly CultureInfo culture = CultureInfo.CurrentCulture;
    private readonly CultureInfo uiCulture = CultureInfo.CurrentUICulture;

    protected ComponentTest()
    {
        Services.AddMudServices();
        Services.AddLocalization();
        Services.AddSingleton(TimeProvider.System);
        JSInterop.Mode = JSRuntimeMode.Loose;
        UseLanguage("en");
    }

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    /// <summary>Renders in this language from now on ("en" or "es"), as a circuit opened with that culture cookie would.</summary>
    protected static void UseLanguage(string language)
    {
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(language);
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
    }

    protected override void Dispose(bool disposing)
    {
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = uiCulture;
        base.Dispose(disposing);
    }
}

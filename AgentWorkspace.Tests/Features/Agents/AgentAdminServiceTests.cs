using System.Globalization;
using AgentWorkspace.Data;
using AgentWorkspace.Features.Account;
using AgentWorkspace.Features.Agents;
using AgentWorkspace.Features.Api;
using AgentWorkspace.Realtime;
using AgentWorkspace.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace AgentWorkspace.Tests.Features.Agents;

/// <summary>The admin services as the admin pages call them, on real Identity over a SQLite file, in either language.</summary>
public sealed class AgentAdminServiceTests : IAsyncLifetime
{
    private readonly TempDatabase database = new();
    private readonly ServiceProvider services;
    private readonly CultureInfo uiCulture = CultureInfo.CurrentUICulture;
    private readonly CultureInfo culture = CultureInfo.CurrentCulture;
    private string adminId = "";

    public AgentAdminServiceTests()
    {
        var collection = new ServiceCollection();
        collection.AddLogging();
        collection.AddSingleton(TimeProvider.System);
        database.AddDbContextFactory(collection);
        collection.Configure<DemoDataOptions>(o => o.Enabled = false);
        collection.AddSingleton<WorkspaceNotifier>();
        collection.AddAgentIdentity();
        collection.AddAgents();
        collection.AddSingleton<ApiKeyService>();
        services = collection.BuildServiceProvider();
    }

    private AgentAdminService Admin => services.GetRequiredService<AgentAdminService>();
    private UserManager<Agent> Users => services.GetRequiredService<UserManager<Agent>>();

    public async Task InitializeAsync()
    {
        await services.InitializeWorkspaceDataAsync();
        adminId = (await Admin.CreateAgentAsync(New("Morgan Lee", "admin@nimbus.test", Roles.Admin))).AgentId!;
    }

    public async Task DisposeAsync()
    {
        CultureInfo.CurrentUICulture = uiCulture;
        CultureInfo.CurrentCulture = culture;
        await services.DisposeAsync();
        database.Dispose();
    }

    [Fact]
    public async Task AnAgentWithoutARole_IsRefused_BeforeAnyAccountExists()
    {
        var result = await Admin.CreateAgentAsync(New("No Role", "norole@nimbus.test"));

        result.Succeeded.ShouldBeFalse();
        result.Error.ShouldBe("Give the agent at least one role.");
        (await Users.FindByEmailAsync("norole@nimbus.test")).ShouldBeNull();
    }

    [Fact]
    public async Task ADuplicateEmail_IsSaidOnce()
    {
        var result = await Admin.CreateAgentAsync(New("Morgan Again", "admin@nimbus.test", Roles.Agent));

        result.Succeeded.ShouldBeFalse();
        result.Error.ShouldBe("An agent with the email admin@nimbus.test already exists.");
    }

    [Fact]
    public async Task ASpanishSpeakingAdmin_GetsEveryRefusalInSpanish()
    {
        Speak("es");

        var duplicate = await Admin.CreateAgentAsync(New("Morgan Otra", "admin@nimbus.test", Roles.Agent));
        var weak = await Admin.CreateAgentAsync(New("Contraseña Débil", "debil@nimbus.test", Roles.Agent, password: "abcdefghij"));
        var noRole = await Admin.CreateAgentAsync(New("Sin Rol", "sinrol@nimbus.test"));
        var self = await Admin.SetActiveAsync(adminId, false, adminId);
        var controlInTeam = await Admin.CreateTeamAsync("Equipo\u0007", null);
        var blankName = await Admin.CreateAgentAsync(New("\u200B\u200B", "blanco@nimbus.test", Roles.Agent));
        var unnamedKey = await services.GetRequiredService<ApiKeyService>().CreateAsync(adminId, "  ", null);

        duplicate.Error.ShouldBe("Ya existe un agente con el correo admin@nimbus.test.");
        weak.Error.ShouldBe("La contraseña necesita un símbolo, como ! o #. La contraseña necesita un número (0-9). La contraseña necesita una letra mayúscula (A-Z).");
        noRole.Error.ShouldBe("Asigna al agente al menos un rol.");
        self.Error.ShouldBe("No puedes desactivar tu propia cuenta.");
        controlInTeam.Error.ShouldBe("El nombre del equipo contiene un carácter de control invisible; quítalo y vuelve a intentarlo.");
        blankName.Error.ShouldBe("El nombre visible no tiene ningún carácter visible.");
        unnamedKey.Error.ShouldBe("Una clave necesita un nombre de 1 a 100 caracteres.");
    }

    [Fact]
    public async Task ResettingALockout_LetsTheAgentSignInAgainAtOnce()
    {
        var id = (await Admin.CreateAgentAsync(New("Ben Carter", "ben@nimbus.test", Roles.Agent))).AgentId!;
        var ben = (await Users.FindByIdAsync(id))!;
        for (var i = 0; i < 5; i++)
        {
            await Users.AccessFailedAsync(ben);
        }
        (await Users.IsLockedOutAsync(ben)).ShouldBeTrue();
        (await Admin.ListAgentsAsync()).Single(a => a.Id == id).IsLockedOut.ShouldBeTrue();

        var result = await Admin.ResetLockoutAsync(id);

        result.Succeeded.ShouldBeTrue(result.Error);
        ben = (await Users.FindByIdAsync(id))!;
        (await Users.IsLockedOutAsync(ben)).ShouldBeFalse();
        ben.AccessFailedCount.ShouldBe(0);
        (await Admin.ListAgentsAsync()).Single(a => a.Id == id).IsLockedOut.ShouldBeFalse();
        (await Admin.ResetLockoutAsync("no-such-agent")).Error.ShouldBe("That agent no longer exists.");
    }

    private static NewAgent New(string name, string email, string? role = null, string password = DemoAgents.Password) =>
        new() { DisplayName = name, Email = email, Password = password, Roles = role is null ? [] : [role] };

    private static void Speak(string language)
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(language);
    }
}

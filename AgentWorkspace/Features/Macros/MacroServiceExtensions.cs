namespace AgentWorkspace.Features.Macros;

public static class MacroServiceExtensions
{
    /// <summary>Macros (needs the canned responses: <see cref="Canned.CannedServiceExtensions.AddCanned"/>).</summary>
    public static IServiceCollection AddMacros(this IServiceCollection services)
    {
        services.AddSingleton<MacroService>();
        return services;
    }
}

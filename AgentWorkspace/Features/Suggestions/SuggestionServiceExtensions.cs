using AgentWorkspace.Data;
using Microsoft.EntityFrameworkCore;

namespace AgentWorkspace.Features.Suggestions;

public static class SuggestionServiceExtensions
{
    public static IServiceCollection AddSuggestions(this IServiceCollection services)
    {
        // Hosts without configuration (component tests) get the defaults.
        services.AddSingleton(sp => sp.GetService<IConfiguration>() is { } configuration ? DenseSettings.From(configuration) : new DenseSettings());
        services.AddSingleton<ISentenceEmbedder, MiniLmEmbedder>();
        services.AddSingleton(sp => new ArticleEmbeddings(sp.GetRequiredService<IDbContextFactory<AppDbContext>>(), sp.GetRequiredService<ISentenceEmbedder>(),
            sp.GetRequiredService<DenseSettings>(), sp.GetService<TimeProvider>() ?? TimeProvider.System, sp.GetRequiredService<ILogger<ArticleEmbeddings>>()));
        services.AddHostedService(sp => sp.GetRequiredService<ArticleEmbeddings>());
        services.AddSingleton<KbSuggestions>();
        services.AddHostedService(sp => sp.GetRequiredService<KbSuggestions>());
        services.AddSingleton<SuggestionLog>();
        services.AddSingleton<KbGapReport>();
        return services;
    }
}

namespace AgentWorkspace.Features.Suggestions;

public static class SuggestionServiceExtensions
{
    public static IServiceCollection AddSuggestions(this IServiceCollection services)
    {
        services.AddSingleton(sp => DenseSettings.From(sp.GetRequiredService<IConfiguration>()));
        services.AddSingleton<ISentenceEmbedder, MiniLmEmbedder>();
        services.AddSingleton<ArticleEmbeddings>();
        services.AddHostedService(sp => sp.GetRequiredService<ArticleEmbeddings>());
        services.AddSingleton<KbSuggestions>();
        services.AddHostedService(sp => sp.GetRequiredService<KbSuggestions>());
        services.AddSingleton<SuggestionLog>();
        services.AddSingleton<KbGapReport>();
        return services;
    }
}

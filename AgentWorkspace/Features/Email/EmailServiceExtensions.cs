using AgentWorkspace.Features.Tickets;

namespace AgentWorkspace.Features.Email;

public static class EmailServiceExtensions
{
    /// <summary>E-mail in (mailbox readers) and out (the outbox and its sender). Both idle when nothing is configured.</summary>
    public static IServiceCollection AddEmail(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<EmailOptions>(configuration.GetSection(EmailOptions.Section));
        services.AddSingleton<EmailOutbox>();
        services.AddSingleton<ICustomerUpdates>(sp => sp.GetRequiredService<EmailOutbox>());
        services.AddSingleton<CustomerMailComposer>();
        services.AddSingleton<MailIngest>();
        services.AddSingleton<MailboxStatusBoard>();
        services.AddSingleton<OutboxSender>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxSender>());
        services.AddSingleton<MailboxReader>();
        services.AddHostedService(sp => sp.GetRequiredService<MailboxReader>());
        services.AddSingleton<OutboxAdmin>();
        return services;
    }
}

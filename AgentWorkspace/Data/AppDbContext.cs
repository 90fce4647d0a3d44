using AgentWorkspace.Features.Agents;
using AgentWorkspace.Features.Api;
using AgentWorkspace.Features.Canned;
using AgentWorkspace.Features.Chat;
using AgentWorkspace.Features.Customers;
using AgentWorkspace.Features.Email;
using AgentWorkspace.Features.KnowledgeBase;
using AgentWorkspace.Features.Macros;
using AgentWorkspace.Features.Notifications;
using AgentWorkspace.Features.Portal;
using AgentWorkspace.Features.Reports;
using AgentWorkspace.Features.Scheduling;
using AgentWorkspace.Features.Sla;
using AgentWorkspace.Features.Suggestions;
using AgentWorkspace.Features.Tickets;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace AgentWorkspace.Data;

/// <summary>
/// The workspace's model, on SQLite (this type, migrations in Data/Migrations) or on PostgreSQL
/// (<see cref="Postgres.PostgresAppDbContext"/>, its own migrations): services always ask for this type.
/// </summary>
public class AppDbContext : IdentityDbContext<Agent, IdentityRole, string>
{
    public AppDbContext(DbContextOptions<AppDbContext> options) : base(options)
    {
    }

    /// <summary>For a provider's own context type, which owns its migrations.</summary>
    protected AppDbContext(DbContextOptions options) : base(options)
    {
    }

    public DbSet<Team> Teams => Set<Team>();
    public DbSet<TeamMember> TeamMembers => Set<TeamMember>();
    public DbSet<Customer> Customers => Set<Customer>();
    public DbSet<CustomerContact> CustomerContacts => Set<CustomerContact>();
    public DbSet<CustomerEvent> CustomerEvents => Set<CustomerEvent>();
    public DbSet<Ticket> Tickets => Set<Ticket>();
    public DbSet<TicketTag> TicketTags => Set<TicketTag>();
    public DbSet<TicketFollower> TicketFollowers => Set<TicketFollower>();
    public DbSet<Message> Messages => Set<Message>();
    public DbSet<TicketEvent> TicketEvents => Set<TicketEvent>();
    public DbSet<Article> Articles => Set<Article>();
    public DbSet<ArticleRevision> ArticleRevisions => Set<ArticleRevision>();
    public DbSet<ArticleCategory> ArticleCategories => Set<ArticleCategory>();
    public DbSet<ArticleEvent> ArticleEvents => Set<ArticleEvent>();
    public DbSet<Counter> Counters => Set<Counter>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<TicketRead> TicketReads => Set<TicketRead>();
    public DbSet<ChatConversation> ChatConversations => Set<ChatConversation>();
    public DbSet<SuggestionRequest> SuggestionRequests => Set<SuggestionRequest>();
    public DbSet<SynonymList> SynonymLists => Set<SynonymList>();
    public DbSet<ArticleEmbedding> ArticleEmbeddings => Set<ArticleEmbedding>();
    public DbSet<ScheduledJob> ScheduledJobs => Set<ScheduledJob>();
    public DbSet<BusinessCalendar> BusinessCalendars => Set<BusinessCalendar>();
    public DbSet<SlaPolicy> SlaPolicies => Set<SlaPolicy>();
    public DbSet<SlaState> SlaStates => Set<SlaState>();
    public DbSet<MessageAttachment> MessageAttachments => Set<MessageAttachment>();
    public DbSet<EmailMessage> EmailMessages => Set<EmailMessage>();
    public DbSet<OutboxEmail> OutboxEmails => Set<OutboxEmail>();
    public DbSet<PortalSignIn> PortalSignIns => Set<PortalSignIn>();
    public DbSet<CannedResponse> CannedResponses => Set<CannedResponse>();
    public DbSet<Macro> Macros => Set<Macro>();
    public DbSet<ReportTicket> ReportTickets => Set<ReportTicket>();
    public DbSet<ReportCycle> ReportCycles => Set<ReportCycle>();
    public DbSet<ReportEscalation> ReportEscalations => Set<ReportEscalation>();
    public DbSet<ReportHour> ReportHours => Set<ReportHour>();
    public DbSet<ReportDay> ReportDays => Set<ReportDay>();
    public DbSet<TicketOpen> TicketOpens => Set<TicketOpen>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configuration)
    {
        // SQLite cannot ORDER BY or compare DateTimeOffset; store UTC ticks so ranges and sorts run in SQL.
        configuration.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToUtcTicksConverter>();
        configuration.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToUtcTicksConverter>();
        // Enums as text keep the database readable and stable when an enum gains a member in the middle.
        configuration.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
        // Except priority: stored as its rank (Low 0 ... Urgent 3) so "sort by priority" is an indexed ORDER BY.
        configuration.Properties<TicketPriority>().HaveConversion<int>();
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        BumpVersions();
        var customers = CustomerSearchIndex.Touched(this);
        var saved = base.SaveChanges(acceptAllChangesOnSuccess);
        if (customers.Count > 0)
        {
            CustomerSearchIndex.Refresh(this, customers.Select(c => c.Id).Distinct().ToList());
        }
        return saved;
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        BumpVersions();
        // The customer search index follows every saved change to customers and their addresses (see CustomerSearchIndex).
        var customers = CustomerSearchIndex.Touched(this);
        var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        if (customers.Count > 0)
        {
            await CustomerSearchIndex.RefreshAsync(this, customers.Select(c => c.Id).Distinct().ToList(), cancellationToken);
        }
        return saved;
    }

    private void BumpVersions()
    {
        foreach (var entry in ChangeTracker.Entries<IVersioned>())
        {
            if (entry.State == EntityState.Modified)
            {
                entry.Entity.Version = entry.Property(e => e.Version).OriginalValue + 1;
            }
        }
    }
}

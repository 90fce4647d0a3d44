using AgentWorkspace.Components;
using AgentWorkspace.Data;
using AgentWorkspace.Features.Account;
using AgentWorkspace.Features.Agents;
using AgentWorkspace.Features.Api;
using AgentWorkspace.Features.Automation;
using AgentWorkspace.Features.Canned;
using AgentWorkspace.Features.Chat;
using AgentWorkspace.Features.Customers;
using AgentWorkspace.Features.Dashboard;
using AgentWorkspace.Features.Email;
using AgentWorkspace.Features.Inbox;
using AgentWorkspace.Features.KnowledgeBase;
using AgentWorkspace.Features.Macros;
using AgentWorkspace.Features.Notifications;
using AgentWorkspace.Features.Portal;
using AgentWorkspace.Features.Presence;
using AgentWorkspace.Features.Reports;
using AgentWorkspace.Features.Routing;
using AgentWorkspace.Features.Scheduling;
using AgentWorkspace.Features.Sla;
using AgentWorkspace.Features.Suggestions;
using AgentWorkspace.Features.Surveys;
using AgentWorkspace.Features.Tickets;
using AgentWorkspace.Features.WebForm;
using AgentWorkspace.Realtime;
using AgentWorkspace.Realtime.Cluster;

var builder = WebApplication.CreateBuilder(args);
// Serve package and build-output assets (blazor.web.js, MudBlazor, the widget) from a build in any environment, not only
// Development; a published app has them in wwwroot and this does nothing.
builder.WebHost.UseStaticWebAssets();

builder.Services.AddSingleton(TimeProvider.System);
builder.AddWorkspaceData();
builder.Services.AddWorkspaceUi();
builder.Services.AddCluster(builder.Configuration);
builder.Services.AddSingleton<WorkspaceNotifier>();
builder.Services.AddAccount();
builder.Services.AddAgents();
builder.Services.AddPresence();
builder.Services.AddNotifications();
builder.Services.AddTickets();
builder.Services.AddCustomers();
builder.Services.AddInbox();
builder.Services.AddKnowledgeBase();
builder.Services.AddApi();
builder.Services.AddChat(builder.Configuration);
builder.Services.AddEmail(builder.Configuration);
builder.Services.AddPortal(builder.Configuration);
builder.Services.AddSuggestions();
builder.Services.AddWebForm(builder.Configuration);
builder.Services.AddScheduling(builder.Configuration);
builder.Services.AddSla(builder.Configuration);
builder.Services.AddAutomation(builder.Configuration);
builder.Services.AddCanned();
builder.Services.AddMacros();
builder.Services.AddReports();
builder.Services.AddSurveys(builder.Configuration);
builder.Services.AddDashboard();
builder.Services.AddRouting(builder.Configuration);
builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");

var app = builder.Build();

app.UseForwardedHeaders();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error", createScopeForErrors: true);
    app.UseHsts();
}
app.UseSecurityHeaders();
app.UseRequestLocalization();
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseCors();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();
app.UseRateLimiter();

app.MapStaticAssets().AllowAnonymous();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
app.MapAccountEndpoints();
app.MapChat();
app.MapAttachments();
app.MapApi();
app.MapHelpCentre();
app.MapWebForm();
app.MapPortal();
app.MapHealthChecks("/healthz").AllowAnonymous();

if (await app.Services.RunDatabaseCommandAsync(args) is { } databaseExitCode)
{
    return databaseExitCode;
}
await app.Services.InitializeWorkspaceDataAsync();
if (await app.Services.RunReportsCommandAsync(args) is { } exitCode)
{
    return exitCode;
}
app.Run();
return 0;

/// <summary>Entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;

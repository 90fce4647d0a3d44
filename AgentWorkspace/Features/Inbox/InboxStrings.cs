namespace AgentWorkspace.Features.Inbox;

/// <summary>The inbox's words (views, list, filters, bulk actions): InboxStrings.resx and .es.resx.</summary>
public sealed class InboxStrings;

namespace AgentWorkspace.Features.Suggestions;

/// <summary>The words of the knowledge base beside a ticket (composer suggestions, the KB side panel): SuggestionStrings.resx and .es.resx.</summary>
public sealed class SuggestionStrings;

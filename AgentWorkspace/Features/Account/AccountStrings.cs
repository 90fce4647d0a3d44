namespace AgentWorkspace.Features.Account;

/// <summary>Sign-in, access denied, not found and error pages, and Identity's messages: AccountStrings.resx and .es.resx.</summary>
public sealed class AccountStrings;

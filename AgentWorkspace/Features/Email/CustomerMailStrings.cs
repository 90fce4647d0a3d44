namespace AgentWorkspace.Features.Email;

/// <summary>The words of e-mails to customers (CustomerMailStrings.resx, .es.resx), in the customer's language.</summary>
public sealed class CustomerMailStrings;

namespace AgentWorkspace.Features.Customers;

/// <summary>Marker for the customer pages' and the new-ticket screen's strings (CustomersStrings.resx / .es.resx).</summary>
public sealed class CustomersStrings;

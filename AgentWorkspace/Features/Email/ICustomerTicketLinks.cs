namespace AgentWorkspace.Features.Email;

/// <summary>
/// Where a customer can follow one ticket online (the help-centre portal registers it). Every notification e-mail
/// carries such a link: it opens that ticket only, for a limited time. Null when no public address is configured.
/// </summary>
public interface ICustomerTicketLinks
{
    Uri? For(int ticketId, int ticketNumber, int customerId);
}

/// <summary>
/// Where a customer answers their ticket's open satisfaction survey (the surveys feature registers it): the survey
/// e-mail carries this link instead of the portal's. Null when the survey was answered, expired or there is none.
/// </summary>
public interface ICustomerSurveyLinks
{
    Task<Uri?> OpenSurveyAsync(int ticketId);
}

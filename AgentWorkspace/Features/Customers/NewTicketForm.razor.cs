using AgentWorkspace.Features.Tickets;
using Microsoft.AspNetCore.Components;

namespace AgentWorkspace.Features.Customers;

/// <summary>
/// The new-ticket form for calls and walk-ins: an existing customer found as the agent types, or a new one typed in
/// place; then the ticket. Every field is checked before anything is saved and errors are shown beside their fields;
/// a customer created before a refused ticket stays chosen, so a retry never creates them twice.
/// </summary>
public sealed partial class NewTicketForm
{
    private bool newCustomer;
    private CustomerOption? customer;
    private string? customerName, customerEmail, customerPhone;
    private TicketChannel channel = TicketChannel.Phone;
    private string? subject, body;
    private TicketPriority priority = TicketPriority.Normal;
    private int? teamId;
    private FirstMessageKind firstMessage = FirstMessageKind.AgentSummary;
    private bool assignToMe = true;
    private string? customerError, nameError, emailError, phoneError, subjectError, bodyError, error;
    private bool busy;

    /// <summary>Stable for this form: a double submit or a retry after a lost answer opens one ticket.</summary>
    private string clientId = Guid.NewGuid().ToString("N");

    [Parameter, EditorRequired] public AgentScope Scope { get; set; } = null!;
    [Parameter] public IReadOnlyList<(int Id, string Name)> Teams { get; set; } = [];

    /// <summary>A customer to start with (the profile's "New ticket" link).</summary>
    [Parameter] public CustomerOption? InitialCustomer { get; set; }

    /// <summary>Called with the new ticket's number once it is stored.</summary>
    [Parameter] public EventCallback<int> Created { get; set; }

    protected override void OnInitialized() => customer = InitialCustomer;

    private void SetNewCustomer(bool value)
    {
        newCustomer = value;
        customerError = nameError = emailError = phoneError = null;
    }

    private async Task<IEnumerable<CustomerOption>> SearchAsync(string? text, CancellationToken cancellationToken) => await Queries.LookupAsync(text);

    private bool Validate()
    {
        customerError = nameError = emailError = phoneError = subjectError = bodyError = error = null;
        if (!newCustomer && customer is null)
        {
            customerError = L["ChooseCustomer"];
        }
        if (newCustomer)
        {
            var name = Components.Text.TextInput.Line(customerName, "The name", CustomerService.MaxNameLength);
            if (!name.IsValid)
            {
                nameError = string.IsNullOrWhiteSpace(customerName) ? L["NameRequired"] : name.Error;
            }
            var email = CustomerEmail.Clean(customerEmail, required: false);
            if (!email.IsValid)
            {
                emailError = L["EmailInvalid"];
            }
            var phone = CustomerPhone.Clean(customerPhone, required: false);
            if (!phone.IsValid)
            {
                phoneError = L["PhoneInvalid"];
            }
            if (email.IsValid && phone.IsValid && email.Value is null && phone.Value is null)
            {
                emailError = L["EmailOrPhoneRequired"];
            }
        }
        if (string.IsNullOrWhiteSpace(subject))
        {
            subjectError = L["SubjectRequired"];
        }
        else if (Components.Text.TextInput.Line(subject, "The subject", MessageLimits.MaxSubjectLength) is { IsValid: false } s)
        {
            subjectError = s.Error;
        }
        if (string.IsNullOrWhiteSpace(body))
        {
            bodyError = firstMessage == FirstMessageKind.AgentSummary ? L["SummaryRequired"] : L["WordsRequired"];
        }
        else if (MessageLimits.Clean(body) is { IsValid: false } b)
        {
            bodyError = b.Error;
        }
        return customerError is null && nameError is null && emailError is null && phoneError is null && subjectError is null && bodyError is null;
    }

    private async Task SubmitAsync()
    {
        if (busy || !Validate())
        {
            return;
        }
        busy = true;
        try
        {
            if (newCustomer)
            {
                var created = await CustomerService.CreateAsync(Scope, new NewCustomer(customerName, customerEmail, customerPhone));
                if (!created.Succeeded)
                {
                    error = created.Error;
                    return;
                }
                customer = await Queries.OptionAsync(created.CustomerId!.Value);
                newCustomer = false;
            }
            var result = await Tickets.CreateByAgentAsync(Scope, new AgentNewTicket(
                customer!.Id, channel, subject, body, firstMessage, priority, teamId, assignToMe, clientId));
            if (!result.Succeeded)
            {
                error = result.Error;
                return;
            }
            clientId = Guid.NewGuid().ToString("N");
            await Created.InvokeAsync(result.TicketNumber!.Value);
        }
        finally
        {
            busy = false;
        }
    }
}

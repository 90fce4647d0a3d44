using AgentWorkspace.Features.Tickets;
using Microsoft.AspNetCore.Components;

namespace AgentWorkspace.Features.Customers;

/// <summary>
/// Choose another customer, see what a merge would move and which values win, confirm. The survivor is the customer
/// whose profile this is unless the agent swaps; when either record is verified by the site, the verified one survives
/// and no swap is offered, and a verified customer taking over an unverified visitor's tickets needs a ticked box.
/// </summary>
public sealed partial class CustomerMergePanel
{
    private CustomerOption? other;
    private MergePreview? preview;
    private bool swapped;
    private bool takeoverConfirmed;
    private bool busy;
    private string? error;

    [Parameter, EditorRequired] public AgentScope Scope { get; set; } = null!;

    /// <summary>The customer whose profile shows this panel.</summary>
    [Parameter, EditorRequired] public int CustomerId { get; set; }

    /// <summary>Called with the survivor's id after a merge.</summary>
    [Parameter] public EventCallback<int> Merged { get; set; }

    private async Task<IEnumerable<CustomerOption>> SearchAsync(string? text, CancellationToken cancellationToken) =>
        (await Queries.LookupAsync(text, 11)).Where(c => c.Id != CustomerId).Take(10);

    private async Task ChooseAsync(CustomerOption? value)
    {
        other = value;
        swapped = false;
        await PreviewAsync();
    }

    private async Task SwapAsync()
    {
        swapped = !swapped;
        await PreviewAsync();
    }

    private async Task PreviewAsync()
    {
        error = null;
        takeoverConfirmed = false;
        if (other is null)
        {
            preview = null;
            return;
        }
        var (survivor, merged) = swapped ? (other.Id, CustomerId) : (CustomerId, other.Id);
        preview = await Customers.PreviewMergeAsync(Scope, survivor, merged);
        // The verified record survives: when this profile is the unverified one, the preview turns round by itself.
        if (!preview.CanMerge && !swapped && preview.Merged?.IsVerified == true && preview.Survivor?.IsVerified == false)
        {
            swapped = true;
            preview = await Customers.PreviewMergeAsync(Scope, other.Id, CustomerId);
        }
    }

    private async Task MergeAsync()
    {
        if (preview is not { CanMerge: true, Survivor: { } survivor, Merged: { } merged } || busy)
        {
            return;
        }
        busy = true;
        try
        {
            var result = await Customers.MergeAsync(Scope, survivor.Id, merged.Id, takeoverConfirmed);
            if (!result.Succeeded)
            {
                error = result.Error;
                return;
            }
            other = null;
            preview = null;
            await Merged.InvokeAsync(survivor.Id);
        }
        finally
        {
            busy = false;
        }
    }

    private Task CancelAsync()
    {
        other = null;
        preview = null;
        error = null;
        return Task.CompletedTask;
    }

    private string FieldName(string field) => field switch
    {
        "Name" => L["Name"],
        "E-mail" => L["Email"],
        "Phone" => L["Phone"],
        "Company" => L["Company"],
        "Language" => L["Language"],
        "VIP" => L["Vip"],
        _ => field,
    };

    private string Shown(string? value) => value switch
    {
        null or "" => "—",
        "Yes" => L["Yes"],
        "No" => L["No"],
        "en" => L["LanguageEn"],
        "es" => L["LanguageEs"],
        _ => value,
    };
}

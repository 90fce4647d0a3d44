using System.Globalization;
using AgentWorkspace.Features.Tickets;
using AgentWorkspace.Realtime;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace AgentWorkspace.Features.Customers;

/// <summary>
/// A customer's file: fields, every address and number, internal notes, one timeline of the tickets the agent may
/// see, and the record's history. Live: a change saved elsewhere shows here, and a merge of this record moves the page
/// to the survivor. Edits carry the version they started from, so a concurrent edit is a conflict, not a silent loss.
/// </summary>
public sealed partial class CustomerProfilePage
{
    private CustomerProfile? profile;
    private AgentScope scope = null!;
    private bool loaded, editing, busy;
    private string? error;
    private string? draftName, draftCompany, draftNotes;
    private string draftLanguage = "en";
    private bool draftVip;
    private long draftVersion;
    private IDisposable? following;

    [Inject] private CustomerQueries Queries { get; set; } = default!;
    [Inject] private CustomerService Customers { get; set; } = default!;
    [Inject] private AgentScopeResolver Scopes { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Parameter] public int Id { get; set; }

    protected override async Task OnInitializedAsync() => scope = await Scopes.ResolveAsync((await AuthenticationState).User);

    protected override async Task OnParametersSetAsync()
    {
        editing = false;
        error = null;
        Unfollow(following);
        following = Follow(Topic.Customer(Id), OnEventsAsync);
        await ReloadAsync();
    }

    private async Task ReloadAsync()
    {
        profile = await Queries.ProfileAsync(scope, Id);
        loaded = true;
        if (profile?.Customer.MergedIntoId is { } survivor)
        {
            // An old link to a merged record leads to the customer it became.
            Navigation.NavigateTo($"/customers/{survivor}", replace: true);
        }
    }

    private async Task<bool> OnEventsAsync(IReadOnlyList<WorkspaceEvent> batch)
    {
        if (batch.OfType<CustomerChanged>().FirstOrDefault(e => e.MergedIntoId is not null) is { MergedIntoId: { } survivor })
        {
            Snackbar.Add(L["MergedAway"], Severity.Info);
            Navigation.NavigateTo($"/customers/{survivor}");
            return false;
        }
        await ReloadAsync();
        return true;
    }

    private void StartEditing()
    {
        var c = profile!.Customer;
        (draftName, draftCompany, draftNotes, draftLanguage, draftVip, draftVersion) = (c.Name, c.Company, c.Notes, c.Language, c.IsVip, c.Version);
        error = null;
        editing = true;
    }

    private void CancelEditing()
    {
        editing = false;
        error = null;
    }

    private async Task SaveAsync()
    {
        var result = await RunAsync(() => Customers.UpdateAsync(scope, Id, draftVersion, new CustomerEdit(draftName, draftCompany, draftLanguage, draftVip, draftNotes)));
        if (result.Succeeded)
        {
            editing = false;
        }
        else if (result.Outcome == CommandOutcome.Conflict)
        {
            // Keep what the agent typed; the fields beside it now show the other change, and the next save is on top of it.
            error = L["EditConflict"];
            draftVersion = profile?.Customer.Version ?? draftVersion;
        }
    }

    private async Task<bool> AddContactAsync(ContactKind kind, string value)
    {
        var result = await RunAsync(() => Customers.AddContactAsync(scope, Id, kind, value));
        // Called by the list as a plain function (it needs the outcome), which does not render this page by itself.
        StateHasChanged();
        return result.Succeeded;
    }

    private Task RemoveContactAsync(ContactKind kind, string normalized) => RunAsync(() => Customers.RemoveContactAsync(scope, Id, kind, normalized));

    private Task MakePrimaryAsync(ContactKind kind, string normalized) => RunAsync(() => Customers.MakePrimaryAsync(scope, Id, kind, normalized));

    private async Task<CustomerResult> RunAsync(Func<Task<CustomerResult>> change)
    {
        busy = true;
        error = null;
        try
        {
            var result = await change();
            if (!result.Succeeded)
            {
                error = result.Error;
            }
            await ReloadAsync();
            return result;
        }
        finally
        {
            busy = false;
        }
    }

    private Task OnMergedAsync(int survivorId)
    {
        Snackbar.Add(L["MergeDone"], Severity.Success);
        if (survivorId != Id)
        {
            Navigation.NavigateTo($"/customers/{survivorId}");
            return Task.CompletedTask;
        }
        return ReloadAsync();
    }

    private static string Format(DateTimeOffset at) => at.ToLocalTime().ToString("g", CultureInfo.CurrentCulture);

    /// <summary>A history line in the agent's language; stored values stay as they were saved.</summary>
    private string HistoryText(CustomerHistoryEntry h) => h.Field switch
    {
        "Created" => L["HistoryCreated"],
        "Merged" => L["HistoryMerged", h.OldValue ?? "", h.NewValue ?? ""],
        "Merged into" => L["HistoryMergedInto", h.NewValue ?? ""],
        _ when h.OldValue is null => L["HistoryAdded", FieldName(h.Field), Shown(h.Field, h.NewValue)],
        _ when h.NewValue is null => L["HistoryRemoved", FieldName(h.Field), Shown(h.Field, h.OldValue)],
        _ => L["HistoryChanged", FieldName(h.Field), Shown(h.Field, h.OldValue), Shown(h.Field, h.NewValue)],
    };

    private string FieldName(string field) => field switch
    {
        "Name" => L["Name"],
        "Company" => L["Company"],
        "Language" => L["Language"],
        "VIP" => L["Vip"],
        "Notes" => L["Notes"],
        "E-mail" => L["Email"],
        "Phone" => L["Phone"],
        "Primary e-mail" => L["PrimaryEmail"],
        "Primary phone" => L["PrimaryPhone"],
        _ => field,
    };

    private string Shown(string field, string? value) => (field, value) switch
    {
        (_, null) => "—",
        ("VIP", "Yes") => L["Yes"],
        ("VIP", "No") => L["No"],
        ("Language", "en") => L["LanguageEn"],
        ("Language", "es") => L["LanguageEs"],
        _ => value,
    };
}

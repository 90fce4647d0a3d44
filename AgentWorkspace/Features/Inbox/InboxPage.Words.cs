using Microsoft.Extensions.Localization;

namespace AgentWorkspace.Features.Inbox;

/// <summary>The names the inbox computes in code: sorts, views and what a bulk change did, in the agent's language.</summary>
public sealed partial class InboxPage
{
    // The markup's localizer, under a name the resource parity test (AgentUiLanguageTests) checks in this file too.
    private IStringLocalizer<InboxStrings> Words => L;

    private string SortName(InboxSort sort) => sort switch
    {
        InboxSort.Priority => Words["SortPriority"],
        InboxSort.Created => Words["SortCreated"],
        InboxSort.LongestWaiting => Words["SortLongestWaiting"],
        InboxSort.DueSoonest => Words["SortDueSoonest"],
        _ => Words["SortLastActivity"],
    };

    private string ViewName(InboxView view) => view switch
    {
        InboxView.Mine => Words["ViewMine"],
        InboxView.Owned => Words["ViewOwned"],
        InboxView.Unassigned => Words["ViewUnassigned"],
        InboxView.WaitingOnCustomer => Words["ViewWaitingOnCustomer"],
        InboxView.OnHold => Words["ViewOnHold"],
        InboxView.ResolvedAndClosed => Words["ViewResolvedAndClosed"],
        InboxView.BreachingSoon => Words["ViewBreachingSoon"],
        _ => Words["ViewAllOpen"],
    };

    /// <summary>The agent's own name in the agent lists: "Ana García (me)".</summary>
    private string OwnName(string displayName) => Words["Me", displayName];

    private enum BulkVerb
    {
        Assigned,
        AssignedToYou,
        Updated,
        Tagged,
    }

    /// <summary>What a bulk change did: "3 tickets updated", then the tickets it left alone and why.</summary>
    private string Outcome(BulkVerb verb, int done, IReadOnlyList<string> failures) =>
        failures.Count == 0 ? Done(verb, done) : $"{Done(verb, done)}. {Words["NotChanged", string.Join(" ", failures)]}";

    private string Done(BulkVerb verb, int count) => (verb, count) switch
    {
        (BulkVerb.Assigned, 1) => Words["AssignedOne"],
        (BulkVerb.Assigned, _) => Words["AssignedMany", count],
        (BulkVerb.AssignedToYou, 1) => Words["AssignedToYouOne"],
        (BulkVerb.AssignedToYou, _) => Words["AssignedToYouMany", count],
        (BulkVerb.Tagged, 1) => Words["TaggedOne"],
        (BulkVerb.Tagged, _) => Words["TaggedMany", count],
        (_, 1) => Words["UpdatedOne"],
        _ => Words["UpdatedMany", count],
    };
}

using System.Globalization;
using AgentWorkspace.Components.Text;
using AgentWorkspace.Features.Tickets;
using Microsoft.AspNetCore.Components;

namespace AgentWorkspace.Features.Portal;

public partial class PortalTicketPage
{
    private PortalSession session = PortalSession.None;
    private PortalTicket? ticket;
    private string? linkProblem;
    private string? notice;
    private string? replyError;
    private Surveys.SurveyTarget? survey;
    private string clientId = Guid.NewGuid().ToString("N");

    [Parameter] public int Number { get; set; }

    /// <summary>The signed link from a notification e-mail (<see cref="TicketLinks"/>).</summary>
    [SupplyParameterFromQuery(Name = "k")] public string? Key { get; set; }

    /// <summary>What just happened here (after a post, redirected): reply, solved, or followup (with <see cref="From"/>).</summary>
    [SupplyParameterFromQuery] public string? Done { get; set; }
    [SupplyParameterFromQuery] public int? From { get; set; }

    [SupplyParameterFromForm(FormName = "portal-reply")] private ReplyInput? Reply { get; set; }
    [CascadingParameter] private HttpContext HttpContext { get; set; } = default!;

    private string Client => HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    protected override async Task OnInitializedAsync()
    {
        session = await PortalSession.ReadAsync(HttpContext);
        if (!string.IsNullOrEmpty(Key) && HttpMethods.IsGet(HttpContext.Request.Method))
        {
            await OpenLinkAsync();
            return;
        }
        ticket = await Queries.TicketAsync(session, Number);
        if (ticket is null)
        {
            NotFound();
            return;
        }
        survey = await Surveys.LatestForTicketAsync(ticket.TicketId);
        if (Reply?.ClientId is { Length: > 0 and <= 64 } posted)
        {
            clientId = posted;
        }
        notice = Done switch
        {
            "reply" => L["ReplyDone"].Value,
            "solved" => L["SolvedDone", Number].Value,
            "followup" when From is { } previous => L["FollowUpDone", previous].Value,
            _ => null,
        };
    }

    /// <summary>
    /// A link from an e-mail: a valid one for this very ticket adds the ticket to the session and reloads the page without
    /// the key (so it leaves the address bar and the history); anything else is refused with a way to a new link.
    /// </summary>
    private async Task OpenLinkAsync()
    {
        var check = Links.Check(Key);
        if (check.State == TicketLinkState.Valid && check.Grant is { } grant
            && await Queries.NumberAsync(grant.TicketId) is { } found && found.Number == Number && found.CustomerId == grant.CustomerId)
        {
            await session.WithTicket(grant).SaveAsync(HttpContext, Options.CurrentValue.SessionLifetime, Clock.GetUtcNow());
            Navigation.NavigateTo($"/help/tickets/{Number.ToString(CultureInfo.InvariantCulture)}");
            return;
        }
        HttpContext.Response.StatusCode = check.State == TicketLinkState.Expired ? StatusCodes.Status410Gone : StatusCodes.Status400BadRequest;
        linkProblem = check.State == TicketLinkState.Expired ? L["LinkExpired"] : L["LinkInvalid"];
    }

    /// <summary>The survey page's address with a fresh signed key (the session proves this customer may open the ticket).</summary>
    private string SurveyPath(Surveys.SurveyTarget open) =>
        SurveyLinks.Path(new Surveys.SurveyResponse { Id = open.Id, TicketId = open.TicketId, Language = open.Language, ExpiresAt = Clock.GetUtcNow().AddDays(1) }, open.TicketNumber);

    private async Task ReplyAsync()
    {
        var result = await Commands.ReplyAsync(session, Number, Reply?.Body, Reply?.ClientId, Client);
        switch (result.Outcome)
        {
            case PortalPostOutcome.Done:
                Navigation.NavigateTo($"/help/tickets/{Number.ToString(CultureInfo.InvariantCulture)}?done=reply#pt-reply-title");
                return;
            case PortalPostOutcome.FollowUp:
                if (!session.IsSignedIn || !session.CanOpen(result.Grant!.TicketId, result.Grant.CustomerId))
                {
                    await session.WithTicket(result.Grant!).SaveAsync(HttpContext, Options.CurrentValue.SessionLifetime, Clock.GetUtcNow());
                }
                Navigation.NavigateTo(string.Create(CultureInfo.InvariantCulture, $"/help/tickets/{result.Number}?done=followup&from={Number}"));
                return;
            case PortalPostOutcome.TooMany:
                HttpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                replyError = L["ErrorTooMany"];
                return;
            case PortalPostOutcome.NotFound:
                ticket = null;
                NotFound();
                return;
            default:
                HttpContext.Response.StatusCode = StatusCodes.Status400BadRequest;
                replyError = result.Problem switch
                {
                    TextProblem.Empty or TextProblem.NoVisibleCharacter => L["ErrorEmpty"],
                    TextProblem.TooLong => L["ErrorTooLong", result.Length.ToString("N0", CultureInfo.CurrentCulture), MessageLimits.MaxBodyLength.ToString("N0", CultureInfo.CurrentCulture)],
                    _ => L["ErrorText"],
                };
                return;
        }
    }

    private async Task SolvedAsync()
    {
        var result = await Commands.SolvedAsync(session, Number, Client);
        switch (result.Outcome)
        {
            case PortalPostOutcome.Done:
                Navigation.NavigateTo($"/help/tickets/{Number.ToString(CultureInfo.InvariantCulture)}?done=solved");
                return;
            case PortalPostOutcome.TooMany:
                HttpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                notice = L["ErrorTooMany"];
                return;
            case PortalPostOutcome.Closed:
                HttpContext.Response.StatusCode = StatusCodes.Status409Conflict;
                notice = L["ClosedFinal"];
                return;
            default:
                ticket = null;
                NotFound();
                return;
        }
    }

    /// <summary>
    /// 404: the status-code pages re-execute the not-found page, which shows <see cref="PortalTicketUnavailable"/> for
    /// ticket addresses (a component's own 404 body is never sent). The same answer for any number.
    /// </summary>
    private void NotFound() => HttpContext.Response.StatusCode = StatusCodes.Status404NotFound;

    public sealed class ReplyInput
    {
        public string? Body { get; set; }
        public string? ClientId { get; set; }
    }
}

using AgentWorkspace.Data;
using Microsoft.AspNetCore.SignalR;

namespace AgentWorkspace.Features.Chat;

/// <summary>
/// A call that failed only because the database was too busy (a lock waited past Database:LockTimeoutMs, a deadlock,
/// SQLite's busy timeout) gets a clear "try again" instead of SignalR's bare "An unexpected error occurred invoking
/// 'Start'". Nothing was stored (the transaction rolled back), and the widget keeps what the customer typed: the start
/// form stays filled in, and <see cref="Busy"/> asks to wait a few seconds, which the widget's outbox treats as "send
/// again later" (session.js isTransient), so a message is retried with the same client id and stored once.
/// </summary>
public sealed class WidgetBusyFilter(ILogger<WidgetBusyFilter> logger) : IHubFilter
{
    public const string Busy = "We are very busy right now. Please wait a few seconds and try again.";

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext context, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        try
        {
            return await next(context);
        }
        catch (Exception e) when (DatabaseErrors.IsTransient(e))
        {
            logger.LogWarning(e, "Widget call {Method} failed on a busy database; the widget was asked to try again", context.HubMethodName);
            throw new HubException(Busy);
        }
    }
}

namespace AgentWorkspace.Features.Chat;

/// <summary>The widget's pre-chat form (or offline form) with the opening message.</summary>
public sealed record ChatStart(
    string? Name, string? Email, string? Message, string? Language, string? ClientMessageId,
    string? Identity = null, string? PageUrl = null);

public enum ChatErrorKind
{
    Invalid,
    /// <summary>Unknown, malformed or someone else's token: the same answer for each, so tokens can't be probed.</summary>
    NotFound,
    Unauthorized,
}

public sealed record ChatError(ChatErrorKind Kind, string Message)
{
    public static readonly ChatError UnknownConversation = new(ChatErrorKind.NotFound, "This conversation does not exist or has expired. Start a new chat.");
}

/// <summary>Either a value or a clear error; nothing is stored when there is an error.</summary>
public sealed record ChatResult<T>(T? Value, ChatError? Error) where T : class
{
    public static implicit operator ChatResult<T>(T value) => new(value, null);
    public static implicit operator ChatResult<T>(ChatError error) => new(null, error);
}

/// <summary>A conversation as the hub caches it per connection after checking a token.</summary>
public sealed record ConversationRef(int Id, int CustomerId, int TicketId, byte[] TokenHash);

/// <summary>A stored customer message: the acknowledgement for the widget and the conversation as it now stands.</summary>
public sealed record SentMessage(CustomerAck Ack, ConversationRef Conversation);

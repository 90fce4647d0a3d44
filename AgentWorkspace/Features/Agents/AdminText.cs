using AgentWorkspace.Components.Text;
using Microsoft.Extensions.Localization;

namespace AgentWorkspace.Features.Agents;

/// <summary>Why the text policy refused a name an admin typed, in the admin's language.</summary>
public static class AdminText
{
    /// <param name="field">The field as the sentence's subject, e.g. "The team name" (already localized).</param>
    public static string Refusal(IStringLocalizer<AgentsStrings> L, CleanText text, string field, int maxLength) => text.Problem switch
    {
        TextProblem.Empty => L["TextEmpty", field],
        TextProblem.TooLong => L["TextTooLong", field, maxLength],
        TextProblem.ControlCharacter => L["TextControlCharacter", field],
        TextProblem.NoVisibleCharacter => L["TextNoVisibleCharacter", field],
        _ => L["TextMalformed", field],
    };
}

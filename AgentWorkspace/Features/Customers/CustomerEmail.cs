using System.Net.Mail;
using System.Text;
using AgentWorkspace.Components.Text;

namespace AgentWorkspace.Features.Customers;

/// <summary>
/// The one rule for customers' e-mail addresses. Blank is no address; an address is matched only on its normalized
/// form (<see cref="Normalize"/>, stored in <see cref="Customer.NormalizedEmail"/>), never on an empty one.
/// </summary>
public static class CustomerEmail
{
    public const int MaxLength = 254;

    /// <summary>
    /// What addresses are compared on: trimmed, NFC, ASCII letters in lower case; null for blank. Only ASCII is folded,
    /// exactly like SQLite's lower() that filled the column for existing rows, so old and new rows compare alike; two
    /// addresses differing in a non-ASCII letter's case stay two customers, the safe side of a doubt.
    /// </summary>
    public static string? Normalize(string? email)
    {
        var trimmed = email?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }
        string composed;
        try
        {
            composed = trimmed.Normalize(NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            composed = trimmed;
        }
        return string.Create(composed.Length, composed, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = source[i] is >= 'A' and <= 'Z' ? (char)(source[i] + ('a' - 'A')) : source[i];
            }
        });
    }

    /// <summary>A typed address as it may be stored: null when blank (and not <paramref name="required"/>), or why it is not an address.</summary>
    public static CleanText Clean(string? raw, bool required)
    {
        var text = TextInput.Line(raw, "The e-mail address", MaxLength, required);
        if (!text.IsValid || text.Value is null)
        {
            return text;
        }
        var address = text.Value;
        return !address.Contains(' ') && MailAddress.TryCreate(address, out var parsed) && parsed.Address == address && TextInput.HasVisibleCharacter(address)
            ? text
            : new CleanText(null, TextProblem.Malformed, "The e-mail address is not valid.");
    }
}

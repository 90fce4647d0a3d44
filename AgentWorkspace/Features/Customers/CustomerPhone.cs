using AgentWorkspace.Components.Text;

namespace AgentWorkspace.Features.Customers;

/// <summary>The one rule for phone numbers: typed freely (spaces, dashes, brackets), compared on their digits.</summary>
public static class CustomerPhone
{
    public const int MaxLength = 40;

    /// <summary>Digits only, with the leading "+" of an international number kept; null when there are no digits.</summary>
    public static string? Normalize(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone))
        {
            return null;
        }
        var digits = new string(phone.Where(char.IsAsciiDigit).ToArray());
        return digits.Length == 0 ? null : phone.TrimStart().StartsWith('+') ? "+" + digits : digits;
    }

    /// <summary>A typed number as it may be stored: null when blank (and not <paramref name="required"/>), or why it is not a number.</summary>
    public static CleanText Clean(string? raw, bool required)
    {
        var text = TextInput.Line(raw, "The phone number", MaxLength, required);
        if (!text.IsValid || text.Value is null)
        {
            return text;
        }
        var value = text.Value;
        var digits = value.Count(char.IsAsciiDigit);
        var allowed = value.All(c => char.IsAsciiDigit(c) || c is ' ' or '+' or '-' or '(' or ')' or '.' or '/')
            && value.LastIndexOf('+') <= 0;
        return allowed && digits is >= 3 and <= 20
            ? text
            : new CleanText(null, TextProblem.Malformed, "The phone number is not valid: use digits, spaces, dashes, brackets and a leading +.");
    }
}

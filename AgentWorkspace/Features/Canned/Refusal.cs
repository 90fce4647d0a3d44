using System.Globalization;
using AgentWorkspace.Components.Text;

namespace AgentWorkspace.Features.Canned;

/// <summary>
/// Why a canned response or macro was refused: a key of <see cref="CannedStrings"/> and its arguments, so each page says
/// it in the agent's language; <see cref="Message"/> is the English sentence (logs, tests, a rules engine).
/// </summary>
public sealed record Refusal(string Key, params object[] Args)
{
    public string Message => Format(CultureInfo.InvariantCulture);

    public string Format(CultureInfo? culture = null) =>
        string.Format(culture ?? CultureInfo.CurrentCulture, ResourceText<CannedStrings>.Get(Key, culture), Args);

    /// <summary>The shared text policy's refusal of <paramref name="field"/> (a <see cref="CannedStrings"/> key naming the field).</summary>
    public static Refusal Text(CleanText text, string field, int maxLength) => text.Problem switch
    {
        TextProblem.Empty => new("TextEmpty", new FieldName(field)),
        TextProblem.TooLong => new("TextTooLong", new FieldName(field), maxLength),
        TextProblem.ControlCharacter => new("TextControlCharacter", new FieldName(field)),
        TextProblem.NoVisibleCharacter => new("TextNoVisibleCharacter", new FieldName(field)),
        _ => new("TextMalformed", new FieldName(field)),
    };
}

/// <summary>A field's name as an argument of a refusal: told in the language the refusal is formatted in.</summary>
public sealed record FieldName(string Key) : IFormattable
{
    public string ToString(string? format, IFormatProvider? formatProvider) =>
        ResourceText<CannedStrings>.Get(Key, formatProvider as CultureInfo);

    public override string ToString() => ResourceText<CannedStrings>.Get(Key);
}

public sealed record SaveResult(int? Id, Refusal? Problem)
{
    public bool Succeeded => Problem is null;

    public static SaveResult Ok(int id) => new(id, null);
    public static SaveResult Refused(string key, params object[] args) => new(null, new Refusal(key, args));
    public static SaveResult Refused(Refusal refusal) => new(null, refusal);
}

using System.Buffers;
using System.Globalization;
using System.Text;

namespace AgentWorkspace.Components.Text;

public enum TextProblem
{
    None,
    Empty,
    TooLong,
    ControlCharacter,
    NoVisibleCharacter,
    Malformed,
}

/// <summary>
/// Text as it may be stored, or why it may not. <see cref="Value"/> is null when nothing was given (or on a problem).
/// </summary>
public readonly record struct CleanText(string? Value, TextProblem Problem, string? Error)
{
    public bool IsValid => Problem == TextProblem.None;
}

/// <summary>
/// The one policy for text people type: names, subjects, titles, tags and categories (<see cref="Line"/>) and message
/// or article bodies (<see cref="Lines"/>). Every service that stores such text runs it through here first, so the
/// widget, the REST API, the admin pages and the knowledge base accept and refuse the same things.
/// <list type="bullet">
/// <item>Unicode is normalized to NFC: "e" + U+0301 is stored as "é", so equal names compare equal.</item>
/// <item>A one-line value refuses control characters (U+0000 "a\0b" and U+0007 "a\ab" are mistakes or attacks, not
/// names) and text-direction overrides (U+202A–U+202E, U+2066–U+2069: they make a name display as something it is
/// not); tabs and line breaks become spaces and runs of spaces become one.</item>
/// <item>A body keeps line breaks and tabs (CR LF becomes LF) and silently loses other control characters.</item>
/// <item>Input made only of what renders as nothing (zero-width characters, BOM, direction marks, fillers, combining
/// marks with nothing to combine with) is refused: a customer called "\u200B\u200B" shows as a blank.</item>
/// <item>A BOM (U+FEFF) is dropped anywhere; a one-line value also loses invisible characters at either end.</item>
/// </list>
/// </summary>
public static class TextInput
{
    /// <summary>A one-line value. <paramref name="field"/> starts the error message ("Your name", "The subject").</summary>
    public static CleanText Line(string? raw, string field, int maxLength, bool required = true) =>
        Clean(raw, field, maxLength, required, multiLine: false);

    /// <summary>A multi-line value such as a message body; leading and trailing spaces are kept (Markdown can need them).</summary>
    public static CleanText Lines(string? raw, string field, int maxLength, bool required = true) =>
        Clean(raw, field, maxLength, required, multiLine: true);

    /// <summary>Whether the text has anything that shows: a letter, digit, punctuation or symbol.</summary>
    public static bool HasVisibleCharacter(string text)
    {
        foreach (var rune in text.EnumerateRunes())
        {
            if (IsVisible(rune))
            {
                return true;
            }
        }
        return false;
    }

    private static CleanText Clean(string? raw, string field, int maxLength, bool required, bool multiLine)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return required ? new(null, TextProblem.Empty, $"{field} is required.") : new(null, TextProblem.None, null);
        }
        string normalized;
        try
        {
            normalized = raw.Normalize(NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            // Lone surrogates: not text in any encoding we store.
            return Malformed(field);
        }
        var text = new StringBuilder(normalized.Length);
        var pendingSpace = false;
        for (var i = 0; i < normalized.Length; i += char.IsSurrogatePair(normalized, i) ? 2 : 1)
        {
            var rune = Rune.GetRuneAt(normalized, i);
            var value = rune.Value;
            if (IsNoncharacter(value))
            {
                return Malformed(field);
            }
            if (value == 0xFEFF)
            {
                continue;
            }
            if (multiLine)
            {
                if (value == '\r')
                {
                    text.Append('\n');
                    if (i + 1 < normalized.Length && normalized[i + 1] == '\n')
                    {
                        i++;
                    }
                }
                else if (value is '\n' or '\t' || Rune.GetUnicodeCategory(rune) != UnicodeCategory.Control)
                {
                    text.Append(normalized, i, rune.Utf16SequenceLength);
                }
                continue;
            }
            if (Rune.IsWhiteSpace(rune))
            {
                pendingSpace = text.Length > 0;
                continue;
            }
            if (Rune.GetUnicodeCategory(rune) == UnicodeCategory.Control || IsDirectionOverride(value))
            {
                return new(null, TextProblem.ControlCharacter,
                    $"{field} contains an invisible control character (U+{value:X4}); remove it and try again.");
            }
            if (pendingSpace)
            {
                text.Append(' ');
                pendingSpace = false;
            }
            text.Append(normalized, i, rune.Utf16SequenceLength);
        }
        var cleaned = multiLine ? text.ToString() : TrimInvisible(text.ToString());
        if (!HasVisibleCharacter(cleaned))
        {
            return new(null, TextProblem.NoVisibleCharacter, $"{field} has no visible characters.");
        }
        if (cleaned.Length > maxLength)
        {
            return new(null, TextProblem.TooLong, $"{field} has at most {maxLength:N0} characters (this one has {cleaned.Length:N0}).");
        }
        return new(cleaned, TextProblem.None, null);
    }

    private static CleanText Malformed(string field) =>
        new(null, TextProblem.Malformed, $"{field} contains characters that are not valid text.");

    /// <summary>Letters, digits, punctuation, symbols (and private-use or unassigned code points, which draw a box) show.</summary>
    private static bool IsVisible(Rune rune) =>
        !IsBlankLetter(rune.Value) && Rune.GetUnicodeCategory(rune) switch
        {
            UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator => false,
            UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate => false,
            // Combining marks only show on a base character; alone they are the "combining-only" blank.
            UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark => false,
            _ => true,
        };

    /// <summary>Characters classed as letters or symbols that every font draws as empty space (the usual "invisible name" tricks).</summary>
    private static bool IsBlankLetter(int value) =>
        value is 0x115F or 0x1160 or 0x3164 or 0xFFA0 or 0x2800;

    private static bool IsDirectionOverride(int value) => value is >= 0x202A and <= 0x202E or >= 0x2066 and <= 0x2069;

    private static bool IsNoncharacter(int value) => value is >= 0xFDD0 and <= 0xFDEF || (value & 0xFFFE) == 0xFFFE;

    /// <summary>Zero-width and format characters at either end of a one-line value carry nothing and hide in comparisons.</summary>
    private static string TrimInvisible(string text)
    {
        var start = 0;
        while (Rune.DecodeFromUtf16(text.AsSpan(start), out var first, out var length) == OperationStatus.Done && IsEdgeInvisible(first))
        {
            start += length;
        }
        var end = text.Length;
        while (end > start && Rune.DecodeLastFromUtf16(text.AsSpan(start, end - start), out var last, out var length) == OperationStatus.Done
               && IsEdgeInvisible(last))
        {
            end -= length;
        }
        return text[start..end];
    }

    private static bool IsEdgeInvisible(Rune rune) =>
        Rune.IsWhiteSpace(rune) || IsBlankLetter(rune.Value) || Rune.GetUnicodeCategory(rune) == UnicodeCategory.Format;
}

namespace AgentWorkspace.Tests.Infrastructure;

/// <summary>
/// Names, subjects and tags that must not be stored as typed: invisible-only, control characters, direction overrides,
/// and decomposed Unicode that is stored composed. Shared by every entry point's test (widget, API, admin, KB, tickets).
/// </summary>
public static class BadText
{
    /// <summary>Each of these is refused wherever a name, subject or tag is required: it shows as nothing, or hides a control.</summary>
    public static readonly IReadOnlyList<(string Label, string Text)> Refused =
    [
        ("zero-width spaces", "\u200B\u200B\u200B"),
        ("byte-order mark", "\uFEFF"),
        ("NUL inside", "a\u0000b"),
        ("BEL inside", "a\u0007b"),
        ("escape sequence", "Bob\u001B[31m"),
        ("C1 control", "a\u0085\u009Bb"),
        ("right-to-left override only", "\u202E"),
        ("right-to-left override inside", "invoice\u202Efdp.exe"),
        ("whitespace only", " \t\u00A0\u3000 "),
        ("line breaks only", "\r\n\n"),
        ("combining marks only", "\u0301\u0301\u0308"),
        ("direction marks only", "\u200E\u200F\u061C"),
        ("Hangul filler", "\u3164"),
        ("braille blank", "\u2800\u2800"),
        ("joiners and word joiner", "\u200D\u200C\u2060"),
        ("invisible tag characters", "\U000E0041\U000E0042"),
    ];

    public static IEnumerable<object[]> RefusedCases() => Refused.Select(r => new object[] { r.Label });

    public static string RefusedText(string label) => Refused.Single(r => r.Label == label).Text;

    /// <summary>Accepted, and stored as the second value: composed (NFC), trimmed of invisible edges, spaces collapsed.</summary>
    public static readonly IReadOnlyList<(string Typed, string Stored)> Cleaned =
    [
        ("Jose\u0301 Garci\u0301a", "José García"),
        ("\u200B\uFEFFZoe\u0308\u200B", "Zoë"),
        ("  Ana \t María \n ", "Ana María"),
        ("Ren\uFEFFe\u0301e", "Renée"),
    ];
}

using System.Text.RegularExpressions;

namespace AgentWorkspace.Features.Email;

/// <summary>Where an e-mail's own words end and the history it quotes begins, in the ways mail clients write it.</summary>
public static partial class MailText
{
    /// <summary>
    /// Cuts the text at the first reply header ("On ... wrote:", "El ... escribió:", "-----Original Message-----",
    /// Outlook's "From: / Sent:" block) or where a final run of "&gt;" lines starts.
    /// </summary>
    internal static (string Text, string? Quoted) SplitQuoted(string text)
    {
        var lines = text.Split('\n');
        var cut = -1;
        for (var i = 0; i < lines.Length && cut < 0; i++)
        {
            var line = lines[i].Trim();
            var joined = i + 1 < lines.Length ? line + " " + lines[i + 1].Trim() : line;
            if (WroteLine().IsMatch(line) || (WroteStart().IsMatch(line) && WroteLine().IsMatch(joined)) || OriginalMessage().IsMatch(line))
            {
                cut = i;
            }
            else if (HeaderFrom().IsMatch(line) && lines.Skip(i + 1).Take(4).Any(l => HeaderSent().IsMatch(l.Trim())))
            {
                cut = i;
            }
        }
        if (cut < 0)
        {
            // A trailing block of quoted lines (interleaved answers above it stay in the text).
            var end = lines.Length;
            while (end > 0 && lines[end - 1].Trim().Length == 0)
            {
                end--;
            }
            var start = end;
            while (start > 0 && (lines[start - 1].TrimStart().StartsWith('>') || (lines[start - 1].Trim().Length == 0 && start - 1 > 0 && lines[start - 2].TrimStart().StartsWith('>'))))
            {
                start--;
            }
            if (start < end && lines.Take(start).Any(l => l.Trim().Length > 0))
            {
                cut = start;
            }
        }
        if (cut <= 0)
        {
            return (text, null);
        }
        var main = string.Join('\n', lines.Take(cut)).TrimEnd();
        var quoted = string.Join('\n', lines.Skip(cut)).Trim();
        return (main, quoted.Length == 0 ? null : quoted);
    }

    [GeneratedRegex(@"^(On|Le|Am|El|Em|Il)\s.{4,300}\s(wrote|a écrit|schrieb|escribió|escreveu|ha scritto)\s?:$", RegexOptions.IgnoreCase)]
    private static partial Regex WroteLine();

    [GeneratedRegex(@"^(On|El)\s.{4,300}$", RegexOptions.IgnoreCase)]
    private static partial Regex WroteStart();

    [GeneratedRegex(@"^-{2,}\s*(Original Message|Mensaje original|Forwarded message|Mensaje reenviado)\s*-{2,}$", RegexOptions.IgnoreCase)]
    private static partial Regex OriginalMessage();

    [GeneratedRegex(@"^\**(From|De):\**\s.+", RegexOptions.IgnoreCase)]
    private static partial Regex HeaderFrom();

    [GeneratedRegex(@"^\**(Sent|Enviado|Date|Fecha|To|Para):\**\s.+", RegexOptions.IgnoreCase)]
    private static partial Regex HeaderSent();
}

using System.Text;

namespace AgentWorkspace.Features.Email;

/// <summary>
/// What an attached file is served as. A type is kept only when the file's first bytes say the same (a "PDF" that is
/// really HTML is not served as a PDF); everything else, HTML, SVG and scripts included, is application/octet-stream,
/// which a browser only ever downloads.
/// </summary>
public static class AttachmentPolicy
{
    public const string Binary = "application/octet-stream";

    public static string CheckedType(string? declared, string fileName, ReadOnlySpan<byte> content)
    {
        var sniffed = Sniff(content);
        if (sniffed is null)
        {
            return LooksLikeText(content) && (declared is "text/plain" or "text/csv" || Extension(fileName) is ".txt" or ".csv" or ".log")
                ? "text/plain"
                : Binary;
        }
        // Office documents are zip files: the declared type is believed when the bytes are a zip.
        if (sniffed == "application/zip" && declared is not null && (declared.StartsWith("application/vnd.openxmlformats", StringComparison.Ordinal)
            || declared.StartsWith("application/vnd.oasis.opendocument", StringComparison.Ordinal)))
        {
            return declared;
        }
        return sniffed;
    }

    /// <summary>A bare file name: no folders, no control characters or quotes, at most 200 characters.</summary>
    public static string SafeFileName(string? name, string fallback)
    {
        var bare = Path.GetFileName((name ?? "").Replace('\\', '/'));
        var cleaned = new string(bare.Where(c => !char.IsControl(c) && c is not ('"' or '/' or '\\' or ':' or '*' or '?' or '<' or '>' or '|')).ToArray()).Trim().Trim('.');
        if (cleaned.Length == 0)
        {
            return fallback;
        }
        if (cleaned.Length > 200)
        {
            var extension = Path.GetExtension(cleaned);
            cleaned = cleaned[..(200 - Math.Min(extension.Length, 20))] + extension[..Math.Min(extension.Length, 20)];
        }
        return cleaned;
    }

    private static string? Sniff(ReadOnlySpan<byte> b) => b switch
    {
        [0x89, (byte)'P', (byte)'N', (byte)'G', ..] => "image/png",
        [0xFF, 0xD8, 0xFF, ..] => "image/jpeg",
        [(byte)'G', (byte)'I', (byte)'F', (byte)'8', ..] => "image/gif",
        [(byte)'R', (byte)'I', (byte)'F', (byte)'F', _, _, _, _, (byte)'W', (byte)'E', (byte)'B', (byte)'P', ..] => "image/webp",
        [(byte)'%', (byte)'P', (byte)'D', (byte)'F', (byte)'-', ..] => "application/pdf",
        [(byte)'P', (byte)'K', 0x03, 0x04, ..] => "application/zip",
        _ => null,
    };

    /// <summary>Valid UTF-8 (or ASCII) without NUL bytes and without anything a browser could take for markup at the start.</summary>
    private static bool LooksLikeText(ReadOnlySpan<byte> content)
    {
        if (content.IndexOf((byte)0) >= 0)
        {
            return false;
        }
        try
        {
            new UTF8Encoding(false, true).GetCharCount(content);
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
        return true;
    }

    private static string Extension(string fileName) => Path.GetExtension(fileName).ToLowerInvariant();
}

using Markdig;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace AgentWorkspace.Components.Markdown;

/// <summary>
/// The one Markdown renderer for everything people type (messages, notes, KB articles). Raw HTML is
/// disabled (it renders as text), and links keep only http, https and mailto targets or site-relative
/// paths; anything else (javascript:, data:, vbscript:...) loses its target. Images never render as
/// images: a browser fetches an image as soon as it is shown, so a remote one is a tracking pixel that
/// tells its author who read the text and when. Each becomes a link to it (its alt text, or its address),
/// opened only if the reader clicks.
/// </summary>
public static class MarkdownRenderer
{
    /// <summary>The class of a link that stands for an image, so styles can mark it as one.</summary>
    public const string ImageLinkClass = "aw-image-link";

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseEmphasisExtras()
        .UsePipeTables()
        .UseTaskLists()
        .UseAutoLinks()
        .UseSoftlineBreakAsHardlineBreak()
        .Build();

    public static string ToHtml(string? markdown)
    {
        if (string.IsNullOrEmpty(markdown))
        {
            return "";
        }
        var document = Markdig.Markdown.Parse(markdown, Pipeline);
        // Listed first: turning images into links and unwrapping them changes the tree being walked.
        foreach (var image in document.Descendants<LinkInline>().Where(l => l.IsImage).ToList())
        {
            ImageToLink(image);
        }
        foreach (var link in document.Descendants<LinkInline>())
        {
            if (!IsSafeUrl(link.Url))
            {
                link.Url = "";
            }
            var attributes = link.GetAttributes();
            attributes.AddPropertyIfNotExist("rel", "nofollow noopener noreferrer");
            attributes.AddPropertyIfNotExist("target", "_blank");
        }
        foreach (var autolink in document.Descendants<AutolinkInline>())
        {
            if (!autolink.IsEmail && !IsSafeUrl(autolink.Url))
            {
                autolink.Url = "";
            }
        }
        return Markdig.Markdown.ToHtml(document, Pipeline);
    }

    /// <summary>
    /// An image becomes a link showing its alt text (or its address when it has none). Inside another link, or
    /// when its target is refused, it is only its alt text: a link cannot hold a link, and a dead link helps nobody.
    /// </summary>
    private static void ImageToLink(LinkInline image)
    {
        var safe = IsSafeUrl(image.Url);
        if (image.FirstChild is null && safe)
        {
            image.AppendChild(new LiteralInline(image.Url!.Trim()));
        }
        if (!safe || IsInsideLink(image))
        {
            image.MoveChildrenAfter(image);
            image.Remove();
            return;
        }
        image.IsImage = false;
        image.GetAttributes().AddClass(ImageLinkClass);
    }

    private static bool IsInsideLink(Inline inline)
    {
        for (var parent = inline.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is LinkInline)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Relative paths and http(s)/mailto URLs pass; every other scheme is refused.</summary>
    public static bool IsSafeUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return false;
        }
        var trimmed = url.Trim();
        if (trimmed.StartsWith('/') && !trimmed.StartsWith("//", StringComparison.Ordinal) && !trimmed.StartsWith("/\\", StringComparison.Ordinal))
        {
            return true;
        }
        if (trimmed.StartsWith('#'))
        {
            return true;
        }
        return Uri.TryCreate(trimmed, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeMailto);
    }
}

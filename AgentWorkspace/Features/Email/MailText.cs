using System.Text;
using System.Text.RegularExpressions;
using AgentWorkspace.Components.Markdown;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace AgentWorkspace.Features.Email;

/// <summary>
/// An e-mail's text as a ticket message: HTML is never kept or shown as HTML. It is read into plain text with a little
/// Markdown (links, lists), which the one Markdown renderer then shows with raw HTML off; scripts, styles, forms and
/// frames are dropped, images become links (never loaded), and links keep only safe targets. The quoted history
/// (earlier messages the e-mail repeats) is split off, to be shown collapsed.
/// </summary>
public static partial class MailText
{
    private static readonly HashSet<string> Dropped =
        ["script", "style", "head", "title", "meta", "link", "template", "noscript", "iframe", "frame", "frameset", "object", "embed",
         "applet", "svg", "math", "canvas", "audio", "video", "form", "button", "select", "textarea", "input"];

    private static readonly HashSet<string> Blocks =
        ["p", "div", "section", "article", "header", "footer", "main", "aside", "nav", "table", "tbody", "thead", "tfoot", "tr", "ul", "ol",
         "h1", "h2", "h3", "h4", "h5", "h6", "pre", "blockquote", "address", "center", "dl", "dt", "dd", "figure", "figcaption", "hr"];

    /// <summary>The message and its quoted history, from an HTML body.</summary>
    public static (string Text, string? Quoted) FromHtml(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        var writer = new Writer();
        if (document.Body is { } body)
        {
            writer.Walk(body);
        }
        var (text, quoted) = SplitQuoted(Tidy(writer.Main.ToString()));
        var htmlQuoted = Tidy(writer.Quoted.ToString());
        var allQuoted = string.Join("\n\n", new[] { quoted, htmlQuoted }.Where(q => !string.IsNullOrWhiteSpace(q)));
        return string.IsNullOrWhiteSpace(text)
            ? (Tidy(writer.Main + "\n\n" + writer.Quoted), null) // nothing but a quote (a forward): show it all
            : (text, allQuoted.Length == 0 ? null : allQuoted);
    }

    /// <summary>The message and its quoted history, from a plain-text body.</summary>
    public static (string Text, string? Quoted) FromPlain(string text)
    {
        var tidy = Tidy(text);
        var (main, quoted) = SplitQuoted(tidy);
        return string.IsNullOrWhiteSpace(main) ? (tidy, null) : (main, quoted);
    }

    /// <summary>Unix line breaks, no trailing spaces, at most one blank line in a row, no blank edges.</summary>
    internal static string Tidy(string text)
    {
        var lines = text.Replace("\r\n", "\n").Replace('\r', '\n').Replace('\u00A0', ' ').Split('\n').Select(l => l.TrimEnd());
        var result = new StringBuilder();
        var blank = 0;
        foreach (var line in lines)
        {
            blank = line.Length == 0 ? blank + 1 : 0;
            if (blank <= 1)
            {
                result.Append(line).Append('\n');
            }
        }
        return result.ToString().Trim('\n', ' ');
    }

    private sealed class Writer
    {
        public StringBuilder Main { get; } = new();
        public StringBuilder Quoted { get; } = new();

        private int quoteDepth;

        /// <summary>Outlook puts no element around the history: everything after its separator is quoted.</summary>
        private bool restQuoted;

        private int preDepth;
        private StringBuilder Out => quoteDepth > 0 || restQuoted ? Quoted : Main;

        public void Walk(INode node)
        {
            foreach (var child in node.ChildNodes)
            {
                switch (child)
                {
                    case IText text:
                        AppendText(text.Data);
                        break;
                    case IElement element:
                        Element(element);
                        break;
                }
            }
        }

        private void Element(IElement element)
        {
            var name = element.LocalName;
            if (Dropped.Contains(name) || element.HasAttribute("hidden") || IsHiddenByStyle(element))
            {
                return;
            }
            if (IsOutlookSeparator(element))
            {
                restQuoted = true;
            }
            var quote = IsQuote(element);
            if (quote)
            {
                quoteDepth++;
            }
            switch (name)
            {
                case "br":
                    Out.Append('\n');
                    break;
                case "hr":
                    Block();
                    Out.Append("---");
                    Block();
                    break;
                case "a":
                    Link(element);
                    break;
                case "img":
                    Image(element);
                    break;
                case "li":
                    Line();
                    Out.Append(element.ParentElement?.LocalName == "ol" ? $"{Index(element)}. " : "- ");
                    Walk(element);
                    Line();
                    break;
                case "td" or "th":
                    Walk(element);
                    Out.Append("  ");
                    break;
                case "pre":
                    Block();
                    preDepth++;
                    Walk(element);
                    preDepth--;
                    Block();
                    break;
                case var heading when heading.Length == 2 && heading[0] == 'h' && char.IsDigit(heading[1]):
                    Block();
                    Walk(element);
                    Block();
                    break;
                default:
                    var block = Blocks.Contains(name);
                    if (block)
                    {
                        Block();
                    }
                    Walk(element);
                    if (block)
                    {
                        Block();
                    }
                    break;
            }
            if (quote)
            {
                quoteDepth--;
            }
        }

        private void AppendText(string data)
        {
            if (preDepth > 0)
            {
                Out.Append(data);
                return;
            }
            var collapsed = Whitespace().Replace(data, " ");
            if (collapsed.Length == 0 || (collapsed == " " && (Out.Length == 0 || char.IsWhiteSpace(Out[^1]))))
            {
                return;
            }
            if (collapsed[0] == ' ' && Out.Length > 0 && char.IsWhiteSpace(Out[^1]))
            {
                collapsed = collapsed[1..];
            }
            Out.Append(collapsed);
        }

        /// <summary>A link keeps its text, and its target only when the Markdown renderer would accept it.</summary>
        private void Link(IElement anchor)
        {
            var href = anchor.GetAttribute("href")?.Trim();
            var text = Whitespace().Replace(anchor.TextContent, " ").Trim();
            if (href is null || !IsSafeAbsolute(href))
            {
                Walk(anchor);
                return;
            }
            if (text.Length == 0)
            {
                // An image link or an empty one: its images' alt texts, else the address itself.
                var alt = string.Join(' ', anchor.QuerySelectorAll("img").Select(i => i.GetAttribute("alt")).Where(a => !string.IsNullOrWhiteSpace(a)));
                text = alt.Length > 0 ? alt : href;
            }
            Out.Append(text == href ? $"<{Escape(href)}>" : $"[{EscapeText(text)}]({Escape(href)})");
        }

        /// <summary>Images are never loaded: a remote one becomes a link to it, an embedded one its description.</summary>
        private void Image(IElement image)
        {
            var src = image.GetAttribute("src")?.Trim();
            var alt = Whitespace().Replace(image.GetAttribute("alt") ?? "", " ").Trim();
            if (src is not null && IsSafeAbsolute(src) && !src.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
            {
                Out.Append($"[{EscapeText(alt.Length > 0 ? "Image: " + alt : "Image")}]({Escape(src)})");
            }
            else if (alt.Length > 0)
            {
                Out.Append($"[Image: {EscapeText(alt)}]");
            }
        }

        private void Block()
        {
            if (Out.Length > 0 && !Out.ToString().EndsWith("\n\n", StringComparison.Ordinal))
            {
                Out.Append(Out[^1] == '\n' ? "\n" : "\n\n");
            }
        }

        private void Line()
        {
            if (Out.Length > 0 && Out[^1] != '\n')
            {
                Out.Append('\n');
            }
        }

        private static int Index(IElement item) => item.ParentElement!.Children.Where(c => c.LocalName == "li").ToList().IndexOf(item) + 1;

        private static bool IsQuote(IElement element) =>
            element.LocalName == "blockquote"
            || element.ClassList.Contains("gmail_quote") || element.ClassList.Contains("gmail_quote_container")
            || element.ClassList.Contains("moz-cite-prefix") || element.ClassList.Contains("yahoo_quoted");

        private static bool IsOutlookSeparator(IElement element) =>
            element.Id is "divRplyFwdMsg" or "appendonsend" or "mail-editor-reference-message-container";

        private static bool IsHiddenByStyle(IElement element) =>
            element.GetAttribute("style") is { } style && HiddenStyle().IsMatch(style);
    }

    private static bool IsSafeAbsolute(string url) =>
        MarkdownRenderer.IsSafeUrl(url) && Uri.TryCreate(url, UriKind.Absolute, out _);

    /// <summary>A target inside (...) of a Markdown link: spaces and parentheses escaped so the link can't end early.</summary>
    private static string Escape(string url) => url.Replace(" ", "%20").Replace("(", "%28").Replace(")", "%29").Replace("<", "%3C").Replace(">", "%3E");

    private static string EscapeText(string text) => text.Replace("[", "\\[").Replace("]", "\\]");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"display\s*:\s*none|visibility\s*:\s*hidden", RegexOptions.IgnoreCase)]
    private static partial Regex HiddenStyle();
}

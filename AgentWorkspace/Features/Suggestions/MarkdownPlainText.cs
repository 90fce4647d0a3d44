using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace AgentWorkspace.Features.Suggestions;

/// <summary>An article body as the words a reader sees: Markdown syntax gone, link text kept (targets dropped), raw
/// HTML left as the literal text it renders as, one entry per block (paragraph, heading, list item, table cell).</summary>
internal static class MarkdownPlainText
{
    // Parsed as Components/Markdown/MarkdownRenderer parses what people type, so the same text comes out.
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseEmphasisExtras()
        .UsePipeTables()
        .UseTaskLists()
        .UseAutoLinks()
        .Build();

    public static List<string> Blocks(string? markdown)
    {
        var blocks = new List<string>();
        if (string.IsNullOrWhiteSpace(markdown)) return blocks;
        foreach (var leaf in Markdown.Parse(markdown, Pipeline).Descendants<LeafBlock>())
        {
            var text = leaf.Inline is { } inline ? InlineText(inline) : leaf.Lines.ToString();
            text = string.Join(' ', text.Split((char[])[' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries));
            if (text.Length > 0) blocks.Add(text);
        }
        return blocks;
    }

    private static string InlineText(ContainerInline container)
    {
        var text = new System.Text.StringBuilder();
        Append(container, text);
        return text.ToString();
    }

    private static void Append(ContainerInline container, System.Text.StringBuilder text)
    {
        foreach (var inline in container)
        {
            switch (inline)
            {
                case LinkInline { IsImage: true }:
                    break; // an image's alt text is not part of the prose
                case ContainerInline child: // emphasis, link text
                    Append(child, text);
                    break;
                case LiteralInline literal:
                    text.Append(literal.Content.ToString());
                    break;
                case CodeInline code:
                    text.Append(code.Content);
                    break;
                case AutolinkInline autolink:
                    text.Append(autolink.Url);
                    break;
                case HtmlEntityInline entity:
                    text.Append(entity.Transcoded.ToString());
                    break;
                case LineBreakInline:
                    text.Append(' ');
                    break;
            }
        }
    }
}

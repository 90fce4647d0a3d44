using AgentWorkspace.Components.Markdown;
using AgentWorkspace.Tests.Infrastructure;
using Bunit;

namespace AgentWorkspace.Tests.Components;

public sealed class MarkdownViewTests : ComponentTest
{
    private string RenderMarkdown(string markdown) => Render<MarkdownView>(p => p.Add(v => v.Source, markdown)).Markup;

    [Fact]
    public void Markdown_RendersFormatting()
    {
        var html = RenderMarkdown("**Bold** and a [link](https://nimbus.example/help)\n\n1. one\n2. two");

        html.ShouldContain("<strong>Bold</strong>");
        html.ShouldContain("href=\"https://nimbus.example/help\"");
        html.ShouldContain("rel=\"nofollow noopener noreferrer\"");
        html.ShouldContain("<ol>");
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("<iframe src=\"javascript:alert(1)\"></iframe>")]
    public void RawHtml_IsShownAsText_NeverAsMarkup(string payload)
    {
        var html = RenderMarkdown(payload);

        html.ShouldNotContain("<script");
        html.ShouldNotContain("<img");
        html.ShouldNotContain("<iframe");
        html.ShouldContain("&lt;");
    }

    [Theory]
    [InlineData("[click](javascript:alert(1))")]
    [InlineData("[click](JAVASCRIPT:alert(1))")]
    [InlineData("[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)")]
    [InlineData("[click](vbscript:msgbox(1))")]
    [InlineData("![x](javascript:alert(1))")]
    [InlineData("<javascript:alert(1)>")]
    public void UnsafeLinkSchemes_LoseTheirTarget(string payload)
    {
        var html = RenderMarkdown(payload);

        html.ShouldNotContain("javascript:", Case.Insensitive);
        html.ShouldNotContain("data:text", Case.Insensitive);
        html.ShouldNotContain("vbscript:", Case.Insensitive);
    }

    [Theory]
    [InlineData("https://example.com", true)]
    [InlineData("http://example.com/a?b=c", true)]
    [InlineData("mailto:help@nimbus.example", true)]
    [InlineData("/kb/reset-password", true)]
    [InlineData("//evil.example", false)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData(" javascript:alert(1)", false)]
    [InlineData("ftp://files.example", false)]
    public void LinkAllowList_AcceptsOnlyHttpHttpsMailtoAndLocalPaths(string url, bool safe) =>
        MarkdownRenderer.IsSafeUrl(url).ShouldBe(safe);
}

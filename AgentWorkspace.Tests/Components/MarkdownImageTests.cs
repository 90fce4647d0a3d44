using AgentWorkspace.Components.Markdown;

namespace AgentWorkspace.Tests.Components;

/// <summary>
/// A Markdown image is a request the reader's browser makes on sight: a tracking pixel in a customer's message would
/// tell its sender which agent opened the ticket, and when. So no image syntax ever becomes an &lt;img&gt;.
/// </summary>
public sealed class MarkdownImageTests
{
    public static TheoryData<string> ImageSyntaxes => new()
    {
        "![x](https://tracker.example/p.png)",
        "![x](http://tracker.example/p.png)",
        "![x](HTTPS://TRACKER.EXAMPLE/P.PNG)",
        "![x](https://tracker.example/p.png \"a title\")",
        "![x](<https://tracker.example/p.png>)",
        "![](https://tracker.example/p.png)",
        "![x](//tracker.example/p.png)",
        "![x](/api/p.png)",
        "![x](p.png)",
        "![x](../p.png)",
        "![x](data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==)",
        "![x](data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg'/%3E)",
        "![x](javascript:alert(1))",
        "![x](ftp://tracker.example/p.png)",
        "![x][pixel]\n\n[pixel]: https://tracker.example/p.png",
        "![pixel][]\n\n[pixel]: https://tracker.example/p.png",
        "![pixel]\n\n[pixel]: https://tracker.example/p.png",
        "![x][pixel]\n\n[pixel]: <https://tracker.example/p.png> 'title'",
        "[![badge](https://tracker.example/b.svg)](https://example.com/project)",
        "![outer ![inner](https://tracker.example/i.png)](https://tracker.example/o.png)",
        "**Look: ![x](https://tracker.example/p.png)**",
        "| a | b |\n|---|---|\n| ![x](https://tracker.example/p.png) | c |",
        "- [ ] ![x](https://tracker.example/p.png)",
        "> quoted ![x](https://tracker.example/p.png)",
        "1. ![x](https://tracker.example/p.png)",
        "# ![x](https://tracker.example/p.png)",
        "![x](https&#58;//tracker.example/p.png)",
        "![x](https://tracker.example/p.png)![y](https://tracker.example/q.png)",
    };

    [Theory]
    [MemberData(nameof(ImageSyntaxes))]
    public void NoImageSyntax_EverBecomesAnImgElement(string markdown)
    {
        var html = MarkdownRenderer.ToHtml(markdown);

        html.ShouldNotContain("<img", Case.Insensitive);
        html.ShouldNotContain("src=", Case.Insensitive);
        html.ShouldNotContain("srcset", Case.Insensitive);
    }

    [Fact]
    public void AnImage_BecomesALinkShowingItsAltText_ThatOpensOnlyWhenClicked()
    {
        var html = MarkdownRenderer.ToHtml("See ![my receipt](https://shop.example/r.png) attached");

        html.ShouldBe("<p>See <a href=\"https://shop.example/r.png\" class=\"aw-image-link\" rel=\"nofollow noopener noreferrer\" target=\"_blank\">my receipt</a> attached</p>\n");
    }

    [Fact]
    public void AnImageWithoutAltText_ShowsItsAddressAsTheLinkText()
    {
        var html = MarkdownRenderer.ToHtml("![](https://shop.example/r.png)");

        html.ShouldContain(">https://shop.example/r.png</a>");
    }

    [Fact]
    public void AReferenceStyleImage_BecomesALinkToo()
    {
        var html = MarkdownRenderer.ToHtml("![the receipt][r]\n\n[r]: https://shop.example/r.png");

        html.ShouldContain("<a href=\"https://shop.example/r.png\"");
        html.ShouldContain(">the receipt</a>");
    }

    [Theory]
    [InlineData("![x](data:image/png;base64,iVBORw0KGgo=)")]
    [InlineData("![x](javascript:alert(1))")]
    [InlineData("![x](//tracker.example/p.png)")]
    public void AnImageWithAnUnsafeTarget_IsOnlyItsAltText(string markdown)
    {
        var html = MarkdownRenderer.ToHtml(markdown);

        html.ShouldBe("<p>x</p>\n");
    }

    [Fact]
    public void AnImageInsideALink_LeavesItsAltTextAsTheLinkText_NotANestedLink()
    {
        var html = MarkdownRenderer.ToHtml("[![build status](https://tracker.example/b.svg)](https://example.com/project)");

        html.ShouldBe("<p><a href=\"https://example.com/project\" rel=\"nofollow noopener noreferrer\" target=\"_blank\">build status</a></p>\n");
    }
}

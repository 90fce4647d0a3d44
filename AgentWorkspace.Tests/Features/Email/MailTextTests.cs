using AgentWorkspace.Features.Email;
using MimeKit;

namespace AgentWorkspace.Tests.Features.Email;

/// <summary>How an e-mail's content is read: HTML to safe text, quoted history apart, the kind of mail, file types.</summary>
public sealed class MailTextTests
{
    [Fact]
    public void Html_BecomesTextWithSafeLinks_AndLosesScriptsStylesAndHiddenParts()
    {
        var (text, quoted) = MailText.FromHtml("""
            <html><head><title>T</title><style>p{color:red}</style></head><body>
            <p>Hello <b>there</b>,</p><script>alert(1)</script>
            <ul><li>one</li><li>two</li></ul>
            <p><a href="https://shop.example/orders?id=1">my order</a> <a href="javascript:alert(1)">bad</a> <a href="data:text/html,x">data</a></p>
            <img src="https://tracker.example/p.gif" alt="logo"><img src="cid:image001" alt="inline">
            <div style="display:none">HIDDEN PREHEADER</div>
            </body></html>
            """);
        text.ShouldBe("Hello there,\n\n- one\n- two\n\n[my order](https://shop.example/orders?id=1) bad data\n\n[Image: logo](https://tracker.example/p.gif)[Image: inline]");
        quoted.ShouldBeNull();
    }

    [Fact]
    public void QuotedHistory_IsSplitOff_InHtmlAndPlainText_InEnglishAndSpanish()
    {
        MailText.FromHtml("<p>New words</p><div class=\"gmail_quote\">On Mon, Ana wrote:<blockquote>old words</blockquote></div>")
            .ShouldBe(("New words", "On Mon, Ana wrote:\n\nold words"));
        MailText.FromPlain("Gracias.\n\nEl lun, 1 dic 2026 a las 10:00, Soporte <s@x.test> escribió:\n> Hola\n> ¿Algo más?")
            .ShouldBe(("Gracias.", "El lun, 1 dic 2026 a las 10:00, Soporte <s@x.test> escribió:\n> Hola\n> ¿Algo más?"));
        MailText.FromPlain("Fine now.\n\n-----Original Message-----\nFrom: Support\nold").Text.ShouldBe("Fine now.");
        MailText.FromPlain("Answer inline:\n> question?\nyes\n\n> old\n> older").ShouldBe(("Answer inline:\n> question?\nyes", "> old\n> older"));
        // Only a quote (a bare forward): nothing is hidden.
        MailText.FromPlain("> all quoted").ShouldBe(("> all quoted", null));
    }

    [Theory]
    [InlineData("Auto-Submitted", "auto-generated", MailKind.AutoReply)]
    [InlineData("Auto-Submitted", "no", MailKind.Personal)]
    [InlineData("X-Autorespond", "1", MailKind.AutoReply)]
    [InlineData("Precedence", "list", MailKind.Bulk)]
    [InlineData("List-Unsubscribe", "<mailto:u@x.test>", MailKind.Bulk)]
    [InlineData("X-Mailer", "Thunderbird", MailKind.Personal)]
    public void AutomaticMail_IsRecognisedByItsHeaders(string header, string value, MailKind kind)
    {
        var message = new MimeMessage { Subject = "Hello" };
        message.From.Add(MailboxAddress.Parse("someone@x.test"));
        message.Headers.Add(header, value);
        message.Body = new TextPart("plain") { Text = "x" };
        InboundMail.Read(message, 1000).Kind.ShouldBe(kind);
    }

    [Fact]
    public void MailFromAMailerDaemon_IsABounce()
    {
        var message = new MimeMessage { Subject = "Undeliverable" };
        message.From.Add(MailboxAddress.Parse("MAILER-DAEMON@mx.x.test"));
        message.Body = new TextPart("plain") { Text = "failed" };
        InboundMail.Read(message, 1000).Kind.ShouldBe(MailKind.Bounce);
    }

    [Theory]
    [InlineData("application/pdf", "a.pdf", "%PDF-1.7 ...", "application/pdf")]
    [InlineData("application/pdf", "a.pdf", "<html><script>x</script>", "application/octet-stream")]
    [InlineData("text/html", "a.html", "<b>x</b>", "application/octet-stream")]
    [InlineData("image/svg+xml", "a.svg", "<svg onload=alert(1)>", "application/octet-stream")]
    [InlineData("text/plain", "notes.txt", "plain words", "text/plain")]
    [InlineData("image/png", "a.png", "not a png", "application/octet-stream")]
    public void AnAttachment_IsServedOnlyAsATypeItsBytesConfirm(string declared, string name, string content, string served) =>
        AttachmentPolicy.CheckedType(declared, name, System.Text.Encoding.UTF8.GetBytes(content)).ShouldBe(served);

    [Theory]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("C:\\temp\\evil\".exe", "evil.exe")]
    [InlineData("  ", "attachment")]
    [InlineData("a\u0000b.txt", "ab.txt")]
    public void AttachmentNames_AreBareFileNames(string name, string expected) =>
        AttachmentPolicy.SafeFileName(name, "attachment").ShouldBe(expected);

    [Fact]
    public void ReplySubjects_LoseTheirPrefixesAndTicketNumbers() =>
        Subjects.WithoutReplyPrefixes("RE: Fwd: Re: Refund [#1234]").ShouldBe("Refund");
}

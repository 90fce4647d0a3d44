using AgentWorkspace.Components.Text;
using AgentWorkspace.Tests.Infrastructure;

namespace AgentWorkspace.Tests.Components.Text;

public sealed class TextInputTests
{
    [Theory]
    [MemberData(nameof(BadText.RefusedCases), MemberType = typeof(BadText))]
    public void ARequiredLine_RefusesWhatShowsAsNothingOrHidesAControl_WithAnErrorNamingTheField(string label)
    {
        var text = TextInput.Line(BadText.RefusedText(label), "Your name", 100);

        text.IsValid.ShouldBeFalse(label);
        text.Value.ShouldBeNull();
        text.Error.ShouldNotBeNull().ShouldStartWith("Your name ");
    }

    [Fact]
    public void EachRefusal_SaysWhatIsWrong()
    {
        TextInput.Line("a\u0007b", "Your name", 100).Error.ShouldBe("Your name contains an invisible control character (U+0007); remove it and try again.");
        TextInput.Line("\u202E", "Your name", 100).Error.ShouldNotBeNull().ShouldContain("U+202E");
        TextInput.Line("\u200B\u200B\u200B", "Your name", 100).Error.ShouldBe("Your name has no visible characters.");
        TextInput.Line("   ", "Your name", 100).Error.ShouldBe("Your name is required.");
        TextInput.Line("a\uD800b", "Your name", 100).Problem.ShouldBe(TextProblem.Malformed);
        TextInput.Line("a\uFFFF", "Your name", 100).Problem.ShouldBe(TextProblem.Malformed);
        TextInput.Line(new string('x', 101), "Your name", 100).Error.ShouldBe("Your name has at most 100 characters (this one has 101).");
    }

    [Fact]
    public void ALine_IsStoredComposed_TrimmedOfInvisibleEdges_WithSpacesCollapsed()
    {
        foreach (var (typed, stored) in BadText.Cleaned)
        {
            TextInput.Line(typed, "Your name", 100).Value.ShouldBe(stored, typed);
        }
        // Joiners inside a value are part of it (emoji sequences, Persian and Indic scripts).
        TextInput.Line("👩\u200D💻 Dev", "Your name", 100).Value.ShouldBe("👩\u200D💻 Dev");
        TextInput.Line("میخواهم", "Your name", 100).Value.ShouldBe("میخواهم");
        // The length counts what is stored: a decomposed name that fits once composed is accepted.
        TextInput.Line(string.Concat(Enumerable.Repeat("e\u0301", 100)), "Your name", 100).Value!.Length.ShouldBe(100);
    }

    [Fact]
    public void AnOptionalLine_LeftBlank_IsNothing_ButInvisibleInputIsStillRefused()
    {
        TextInput.Line(null, "The category", 100, required: false).ShouldBe(new CleanText(null, TextProblem.None, null));
        TextInput.Line("  ", "The category", 100, required: false).IsValid.ShouldBeTrue();
        TextInput.Line("\u200B", "The category", 100, required: false).Problem.ShouldBe(TextProblem.NoVisibleCharacter);
        TextInput.Line("a\u0000", "The category", 100, required: false).Problem.ShouldBe(TextProblem.ControlCharacter);
    }

    [Fact]
    public void Lines_KeepLineBreaksAndTabs_DropOtherControls_AndAreComposed()
    {
        TextInput.Lines("Line one\r\n\tindented\rthree\u0007\u0000 cafe\u0301\u001B[0m", "The message", 1000).Value
            .ShouldBe("Line one\n\tindented\nthree caf\u00E9[0m");
        TextInput.Lines("  ```\n  code\n```", "The message", 1000).Value.ShouldBe("  ```\n  code\n```", "Markdown's leading spaces matter");
    }

    [Theory]
    [MemberData(nameof(BadText.RefusedCases), MemberType = typeof(BadText))]
    public void Lines_WithNothingVisible_AreRefused_ControlsAloneIncluded(string label)
    {
        var text = BadText.RefusedText(label);
        var result = TextInput.Lines(text, "The message", 1000);

        if (TextInput.HasVisibleCharacter(text))
        {
            result.IsValid.ShouldBeTrue(label);
            result.Value.ShouldNotBeNull().ShouldNotContain('\u0000');
            result.Value.ShouldNotContain('\u0007');
        }
        else
        {
            result.IsValid.ShouldBeFalse(label);
        }
    }
}

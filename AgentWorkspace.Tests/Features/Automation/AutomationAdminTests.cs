using AgentWorkspace.Features.Automation;
using AgentWorkspace.Features.Tickets;
using Microsoft.EntityFrameworkCore;

namespace AgentWorkspace.Tests.Features.Automation;

/// <summary>Saving rules (what is refused and why) and the dry-run preview.</summary>
public sealed class AutomationAdminTests : IAsyncLifetime
{
    private AutomationWorld world = null!;

    public async Task InitializeAsync() => world = await AutomationWorld.CreateAsync();

    public async Task DisposeAsync() => await world.DisposeAsync();

    private RuleDraft Draft(string name = "A rule", IEnumerable<RuleCondition>? conditions = null, IEnumerable<RuleActionSpec>? actions = null) => new()
    {
        Name = name, Trigger = RuleTrigger.TicketCreated, Conditions = [.. conditions ?? []], Actions = [.. actions ?? [new("add-tag", "x")]],
    };

    public static TheoryData<string> BadNames => ["", "   ", "a\u0007b", "a\0b", "evil\u202Eeman", new string('n', 101)];

    [Theory]
    [MemberData(nameof(BadNames))]
    public async Task ANameThatIsEmptyTooLongOrHasControlCharacters_IsRefusedWithAClearError(string name)
    {
        var result = await world.Rules.SaveAsync(Draft(name), world.Id.Ana);

        result.Succeeded.ShouldBeFalse();
        result.Error.ShouldNotBeNullOrWhiteSpace();
        (await world.Rules.ListAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task UnknownTeamsAgentsActionsAndBadValues_AreRefused_AndNothingIsSaved()
    {
        var bad = new (IEnumerable<RuleCondition>? Conditions, IEnumerable<RuleActionSpec> Actions, string Error)[]
        {
            (null, [new("set-team", "9999")], "Move to team: choose one of the options."),
            (null, [new("assign", "no-such-agent")], "Assign to: choose one of the options."),
            (null, [new("set-priority", "Huge")], "Set priority: choose one of the options."),
            (null, [new("self-destruct", null)], "That action isn't available."),
            (null, [], "Add at least one action."),
            (null, [new("set-priority", "High"), new("set-priority", "Low")], "“Set priority” can be used once per rule."),
            (null, [new("add-tag", "no spaces!")], "Add tag: a tag is 1 to 50 letters, digits, '-' or '_'."),
            (null, [new("add-note", "  ")], "Add internal note: write a value."),
            ([new(ConditionField.Team, ConditionOperator.Is, "9999")], [new("add-tag", "x")], "That team doesn't exist."),
            ([new(ConditionField.Subject, ConditionOperator.Contains, " , ,")], [new("add-tag", "x")], "Write at least one word (at most 500 characters, no control characters)."),
            ([new(ConditionField.Priority, ConditionOperator.Contains, "High")], [new("add-tag", "x")], "That test doesn't apply to that field."),
            ([new(ConditionField.Channel, ConditionOperator.Is, "Pigeon")], [new("add-tag", "x")], "Choose or write a value for each condition."),
        };
        foreach (var (conditions, actions, error) in bad)
        {
            var result = await world.Rules.SaveAsync(Draft(conditions: conditions, actions: actions), world.Id.Ana);
            result.Error.ShouldBe(error);
        }
        (await world.Rules.ListAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task ASecondRuleWithTheSameName_AndASaveOverSomeoneElsesSave_AreRefused()
    {
        var id = await world.AddRuleAsync("VIP", RuleTrigger.TicketCreated, [], [new("add-tag", "vip")]);
        (await world.Rules.SaveAsync(Draft("vip"), world.Id.Ana)).Error.ShouldBe("There is already a rule called “vip”.");

        var mine = RuleDraft.From((await world.Rules.FindAsync(id))!);
        var theirs = RuleDraft.From((await world.Rules.FindAsync(id))!);
        theirs.Name = "VIP customers";
        (await world.Rules.SaveAsync(theirs, world.Id.Tom)).Succeeded.ShouldBeTrue();
        mine.StopProcessing = true;
        (await world.Rules.SaveAsync(mine, world.Id.Ana)).Error.ShouldBe("Someone else saved “VIP customers” meanwhile. Reload the page and make your change again.");
    }

    [Fact]
    public async Task ValuesAreStoredClean_TagsNormalisedAndTextTrimmed()
    {
        var id = await world.AddRuleAsync("  Clean  me ", RuleTrigger.TicketCreated, [new(ConditionField.Tag, ConditionOperator.Contains, "Needs Review")],
            [new("add-tag", "Big Deal"), new("set-category", "  Billing\tand  invoices ")]);

        var rule = (await world.Rules.FindAsync(id))!;
        rule.Name.ShouldBe("Clean me");
        rule.Conditions.ShouldBe([new RuleCondition(ConditionField.Tag, ConditionOperator.Contains, "needs-review")]);
        rule.Actions.ShouldBe([new RuleActionSpec("add-tag", "big-deal"), new RuleActionSpec("set-category", "Billing and invoices")]);
    }

    [Fact]
    public async Task ThePreview_ListsTheRecentTicketsThatMatch_AndWhatWouldChange_WithoutChangingAnything_AsTheLiveRunLaterDoes()
    {
        var vipTicket = await world.NewTicketAsync(world.Id.Vera, "Refund please", "I want a refund");
        var alreadyHigh = await world.NewTicketAsync(world.Id.Vera, "Refund", "Reembolso, por favor");
        await world.Tickets.ExecuteAsync(await world.ScopeAsync(world.Id.Ana), alreadyHigh, new SetPriority(TicketPriority.Normal, TicketPriority.High));
        var other = await world.NewTicketAsync(world.Id.Casey, "Refund", "I want a refund");
        var draft = Draft("VIP refunds", [new(ConditionField.CustomerVip, ConditionOperator.Is, "true"), new(ConditionField.SubjectOrMessage, ConditionOperator.Contains, "refund, reembolso")],
            [new("set-priority", "High"), new("add-tag", "refund")]);
        long versionBefore;
        await using (var db = world.Db())
        {
            versionBefore = await db.Tickets.SumAsync(t => t.Version);
        }

        var preview = await world.Rules.PreviewAsync(draft);

        var numbers = await NumbersAsync(vipTicket, alreadyHigh, other);
        preview.ShouldBe([
            new RulePreviewRow(numbers[1], "Refund", ["Add tag: refund"]),
            new RulePreviewRow(numbers[0], "Refund please", ["Set priority: High", "Add tag: refund"]),
        ], ignoreOrder: false, comparer: new PreviewComparer());
        await using (var db = world.Db())
        {
            (await db.Tickets.SumAsync(t => t.Version)).ShouldBe(versionBefore);
            (await db.TicketEvents.CountAsync(e => e.RuleId != null)).ShouldBe(0);
        }

        // Live, the same rule does the same to tickets like them.
        (await world.Rules.SaveAsync(draft, world.Id.Ana)).Succeeded.ShouldBeTrue();
        var liveVip = await world.NewTicketAsync(world.Id.Vera, "Refund please", "I want a refund");
        var liveOther = await world.NewTicketAsync(world.Id.Casey, "Refund", "I want a refund");
        var read = await world.ReadAsync(liveVip);
        (read.Priority, read.Tags.Single().Tag).ShouldBe((TicketPriority.High, "refund"));
        (await world.RuleLinesAsync(liveOther)).ShouldBeEmpty();
    }

    private async Task<List<int>> NumbersAsync(params int[] ids)
    {
        await using var db = world.Db();
        var numbers = await db.Tickets.Where(t => ids.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Number);
        return [.. ids.Select(i => numbers[i])];
    }

    private sealed class PreviewComparer : IEqualityComparer<RulePreviewRow>
    {
        public bool Equals(RulePreviewRow? x, RulePreviewRow? y) =>
            x is not null && y is not null && x.Number == y.Number && x.Subject == y.Subject && x.Changes.SequenceEqual(y.Changes);

        public int GetHashCode(RulePreviewRow obj) => obj.Number;
    }
}

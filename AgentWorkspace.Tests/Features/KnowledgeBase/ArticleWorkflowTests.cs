using AgentWorkspace.Features.Agents;
using AgentWorkspace.Features.KnowledgeBase;
using AgentWorkspace.Features.Notifications;
using AgentWorkspace.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AgentWorkspace.Tests.Features.KnowledgeBase;

/// <summary>Draft → In review → Published or back to Draft, revisions, and who may do what.</summary>
[Collection(AppCollection.Name)]
public sealed class ArticleWorkflowTests(WorkspaceAppFactory app)
{
    private KbTestData Data => new(app.Services);

    [Fact]
    public async Task EverySave_IsARevisionWithItsAuthorTimeAndNote()
    {
        var ana = await Data.ActorAsync(DemoAgents.AnaEmail);
        var (id, version) = await Data.CreateAsync(ana, KbTestData.Draft(KbTestData.Unique("Change your store name"), note: "first cut"));

        var saved = await Data.Articles.SaveAsync(ana, id, version, KbTestData.Draft("Change your store's name", "Go to **Settings**.", note: "clearer title"));

        saved.Succeeded.ShouldBeTrue(saved.Error);
        var details = (await Data.Queries.GetAsync(id))!;
        details.Revisions.Select(r => (r.Number, r.Note)).ShouldBe([(2, "clearer title"), (1, "first cut")]);
        details.Revisions.ShouldAllBe(r => r.AuthorName == "Ana García");
        details.Current.Title.ShouldBe("Change your store's name");
        details.Current.CreatedAt.ShouldBeGreaterThan(DateTimeOffset.UtcNow.AddMinutes(-1));
        details.Status.ShouldBe(ArticleStatus.Draft);
        (await Data.HistoryAsync(id)).Select(e => e.Kind).ShouldBe([ArticleEventKind.Created, ArticleEventKind.Saved]);
    }

    [Fact]
    public async Task SubmittingForReview_NotifiesTheReviewers()
    {
        var ana = await Data.ActorAsync(DemoAgents.AnaEmail);
        var rita = await Data.ActorAsync(DemoAgents.RitaEmail);
        var title = KbTestData.Unique("Print a packing slip");
        var (id, version) = await Data.CreateAsync(ana, KbTestData.Draft(title));

        var submitted = await Data.Articles.SubmitAsync(ana, id, version);

        submitted.Succeeded.ShouldBeTrue(submitted.Error);
        (await Data.ReadAsync(id)).Status.ShouldBe(ArticleStatus.InReview);
        var ritasNotifications = await app.Services.GetRequiredService<NotificationCenter>().RecentAsync(rita.AgentId, 50);
        ritasNotifications.ShouldContain(n => n.Title == $"Ana García submitted “{title}” for review" && n.Link == $"/kb/articles/{id}");
    }

    [Fact]
    public async Task RequestingChanges_ReturnsTheArticleToDraft_WithTheReviewersCommentsForTheAuthor()
    {
        var ana = await Data.ActorAsync(DemoAgents.AnaEmail);
        var rita = await Data.ActorAsync(DemoAgents.RitaEmail);
        var (id, version) = await Data.CreateAsync(ana, KbTestData.Draft(KbTestData.Unique("Refund a gift card")));
        var submitted = await Data.Articles.SubmitAsync(ana, id, version);

        var sentBack = await Data.Articles.RequestChangesAsync(rita, id, submitted.Version!.Value, "Say how long the refund takes.");

        sentBack.Succeeded.ShouldBeTrue(sentBack.Error);
        var details = (await Data.Queries.GetAsync(id))!;
        details.Status.ShouldBe(ArticleStatus.Draft);
        details.IsLive.ShouldBeFalse();
        details.OpenReviewComment.ShouldNotBeNull().Comment.ShouldBe("Say how long the refund takes.");
        details.OpenReviewComment.ReviewerName.ShouldBe("Rita Okafor");
        var anasNotifications = await app.Services.GetRequiredService<NotificationCenter>().RecentAsync(ana.AgentId, 50);
        anasNotifications.ShouldContain(n => n.Body == "Say how long the refund takes." && n.Link == $"/kb/articles/{id}");

        var resubmitted = await Data.Articles.SubmitAsync(ana, id, sentBack.Version!.Value);
        resubmitted.Succeeded.ShouldBeTrue(resubmitted.Error);
        (await Data.Queries.GetAsync(id))!.OpenReviewComment.ShouldBeNull("a resubmitted article has answered the comments");
    }

    [Fact]
    public async Task Approving_PublishesTheRevisionInReview_AndRecordsWhoApproved()
    {
        var ana = await Data.ActorAsync(DemoAgents.AnaEmail);
        var rita = await Data.ActorAsync(DemoAgents.RitaEmail);
        var (id, version) = await Data.CreateAsync(ana, KbTestData.Draft(KbTestData.Unique("Add a discount code")));
        var submitted = await Data.Articles.SubmitAsync(ana, id, version);

        var approved = await Data.Articles.ApproveAsync(rita, id, submitted.Version!.Value);

        approved.Succeeded.ShouldBeTrue(approved.Error);
        var article = await Data.ReadAsync(id);
        article.Status.ShouldBe(ArticleStatus.Published);
        article.PublishedRevisionId.ShouldBe(article.CurrentRevisionId);
        article.PublishedRevision!.ApprovedById.ShouldBe(rita.AgentId);
        article.PublishedAt.ShouldNotBeNull();
        (await Data.HistoryAsync(id)).Select(e => e.Kind).ShouldBe([ArticleEventKind.Created, ArticleEventKind.Submitted, ArticleEventKind.Published]);
        (await Data.Queries.PublishedArticleAsync(id)).ShouldNotBeNull().Title.ShouldStartWith("Add a discount code");
    }

    [Fact]
    public async Task AnEditor_CannotPublishTheirOwnWork()
    {
        var ana = await Data.ActorAsync(DemoAgents.AnaEmail);
        var (id, version) = await Data.CreateAsync(ana, KbTestData.Draft(KbTestData.Unique("Export your orders")));
        var submitted = await Data.Articles.SubmitAsync(ana, id, version);

        var approved = await Data.Articles.ApproveAsync(ana, id, submitted.Version!.Value);

        approved.Outcome.ShouldBe(ArticleOutcome.Forbidden);
        (await Data.ReadAsync(id)).Status.ShouldBe(ArticleStatus.InReview);
    }

    [Fact]
    public async Task AReviewerWhoAlsoEdits_CannotApproveADraftTheyWrotePartOf()
    {
        var ana = await Data.ActorAsync(DemoAgents.AnaEmail);
        var (_, both) = await Data.CreateAgentAsync("Eve Editor-Reviewer", Roles.KbEditor, Roles.KbReviewer);
        var (id, version) = await Data.CreateAsync(ana, KbTestData.Draft(KbTestData.Unique("Set up local pickup")));
        var edited = await Data.Articles.SaveAsync(both, id, version, KbTestData.Draft("Set up local pickup", "Eve's improved steps."));
        var touchedByAna = await Data.Articles.SaveAsync(ana, id, edited.Version!.Value, KbTestData.Draft("Set up local pickup", "Ana's final steps."));
        var submitted = await Data.Articles.SubmitAsync(ana, id, touchedByAna.Version!.Value);

        var approved = await Data.Articles.ApproveAsync(both, id, submitted.Version!.Value);

        approved.Outcome.ShouldBe(ArticleOutcome.Forbidden);
        approved.Error.ShouldNotBeNull().ShouldContain("another reviewer");
        var eveQueue = await Data.Queries.ListAsync(new KbListFilter(KbView.WaitingForMyReview), both.AgentId);
        eveQueue.ShouldNotContain(r => r.Id == id, "it is not waiting for her review");
        var ritaQueue = await Data.Queries.ListAsync(new KbListFilter(KbView.WaitingForMyReview), (await Data.ActorAsync(DemoAgents.RitaEmail)).AgentId);
        ritaQueue.ShouldContain(r => r.Id == id);
    }

    [Fact]
    public async Task AReviewerWhoWrotePartOfADraft_CannotRequestChangesOnIt_ButAnotherReviewerCan()
    {
        var ana = await Data.ActorAsync(DemoAgents.AnaEmail);
        var rita = await Data.ActorAsync(DemoAgents.RitaEmail);
        var (_, eve) = await Data.CreateAgentAsync("Eve Editor-Reviewer", Roles.KbEditor, Roles.KbReviewer);
        var (id, version) = await Data.CreateAsync(eve, KbTestData.Draft(KbTestData.Unique("Print return labels")));
        var touchedByAna = await Data.Articles.SaveAsync(ana, id, version, KbTestData.Draft("Print return labels", "Ana's steps."));
        var submitted = await Data.Articles.SubmitAsync(eve, id, touchedByAna.Version!.Value);

        var ownRequest = await Data.Articles.RequestChangesAsync(eve, id, submitted.Version!.Value, "Looks wrong to me.");

        ownRequest.Outcome.ShouldBe(ArticleOutcome.Forbidden);
        ownRequest.Error.ShouldNotBeNull().ShouldContain("another reviewer");
        var article = await Data.ReadAsync(id);
        (article.Status, article.Version).ShouldBe((ArticleStatus.InReview, submitted.Version!.Value));
        (await Data.HistoryAsync(id)).ShouldNotContain(e => e.Kind == ArticleEventKind.ChangesRequested);

        var ritasRequest = await Data.Articles.RequestChangesAsync(rita, id, submitted.Version!.Value, "Add a picture of the label.");
        ritasRequest.Succeeded.ShouldBeTrue(ritasRequest.Error);
        (await Data.ReadAsync(id)).Status.ShouldBe(ArticleStatus.Draft);
    }

    [Fact]
    public async Task AnAgentWithoutKbEditor_CannotCreateEditSubmitOrRestore()
    {
        var ana = await Data.ActorAsync(DemoAgents.AnaEmail);
        var ben = await Data.ActorAsync(DemoAgents.BenEmail);
        var (id, version) = await Data.CreateAsync(ana, KbTestData.Draft(KbTestData.Unique("Connect a domain")));

        (await Data.Articles.CreateAsync(ben, new NewArticle("en", KbTestData.Draft(KbTestData.Unique("Ben's article"))))).Outcome.ShouldBe(ArticleOutcome.Forbidden);
        (await Data.Articles.SaveAsync(ben, id, version, KbTestData.Draft("Hijacked", "Ben's text"))).Outcome.ShouldBe(ArticleOutcome.Forbidden);
        (await Data.Articles.SubmitAsync(ben, id, version)).Outcome.ShouldBe(ArticleOutcome.Forbidden);
        (await Data.Articles.RestoreAsync(ben, id, version, 1)).Outcome.ShouldBe(ArticleOutcome.Forbidden);
        (await Data.Articles.ArchiveAsync(ben, id, version)).Outcome.ShouldBe(ArticleOutcome.Forbidden);

        var article = await Data.ReadAsync(id);
        article.Version.ShouldBe(version);
        article.CurrentRevision!.Body.ShouldBe("How to do it, step by step.");
    }

    [Fact]
    public async Task EditingAPublishedArticle_KeepsThePublishedRevisionLive_UntilTheNewOneIsApproved()
    {
        var ana = await Data.ActorAsync(DemoAgents.AnaEmail);
        var rita = await Data.ActorAsync(DemoAgents.RitaEmail);
        var (id, version) = await Data.PublishedAsync(KbTestData.Draft(KbTestData.Unique("Change your plan"), "Old steps."));

        var edited = await Data.Articles.SaveAsync(ana, id, version, KbTestData.Draft("Change your plan", "New steps."));
        var submitted = await Data.Articles.SubmitAsync(ana, id, edited.Version!.Value);

        var whileInReview = await Data.ReadAsync(id);
        whileInReview.Status.ShouldBe(ArticleStatus.InReview);
        whileInReview.PublishedRevision!.Body.ShouldBe("Old steps.");
        (await Data.Queries.PublishedArticleAsync(id))!.Body.ShouldBe("Old steps.");

        (await Data.Articles.ApproveAsync(rita, id, submitted.Version!.Value)).Succeeded.ShouldBeTrue();
        (await Data.Queries.PublishedArticleAsync(id))!.Body.ShouldBe("New steps.");
        (await Data.ReadAsync(id)).PublishedRevision!.Number.ShouldBe(2);
    }

    [Fact]
    public async Task MakingAPublicArticleInternal_TakesEffectOnlyWhenApproved()
    {
        var ana = await Data.ActorAsync(DemoAgents.AnaEmail);
        var rita = await Data.ActorAsync(DemoAgents.RitaEmail);
        var (id, version) = await Data.PublishedAsync(KbTestData.Draft(KbTestData.Unique("Escalation contacts"), "Public text."));

        var edited = await Data.Articles.SaveAsync(ana, id, version, KbTestData.Draft("Escalation contacts", "Call 555-0100.", isInternal: true));

        (await Data.ReadAsync(id)).IsInternal.ShouldBeFalse("the live revision is still the public one");
        var submitted = await Data.Articles.SubmitAsync(ana, id, edited.Version!.Value);
        (await Data.Articles.ApproveAsync(rita, id, submitted.Version!.Value)).Succeeded.ShouldBeTrue();
        var article = await Data.ReadAsync(id);
        article.IsInternal.ShouldBeTrue();
        (await Data.Queries.PublishedArticleAsync(id))!.IsInternal.ShouldBeTrue();
    }

    [Fact]
    public async Task SavingAfterSomeoneElseSaved_IsAConflict_AndTheirRevisionIsKept()
    {
        var ana = await Data.ActorAsync(DemoAgents.AnaEmail);
        var (_, lee) = await Data.CreateAgentAsync("Lee Second-Editor", Roles.KbEditor);
        var (id, seen) = await Data.CreateAsync(ana, KbTestData.Draft(KbTestData.Unique("Ship internationally")));
        var first = await Data.Articles.SaveAsync(lee, id, seen, KbTestData.Draft("Ship internationally", "Lee's version."));
        first.Succeeded.ShouldBeTrue(first.Error);

        var second = await Data.Articles.SaveAsync(ana, id, seen, KbTestData.Draft("Ship internationally", "Ana's version."));

        second.Outcome.ShouldBe(ArticleOutcome.Conflict);
        second.Error.ShouldNotBeNull().ShouldContain("Lee Second-Editor saved a new revision");
        second.Latest.ShouldNotBeNull().Number.ShouldBe(2);
        second.Latest.AuthorName.ShouldBe("Lee Second-Editor");
        second.Version.ShouldBe(first.Version);
        var article = await Data.ReadAsync(id);
        article.CurrentRevision!.Body.ShouldBe("Lee's version.");
        (await Data.Queries.GetAsync(id))!.Revisions.Count.ShouldBe(2);
    }

    [Fact]
    public async Task ApprovingAStaleView_IsAConflict_SoNobodyPublishesTextTheyDidNotRead()
    {
        var ana = await Data.ActorAsync(DemoAgents.AnaEmail);
        var rita = await Data.ActorAsync(DemoAgents.RitaEmail);
        var (id, version) = await Data.CreateAsync(ana, KbTestData.Draft(KbTestData.Unique("Close your store")));
        var submitted = await Data.Articles.SubmitAsync(ana, id, version);
        var changed = await Data.Articles.SaveAsync(ana, id, submitted.Version!.Value, KbTestData.Draft("Close your store", "Changed after submitting."));
        (await Data.Articles.SubmitAsync(ana, id, changed.Version!.Value)).Succeeded.ShouldBeTrue();

        var approved = await Data.Articles.ApproveAsync(rita, id, submitted.Version!.Value);

        approved.Outcome.ShouldBe(ArticleOutcome.Conflict);
        (await Data.ReadAsync(id)).PublishedRevisionId.ShouldBeNull();
    }

    [Fact]
    public async Task RestoringAnOldRevision_CreatesANewDraftFromIt()
    {
        var ana = await Data.ActorAsync(DemoAgents.AnaEmail);
        var title = KbTestData.Unique("Set opening hours");
        var (id, version) = await Data.PublishedAsync(KbTestData.Draft(title, "The original, good steps."));
        var worse = await Data.Articles.SaveAsync(ana, id, version, KbTestData.Draft(title + " (edited)", "A worse rewrite."));

        var restored = await Data.Articles.RestoreAsync(ana, id, worse.Version!.Value, 1);

        restored.Succeeded.ShouldBeTrue(restored.Error);
        var details = (await Data.Queries.GetAsync(id))!;
        details.Current.Number.ShouldBe(3);
        details.Current.Body.ShouldBe("The original, good steps.");
        details.Current.Title.ShouldBe(title);
        details.Current.Note.ShouldBe("Restored from revision 1");
        details.Status.ShouldBe(ArticleStatus.Draft);
        details.Published!.Number.ShouldBe(1, "restoring makes a draft; it still goes through review");
        details.History.First().Kind.ShouldBe(ArticleEventKind.Restored);
    }

    [Fact]
    public async Task UnpublishArchiveAndUnarchive_AreInTheHistory_AndTakeTheArticleOffline()
    {
        var rita = await Data.ActorAsync(DemoAgents.RitaEmail);
        var (id, version) = await Data.PublishedAsync(KbTestData.Draft(KbTestData.Unique("Old promotion rules")));

        var unpublished = await Data.Articles.UnpublishAsync(rita, id, version);
        unpublished.Succeeded.ShouldBeTrue(unpublished.Error);
        (await Data.Queries.PublishedArticleAsync(id)).ShouldBeNull();
        (await Data.ReadAsync(id)).Status.ShouldBe(ArticleStatus.Draft);

        var archived = await Data.Articles.ArchiveAsync(rita, id, unpublished.Version!.Value);
        archived.Succeeded.ShouldBeTrue(archived.Error);
        var ana = await Data.ActorAsync(DemoAgents.AnaEmail);
        (await Data.Articles.SaveAsync(ana, id, archived.Version!.Value, KbTestData.Draft("Edited", "x"))).Outcome.ShouldBe(ArticleOutcome.Invalid);

        (await Data.Articles.UnarchiveAsync(rita, id, archived.Version!.Value)).Succeeded.ShouldBeTrue();
        (await Data.HistoryAsync(id)).Select(e => e.Kind).ShouldBe([
            ArticleEventKind.Created, ArticleEventKind.Submitted, ArticleEventKind.Published,
            ArticleEventKind.Unpublished, ArticleEventKind.Archived, ArticleEventKind.Unarchived]);
        (await Data.ReadAsync(id)).Status.ShouldBe(ArticleStatus.Draft);
    }

    [Fact]
    public async Task Translations_ShareAGroup_AndALanguageHasAtMostOne()
    {
        var ana = await Data.ActorAsync(DemoAgents.AnaEmail);
        var (english, _) = await Data.CreateAsync(ana, KbTestData.Draft(KbTestData.Unique("Pause your store")));

        var (spanish, _) = await Data.CreateAsync(ana, KbTestData.Draft(KbTestData.Unique("Pausar tu tienda")), "es", translationOf: english);
        var second = await Data.Articles.CreateAsync(ana, new NewArticle("es", KbTestData.Draft(KbTestData.Unique("Otra traducción")), english));

        second.Outcome.ShouldBe(ArticleOutcome.Invalid);
        var details = (await Data.Queries.GetAsync(english))!;
        details.Translations.ShouldHaveSingleItem().Id.ShouldBe(spanish);
        details.Translations[0].Language.ShouldBe("es");
    }

    [Fact]
    public async Task TwoArticlesInOneLanguage_CannotShareASlug()
    {
        var ana = await Data.ActorAsync(DemoAgents.AnaEmail);
        var title = KbTestData.Unique("Same title");
        await Data.CreateAsync(ana, KbTestData.Draft(title));

        var duplicate = await Data.Articles.CreateAsync(ana, new NewArticle("en", KbTestData.Draft(title)));

        duplicate.Outcome.ShouldBe(ArticleOutcome.Invalid);
        duplicate.Error.ShouldNotBeNull().ShouldContain("slug");
        (await Data.Articles.CreateAsync(ana, new NewArticle("es", KbTestData.Draft(title)))).Succeeded.ShouldBeTrue("another language may reuse it");
    }

    [Theory]
    [InlineData("Cómo pedir un reembolso", "como-pedir-un-reembolso")]
    [InlineData("  Two-factor: lost   phone?! ", "two-factor-lost-phone")]
    [InlineData("Ñandú & Co.", "nandu-co")]
    public void Slugify_FoldsAccentsAndPunctuationIntoDashes(string title, string slug) =>
        ArticleLimits.Slugify(title).ShouldBe(slug);

    [Fact]
    public async Task ASpanishSpeakingAgent_SeesCategoryNamesInSpanish()
    {
        var before = System.Globalization.CultureInfo.CurrentUICulture;
        try
        {
            System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo("es");
            var categories = await Data.Queries.CategoriesAsync();
            categories.Select(c => c.Label).ShouldContain("Pedidos y envíos › Pedidos y devoluciones");

            var rows = await Data.Queries.ListAsync(new KbListFilter(KbView.Live), (await Data.ActorAsync(DemoAgents.AnaEmail)).AgentId);
            rows.ShouldContain(r => r.CategoryName == "Pedidos y devoluciones");

            System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo("en");
            (await Data.Queries.CategoriesAsync()).Select(c => c.Label).ShouldContain("Orders & shipping › Orders & returns");
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = before;
        }
    }
}

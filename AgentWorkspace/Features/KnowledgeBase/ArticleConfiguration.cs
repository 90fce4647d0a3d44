using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgentWorkspace.Features.KnowledgeBase;

internal sealed class ArticleConfiguration : IEntityTypeConfiguration<Article>
{
    public void Configure(EntityTypeBuilder<Article> article)
    {
        article.Property(a => a.Slug).HasMaxLength(200);
        article.Property(a => a.Language).HasMaxLength(8);
        article.HasIndex(a => new { a.Language, a.Slug }).IsUnique();
        article.HasIndex(a => a.TranslationGroup);
        article.HasIndex(a => a.Status);
        article.Property(a => a.Version).IsConcurrencyToken();

        article.HasOne(a => a.Category).WithMany().HasForeignKey(a => a.CategoryId).OnDelete(DeleteBehavior.SetNull);
        article.HasMany(a => a.Revisions).WithOne().HasForeignKey(r => r.ArticleId).OnDelete(DeleteBehavior.Cascade);
        article.HasOne(a => a.CurrentRevision).WithMany().HasForeignKey(a => a.CurrentRevisionId).OnDelete(DeleteBehavior.Restrict);
        article.HasOne(a => a.PublishedRevision).WithMany().HasForeignKey(a => a.PublishedRevisionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ArticleRevisionConfiguration : IEntityTypeConfiguration<ArticleRevision>
{
    public void Configure(EntityTypeBuilder<ArticleRevision> revision)
    {
        revision.HasIndex(r => new { r.ArticleId, r.Number }).IsUnique();
        revision.Property(r => r.Title).HasMaxLength(300);
        revision.Property(r => r.Keywords).HasMaxLength(1000);
        revision.Property(r => r.Note).HasMaxLength(1000);
        revision.Property(r => r.Slug).HasMaxLength(200);
        revision.HasOne<ArticleCategory>().WithMany().HasForeignKey(r => r.CategoryId).OnDelete(DeleteBehavior.SetNull);
        revision.HasOne(r => r.Author).WithMany().HasForeignKey(r => r.AuthorId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ArticleCategoryConfiguration : IEntityTypeConfiguration<ArticleCategory>
{
    public void Configure(EntityTypeBuilder<ArticleCategory> category)
    {
        category.Property(c => c.Name).HasMaxLength(100);
        category.Property(c => c.NameEs).HasMaxLength(100);
        category.Property(c => c.Slug).HasMaxLength(100);
        category.HasIndex(c => c.Slug).IsUnique();
        category.HasOne(c => c.Parent).WithMany().HasForeignKey(c => c.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ArticleEventConfiguration : IEntityTypeConfiguration<ArticleEvent>
{
    public void Configure(EntityTypeBuilder<ArticleEvent> articleEvent)
    {
        articleEvent.HasIndex(e => new { e.ArticleId, e.Id });
        articleEvent.Property(e => e.Comment).HasMaxLength(ArticleLimits.MaxCommentLength);
        articleEvent.HasOne<Article>().WithMany().HasForeignKey(e => e.ArticleId).OnDelete(DeleteBehavior.Cascade);
        articleEvent.HasOne(e => e.ActorAgent).WithMany().HasForeignKey(e => e.ActorAgentId).OnDelete(DeleteBehavior.Restrict);
    }
}

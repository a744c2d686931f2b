using EditionBuilder.Content;
using EditionBuilder.Diagnostics;
using EditionBuilder.Import;
using EditionBuilder.Tests.Support;
using Xunit;

namespace EditionBuilder.Tests.Content;

/// <summary>A journal's chapters can be named at import and read only when their article is built.</summary>
public class ContentFolderTests
{
    [Fact]
    public void Given_a_content_folder_read_with_deferred_text_When_an_article_is_loaded_Then_it_equals_the_article_read_at_once()
    {
        using var temp = new TempFolder();
        SmallEdition.WriteTo(temp.Path);
        var diagnostics = new DiagnosticBag();

        var now = ContentFolder.Read(temp.Path, diagnostics)!.Articles.Single();
        var deferred = ContentFolder.Read(temp.Path, diagnostics, deferText: true)!.Articles.Single();

        Assert.Empty(diagnostics.Items);
        Assert.True(deferred.TextDeferred);
        Assert.All(deferred.Chapters.Concat(deferred.Abstracts), f => Assert.Empty(f.Text));
        var loaded = ContentFolder.WithText(deferred, diagnostics)!;
        Assert.False(loaded.TextDeferred);
        Assert.Equal(now.Chapters.Concat(now.Abstracts), loaded.Chapters.Concat(loaded.Abstracts));
        Assert.Same(now, ContentFolder.WithText(now, diagnostics));
    }
}

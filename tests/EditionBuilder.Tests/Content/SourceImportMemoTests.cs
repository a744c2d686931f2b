using EditionBuilder.Cache;
using EditionBuilder.Content;
using EditionBuilder.Diagnostics;
using EditionBuilder.Import;
using EditionBuilder.Pipeline;
using EditionBuilder.Tests.Support;
using Xunit;

namespace EditionBuilder.Tests.Content;

/// <summary>An article folder built from its Word document or text export is imported once per change, not on every build: the walk names its chapters from what the last import gave, and imports it again only when asked for its text.</summary>
public class SourceImportMemoTests
{
    private static (EditionContent Content, DiagnosticBag Diagnostics) Read(string folder, IMetadataMemo memo, System.Text.Encoding? encoding = null)
    {
        var diagnostics = new DiagnosticBag();
        var content = ContentFolder.Read(folder, diagnostics, deferText: true, encoding, memo);
        Assert.True(content is not null, string.Join('\n', diagnostics.Items));
        return (content, diagnostics);
    }

    private static TempFolder SeedContent()
    {
        var temp = new TempFolder();
        Folders.Copy(Path.Combine(Repo.ContentFolder, "russian-iranian-partnership"), Path.Combine(temp.Path, "content", "seed"));
        return temp;
    }

    [Fact]
    public void Given_an_unchanged_source_folder_When_read_again_Then_its_chapters_are_named_not_imported_and_its_text_is_the_first_import()
    {
        using var temp = SeedContent();
        var folder = Path.Combine(temp.Path, "content");
        var memo = new MemoryBuildCache();

        var first = Read(folder, memo).Content.Articles.Single();
        var second = Read(folder, memo).Content.Articles.Single();

        Assert.False(first.TextDeferred);
        Assert.True(second.TextDeferred);
        Assert.All(second.Chapters, c => Assert.Empty(c.Text));
        Assert.Equal(first.Chapters.Select(c => c.Path), second.Chapters.Select(c => c.Path));
        Assert.Equal(first.Abstracts.Select(c => c.Path), second.Abstracts.Select(c => c.Path));
        Assert.Equal(first.FolderStamp, second.FolderStamp);
        Assert.Equal(first.Metadata.Title, second.Metadata.Title);

        var imported = ContentFolder.WithText(second, new DiagnosticBag())!;
        Assert.Equal(first.Chapters, imported.Chapters);
        Assert.Equal(first.Abstracts, imported.Abstracts);
        Assert.Equal(first.Metadata.Title, imported.Metadata.Title);
    }

    [Fact]
    public void Given_an_edited_source_or_another_encoding_When_read_again_Then_it_is_imported_again()
    {
        using var temp = SeedContent();
        var folder = Path.Combine(temp.Path, "content");
        var memo = new MemoryBuildCache();
        Read(folder, memo);

        File.AppendAllText(Path.Combine(folder, "seed", "source", "article.txt"), "\n");
        var edited = Read(folder, memo).Content.Articles.Single();
        var otherEncoding = Read(folder, memo, System.Text.Encoding.UTF8).Content.Articles.Single();

        Assert.False(edited.TextDeferred);
        Assert.False(otherEncoding.TextDeferred);
        Assert.NotEqual(edited.FolderStamp, otherEncoding.FolderStamp);
    }

    [Fact]
    public void Given_a_source_whose_import_warns_When_read_again_Then_it_is_imported_and_warns_every_time()
    {
        using var temp = new TempFolder();
        var folder = Path.Combine(temp.Path, "content");
        File.Copy(Path.Combine(Repo.TestsFolder, "Golden", "import", "007-manuscript-opening.txt"), temp.File("content/article/source/article.txt"));
        var memo = new MemoryBuildCache();

        var (first, firstDiagnostics) = Read(folder, memo);
        var (second, secondDiagnostics) = Read(folder, memo);

        Assert.Contains(firstDiagnostics.Items, d => d.Code == DiagnosticCodes.OpeningRecognized);
        Assert.Equal(firstDiagnostics.Items.Select(d => d.ToString()), secondDiagnostics.Items.Select(d => d.ToString()));
        Assert.False(second.Articles.Single().TextDeferred);
    }
}

using EditionBuilder.Diagnostics;
using EditionBuilder.Fuzz;
using EditionBuilder.Import;
using EditionBuilder.Import.Docx;
using EditionBuilder.Markdown;
using EditionBuilder.Model;
using EditionBuilder.Tests.Support;
using Xunit;

namespace EditionBuilder.Tests.Import.Docx;

/// <summary>The real article as a Word document (made from its chapters the way Word writes an Arabic document) imports to what the text export gives.</summary>
public class SeedDocxTests
{
    private static Article TextImport() => WordExportReader.Read("seed.txt", Repo.SeedBytes(), new DiagnosticBag())!;

    public static byte[] SeedDocx() => DocxFixture.FromArticle(TextImport()).Build();

    [Fact]
    public void Given_the_seed_as_docx_When_imported_Then_it_has_the_same_chapters_notes_and_abstracts_as_the_text_export()
    {
        var diagnostics = new DiagnosticBag();

        var article = DocxReader.Read("seed.docx", SeedDocx(), diagnostics);

        Assert.Empty(diagnostics.Items);
        Assert.NotNull(article);
        var expected = TextImport();
        Assert.Equal(10, article.Chapters.Count);
        Assert.Equal(expected.Chapters.Select(c => c.Title), article.Chapters.Select(c => c.Title));
        Assert.Equal(Enumerable.Range(1, 40).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)), article.Notes.Select(n => n.Mark));
        Assert.Equal(5, article.AbstractIn("en")!.Paragraphs.Count);
        Assert.Equal(4, article.AbstractIn("fr")!.Paragraphs.Count);
        Assert.Equal(expected.Abstracts, article.Abstracts);
        for (var i = 0; i < expected.Chapters.Count; i++)
        {
            Assert.Equal(expected.Chapters[i], article.Chapters[i]);
        }
    }

    [Fact]
    public void Given_the_seed_as_docx_When_imported_and_written_Then_the_Markdown_is_byte_for_byte_the_text_exports()
    {
        var fromText = TextImport();
        var fromDocx = DocxReader.Read("seed.docx", SeedDocx(), new DiagnosticBag())!;

        var expected = ArticleMarkdown.Write(fromText, ArticleMarkdown.MetadataFrom(fromText));
        var actual = ArticleMarkdown.Write(fromDocx, ArticleMarkdown.MetadataFrom(fromDocx));

        Assert.Equal(expected, actual);
    }
}

using EditionBuilder.Diagnostics;
using EditionBuilder.Fuzz;
using EditionBuilder.Import;
using EditionBuilder.Markdown;
using EditionBuilder.Model;
using Xunit;

namespace EditionBuilder.Tests.Import.Census;

/// <summary>A references section after the body becomes ar/references.md: its heading as written, one entry per paragraph with its language; a section so headed that is no plain list stays a chapter.</summary>
public class ReferenceSectionTests
{
    private const string Heading = "<w:pStyle w:val=\"Heading1\"/>";

    private static Article Import(string body)
    {
        var diagnostics = new DiagnosticBag();
        var article = SourceReader.Read("refs.docx", new DocxFixture { Body = body }.Build(), diagnostics, out var kept);
        Assert.True(article is not null && kept is { AllKept: true }, string.Join('\n', diagnostics.Items));
        return article;
    }

    private static string P(string text, string properties = "", string run = "") => DocxFixture.Paragraph(DocxFixture.Run(text, run), properties);

    [Fact]
    public void Given_an_Arabic_references_heading_with_Arabic_French_and_English_entries_When_imported_Then_each_entry_has_its_language_and_a_line_break_continues_the_item()
    {
        var article = Import(P("المقدمة", Heading) + P("نص المقدمة.")
            + P("قائمة المراجع:", Heading)
            + P("كاتز، مارك. روسيا وإيران. بيروت، 2012.")
            + P("Dupont, J. La Russie et l'Iran. Paris, 2011.", run: "<w:lang w:val=\"fr-FR\"/>")
            + DocxFixture.Paragraph(DocxFixture.Run("Smith, J. (2020). A title.") + "<w:r><w:br/></w:r>" + DocxFixture.Run("Second line.")));

        var references = Assert.IsType<ReferenceSection>(article.References);
        Assert.Equal(("قائمة المراجع:", "ar"), (references.Title, references.Language));
        Assert.Equal(["ar", "fr", "en"], references.Entries.Select(e => e.Language));
        var text = ArticleMarkdown.Write(article, ArticleMarkdown.MetadataFrom(article)).Single(f => f.Path == "ar/references.md").Text;
        Assert.StartsWith("---\ntitle: \"قائمة المراجع:\"\nlang: ar\ndir: rtl\nslug: references\n---\n\n- كاتز", text, StringComparison.Ordinal);
        Assert.Contains("\n- {lang=fr} Dupont, J. La Russie et l'Iran. Paris, 2011.\n", text, StringComparison.Ordinal);
        Assert.EndsWith("\n- {lang=en} Smith, J. (2020). A title.\\\n  Second line.\n", text, StringComparison.Ordinal);
        Assert.Equal(["المقدمة"], article.Chapters.Select(c => c.Title));
    }

    [Fact]
    public void Given_a_references_heading_over_a_table_When_imported_Then_it_stays_a_chapter()
    {
        var table = "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Katz</w:t></w:r></w:p></w:tc></w:tr></w:tbl>";

        var article = Import(P("المقدمة", Heading) + P("نص المقدمة.") + P("المراجع", Heading) + table);

        Assert.Null(article.References);
        Assert.Equal(["المقدمة", "المراجع"], article.Chapters.Select(c => c.Title));
    }

    [Fact]
    public void Given_a_document_that_opens_with_a_references_heading_When_imported_Then_it_is_no_reference_list()
    {
        var article = Import(P("References", Heading) + P("Katz, M. Russia and Iran. 2010."));

        Assert.Null(article.References);
    }
}

using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using EditionBuilder.Content;
using EditionBuilder.Diagnostics;
using EditionBuilder.Import;
using EditionBuilder.Import.Census;
using EditionBuilder.Markdown;
using EditionBuilder.Model;
using EditionBuilder.Tests.Support;
using Xunit;

namespace EditionBuilder.Tests.Import.Census;

/// <summary>
/// Word documents that other programs wrote (LibreOffice and python-docx, committed with the script that made them in Corpus/; pandoc, run
/// here): each passes the conservation check, and the words its own text runs hold are on the built pages (at least 99.5% of them).
/// </summary>
public class WordCorpusTests
{
    private const string Pandoc = "/usr/bin/pandoc";

    private static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    private static byte[] Corpus(string name) => File.ReadAllBytes(Path.Combine(Repo.TestsFolder, "Import", "Census", "Corpus", name));

    private static byte[] PandocDocx(string markdown)
    {
        if (!File.Exists(Pandoc))
        {
            if (InCi) Assert.Fail("pandoc is missing: apt-get install -y pandoc");
            Skip.If(true, "pandoc is not installed (apt-get install -y pandoc)");
        }

        using var temp = new TempFolder();
        temp.File("in.md", markdown);
        return PandocDocuments.Docx(temp);
    }

    private static (Article Article, ConservationReport Kept) Import(string name, byte[] bytes)
    {
        var diagnostics = new DiagnosticBag();
        var article = SourceReader.Read(name, bytes, diagnostics, out var kept);
        Assert.True(article is not null && kept is { AllKept: true }, string.Join('\n', diagnostics.Items));
        return (article, kept);
    }

    // The share of the words of the document's own runs (its census) found on the article's pages once imported and built.
    private static double WordsOnPages(string name, byte[] bytes, Article article)
    {
        var census = DocxCensus.Take(bytes)!;
        using var temp = new TempFolder();
        File.WriteAllText(Path.Combine(temp.Path, "edition.yml"), "name:\n  ar: طبعة تجريبية\n");
        var folder = Path.Combine(temp.Path, "corpus");
        foreach (var (path, content) in ArticleMarkdown.Files(article, ArticleMarkdown.MetadataFrom(article)))
        {
            var full = Path.Combine(folder, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllBytes(full, content);
        }

        var diagnostics = new DiagnosticBag();
        var edition = ContentFolder.Read(temp.Path, diagnostics);
        Assert.True(edition is not null, name + ": " + string.Join('\n', diagnostics.Items));
        var site = Sites.Render(EditionBuilder.Themes.Theme.Load(Repo.Templates, diagnostics)!, edition, diagnostics);
        Assert.True(site is not null, name + ": " + string.Join('\n', diagnostics.Items));

        var onPages = new Dictionary<string, int>(StringComparer.Ordinal);
        var parser = new HtmlParser();
        foreach (var page in site.Where(f => f.Path.StartsWith("corpus/", StringComparison.Ordinal) && f.Path.EndsWith(".html", StringComparison.Ordinal)))
        {
            var document = parser.ParseDocument(page.AsText());
            foreach (var hidden in document.QuerySelectorAll("script, style").ToList()) hidden.Remove();
            var texts = document.Body!.Descendants<IText>().Select(t => t.Data);
            foreach (var word in texts.SelectMany(Letters.Words)) onPages[word] = onPages.GetValueOrDefault(word) + 1;
        }

        var words = census.Paragraphs.SelectMany(p => Letters.Words(p.Text)).ToList();
        var found = words.Count(w => onPages.TryGetValue(w, out var n) && n > 0 && (onPages[w] = n - 1) >= 0);
        return words.Count == 0 ? 1 : (double)found / words.Count;
    }

    [Fact]
    public void Given_a_LibreOffice_document_with_notes_a_text_box_a_merged_table_a_bibliography_and_an_abstract_When_imported_Then_nothing_is_lost()
    {
        var bytes = Corpus("libreoffice-article.docx");

        var (article, kept) = Import("libreoffice-article.docx", bytes);

        Assert.Equal(2, kept.Notes);
        Assert.Equal(["المقدمة", "الخاتمة"], article.Chapters.Select(c => c.Title));
        var references = Assert.IsType<ReferenceSection>(article.References);
        Assert.Equal("Bibliography", references.Title);
        Assert.Equal(["en", "en"], references.Entries.Select(e => e.Language));
        Assert.Contains(new Styled(TextStyle.Emphasis, [new TextRun("Nuclear diplomacy")]), references.Entries[1].Inlines);
        Assert.Equal("en", Assert.Single(article.Abstracts).Language);
        Assert.InRange(WordsOnPages("libreoffice-article.docx", bytes, article), 0.995, 1.0);
    }

    [Fact]
    public void Given_a_python_docx_document_with_Latin_headings_When_imported_Then_every_section_is_a_chapter_in_English_and_the_list_stays_in_the_body()
    {
        var bytes = Corpus("python-docx-article.docx");

        var (article, _) = Import("python-docx-article.docx", bytes);

        Assert.Equal(["Introduction", "Methods", "Results", "Discussion"], article.Chapters.Select(c => c.Title).Where(t => t.Length > 0));
        Assert.All(article.Chapters, c => Assert.Equal("en", c.Language));
        Assert.Contains("lang: en\ndir: ltr\n", ChapterWriter.Write(article.Chapters[^1]), StringComparison.Ordinal);
        Assert.Equal("References", article.References!.Title);
        Assert.Equal(2, article.References.Entries.Count);
        Assert.Equal("fr", Assert.Single(article.Abstracts).Language);
        Assert.Empty(article.Opening.Authors);
        Assert.Contains(article.Chapters.SelectMany(c => c.Blocks).OfType<ItemList>(), l => l.Items.Count == 2);
        Assert.InRange(WordsOnPages("python-docx-article.docx", bytes, article), 0.995, 1.0);
    }

    private const string EnglishArticle = """
        ---
        title: A Short English Article
        ---

        # Introduction

        The first section of a short English article, with a note.[^1]

        # Background

        A second section in English, which must stay a chapter of its own.

        | Country | Year |
        |---|---|
        | Russia | 2015 |

        # Conclusion

        The last section of the article, in English as well.

        [^1]: A note in English.
        """;

    [SkippableFact]
    public void Given_a_pandoc_document_whose_sections_all_have_Latin_headings_When_imported_Then_each_is_an_English_chapter_and_nothing_is_lost()
    {
        var bytes = PandocDocx(EnglishArticle);

        var (article, kept) = Import("english.docx", bytes);

        Assert.Equal(["Introduction", "Background", "Conclusion"], article.Chapters.Select(c => c.Title));
        Assert.All(article.Chapters, c => Assert.Equal("en", c.Language));
        Assert.Empty(article.Abstracts);
        Assert.Equal(1, kept.Notes);
        Assert.InRange(WordsOnPages("english.docx", bytes, article), 0.995, 1.0);
    }

    private const string ArabicWithReferencesBeforeAbstract = """
        ---
        title: الشراكة الروسية الإيرانية
        lang: ar
        ---

        # المقدمة

        تتناول هذه الدراسة العلاقات بين روسيا وإيران في مجال الطاقة.[^1]

        # الخاتمة

        خلصت الدراسة إلى أن الشراكة مستمرة رغم العقوبات.

        # References

        كاتز، مارك. روسيا وإيران. بيروت، 2012.

        Katz, M. (2010). *Russia and Iran: Strategic Partners*. Washington.

        Smith, J. (2020). *Nuclear diplomacy*. https://doi.org/10.1000/xyz

        # The Russian-Iranian Partnership in Nuclear Energy

        This study examines the partnership between Russia and Iran in nuclear energy since 1995, the agreements that followed it, and the reasons why it has lasted despite international sanctions.

        [^1]: انظر تقرير الوكالة الدولية للطاقة الذرية.
        """;

    [SkippableFact]
    public void Given_an_Arabic_article_whose_English_references_come_before_its_English_abstract_When_imported_Then_the_abstract_is_intact_the_references_are_a_list_and_the_English_title_is_its_own()
    {
        var bytes = PandocDocx(ArabicWithReferencesBeforeAbstract);

        var (article, _) = Import("golden.docx", bytes);

        var summary = Assert.Single(article.Abstracts);
        Assert.Equal("en", summary.Language);
        Assert.Equal("The Russian-Iranian Partnership in Nuclear Energy", summary.Title);
        Assert.StartsWith("This study examines the partnership", Assert.Single(summary.Paragraphs), StringComparison.Ordinal);
        Assert.Equal("The Russian-Iranian Partnership in Nuclear Energy", ArticleMarkdown.MetadataFrom(article).Title["en"]);
        Assert.Equal(["المقدمة", "الخاتمة"], article.Chapters.Select(c => c.Title));
        var files = ArticleMarkdown.Write(article, ArticleMarkdown.MetadataFrom(article)).ToDictionary(f => f.Path, f => f.Text);
        Assert.Equal("""
            ---
            title: "References"
            lang: ar
            dir: rtl
            slug: references
            ---

            - كاتز، مارك. روسيا وإيران. بيروت، 2012.
            - {lang=en} Katz, M. (2010). *Russia and Iran: Strategic Partners*. Washington.
            - {lang=en} Smith, J. (2020). *Nuclear diplomacy*. https://doi.org/10.1000/xyz

            """.Replace("\r\n", "\n", StringComparison.Ordinal), files["ar/references.md"]);
        Assert.InRange(WordsOnPages("golden.docx", bytes, article), 0.995, 1.0);
    }

    [SkippableFact]
    public void Given_the_Arabic_article_with_English_references_as_a_lone_document_When_built_Then_its_reference_list_is_an_Arabic_page_with_each_entry_in_its_language()
    {
        using var temp = new TempFolder();
        var source = Path.Combine(temp.Path, "golden.docx");
        File.WriteAllBytes(source, PandocDocx(ArabicWithReferencesBeforeAbstract));

        var diagnostics = new DiagnosticBag();
        var content = ContentFolder.ReadSource(source, diagnostics);
        Assert.True(content is not null, string.Join('\n', diagnostics.Items));
        var site = Sites.Render(EditionBuilder.Themes.Theme.Load(Repo.Templates, diagnostics)!, content, diagnostics);
        Assert.True(site is not null, string.Join('\n', diagnostics.Items));

        var slug = content.Articles.Single().Slug;
        var page = new HtmlParser().ParseDocument(site.Single(f => f.Path == $"{slug}/references.html").AsText());
        Assert.Equal("ar", page.DocumentElement.GetAttribute("lang"));
        var entries = page.QuerySelectorAll("li[id^=ref-]").ToList();
        Assert.Equal(3, entries.Count);
        Assert.StartsWith("كاتز", entries[0].TextContent.Trim(), StringComparison.Ordinal);
        Assert.NotEqual("en", entries[0].GetAttribute("lang"));
        Assert.Equal(["en", "en"], entries.Skip(1).Select(e => e.GetAttribute("lang")));
        Assert.Contains("citation_reference", site.Single(f => f.Path == $"{slug}/index.html").AsText(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Given_the_seed_made_into_a_Word_document_by_pandoc_When_imported_Then_zero_letters_are_lost()
    {
        var seed = WordExportReader.Read("article.txt", Repo.SeedBytes(), new DiagnosticBag())!;
        var markdown = string.Join("\n\n", ArticleMarkdown.Write(seed, ArticleMarkdown.MetadataFrom(seed))
            .Where(f => f.Path.EndsWith(".md", StringComparison.Ordinal))
            .Select(f => FrontMatter.Split(f.Text) is var parts ? "# " + FrontMatter.Read(f.Path, parts.Yaml, new DiagnosticBag())!.Title + "\n" + parts.Body : string.Empty))
            // A paragraph's direction mark is this edition's own Markdown, which pandoc would print as text.
            .Replace("{dir=ltr} ", string.Empty, StringComparison.Ordinal).Replace("{dir=rtl} ", string.Empty, StringComparison.Ordinal);
        var bytes = PandocDocx(markdown);

        var (_, kept) = Import("seed.docx", bytes);

        Assert.True(kept.AllKept, kept.Summary);
        Assert.Equal(40, kept.Notes);
        Assert.True(kept.Letters > 40_000, kept.Summary);
    }

    [Fact]
    public void Given_a_Word_document_with_no_text_When_imported_Then_it_is_EB0001()
    {
        var bytes = new EditionBuilder.Fuzz.DocxFixture { Body = "<w:p/><w:p><w:r><w:t xml:space=\"preserve\">  </w:t></w:r></w:p>" }.Build();
        var diagnostics = new DiagnosticBag();

        var article = SourceReader.Read("empty.docx", bytes, diagnostics);

        Assert.Null(article);
        Assert.Contains(diagnostics.Items, d => d.Code == DiagnosticCodes.EmptySource && d.Severity == Severity.Error);
    }
}

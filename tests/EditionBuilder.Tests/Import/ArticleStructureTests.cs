using EditionBuilder.Content;
using EditionBuilder.Diagnostics;
using EditionBuilder.Import;
using EditionBuilder.Import.Census;
using EditionBuilder.Markdown;
using EditionBuilder.Model;
using EditionBuilder.Tests.Support;
using Xunit;

namespace EditionBuilder.Tests.Import;

/// <summary>
/// How the import gives an article its structure (issue 28), on documents other programs wrote (pandoc run here, LibreOffice committed in
/// Census/Corpus) and text exports: abstract and references in either order, headed or not; Word's Bibliography style; a note cited in
/// the references; authors with their own affiliations. Every import here passes the conservation check.
/// </summary>
public class ArticleStructureTests
{
    private const string Pandoc = "/usr/bin/pandoc";

    private const string LongAbstract = "This study examines the partnership between Russia and Iran in nuclear energy since 1995, the agreements that followed it, and the reasons why it has lasted despite international sanctions.";

    private static byte[] PandocDocx(string markdown, params string[] options)
    {
        Programs.Require(Pandoc, "pandoc");
        using var temp = new TempFolder();
        temp.File("in.md", markdown);
        temp.File("refs.bib", """
            @book{katz, author={Katz, Mark}, title={Russia and Iran: Strategic Partners}, publisher={Routledge}, address={London}, year={2012}}
            @book{smith, author={Smith, John}, title={Nuclear Diplomacy}, publisher={Oxford University Press}, year={2019}}
            """);
        return PandocDocuments.Docx(temp, options);
    }

    private static (Article Article, DiagnosticBag Diagnostics) Import(string name, byte[] bytes)
    {
        var diagnostics = new DiagnosticBag();
        var article = SourceReader.Read(name, bytes, diagnostics, out var kept);
        Assert.True(article is not null && kept is { AllKept: true }, string.Join('\n', diagnostics.Items));
        return (article, diagnostics);
    }

    private static (Article Article, DiagnosticBag Diagnostics) ImportText(string name, params string[] lines) =>
        Import(name, System.Text.Encoding.UTF8.GetBytes(string.Join("\n\n", lines) + "\n"));

    // The source built as a lone document, as `edition build article.docx` does: null with the errors when it does not build.
    private static (IReadOnlyList<EditionBuilder.Site.SiteFile>? Site, DiagnosticBag Diagnostics) Build(string name, byte[] bytes)
    {
        using var temp = new TempFolder();
        var source = temp.File(name, bytes);
        var diagnostics = new DiagnosticBag();
        var content = ContentFolder.ReadSource(source, diagnostics);
        if (content is null) return (null, diagnostics);
        return (Sites.Render(EditionBuilder.Themes.Theme.Load(Repo.Templates, diagnostics)!, content, diagnostics), diagnostics);
    }

    private static string ReferencesFile(Article article) =>
        ArticleMarkdown.Write(article, ArticleMarkdown.MetadataFrom(article)).Single(f => f.Path == "ar/references.md").Text;

    private static void AssertArabicArticleWithEnglishBackMatter(Article article, string abstractTitle)
    {
        Assert.Equal(["المقدمة", "الخاتمة"], article.Chapters.Select(c => c.Title));
        var summary = Assert.Single(article.Abstracts);
        Assert.Equal(("en", abstractTitle), (summary.Language, summary.Title));
        Assert.Equal(LongAbstract, Assert.Single(summary.Paragraphs));
        var references = Assert.IsType<ReferenceSection>(article.References);
        Assert.Equal("References", references.Title);
        Assert.Equal(2, references.Entries.Count);
        Assert.StartsWith("Katz, M", InlineText.Plain(references.Entries[0].Inlines), StringComparison.Ordinal);
        Assert.All(references.Entries, e => Assert.Equal("en", e.Language));
    }

    private static string ArabicArticle(string backMatter) => $"""
        ---
        title: الشراكة الروسية الإيرانية
        ---

        # المقدمة

        تتناول هذه الدراسة العلاقات بين روسيا وإيران في مجال الطاقة.[^1]

        # الخاتمة

        خلصت الدراسة إلى أن الشراكة مستمرة رغم العقوبات.

        {backMatter}

        [^1]: انظر تقرير الوكالة الدولية للطاقة الذرية.
        """;

    private const string References = """
        References

        Katz, M. (2010). *Russia and Iran: Strategic Partners*. Washington.

        Smith, J. (2020). *Nuclear diplomacy*. https://doi.org/10.1000/xyz
        """;

    // --- 1. Abstract and references in either order -------------------------------------------------------------------------

    [SkippableFact]
    public void Given_a_pandoc_document_whose_English_Abstract_heading_comes_before_its_References_heading_When_imported_Then_each_is_what_it_is()
    {
        var bytes = PandocDocx(ArabicArticle("# Abstract\n\n" + LongAbstract + "\n\n# " + References));

        var (article, _) = Import("abstract-first.docx", bytes);

        AssertArabicArticleWithEnglishBackMatter(article, "Abstract");
    }

    [Fact]
    public void Given_a_LibreOffice_document_without_heading_styles_whose_Abstract_comes_before_its_References_When_imported_Then_the_references_are_no_part_of_the_abstract()
    {
        var bytes = File.ReadAllBytes(Path.Combine(Repo.TestsFolder, "Import", "Census", "Corpus", "libreoffice-abstract-before-references.docx"));

        var (article, _) = Import("libreoffice-abstract-before-references.docx", bytes);

        AssertArabicArticleWithEnglishBackMatter(article, "Abstract");
        Assert.Contains(new Styled(TextStyle.Emphasis, [new TextRun("Russia and Iran: Strategic Partners")]), article.References!.Entries[0].Inlines);
    }

    [SkippableFact]
    public void Given_a_document_without_heading_styles_whose_References_come_before_an_abstract_headed_by_the_English_title_When_imported_Then_both_are_found()
    {
        // The golden layout of Arab journals, in plain paragraphs: pandoc writes "References" and the English title as body text.
        var bytes = PandocDocx(ArabicArticle(References + "\n\nThe Russian-Iranian Partnership in Nuclear Energy\n\n" + LongAbstract).Replace("# ", string.Empty, StringComparison.Ordinal));

        var (article, _) = Import("plain-golden.docx", bytes);

        AssertArabicArticleWithEnglishBackMatter(article, "The Russian-Iranian Partnership in Nuclear Energy");
    }

    [SkippableFact]
    public void Given_headed_sections_and_a_plain_References_paragraph_after_the_last_one_When_imported_Then_the_list_leaves_the_last_chapter()
    {
        var bytes = PandocDocx(ArabicArticle(References));

        var (article, _) = Import("plain-references.docx", bytes);

        Assert.Equal(["المقدمة", "الخاتمة"], article.Chapters.Select(c => c.Title));
        Assert.Equal(2, article.References!.Entries.Count);
        Assert.DoesNotContain(article.Chapters[^1].Blocks.OfType<Paragraph>(), p => p.PlainText.Contains("Katz", StringComparison.Ordinal));
    }

    [SkippableFact]
    public void Given_a_plain_Sources_line_and_a_Bibliography_styled_paragraph_in_the_middle_of_the_body_When_imported_Then_they_stay_in_their_chapter()
    {
        var bytes = PandocDocx("""
            # المقدمة

            نص المقدمة.

            المصادر

            تعتمد الدراسة على وثائق رسمية ومقابلات.

            ::: {custom-style="Bibliography"}
            فقرة كتبت بنمط المراجع خطأً.
            :::

            # الخاتمة

            نص الخاتمة.
            """);

        var (article, diagnostics) = Import("middle.docx", bytes);

        Assert.Null(article.References);
        Assert.Equal(["المقدمة", "الخاتمة"], article.Chapters.Select(c => c.Title));
        Assert.Equal(["نص المقدمة.", "المصادر", "تعتمد الدراسة على وثائق رسمية ومقابلات.", "فقرة كتبت بنمط المراجع خطأً."], article.Chapters[0].Paragraphs.Select(p => p.PlainText));
        Assert.DoesNotContain(diagnostics.Items, d => d.Code == DiagnosticCodes.BibliographyWithoutHeading);
    }

    private static readonly string[] ArabicBody =
    [
        "المقدمة", "[bookmark: _ftnref1]تتناول هذه الدراسة العلاقات بين روسيا وإيران في مجال الطاقة.[1]", "الخاتمة", "خلصت الدراسة إلى أن الشراكة مستمرة رغم العقوبات.",
    ];

    private static readonly string[] EnglishReferences =
        ["References", "Katz, M. (2010). Russia and Iran: Strategic Partners. Washington.", "Smith, J. (2020). Nuclear diplomacy. https://doi.org/10.1000/xyz"];

    public static TheoryData<string, string[]> TextExports => new()
    {
        // Word's export puts the notes after everything: the back matter stands before them.
        { "Abstract", [.. ArabicBody, "Abstract", LongAbstract, .. EnglishReferences, "[1]- حاشية أولى."] },
        { "The Russian-Iranian Partnership in Nuclear Energy", [.. ArabicBody, .. EnglishReferences, "The Russian-Iranian Partnership in Nuclear Energy", LongAbstract, "[1]- حاشية أولى."] },
        // The seed's layout: the abstracts after the notes.
        { "Abstract", [.. ArabicBody, "[1]- حاشية أولى.", "Abstract", LongAbstract, .. EnglishReferences] },
        { "The Russian-Iranian Partnership in Nuclear Energy", [.. ArabicBody, "[1]- حاشية أولى.", .. EnglishReferences, "The Russian-Iranian Partnership in Nuclear Energy", LongAbstract] },
    };

    [Theory]
    [MemberData(nameof(TextExports))]
    public void Given_a_text_export_with_an_English_abstract_and_references_in_either_order_before_or_after_the_notes_When_imported_Then_each_is_what_it_is(string abstractTitle, string[] lines)
    {
        var (article, _) = ImportText("article.txt", lines);

        AssertArabicArticleWithEnglishBackMatter(article, abstractTitle);
        Assert.Equal(["1"], article.Notes.Select(n => n.Id));
        Assert.Equal("حاشية أولى.", article.Notes.Single().Lines.Single());
    }

    [Fact]
    public void Given_a_text_export_whose_References_section_stands_first_When_imported_Then_it_stays_a_chapter()
    {
        var (article, _) = ImportText("article.txt", "References", "Katz, M. (2010). Russia and Iran. Washington.", "المقدمة", "نص المقدمة.");

        Assert.Null(article.References);
        Assert.Equal("References", article.Chapters[0].Title);
    }

    // --- 2. Word's Bibliography style ----------------------------------------------------------------------------------------

    [SkippableFact]
    public void Given_a_pandoc_bibliography_made_by_citeproc_without_a_heading_When_imported_Then_its_paragraphs_are_the_reference_list_with_a_warning()
    {
        var bytes = PandocDocx(ArabicArticle(string.Empty).Replace("title: الشراكة الروسية الإيرانية", "title: الشراكة الروسية الإيرانية\nnocite: '@*'", StringComparison.Ordinal),
            "--citeproc", "--bibliography", "refs.bib");

        var (article, diagnostics) = Import("citeproc.docx", bytes);

        var references = Assert.IsType<ReferenceSection>(article.References);
        Assert.Equal(("References", "en"), (references.Title, references.Language));
        Assert.Equal(["Katz, Mark. 2012. Russia and Iran: Strategic Partners. London: Routledge.", "Smith, John. 2019. Nuclear Diplomacy. Oxford University Press."],
            references.Entries.Select(e => InlineText.Plain(e.Inlines)));
        Assert.Equal(["المقدمة", "الخاتمة"], article.Chapters.Select(c => c.Title));
        var warning = Assert.Single(diagnostics.Items, d => d.Code == DiagnosticCodes.BibliographyWithoutHeading);
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.StartsWith("citeproc.docx:paragraph ", warning.Path, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Given_paragraphs_in_a_localized_Bibliography_style_under_a_heading_of_their_own_When_imported_Then_that_heading_titles_the_list()
    {
        var bytes = PandocDocx(ArabicArticle("""
            # مصادر الدراسة

            ::: {custom-style="Bibliographie"}
            كاتز، مارك. روسيا وإيران. بيروت، 2012.
            :::

            ::: {custom-style="Bibliographie"}
            Katz, M. (2010). Russia and Iran: Strategic Partners. Washington.
            :::
            """));

        var (article, diagnostics) = Import("bibliographie.docx", bytes);

        var references = Assert.IsType<ReferenceSection>(article.References);
        Assert.Equal(("مصادر الدراسة", "ar"), (references.Title, references.Language));
        Assert.Equal(["ar", "en"], references.Entries.Select(e => e.Language));
        Assert.Equal(["المقدمة", "الخاتمة"], article.Chapters.Select(c => c.Title));
        Assert.DoesNotContain(diagnostics.Items, d => d.Code == DiagnosticCodes.BibliographyWithoutHeading);
    }

    [SkippableFact]
    public void Given_a_French_entry_without_w_lang_in_a_document_whose_default_language_is_English_When_imported_Then_the_entry_is_French()
    {
        // pandoc's documents declare en-US as every run's default (w:docDefaults), and its Bibliography paragraphs say no language of their own.
        var bytes = PandocDocx(ArabicArticle("""
            # Bibliography

            ::: {custom-style="Bibliography"}
            Dupont, Jean. La politique étrangère de la Russie et l’Iran. Paris : Éditions du Seuil, 2015, pp. 12-45.
            :::

            ::: {custom-style="Bibliography"}
            Katz, Mark. Russia and Iran: Strategic Partners. London: Routledge, 2012, pp. 3-9.
            :::

            ::: {custom-style="Bibliography"}
            كاتز، مارك. روسيا وإيران. بيروت، 2012.
            :::
            """));

        var (article, _) = Import("bibliography-fr.docx", bytes);

        var references = Assert.IsType<ReferenceSection>(article.References);
        Assert.Equal(["fr", "en", "ar"], references.Entries.Select(e => e.Language));
        Assert.Contains("- {lang=fr} Dupont, Jean.", ReferencesFile(article), StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Given_a_document_that_is_only_Bibliography_paragraphs_When_imported_Then_they_are_its_text_not_a_list()
    {
        var bytes = PandocDocx("""
            ::: {custom-style="Bibliography"}
            Katz, M. (2010). Russia and Iran. Washington.
            :::

            ::: {custom-style="Bibliography"}
            Smith, J. (2020). Nuclear diplomacy. Oxford.
            :::
            """);

        var (article, _) = Import("only-bibliography.docx", bytes);

        Assert.Null(article.References);
        Assert.Equal(2, article.Chapters.SelectMany(c => c.Paragraphs).Count(p => p.PlainText.Length > 0));
    }

    // --- 3. A note cited in the references ------------------------------------------------------------------------------------

    [SkippableFact]
    public void Given_a_reference_that_cites_a_note_When_imported_and_built_Then_the_note_is_text_of_the_entry_and_the_site_builds()
    {
        var markdown = ArabicArticle("# References\n\nKatz, M. (2010). *Russia and Iran*.[^2] Washington.\n\nSmith, J. (2020). Nuclear diplomacy.")
            + "\n[^2]: Second edition, revised in 2015.\n";
        var bytes = PandocDocx(markdown);

        var (article, diagnostics) = Import("note-in-references.docx", bytes);

        var entry = article.References!.Entries[0];
        Assert.DoesNotContain(InlineText.Descendants(entry.Inlines), i => i is NoteReference);
        Assert.Equal("Katz, M. (2010). Russia and Iran. (Second edition, revised in 2015.) Washington.", InlineText.Plain(entry.Inlines));
        Assert.Equal(["1"], article.Notes.Select(n => n.Id)); // the note that only the list cited is no note now
        Assert.Equal((1, 1), (article.References.NoteReferencesMadeText, article.References.NotesMadeText));
        Assert.Contains(diagnostics.Items, d => d.Code == DiagnosticCodes.NoteInReferences && d.Severity == Severity.Warning && d.Message.Contains("reference 1", StringComparison.Ordinal));

        var (site, built) = Build("note-in-references.docx", bytes);
        Assert.True(site is not null, string.Join('\n', built.Items));
        Assert.DoesNotContain(built.Items, d => d.Code == DiagnosticCodes.ReferencesHoldNote);
        Assert.Contains(site, f => f.Path.EndsWith("/references.html", StringComparison.Ordinal) && f.AsText().Contains("Second edition, revised in 2015.", StringComparison.Ordinal));
    }

    [Fact]
    public void Given_a_text_export_whose_reference_cites_a_note_that_the_text_cites_too_When_imported_Then_the_note_stays_and_the_entry_holds_its_text()
    {
        var (article, diagnostics) = ImportText("article.txt",
            "المقدمة", "[bookmark: _ftnref1]نص المقدمة.[1]", "المراجع", "كاتز، مارك. روسيا وإيران.[1] بيروت، 2012.", "[1]- الطبعة الثانية.");

        Assert.Equal("كاتز، مارك. روسيا وإيران. (الطبعة الثانية.) بيروت، 2012.", InlineText.Plain(article.References!.Entries.Single().Inlines));
        Assert.Equal(["1"], article.Notes.Select(n => n.Id));
        Assert.Equal((1, 0), (article.References.NoteReferencesMadeText, article.References.NotesMadeText));
        Assert.Contains(diagnostics.Items, d => d.Code == DiagnosticCodes.NoteInReferences);
    }

    [Fact]
    public void Given_a_note_folded_into_the_references_When_the_import_forgets_to_say_so_Then_the_conservation_check_reports_the_note_lost()
    {
        var lines = string.Join("\n\n", "المقدمة", "نص المقدمة.", "المراجع", "كاتز، مارك. روسيا وإيران.[1] بيروت، 2012.", "[1]- الطبعة الثانية.") + "\n";
        var decoded = SourceDecoder.Decode("article.txt", System.Text.Encoding.UTF8.GetBytes(lines), new DiagnosticBag())!;
        var article = WordExportReader.Read("article.txt", decoded, new DiagnosticBag())!;
        var written = WrittenCensus.Of(ArticleMarkdown.Write(article, ArticleMarkdown.MetadataFrom(article)));
        var diagnostics = new DiagnosticBag();

        var report = ConservationCheck.Check("article.txt", TextExportCensus.Take(decoded), written, diagnostics);

        Assert.Equal((1, 1), (report.NoteReferencesLost, report.NotesLost));
        Assert.Contains(diagnostics.Items, d => d.Code == DiagnosticCodes.ImportNotesLost);
        Assert.True(ConservationCheck.Check("article.txt", TextExportCensus.Take(decoded), written, new DiagnosticBag(),
            (article.References!.NoteReferencesMadeText, article.References.NotesMadeText)).AllKept);
    }

    // --- 4. Front matter ------------------------------------------------------------------------------------------------------

    private static Article Opening(string authorsYaml, params string[] lines)
    {
        var markdown = "---\ntitle: المياه والسياسة\n" + authorsYaml + "---\n\n" + string.Join("\n\n", lines) + "\n\n# المقدمة\n\nنص المقدمة هنا.\n";
        return Import("opening.docx", PandocDocx(markdown)).Article;
    }

    private static readonly (string Name, string[] Affiliations)[] TwoAuthors =
        [("ليلى حداد", ["كلية الآداب، الجامعة الأردنية"]), ("سامي خليل", ["كلية العلوم، جامعة دمشق"])];

    private static void AssertTwoAuthors(Article article)
    {
        Assert.Equal(TwoAuthors.Select(a => a.Name), article.Opening.Authors.Select(a => a.Name));
        Assert.Equal(TwoAuthors.Select(a => a.Affiliations), article.Opening.Authors.Select(a => a.Affiliations.ToArray()));
        Assert.Equal(["نص المقدمة هنا."], article.Chapters.SelectMany(c => c.Paragraphs).Select(p => p.PlainText));
    }

    [SkippableFact]
    public void Given_name_comma_affiliation_lines_When_imported_Then_each_author_has_their_own_affiliation() =>
        AssertTwoAuthors(Opening(string.Empty, "ليلى حداد، كلية الآداب، الجامعة الأردنية", "سامي خليل، كلية العلوم، جامعة دمشق"));

    [SkippableFact]
    public void Given_raised_digits_after_the_names_matched_by_the_affiliation_lines_When_imported_Then_each_author_has_their_own_affiliation() =>
        // pandoc writes ^1^ as a run with w:vertAlign superscript: the name's text is "ليلى حداد1".
        AssertTwoAuthors(Opening(string.Empty, "ليلى حداد^1^، سامي خليل^2^", "^2^ كلية العلوم، جامعة دمشق", "^1^ كلية الآداب، الجامعة الأردنية"));

    [SkippableFact]
    public void Given_superscript_characters_after_the_names_When_imported_Then_each_author_has_their_own_affiliation() =>
        AssertTwoAuthors(Opening(string.Empty, "ليلى حداد¹، سامي خليل²", "¹ كلية الآداب، الجامعة الأردنية", "² كلية العلوم، جامعة دمشق"));

    [SkippableFact]
    public void Given_alternating_name_and_affiliation_lines_When_imported_Then_each_author_has_their_own_affiliation() =>
        AssertTwoAuthors(Opening(string.Empty, "ليلى حداد", "كلية الآداب، الجامعة الأردنية", "سامي خليل", "كلية العلوم، جامعة دمشق"));

    [SkippableFact]
    public void Given_pandoc_Author_paragraphs_then_each_name_again_with_its_affiliation_When_imported_Then_each_author_is_named_once_with_their_own_affiliation() =>
        AssertTwoAuthors(Opening("author:\n- ليلى حداد\n- سامي خليل\n", "ليلى حداد", "كلية الآداب، الجامعة الأردنية", "سامي خليل", "كلية العلوم، جامعة دمشق"));

    [SkippableFact]
    public void Given_only_pandoc_Author_paragraphs_When_imported_Then_they_are_the_authors()
    {
        var article = Opening("author:\n- د. ليلى حداد\n- Sami Khalil\n");

        Assert.Equal(["ليلى حداد", "Sami Khalil"], article.Opening.Authors.Select(a => a.Name));
        Assert.Equal("المياه والسياسة", article.Opening.Title);
        Assert.Equal(["نص المقدمة هنا."], article.Chapters.SelectMany(c => c.Paragraphs).Select(p => p.PlainText));
    }

    [SkippableFact]
    public void Given_two_names_then_one_unmarked_affiliation_When_imported_Then_the_affiliation_stays_in_the_text_with_a_warning_and_goes_to_no_author()
    {
        var markdown = "---\ntitle: المياه والسياسة\n---\n\nليلى حداد\n\nسامي خليل\n\nكلية العلوم، جامعة دمشق\n\n# المقدمة\n\nنص المقدمة هنا.\n";

        var (article, diagnostics) = Import("unsure.docx", PandocDocx(markdown));

        Assert.All(article.Opening.Authors, a => Assert.Empty(a.Affiliations));
        Assert.Contains("كلية العلوم، جامعة دمشق", article.Chapters.SelectMany(c => c.Paragraphs).Select(p => p.PlainText));
        Assert.Contains(diagnostics.Items, d => d.Code == DiagnosticCodes.OpeningRecognized && d.Message.Contains("left as text: paragraph", StringComparison.Ordinal));
    }
}

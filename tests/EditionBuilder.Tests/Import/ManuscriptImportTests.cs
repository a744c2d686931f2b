using System.Text;
using EditionBuilder.Diagnostics;
using EditionBuilder.Import;
using EditionBuilder.Model;
using EditionBuilder.Tests.Support;
using Xunit;

namespace EditionBuilder.Tests.Import;

/// <summary>A real manuscript's opening (title, authors, affiliations, ملخص, keywords) is the article's metadata and its Arabic abstract, never chapters; headings separated by paragraph spacing only are found.</summary>
public class ManuscriptImportTests
{
    private static (Article? Article, IReadOnlyList<Diagnostic> Diagnostics) Import(string golden)
    {
        var diagnostics = new DiagnosticBag();
        var article = WordExportReader.Read(golden, File.ReadAllBytes(Path.Combine(Repo.TestsFolder, "Golden", "import", golden)), diagnostics);
        return (article, diagnostics.Items);
    }

    private static (Article? Article, IReadOnlyList<Diagnostic> Diagnostics) Read(string text)
    {
        var diagnostics = new DiagnosticBag();
        var article = WordExportReader.Read("in.txt", Encoding.UTF8.GetBytes(text), diagnostics);
        return (article, diagnostics.Items);
    }

    [Fact]
    public void Given_a_manuscript_opening_When_imported_Then_title_authors_abstract_and_keywords_are_front_matter_not_chapters()
    {
        var (article, diagnostics) = Import("007-manuscript-opening.txt");

        Assert.NotNull(article);
        var front = article.Opening;
        Assert.Equal("الشراكة الروسية – الإيرانية في سوريا", front.Title);
        Assert.Equal("انعكاساتها على الوضع الجيوستراتيجي في الشرق الأوسط", front.Subtitle);
        Assert.Equal(
            [new ManuscriptAuthor("أحمد محمد علي", ["جامعة بيروت العربية، كلية الحقوق والعلوم السياسية"], string.Empty, "ahmad.ali@example.org"),
             new ManuscriptAuthor("سارة خليل", ["الجامعة اللبنانية، معهد العلوم الاجتماعية"], "0000-0002-1825-0097", string.Empty)],
            front.Authors);
        Assert.Equal(("ar", "ملخص", 2), (front.Abstract!.Language, front.Abstract.Title, front.Abstract.Paragraphs.Count));
        Assert.Equal(["روسيا", "إيران", "سوريا", "الشرق الأوسط"], front.Keywords["ar"]);
        Assert.Equal(["Russia", "Iran", "Syria", "Middle East"], front.Keywords["en"]);
        Assert.Equal(["Russie", "Iran", "Syrie", "Moyen-Orient"], front.Keywords["fr"]);

        Assert.Equal(["المقدمة", "روسيا تعبئ الفراغ"], article.Chapters.Select(c => c.Title));
        Assert.DoesNotContain(article.Paragraphs, p => p.PlainText.Contains("ملخص", StringComparison.Ordinal) || p.PlainText.Contains("الكلمات المفتاحية", StringComparison.Ordinal));
        Assert.DoesNotContain(article.Abstracts.SelectMany(a => a.Paragraphs), p => p.StartsWith("Keywords", StringComparison.Ordinal) || p.StartsWith("Mots-clés", StringComparison.Ordinal));
        Assert.Equal([1], article.Notes.Select(n => n.Number));

        var warning = Assert.Single(diagnostics, d => d.Code == DiagnosticCodes.OpeningRecognized);
        Assert.Equal("007-manuscript-opening.txt:1:1: warning EB0108: the manuscript opens with its title, authors or abstract (the opening), read as the article's metadata (it fills article.yml's empty fields) and its Arabic abstract (ar/abstract.md), not as a chapter: "
            + "the title (line 1), the subtitle (line 2), the author أحمد محمد علي (line 3), an affiliation (line 4), an e-mail address (line 5), the author سارة خليل (line 6), "
            + "an affiliation (line 7), an ORCID iD (line 8), the abstract 'ملخص' (2 paragraphs, lines 9–11), 4 keywords (ar, line 12)", warning.ToString());
        Assert.Equal([DiagnosticCodes.OpeningRecognized], diagnostics.Select(d => d.Code));
    }

    [Fact]
    public void Given_a_short_subtitle_with_a_preposition_When_imported_Then_it_is_the_subtitle_not_an_author()
    {
        var (article, _) = Read("المياه والسياسة\nقراءة في أزمة سد النهضة\nليلى حسن\nجامعة القاهرة\n\nالمقدمة\n\nنص المقدمة هنا.\n");

        Assert.NotNull(article);
        Assert.Equal("قراءة في أزمة سد النهضة", article.Opening.Subtitle);
        Assert.Equal(["ليلى حسن"], article.Opening.Authors.Select(a => a.Name));
    }

    [Fact]
    public void Given_a_note_in_English_When_imported_Then_it_reads_left_to_right_unless_its_lines_were_placed_for_a_right_to_left_line()
    {
        var (article, _) = Read("المقدمة\n\nنص يحيل إلى مرجعين.[1] ونص آخر.[2]\n\n"
            + "[1]-       See https://www.example.org/nile-report, accessed 12 March 2021.\n"
            + "[2]-       Lavrov in an interview with Russian state TV on Sunday October 9, 2016\n  .www.uaposition.com/middle-east-monitor\n");

        Assert.NotNull(article);
        var notes = article.Notes.ToList();
        Assert.Equal(TextDirection.LeftToRight, notes[0].Paragraphs[0].Direction);
        Assert.Null(notes[1].Paragraphs[0].Direction); // ".www…" shows right only on a right-to-left line, as the author saw it
    }

    [Theory]
    [InlineData("تمهيد قصير للموضوع")]                                                   // a short paragraph without a full stop
    [InlineData("أثبت التدخل العسكري الروسي في سوريا أن موسكو عادت لاعبا أساسيا")]        // up to 14 words without one
    public void Given_a_title_then_introduction_and_conclusion_When_imported_Then_they_are_the_sections_never_authors(string firstParagraph)
    {
        const string last = "تبقى هذه الشراكة رهينة توازنات إقليمية ودولية متغيرة، ولا يمكن الحكم على مستقبلها بمعزل عنها.";

        var (article, diagnostics) = Read($"الشراكة الروسية الإيرانية\nالمقدمة\n{firstParagraph}\nالخاتمة\n{last}\n");

        Assert.NotNull(article);
        Assert.Equal("الشراكة الروسية الإيرانية", article.Opening.Title);
        Assert.Empty(article.Opening.Authors);
        Assert.Equal(["المقدمة", "الخاتمة"], article.Chapters.Select(c => c.Title));
        Assert.Equal([[firstParagraph], [last]], article.Chapters.Select(c => c.Paragraphs.Select(p => p.PlainText).ToArray()));
        Assert.EndsWith("not as a chapter: the title (line 1)", Assert.Single(diagnostics).Message);
    }

    [Fact]
    public void Given_an_author_then_sections_in_their_other_spellings_When_imported_Then_only_the_person_is_an_author()
    {
        // Vowel marks, tatweel and a final ه as typed by hand; a closing section that the body's own rule would not take for a heading.
        var (article, _) = Read("عنوان المقال\nأحمد علي\nالمقدّمه\nنص قصير بلا نقطة\nخاتمة عامة\nنص آخر بلا نقطة\nالنتائـج\nفقرة أخيرة تنتهي بنقطة.\n");

        Assert.NotNull(article);
        Assert.Equal(["أحمد علي"], article.Opening.Authors.Select(a => a.Name));
        Assert.Equal(["المقدّمه", "خاتمة عامة", "النتائـج"], article.Chapters.Select(c => c.Title));
    }

    [Fact]
    public void Given_a_lone_word_with_the_article_in_the_opening_When_imported_Then_it_is_no_author()
    {
        var (article, diagnostics) = Read("عنوان المقال\nالإشكالية\nسارة خليل\nالمقدمة\nفقرة أولى من النص تنتهي بنقطة.\n");

        Assert.NotNull(article);
        Assert.Equal(["سارة خليل"], article.Opening.Authors.Select(a => a.Name));
        Assert.EndsWith("; left as text: line 2", Assert.Single(diagnostics, d => d.Code == DiagnosticCodes.OpeningRecognized).Message);
    }

    [Theory]
    [InlineData("المقدمة", true)]
    [InlineData("مقدمة", true)]
    [InlineData("المقدمة العامة", true)]
    [InlineData("الخاتمة", true)]
    [InlineData("خاتمه", true)]
    [InlineData("الخَاتِمَة", true)]
    [InlineData("الاستنتاجات", true)]
    [InlineData("النتائج والتوصيات", true)]
    [InlineData("قائمة المراجع", true)]
    [InlineData("Introduction", true)]
    [InlineData("Conclusion", true)]
    [InlineData("مقدمة ابن خلدون في التاريخ", false)]
    [InlineData("أحمد علي", false)]
    [InlineData("الطيب صالح", false)]
    [InlineData("قائمة الطعام", false)]
    public void Given_a_line_When_asked_whether_it_is_a_well_known_section_Then_the_list_and_its_spellings_decide(string line, bool expected)
    {
        Assert.Equal(expected, SectionHeadings.IsWellKnown(line));
    }

    [Fact]
    public void Given_a_line_the_opening_cannot_place_When_imported_Then_the_warning_says_it_was_left_as_text_and_it_stays_in_the_text()
    {
        var (article, diagnostics) = Read("عنوان المقال\nأحمد علي\nجامعة دمشق\nبحث قُدّم إلى مؤتمر بيروت 2016\nملخص\n"
            + "فقرة الملخص الأولى وهي طويلة بما يكفي لتكون فقرة من فقرات النص، تذكر روسيا وإيران وسوريا.\nالمقدمة\nفقرة أولى من النص تنتهي بنقطة.\n");

        Assert.NotNull(article);
        Assert.Equal("عنوان المقال", article.Opening.Title);
        Assert.EndsWith("; left as text: line 4", Assert.Single(diagnostics, d => d.Code == DiagnosticCodes.OpeningRecognized).Message);
        Assert.Equal("بحث قُدّم إلى مؤتمر بيروت 2016", article.Paragraphs.First().PlainText);
    }

    [Theory]
    [InlineData("أحمد علي1، سارة خليل2\n1 جامعة دمشق\n2 الجامعة اللبنانية\n", "أحمد علي:جامعة دمشق|سارة خليل:الجامعة اللبنانية")]
    [InlineData("Dr. Ahmad Ali\nUniversity of Damascus\nahmad@example.org\nPr. Sara Khalil\nUniversité Libanaise, Beyrouth\n", "Ahmad Ali:University of Damascus|Sara Khalil:Université Libanaise, Beyrouth")]
    [InlineData("ليلى حداد، كلية الآداب، الجامعة الأردنية\nسامي خليل، جامعة دمشق\n", "ليلى حداد:كلية الآداب، الجامعة الأردنية|سامي خليل:جامعة دمشق")]
    [InlineData("أحمد علي\nجامعة دمشق\nسارة خليل\nالجامعة اللبنانية\n", "أحمد علي:جامعة دمشق|سارة خليل:الجامعة اللبنانية")]
    [InlineData("أحمد علي¹، سارة خليل²\n² الجامعة اللبنانية\n¹ جامعة دمشق\n", "أحمد علي:جامعة دمشق|سارة خليل:الجامعة اللبنانية")]
    public void Given_authors_with_marks_or_honorifics_When_imported_Then_each_gets_its_affiliation(string authors, string expected)
    {
        var (article, _) = Read("عنوان المقال\n" + authors + "الكلمات المفتاحية: روسيا\nالمقدمة\nفقرة أولى من النص تنتهي بنقطة.\n");

        Assert.Equal(expected, string.Join('|', article!.Opening.Authors.Select(a => a.Name + ":" + string.Join(';', a.Affiliations))));
    }

    [Fact]
    public void Given_the_seed_When_imported_Then_no_front_matter_is_found()
    {
        var diagnostics = new DiagnosticBag();

        var article = WordExportReader.Read("seed.txt", Repo.SeedBytes(), diagnostics);

        Assert.True(article!.Opening.IsEmpty);
        Assert.Empty(diagnostics.Items);
    }

    [Fact]
    public void Given_headings_separated_by_paragraph_spacing_only_When_imported_Then_each_opens_a_chapter_and_numbered_lines_stay_paragraphs()
    {
        var (article, diagnostics) = Import("008-headings-without-blank-lines.txt");

        Assert.Empty(diagnostics);
        Assert.Equal(["المقدمة", "روسيا تعبئ الفراغ", "المسائل الخلافية بين روسيا وإيران"], article!.Chapters.Select(c => c.Title));
        Assert.Equal([2, 4, 2], article.Chapters.Select(c => c.Paragraphs.Count));
        Assert.StartsWith("أولًا:", article.Chapters[2].Paragraphs[0].PlainText);
    }

    [Fact]
    public void Given_numbered_headings_without_blank_lines_When_imported_Then_the_numbered_lines_are_the_headings()
    {
        var (article, _) = Import("009-numbered-headings-without-blank-lines.txt");

        Assert.Equal(["1- المقدمة", "2- روسيا تعبئ الفراغ", "3- الاستنتاجات"], article!.Chapters.Select(c => c.Title));
        Assert.Equal("وهنا ثلاث ملاحظات", article.Chapters[1].Paragraphs[1].PlainText);
    }

    [Fact]
    public void Given_the_seed_without_its_blank_lines_When_imported_Then_it_still_has_its_ten_chapters()
    {
        var text = string.Join('\n', Repo.SeedLines().Where(l => l.Trim().Length > 0));

        var (article, _) = Read(text);

        Assert.Equal(10, article!.Chapters.Count);
        Assert.Equal(40, article.Notes.Count());
    }

    [Fact]
    public void Given_one_chapter_of_many_paragraphs_When_imported_Then_a_warning_explains_how_headings_are_found()
    {
        var paragraph = "فقرة من فقرات النص تنتهي بنقطة.\n";

        var (article, diagnostics) = Read("المقدمة\n" + string.Concat(Enumerable.Repeat(paragraph, 20)));

        Assert.Single(article!.Chapters);
        var warning = Assert.Single(diagnostics, d => d.Code == DiagnosticCodes.OneChapter);
        Assert.Equal((1, 1), (warning.Line, warning.Column));
        Assert.StartsWith("the whole text is one chapter of 20 paragraphs: no section heading was recognized. A heading is a short line (at most 14 words) without closing punctuation", warning.Message);
    }

    [Fact]
    public void Given_two_names_then_an_affiliation_without_a_mark_When_imported_Then_the_affiliation_stays_in_the_text_with_a_warning_and_no_author_gets_it()
    {
        var (article, diagnostics) = Read("عنوان المقال\nأحمد علي\nسارة خليل\nجامعة دمشق\nالكلمات المفتاحية: روسيا\nالمقدمة\nفقرة أولى من النص تنتهي بنقطة.\n");

        Assert.NotNull(article);
        Assert.Equal(["أحمد علي", "سارة خليل"], article.Opening.Authors.Select(a => a.Name));
        Assert.All(article.Opening.Authors, a => Assert.Empty(a.Affiliations));
        Assert.EndsWith("; left as text: line 4", Assert.Single(diagnostics, d => d.Code == DiagnosticCodes.OpeningRecognized).Message);
        Assert.Equal("جامعة دمشق", article.Paragraphs.First().PlainText);
    }
}

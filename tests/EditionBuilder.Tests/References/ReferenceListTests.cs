using EditionBuilder.Content;
using EditionBuilder.Diagnostics;
using EditionBuilder.Markdown.References;
using EditionBuilder.Parse;
using EditionBuilder.Tests.Support;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Xunit;

namespace EditionBuilder.Tests.References;

/// <summary>ar/references.md read into the article's reference list: one entry per item with its language, direction and id, DOIs linked; every other shape of the file a positioned error.</summary>
public class ReferenceListTests
{
    private const string Front = "---\ntitle: \"المراجع\"\nlang: ar\ndir: rtl\nslug: references\n---\n\n";

    // The body starts on line 7 (the blank line after the front matter); the first item is on line 8.
    private static (ParsedReferences? References, DiagnosticBag Diagnostics) Read(string body, string front = Front)
    {
        var diagnostics = new DiagnosticBag();
        var references = new ArticleParser().ParseReferences(new MarkdownFile("art/ar/references.md", front + body), diagnostics);
        return (references, diagnostics);
    }

    private static ParsedReferences ReadValid(string body)
    {
        var (references, diagnostics) = Read(body);
        Assert.True(references is not null, string.Join('\n', diagnostics.Items));
        Assert.Empty(diagnostics.Items);
        return references;
    }

    private static Diagnostic ReadError(string body, string front = Front)
    {
        var (references, diagnostics) = Read(body, front);
        Assert.Null(references);
        return Assert.Single(diagnostics.Items);
    }

    private static List<LinkInline> Links(Reference reference) => reference.Paragraph.Inline!.Descendants<LinkInline>().ToList();

    [Fact]
    public void Given_references_in_Arabic_English_and_French_When_read_Then_each_item_is_an_entry_with_its_language_direction_and_id()
    {
        var references = ReadValid(ReferenceEdition.References.Split("---\n\n", 2)[1]);

        Assert.Equal("المراجع", references.Title);
        Assert.Equal(["ref-1", "ref-2", "ref-3"], references.Items.Select(r => r.Id));
        Assert.Equal(["ar", "en", "fr"], references.Items.Select(r => r.Lang));
        Assert.Equal(["rtl", "ltr", "ltr"], references.Items.Select(r => r.Dir));
        // The list items carry them, so every writer's list shows them.
        var items = references.File.Document.Descendants<ListItemBlock>().Select(i => i.GetAttributes()).ToList();
        Assert.Equal(["ref-1", "ref-2", "ref-3"], items.Select(a => a.Id));
        Assert.Equal(["ar", "en", "fr"], items.Select(a => a.Properties!.Single(p => p.Key == "lang").Value));
        Assert.Equal(["rtl", "ltr", "ltr"], items.Select(a => a.Properties!.Single(p => p.Key == "dir").Value));
    }

    [Fact]
    public void Given_a_reference_with_emphasis_and_an_address_When_read_Then_its_plain_text_has_neither_the_prefix_nor_the_markup()
    {
        var references = ReadValid("- {lang=en} Smith, J.\n  (2020). *A title*. https://doi.org/10.1000/x\n");

        Assert.Equal("Smith, J. (2020). A title. https://doi.org/10.1000/x", references.Items[0].PlainText);
    }

    [Fact]
    public void Given_DOIs_written_as_text_When_read_Then_each_links_to_the_resolver_and_its_text_and_the_sentences_full_stop_stay_as_written()
    {
        var references = ReadValid("- Dupont (2018). doi:10.1234/abc.def. Et (10.1002/(SICI)1097-4571(199806)49:8), fin.\n");

        var links = Links(references.Items[0]);
        Assert.Equal(["https://doi.org/10.1234/abc.def", "https://doi.org/10.1002/(SICI)1097-4571(199806)49:8"], links.Select(l => l.Url));
        Assert.Equal(["10.1234/abc.def", "10.1002/(SICI)1097-4571(199806)49:8"], links.Select(l => string.Concat(l.Descendants<LiteralInline>().Select(x => x.Content.ToString()))));
        Assert.Equal("Dupont (2018). doi:10.1234/abc.def. Et (10.1002/(SICI)1097-4571(199806)49:8), fin.", references.Items[0].PlainText);
    }

    [Fact]
    public void Given_a_DOI_inside_an_address_or_a_version_number_When_read_Then_it_is_linked_once_or_not_at_all()
    {
        var references = ReadValid("- {lang=en} See https://doi.org/10.1000/x and version 110.2000/y and 10.12/short.\n");

        Assert.Equal(["https://doi.org/10.1000/x"], Links(references.Items[0]).Select(l => l.Url));
    }

    [Fact]
    public void Given_a_DOI_that_runs_on_past_an_escaped_character_When_read_Then_it_is_not_linked_cut_short()
    {
        var references = ReadValid("- {lang=en} A 10.1000/a\\*b here\n");

        Assert.Empty(Links(references.Items[0]));
        Assert.Equal("A 10.1000/a*b here", references.Items[0].PlainText);
    }

    [Fact]
    public void Given_a_DOI_followed_by_a_long_run_of_closing_parentheses_When_read_Then_they_are_trimmed_in_linear_time()
    {
        var references = ReadValid("- {lang=en} 10.1000/x" + new string(')', 200_000) + "\n");

        Assert.Equal(["https://doi.org/10.1000/x"], Links(references.Items[0]).Select(l => l.Url));
    }

    [Theory]
    [InlineData("10.1000/a#b?c%d", "https://doi.org/10.1000/a%23b%3Fc%25d")]
    [InlineData("10.1000/نص", "https://doi.org/10.1000/%D9%86%D8%B5")]
    [InlineData("10.1000/(a)b;c", "https://doi.org/10.1000/(a)b;c")]
    public void Given_a_DOI_with_characters_an_address_cannot_hold_as_they_are_When_linked_Then_they_are_percent_encoded(string doi, string href) =>
        Assert.Equal(href, DoiLinker.HrefOf(doi));

    [Theory]
    [InlineData("en", "ltr")]
    [InlineData("fr", "ltr")]
    [InlineData("en-GB", "ltr")]
    [InlineData("ar", "rtl")]
    [InlineData("fa", "rtl")]
    [InlineData("ur", "rtl")]
    [InlineData("ku-Arab", "rtl")]
    [InlineData("az-Latn", "ltr")]
    public void Given_a_language_When_its_direction_is_asked_Then_it_is_that_of_its_script(string lang, string dir) =>
        Assert.Equal(dir, ReferenceLanguage.DirectionOf(lang));

    [Fact]
    public void Given_an_item_in_the_files_own_language_named_When_read_Then_it_takes_the_files_direction()
    {
        var references = ReadValid("- {lang=ar} مرجع\n- {lang=fa} منبع\n");

        Assert.Equal(["rtl", "rtl"], references.Items.Select(r => r.Dir));
        Assert.Equal(["مرجع", "منبع"], references.Items.Select(r => r.PlainText));
    }

    [Fact]
    public void Given_an_escaped_brace_When_read_Then_the_prefix_is_text_and_the_item_is_in_the_files_language()
    {
        var references = ReadValid("- \\{lang=en} مرجع\n");

        Assert.Equal("ar", references.Items[0].Lang);
        Assert.Equal("{lang=en} مرجع", references.Items[0].PlainText);
    }

    [Fact]
    public void Given_a_numbered_list_with_a_blank_line_between_items_When_read_Then_it_is_still_one_list_of_entries()
    {
        var references = ReadValid("1. أول\n\n2. {lang=en} Second\n");

        Assert.Equal(["ar", "en"], references.Items.Select(r => r.Lang));
    }

    [Fact]
    public void Given_a_paragraph_before_the_list_When_read_Then_EB0590_names_its_line()
    {
        var error = ReadError("مقدمة القائمة\n\n- مرجع\n");

        Assert.Equal(DiagnosticCodes.ReferencesNotAList, error.Code);
        Assert.Equal(("art/ar/references.md", 8, 1), (error.Path, error.Line, error.Column));
        Assert.Contains("a paragraph", error.Message);
    }

    [Fact]
    public void Given_a_heading_after_the_list_When_read_Then_EB0590_names_its_line()
    {
        var error = ReadError("- مرجع\n\n## ملحق\n");

        Assert.Equal((DiagnosticCodes.ReferencesNotAList, 10), (error.Code, error.Line));
        Assert.Contains("a heading", error.Message);
    }

    [Fact]
    public void Given_a_change_of_bullet_that_starts_a_second_list_When_read_Then_EB0590_names_the_second_lists_line()
    {
        var error = ReadError("- مرجع\n* مرجع آخر\n");

        Assert.Equal((DiagnosticCodes.ReferencesNotAList, 9), (error.Code, error.Line));
        Assert.Contains("second list", error.Message);
    }

    [Fact]
    public void Given_a_file_with_front_matter_only_When_read_Then_EB0590_says_the_list_is_empty()
    {
        var error = ReadError(string.Empty);

        Assert.Equal(DiagnosticCodes.ReferencesNotAList, error.Code);
        Assert.Contains("empty", error.Message);
    }

    [Fact]
    public void Given_an_unknown_language_When_read_Then_EB0591_names_the_items_line_and_column()
    {
        var error = ReadError("- مرجع\n- {lang=English} Smith\n");

        Assert.Equal(DiagnosticCodes.ReferenceLanguageInvalid, error.Code);
        Assert.Equal((9, 3), (error.Line, error.Column));
        Assert.Contains("'English'", error.Message);
    }

    [Fact]
    public void Given_an_item_of_two_paragraphs_When_read_Then_EB0592_names_the_second()
    {
        var error = ReadError("- مرجع\n\n  تتمة في فقرة ثانية\n- مرجع آخر\n");

        Assert.Equal(DiagnosticCodes.ReferenceNotOneParagraph, error.Code);
        Assert.Equal((10, 3), (error.Line, error.Column));
    }

    [Fact]
    public void Given_an_item_holding_a_nested_list_When_read_Then_EB0592_names_it()
    {
        var error = ReadError("- مرجع\n  - فرع\n");

        Assert.Equal((DiagnosticCodes.ReferenceNotOneParagraph, 9), (error.Code, error.Line));
        Assert.Contains("a list", error.Message);
    }

    [Fact]
    public void Given_an_empty_item_When_read_Then_EB0592_names_it()
    {
        var error = ReadError("- مرجع\n-\n");

        Assert.Equal((DiagnosticCodes.ReferenceNotOneParagraph, 9), (error.Code, error.Line));
        Assert.Contains("empty", error.Message);
    }

    [Fact]
    public void Given_a_note_reference_in_an_item_When_read_Then_EB0593_names_it()
    {
        var error = ReadError("- مرجع[^1]\n");

        Assert.Equal((DiagnosticCodes.ReferencesHoldNote, 8), (error.Code, error.Line));
    }

    [Fact]
    public void Given_another_slug_When_read_Then_EB0594_names_the_slug_line()
    {
        var error = ReadError("- مرجع\n", Front.Replace("slug: references", "slug: bibliography", StringComparison.Ordinal));

        Assert.Equal(DiagnosticCodes.ReferencesSlug, error.Code);
        Assert.Equal(5, error.Line);
    }

    [Fact]
    public void Given_a_chapter_whose_slug_is_references_in_an_article_with_a_reference_list_When_parsed_Then_EB0595_names_the_chapters_slug_line()
    {
        var content = ReferenceEdition.Content().Articles[0];
        var chapter = content.Chapters[1] with { Text = content.Chapters[1].Text.Replace("slug: 02-alkhatma", "slug: references", StringComparison.Ordinal) };
        var diagnostics = new DiagnosticBag();

        var parsed = new ArticleParser().Parse(content with { Chapters = [content.Chapters[0], chapter] }, diagnostics);

        Assert.Null(parsed);
        var error = Assert.Single(diagnostics.Items);
        Assert.Equal((DiagnosticCodes.ChapterSlugIsReferences, "small/ar/02-alkhatma.md", 6), (error.Code, error.Path, error.Line));
    }

    [Fact]
    public void Given_a_chapter_whose_slug_is_references_in_an_article_without_a_reference_list_When_parsed_Then_it_is_a_chapter_as_before()
    {
        var content = SmallEdition.Content().Articles[0];
        var chapter = content.Chapters[1] with { Text = content.Chapters[1].Text.Replace("slug: 02-alkhatma", "slug: references", StringComparison.Ordinal) };
        var diagnostics = new DiagnosticBag();

        var parsed = new ArticleParser().Parse(content with { Chapters = [content.Chapters[0], chapter] }, diagnostics);

        Assert.True(parsed is not null, string.Join('\n', diagnostics.Items));
        Assert.Null(parsed.References);
    }
}

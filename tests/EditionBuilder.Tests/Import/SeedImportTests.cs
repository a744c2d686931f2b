using System.Text;
using EditionBuilder.Diagnostics;
using EditionBuilder.Import;
using EditionBuilder.Markdown;
using EditionBuilder.Model;
using EditionBuilder.Tests.Support;
using Xunit;

namespace EditionBuilder.Tests.Import;

/// <summary>The real article, imported: what the issue's "done when" promises of it.</summary>
public class SeedImportTests
{
    private static readonly string[] Headings =
    [
        "المقدمة", "روسيا تعبئ الفراغ", "العمل على بناء شراكة عسكرية", "الموقف الأميركي من الواقع الجديد", "سوريا \"نقطة المركز\" للشراكة",
        "نقاط التوافق لتعزيز الشراكة", "المسائل الخلافية بين روسيا وإيران", "الأبعاد جيو - إستراتيجية للشراكة الروسية - الإيرانية",
        "مستقبل العلاقات الروسية – الإيرانية", "الاستنتاجات",
    ];

    private static (Article Article, DiagnosticBag Diagnostics) ImportSeed(byte[]? bytes = null)
    {
        var diagnostics = new DiagnosticBag();
        var article = WordExportReader.Read("seed.txt", bytes ?? Repo.SeedBytes(), diagnostics);
        Assert.NotNull(article);
        return (article, diagnostics);
    }

    [Fact]
    public void Given_the_seed_When_imported_Then_it_has_ten_chapters_titled_as_its_headings()
    {
        var (article, diagnostics) = ImportSeed();

        Assert.Empty(diagnostics.Items);
        Assert.Equal(Headings, article.Chapters.Select(c => c.Title));
        Assert.Equal(Enumerable.Range(1, 10), article.Chapters.Select(c => c.Order));
    }

    [Fact]
    public void Given_the_seed_When_imported_Then_each_chapter_defines_the_notes_it_cites_with_their_original_numbers()
    {
        var (article, _) = ImportSeed();

        Assert.Equal(Enumerable.Range(1, 40), article.Notes.Select(n => n.Number));
        foreach (var chapter in article.Chapters)
        {
            var cited = chapter.Paragraphs.SelectMany(p => p.ReferencedNotes).ToList();
            Assert.Equal(cited, chapter.Notes.Select(n => n.Number));
        }

        Assert.Equal([1, 2, 3], article.Chapters[0].Notes.Select(n => n.Number));
        Assert.Equal([40], article.Chapters[9].Notes.Select(n => n.Number));
    }

    [Fact]
    public void Given_the_seed_When_imported_Then_the_abstracts_are_english_with_5_paragraphs_and_french_with_4()
    {
        var (article, _) = ImportSeed();

        var english = article.AbstractIn("en")!;
        var french = article.AbstractIn("fr")!;
        Assert.StartsWith("The Russian – Iranian partnership in Syria", english.Title);
        Assert.Equal(5, english.Paragraphs.Count);
        Assert.StartsWith("Le partenariat russo-iranien en Syrie", french.Title);
        Assert.Equal(4, french.Paragraphs.Count);
    }

    [Fact]
    public void Given_the_seed_When_imported_and_written_as_Markdown_Then_every_arabic_letter_of_the_body_appears_in_the_same_order()
    {
        var (article, _) = ImportSeed();
        var lines = Repo.SeedLines();
        var notesStart = Array.FindIndex(lines, l => l.StartsWith("[1]-", StringComparison.Ordinal));
        var body = string.Join('\n', lines.Take(notesStart));

        var markdown = string.Concat(article.Chapters.Select(c => ChapterWriter.Write(c)));
        var bodyMarkdown = string.Concat(article.Chapters.Select(c => c.Title + string.Concat(c.Paragraphs.Select(p => ChapterWriter.WriteInlines(p.Inlines)))));

        Assert.Equal(ArabicLetters(body), ArabicLetters(bodyMarkdown));
        Assert.Contains("أثبت التدخّل العسكري الروسي في سوريا", markdown);
    }

    [Fact]
    public void Given_the_seed_When_imported_Then_every_note_keeps_its_text_and_line_breaks()
    {
        var (article, _) = ImportSeed();
        var note12 = article.Notes.Single(n => n.Number == 12);
        var note16 = article.Notes.Single(n => n.Number == 16);

        Assert.Equal(
            ["\"Laila Bassam and Tom Perry, \"How Iranian General plotted out Syrian Assault in Moscow", ".Reuters, October 6, 2015", ".www.reuters.com/.../us-mideast-crisis-syria-soleimani-insigh-iduskcnosoBv"],
            note12.Lines);
        Assert.Equal(3, note16.Lines.Count);

        // Every non-space character of the notes list is in some note, in order.
        var lines = Repo.SeedLines();
        var notesStart = Array.FindIndex(lines, l => l.StartsWith("[1]-", StringComparison.Ordinal));
        var notesEnd = Array.FindIndex(lines, l => l.StartsWith("The Russian – Iranian", StringComparison.Ordinal));
        var source = string.Concat(lines[notesStart..notesEnd].Select(l => System.Text.RegularExpressions.Regex.Replace(l, @"^\[\d+\]-", string.Empty)));
        var kept = string.Concat(article.Notes.SelectMany(n => n.Lines));
        Assert.Equal(NonSpace(source), NonSpace(kept));
    }

    [Fact]
    public void Given_the_seed_with_a_BOM_and_CRLF_line_ends_When_imported_Then_the_Markdown_is_byte_identical()
    {
        var original = Repo.SeedBytes();
        var crlf = Encoding.UTF8.GetBytes("\uFEFF" + Encoding.UTF8.GetString(original).Replace("\n", "\r\n"));

        var (plain, _) = ImportSeed(original);
        var (windows, _) = ImportSeed(crlf);

        Assert.Equal(Files(plain), Files(windows));
        Assert.Equal(Files(plain), Files(ImportSeed(original).Article));
    }

    [Fact]
    public void Given_the_seed_without_the_line_of_note_17_When_imported_Then_an_error_at_the_reference_names_note_17()
    {
        var lines = Repo.SeedLines().ToList();
        var noteLine = lines.FindIndex(l => l.StartsWith("[17]-", StringComparison.Ordinal));
        lines.RemoveAt(noteLine);
        var referenceLine = lines.FindIndex(l => l.Contains("[17]", StringComparison.Ordinal));
        var column = lines[referenceLine].IndexOf("[17]", StringComparison.Ordinal) + 1;

        var diagnostics = new DiagnosticBag();
        var article = WordExportReader.Read("seed.txt", Encoding.UTF8.GetBytes(string.Join('\n', lines)), diagnostics);

        Assert.Null(article);
        var error = Assert.Single(diagnostics.Items, d => d.Severity == Severity.Error);
        Assert.Equal(DiagnosticCodes.ReferenceWithoutNote, error.Code);
        Assert.Equal(referenceLine + 1, error.Line);
        Assert.Equal(column, error.Column);
        Assert.Contains("note 17", error.Message);
        Assert.Equal($"seed.txt:{referenceLine + 1}:{column}: error EB0004: reference [17] has no note 17 in the notes list", error.ToString());
    }

    private static string Files(Article article) =>
        string.Join("\n\u0000\n", ArticleMarkdown.Write(article, ArticleMarkdown.MetadataFrom(article)).Select(f => f.Path + "\n" + f.Text));

    private static string ArabicLetters(string text) => new(text.Where(LanguageGuesser.IsArabicLetter).ToArray());

    private static string NonSpace(string text) => new(text.Where(c => !char.IsWhiteSpace(c)).ToArray());
}

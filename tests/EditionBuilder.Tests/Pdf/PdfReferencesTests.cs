using System.Text.RegularExpressions;
using EditionBuilder.Content;
using EditionBuilder.Pdf;
using EditionBuilder.Tests.Support;
using Xunit;

namespace EditionBuilder.Tests.Pdf;

/// <summary>The PDF's reference list sets each entry in its own language and direction, as the web page does: an English or French reference left to right inside an Arabic article.</summary>
public class PdfReferencesTests
{
    private const string Chapter = "---\ntitle: المقدمة\nlang: ar\ndir: rtl\norder: 1\nslug: 01-almqdma\n---\n\nنص قصير.\n";

    private static EditionContent Content(string list)
    {
        var metadata = new ArticleMetadata();
        metadata.Title["ar"] = "مقال";
        var article = new ArticleContent("article", "article/article.yml", metadata, [new MarkdownFile("article/ar/01-almqdma.md", Chapter)], [])
        {
            References = new MarkdownFile("article/ar/references.md", "---\ntitle: \"المراجع\"\nlang: ar\ndir: rtl\nslug: references\n---\n\n" + list),
        };
        return new EditionContent(new EditionMetadata(), [article]);
    }

    private static string Source(string list)
    {
        var document = new TypstArticle(new EditionMetadata(), EditionBuilder.Themes.Theme.Load(Repo.Templates, new EditionBuilder.Diagnostics.DiagnosticBag())!.Strings, new PdfPageStyle("a4", "25mm", "١"));
        return document.Write(PdfArticles.Parse(Content(list)), new HashSet<string>(), null);
    }

    // The language and direction set last before a piece of text, and whether a list direction wraps the whole list.
    private static (string Lang, string Dir) SetBefore(string source, string text)
    {
        var at = source.IndexOf(text, StringComparison.Ordinal);
        Assert.True(at > 0, $"{text} is in the source");
        var set = Regex.Matches(source[..at], "#set text\\(lang: \"([a-z]+)\", dir: (ltr|rtl)\\)").Last();
        return (set.Groups[1].Value, set.Groups[2].Value);
    }

    [Fact]
    public void Given_Arabic_English_and_French_references_When_set_as_Typst_Then_each_entry_has_its_own_language_and_direction()
    {
        var source = Source("- حداد، ليلى (2019). السياسة الخارجية الروسية. بيروت.\n- {lang=en} Smith, J. (2020). A title. London.\n- {lang=fr} Dupont, M. (2018). Un titre. Paris.\n");

        Assert.Equal(("ar", "rtl"), SetBefore(source, "حداد"));
        Assert.Equal(("en", "ltr"), SetBefore(source, "Smith, J."));
        Assert.Equal(("fr", "ltr"), SetBefore(source, "Dupont, M."));
        var list = source[source.IndexOf("المراجع", StringComparison.Ordinal)..];
        Assert.DoesNotContain("#list(", list);
        Assert.Equal(3, Regex.Matches(list, "#par\\(hanging-indent: 1.5em\\)\\[").Count);
        Assert.DoesNotContain("{lang=", source);
    }

    [Fact]
    public void Given_a_numbered_reference_list_When_set_as_Typst_Then_each_entry_keeps_its_number_in_its_own_direction()
    {
        var source = Source("1. {lang=en} Smith, J. (2020). A title.\n2. حداد، ليلى (2019). عنوان.\n");

        var english = source.IndexOf("1. Smith, J.", StringComparison.Ordinal);
        var arabic = source.IndexOf("2. حداد", StringComparison.Ordinal);
        Assert.True(english > 0 && arabic > english, source);
        Assert.Equal(("en", "ltr"), SetBefore(source, "1. Smith, J."));
        Assert.Equal(("ar", "rtl"), SetBefore(source, "2. حداد"));
    }

    [SkippableFact]
    public void Given_an_English_reference_in_an_Arabic_article_When_compiled_Then_its_line_reads_left_to_right_with_the_full_stop_at_its_end()
    {
        var pdf = PdfArticles.Write(Content("- حداد، ليلى (2019). عنوان.\n- {lang=en} Smith, J. (2020). A title. London.\n"), EditionBuilder.Themes.Theme.Load(Repo.Templates, new EditionBuilder.Diagnostics.DiagnosticBag())!);

        // pdftotext reads a line left to right as it is shown: set right to left, the full stop stood at the line's left end.
        // (pdftotext wraps each line in bidi embedding marks: they are left out.)
        var lines = PdfArticles.Text(pdf).Split('\n').Select(l => string.Concat(l.Where(c => c is not ('\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069')))).Trim()).ToList();
        Assert.Contains("Smith, J. (2020). A title. London.", lines);
    }
}

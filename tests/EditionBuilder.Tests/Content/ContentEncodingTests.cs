using System.Text;
using EditionBuilder.Content;
using EditionBuilder.Diagnostics;
using EditionBuilder.Import;
using EditionBuilder.Tests.Support;
using Xunit;

namespace EditionBuilder.Tests.Content;

/// <summary>A byte that is not UTF-8 in a chapter, an abstract, references.md, article.yml or edition.yml is an error at its line and column (EB0003, as in an imported source), never a U+FFFD nobody sees until the page.</summary>
public class ContentEncodingTests
{
    private const string References = "---\ntitle: \"المراجع\"\nlang: ar\ndir: rtl\nslug: references\n---\n\n- حداد، ليلى (2019). السياسة الخارجية.\n";

    // The file, and the text after which a 0xFF byte is put (always on a line of Arabic text, so the column counts characters, not bytes).
    public static TheoryData<string, string, int, int> Damaged => new()
    {
        { "small/ar/02-alkhatma.md", "\nخاتمة", 9, 6 },
        { "small/en/abstract.md", "An abstract", 9, 12 },
        { "small/ar/references.md", "حداد", 8, 7 },
        { "small/article.yml", "  ar: مقال", 2, 11 },
        { "edition.yml", "  ar: طبعة", 2, 11 },
    };

    private static string Damage(TempFolder temp, string relative, string after)
    {
        SmallEdition.WriteTo(temp.Path);
        File.WriteAllText(Path.Combine(temp.Path, "small", "ar", "references.md"), References);
        var path = Path.Combine(temp.Path, relative);
        var text = File.ReadAllText(path);
        var at = text.IndexOf(after, StringComparison.Ordinal) + after.Length;
        Assert.True(at >= after.Length, $"{after} is in {relative}");
        File.WriteAllBytes(path, [.. Encoding.UTF8.GetBytes(text[..at]), 0xFF, .. Encoding.UTF8.GetBytes(text[at..])]);
        return path;
    }

    [Theory]
    [MemberData(nameof(Damaged))]
    public void Given_an_invalid_byte_in_a_content_file_When_the_folder_is_read_Then_EB0003_at_its_line_and_column(string relative, string after, int line, int column)
    {
        using var temp = new TempFolder();
        var path = Damage(temp, relative, after);

        foreach (var deferred in new[] { false, true })
        {
            var diagnostics = new DiagnosticBag();
            var content = ContentFolder.Read(temp.Path, diagnostics, deferText: deferred);
            foreach (var article in content?.Articles ?? []) ContentFolder.WithText(article, diagnostics);

            var error = Assert.Single(diagnostics.Items);
            Assert.Equal((Severity.Error, DiagnosticCodes.InvalidUtf8, path, line, column), (error.Severity, error.Code, error.Path, error.Line, error.Column));
            Assert.Equal("invalid UTF-8: byte 0xFF is not part of a valid character; save the file as UTF-8 text", error.Message);
        }
    }

    [Fact]
    public void Given_an_invalid_byte_in_a_chapter_When_built_Then_not_succeeded_with_the_position_and_no_site_is_written()
    {
        using var temp = new TempFolder();
        var content = Path.Combine(temp.Path, "content");
        Directory.CreateDirectory(content);
        using (var inner = new TempFolder())
        {
            Damage(inner, "small/ar/02-alkhatma.md", "\nخاتمة");
            foreach (var file in Directory.GetFiles(inner.Path, "*", SearchOption.AllDirectories))
            {
                var target = Path.Combine(content, Path.GetRelativePath(inner.Path, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }
        }

        var built = FolderBuilds.Run(content, Path.Combine(temp.Path, "site"));

        Assert.False(built.Succeeded);
        var error = Assert.Single(built.Errors(DiagnosticCodes.InvalidUtf8));
        Assert.Equal((Path.Combine(content, "small", "ar", "02-alkhatma.md"), 9, 6), (error.Path, error.Line, error.Column));
        Assert.StartsWith("invalid UTF-8: byte 0xFF", error.Message);
        Assert.False(Directory.Exists(Path.Combine(temp.Path, "site")));
    }

    [Fact]
    public void Given_a_chapter_with_a_byte_order_mark_When_read_Then_the_mark_is_dropped_without_a_word()
    {
        using var temp = new TempFolder();
        SmallEdition.WriteTo(temp.Path);
        var chapter = Path.Combine(temp.Path, "small", "ar", "01-almqdma.md");
        File.WriteAllBytes(chapter, [0xEF, 0xBB, 0xBF, .. File.ReadAllBytes(chapter)]);
        var diagnostics = new DiagnosticBag();

        var article = ContentFolder.Read(temp.Path, diagnostics)!.Articles.Single();

        Assert.Empty(diagnostics.Items);
        Assert.Equal(SmallEdition.Chapter1, article.Chapters.Single(c => c.Path == chapter).Text);
    }
}

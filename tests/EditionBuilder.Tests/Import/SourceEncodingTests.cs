using System.Text;
using EditionBuilder.Diagnostics;
using EditionBuilder.Import;
using EditionBuilder.Markdown;
using EditionBuilder.Model;
using EditionBuilder.Tests.Support;
using Xunit;

namespace EditionBuilder.Tests.Import;

/// <summary>Word saves Arabic text as Windows-1256 unless told otherwise: the seed in the legacy encodings and in UTF-16 gives one clear error, or the same article when the encoding is named.</summary>
public class SourceEncodingTests
{
    // The seed without its two Arabic-Indic digits (٥, ١), which Windows-1256 cannot hold.
    private static string SeedText() => Encoding.UTF8.GetString(Repo.SeedBytes()).Replace('\u0665', '5').Replace('\u0661', '1');

    private static (Article? Article, List<string> Diagnostics) Import(byte[] bytes, Encoding? encoding = null)
    {
        var diagnostics = new DiagnosticBag();
        var article = WordExportReader.Read("seed.txt", bytes, diagnostics, encoding);
        return (article, diagnostics.Items.Select(d => d.ToString()).ToList());
    }

    private static string Markdown(Article article) =>
        string.Join("\n\u0000\n", ArticleMarkdown.Write(article, ArticleMarkdown.MetadataFrom(article)).Select(f => f.Path + "\n" + f.Text));

    [Fact]
    public void Given_the_seed_saved_as_Windows_1256_When_imported_Then_one_error_names_the_encoding_and_both_fixes()
    {
        var bytes = SourceEncodings.WindowsArabic.GetBytes(SeedText());

        var (article, diagnostics) = Import(bytes);

        Assert.Null(article);
        Assert.Equal(["seed.txt:1:2: error EB0010: this file is not UTF-8: it looks like windows-1256 (Arabic Windows, Word's default for Arabic plain text); "
            + "in Word save it again as Plain Text with the encoding Unicode (UTF-8), or run with --encoding windows-1256"], diagnostics);
    }

    [Fact]
    public void Given_the_seed_saved_as_Windows_1256_When_imported_with_that_encoding_Then_the_Markdown_is_the_UTF8_import_and_a_warning_says_so()
    {
        var text = SeedText();
        var (expected, _) = Import(Encoding.UTF8.GetBytes(text));

        var (article, diagnostics) = Import(SourceEncodings.WindowsArabic.GetBytes(text), SourceEncodings.Find("windows-1256"));

        Assert.NotNull(article);
        Assert.Equal(["seed.txt:1:1: warning EB0107: read as windows-1256 (--encoding); the Markdown is written in UTF-8. Saving the export as UTF-8 in Word makes --encoding unnecessary"], diagnostics);
        Assert.Equal(Markdown(expected!), Markdown(article));
        Assert.Equal(10, article.Chapters.Count);
    }

    [Fact]
    public void Given_Arabic_text_saved_as_ISO_8859_6_When_imported_Then_the_error_names_ISO_8859_6()
    {
        var bytes = SourceEncodings.IsoArabic.GetBytes("المقدمة\nنص عربي قصير يذكر روسيا وإيران وسوريا في فقرة واحدة.\n");

        var (article, diagnostics) = Import(bytes);

        Assert.Null(article);
        Assert.Contains("error EB0010: this file is not UTF-8: it looks like iso-8859-6 (Arabic ISO);", Assert.Single(diagnostics));
        Assert.EndsWith("or run with --encoding iso-8859-6", diagnostics[0]);
    }

    [Theory]
    [InlineData("utf-16le")]
    [InlineData("utf-16be")]
    public void Given_the_seed_saved_as_UTF16_with_a_BOM_When_imported_Then_it_is_the_UTF8_import_without_a_word(string name)
    {
        var encoding = name == "utf-16le" ? new UnicodeEncoding(false, true) : new UnicodeEncoding(true, true);
        var bytes = encoding.GetPreamble().Concat(encoding.GetBytes(Encoding.UTF8.GetString(Repo.SeedBytes()))).ToArray();

        var (article, diagnostics) = Import(bytes);

        Assert.Empty(diagnostics);
        Assert.Equal(Markdown(Import(Repo.SeedBytes()).Article!), Markdown(article!));
    }

    [Fact]
    public void Given_UTF16_without_a_BOM_When_imported_Then_EB0011_says_what_it_is_and_utf_16_reads_it()
    {
        var bytes = Encoding.Unicode.GetBytes(Encoding.UTF8.GetString(Repo.SeedBytes()));

        var (article, diagnostics) = Import(bytes);
        var (named, _) = Import(bytes, SourceEncodings.Find("utf-16"));

        Assert.Null(article);
        Assert.Equal(["seed.txt:1:1: error EB0011: this file looks like UTF-16 (Word's \"Unicode\") without a byte-order mark: save it again as Plain Text with the encoding Unicode (UTF-8), or run with --encoding utf-16"], diagnostics);
        Assert.Equal(10, named!.Chapters.Count);
    }

    [Fact]
    public void Given_a_UTF8_file_When_imported_with_encoding_windows_1256_Then_EB0013_rather_than_garbled_text()
    {
        var (article, diagnostics) = Import(Repo.SeedBytes(), SourceEncodings.Find("cp1256"));

        Assert.Null(article);
        Assert.Equal(["seed.txt:1:1: error EB0013: --encoding windows-1256 was given, but this file is UTF-8 (its characters are valid UTF-8): leave --encoding out"], diagnostics);
    }

    [Fact]
    public void Given_a_UTF8_file_with_one_damaged_byte_When_imported_Then_it_is_not_taken_for_a_legacy_encoding()
    {
        var bytes = Repo.SeedBytes();
        bytes[200] = 0xFF;

        var (article, diagnostics) = Import(bytes);

        Assert.Null(article);
        Assert.Contains("error EB0003: invalid UTF-8: byte 0xFF", Assert.Single(diagnostics));
    }
}

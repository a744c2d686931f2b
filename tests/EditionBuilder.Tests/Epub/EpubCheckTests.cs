using System.Diagnostics;
using System.Text.RegularExpressions;
using EditionBuilder.Content;
using EditionBuilder.Diagnostics;
using EditionBuilder.Tests.Support;
using Xunit;

namespace EditionBuilder.Tests.Epub;

/// <summary>The W3C's EPUBCheck (Debian's epubcheck 4.2.6) reads the books as e-reader makers and stores do: no fatal error, no error.</summary>
public partial class EpubCheckTests
{
    [GeneratedRegex(@"Messages: (\d+) fatals? / (\d+) errors? / (\d+) warnings?")]
    private static partial Regex Summary();

    [SkippableFact]
    public async Task Given_the_seeds_book_When_EPUBCheck_reads_it_Then_it_reports_no_fatal_error_no_error_and_no_warning()
    {
        RequireEpubCheck();
        using var temp = new TempFolder();
        var path = temp.File("seed.epub", SeedSite.Get().File("russian-iranian-partnership/russian-iranian-partnership.epub").Bytes);

        var (fatals, errors, warnings, output) = await EpubCheck(path);

        Assert.True(fatals == 0 && errors == 0 && warnings == 0, output);
    }

    [SkippableFact]
    public async Task Given_a_small_journal_When_EPUBCheck_reads_each_articles_book_Then_none_reports_a_fatal_error_or_an_error()
    {
        RequireEpubCheck();
        using var temp = new TempFolder();
        var small = SmallEdition.Content();
        // Two articles: one as the small edition has it (a date, authors, notes cited across chapters), one with neither date nor authors.
        var journal = small with
        {
            Articles =
            [
                small.Articles[0] with { Slug = "first" },
                small.Articles[0] with { Slug = "second", Metadata = new ArticleMetadata { Title = new Dictionary<string, string> { ["ar"] = "مقال ثان" } } },
            ],
        };
        var diagnostics = new DiagnosticBag();
        var site = Sites.Build(SeedSite.Get().Templates, journal, diagnostics);
        Assert.True(site is not null, string.Join('\n', diagnostics.Items));

        var books = site.Where(f => f.Path.EndsWith(".epub", StringComparison.Ordinal)).ToList();
        Assert.Equal(["first/first.epub", "second/second.epub"], books.Select(b => b.Path));
        var checks = await Task.WhenAll(books.Select(b => EpubCheck(temp.File(b.Path, b.Bytes))));

        Assert.All(checks, c => Assert.True(c.Fatals == 0 && c.Errors == 0, c.Output));
    }

    [SkippableFact]
    public async Task Given_a_Word_documents_book_with_a_table_a_figure_and_endnotes_When_EPUBCheck_reads_it_Then_it_holds_them_all_and_reports_no_error()
    {
        RequireEpubCheck();
        using var temp = new TempFolder();
        temp.File("content/article/source/article.docx", Render.WordDocumentSiteTests.Document());
        temp.File("content/article/article.yml", "title: { ar: مقال تجريبي }\n");
        var result = Support.Cli.Run(temp.Path, "build", "content", "-o", "site", "--theme", Repo.Templates, "--no-cache");
        Assert.True(result.ExitCode == 0, result.Errors);
        var path = Path.Combine(temp.Path, "site", "article", "article.epub");

        using (var book = System.IO.Compression.ZipFile.OpenRead(path))
        {
            Assert.NotNull(book.GetEntry("EPUB/chapters/media/image.png"));
            using var reader = new StreamReader(book.GetEntry("EPUB/chapters/01-almqdma.xhtml")!.Open());
            var chapter = System.Xml.Linq.XDocument.Parse(reader.ReadToEnd());
            System.Xml.Linq.XNamespace epub = "http://www.idpf.org/2007/ops";
            var elements = chapter.Descendants().ToList();
            Assert.Equal(["١", "i"], elements.Where(e => (string?)e.Attribute(epub + "type") == "noteref").Select(e => e.Value));
            Assert.Equal(["fn-1", "en-i"], elements.Where(e => e.Name.LocalName == "aside").Select(e => (string?)e.Attribute("id")));
            Assert.Equal(["footnote", "endnote"], elements.Where(e => e.Name.LocalName == "aside").Select(e => (string?)e.Attribute(epub + "type")));
            Assert.Single(elements, e => e.Name.LocalName == "img" && (string?)e.Attribute("src") == "media/image.png");
            Assert.Single(elements, e => e.Name.LocalName == "table");
        }

        var (fatals, errors, _, output) = await EpubCheck(path);

        Assert.True(fatals == 0 && errors == 0, output);
    }

    private static void RequireEpubCheck()
    {
        Programs.Require(Programs.Java, "default-jre-headless");
        Programs.Require(Programs.EpubCheckJar, "epubcheck");
    }

    /// <summary>EPUBCheck's counts for a book, and what it printed (skips without Java or EPUBCheck, except in CI).</summary>
    public static Task<(int Fatals, int Errors, int Warnings, string Output)> Run(string path)
    {
        RequireEpubCheck();
        return EpubCheck(path);
    }

    private static async Task<(int Fatals, int Errors, int Warnings, string Output)> EpubCheck(string path)
    {
        // A folder that outlives the test: Support.Cli moves the process's current folder into temp folders that other tests delete,
        // and a JVM started in a deleted folder cannot start ("Could not determine current working directory").
        var start = new ProcessStartInfo(Programs.Java) { WorkingDirectory = Path.GetTempPath(), RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "-Xshare:auto", "-jar", Programs.EpubCheckJar, path }) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        var text = await output + await errors;
        var summary = Summary().Match(text);
        Assert.True(summary.Success, $"EPUBCheck printed no summary (exit {process.ExitCode}):\n{text}");
        int Count(int group) => int.Parse(summary.Groups[group].Value, System.Globalization.CultureInfo.InvariantCulture);
        return (Count(1), Count(2), Count(3), text);
    }
}

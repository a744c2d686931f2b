using EditionBuilder.Diagnostics;
using EditionBuilder.Output;
using EditionBuilder.Pipeline;
using EditionBuilder.Tests.Support;
using Xunit;

namespace EditionBuilder.Tests.Pipeline;

/// <summary><c>edition import</c>'s work as a library step: what the article holds and what was written come back as a typed <see cref="ImportReport"/>, from explicit paths; a refused or failed import writes nothing.</summary>
public class ImportArticleTests
{
    [Fact]
    public void Given_the_seed_When_imported_Then_the_report_counts_what_the_folder_holds()
    {
        using var temp = new TempFolder();
        var output = Path.Combine(temp.Path, "article");
        var diagnostics = new DiagnosticBag();

        var report = ImportArticle.Run(Repo.SeedPath, output, force: false, diagnostics);

        Assert.True(report.Succeeded, string.Join('\n', diagnostics.Items));
        Assert.Equal((Repo.SeedPath, output), (report.Source, report.Output));
        Assert.Equal((10, 96, 40, 0), (report.Chapters, report.Paragraphs, report.Notes, report.Images));
        Assert.Equal(["en", "fr"], report.Abstracts);
        Assert.False(report.HasOpening);
        Assert.Empty(report.Keywords);
        Assert.Equal(new EditionBuilder.Import.Census.ConservationReport(48_700, 40, 0, 0, 0, 0), report.Conservation);
        Assert.Null(report.MetadataPath); // no article.yml before: the import wrote its own
        Assert.Empty(report.Kept);
        Assert.False(report.ReplacedEdits);
        // article.yml, ten chapters, two abstracts.
        Assert.Equal(13, report.Written);
        Assert.Equal(13, Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories).Count());
        Assert.Equal(10, Directory.GetFiles(Path.Combine(output, "ar"), "*.md").Length);
    }

    [Fact]
    public void Given_a_broken_source_When_imported_Then_the_report_fails_with_no_folder_and_nothing_is_written()
    {
        using var temp = new TempFolder();
        var source = temp.File("broken.txt", "المقدمة\nنص[3].\n\n[1]- ملاحظة\n");
        var output = Path.Combine(temp.Path, "out");
        var diagnostics = new DiagnosticBag();

        var report = ImportArticle.Run(source, output, force: false, diagnostics);

        Assert.False(report.Succeeded);
        Assert.Null(report.Output);
        Assert.Contains(new Diagnostic(Severity.Error, "EB0004", source, 2, 3, "reference [3] has no note 3 in the notes list"), diagnostics.Items);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void Given_an_article_yml_with_an_error_When_imported_into_its_folder_Then_the_report_fails_and_the_folder_is_untouched()
    {
        using var temp = new TempFolder();
        var metadata = temp.File("x/article.yml", "title:\n  ar: عنوان\nauthor: أحمد\n");
        var before = Folders.FullSnapshot(Path.Combine(temp.Path, "x"));
        var diagnostics = new DiagnosticBag();

        var report = ImportArticle.Run(Repo.SeedPath, Path.Combine(temp.Path, "x"), force: false, diagnostics);

        Assert.False(report.Succeeded);
        Assert.Equal(Path.Combine(temp.Path, "x"), report.Output);
        Assert.Contains(diagnostics.Items, d => d is { Severity: Severity.Error, Code: "EB0208", Line: 3 } && d.Path == metadata);
        Assert.Equal(before, Folders.FullSnapshot(Path.Combine(temp.Path, "x")));
    }

    [Fact]
    public void Given_an_edited_chapter_When_imported_again_without_force_Then_it_is_refused_and_nothing_is_written()
    {
        using var temp = new TempFolder();
        var output = Path.Combine(temp.Path, "x");
        Assert.True(ImportArticle.Run(Repo.SeedPath, output, force: false, new DiagnosticBag()).Succeeded);
        var chapter = Directory.GetFiles(Path.Combine(output, "ar"), "01-*.md").Single();
        File.AppendAllText(chapter, "\nفقرة أضافها المحرر.\n");
        var before = Folders.FullSnapshot(output);

        var refused = Assert.Throws<OutputRefusedException>(() => ImportArticle.Run(Repo.SeedPath, output, force: false, new DiagnosticBag()));

        Assert.Contains($"it would change 1 file(s) (ar/{Path.GetFileName(chapter)})", refused.Message);
        Assert.Equal(before, Folders.FullSnapshot(output));
    }
}

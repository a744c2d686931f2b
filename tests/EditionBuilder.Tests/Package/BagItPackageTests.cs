using System.Diagnostics;
using System.IO.Compression;
using EditionBuilder.Package;
using EditionBuilder.Tests.Support;
using Xunit;

namespace EditionBuilder.Tests.Package;

/// <summary>The BagIt bag: RFC 8493 tag files, manifests that sha256sum accepts, and verify-package catching every change.</summary>
public class BagItPackageTests
{
    private static string Package(TempFolder temp)
    {
        SmallEdition.WriteTo(Path.Combine(temp.Path, "content"));
        Assert.Equal(0, Support.Cli.Run(temp.Path, "build", "content", "-o", "site").ExitCode);
        var result = Support.Cli.Run(temp.Path, "package", "site", "-o", "package", "--content", "content");
        Assert.True(result.ExitCode == 0, result.Errors);
        return Path.Combine(temp.Path, "package", "small-1");
    }

    [Fact]
    public void Given_a_built_site_When_packaged_Then_the_bag_has_its_tag_files_and_sha256sum_accepts_its_manifest()
    {
        using var temp = new TempFolder();
        var bag = Package(temp);

        Assert.Equal("BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n", File.ReadAllText(Path.Combine(bag, "bagit.txt")));
        var info = File.ReadAllText(Path.Combine(bag, "bag-info.txt"));
        var payload = Directory.GetFiles(Path.Combine(bag, "data"), "*", SearchOption.AllDirectories);
        Assert.Contains($"Payload-Oxum: {payload.Sum(f => new FileInfo(f).Length)}.{payload.Length}\n", info);
        Assert.Contains("External-Description: Web edition of \"A small article\"", info);
        Assert.True(File.Exists(Path.Combine(temp.Path, "package", "small-1.zip")));

        if (File.Exists("/usr/bin/sha256sum"))
        {
            foreach (var manifest in new[] { "manifest-sha256.txt", "tagmanifest-sha256.txt" })
            {
                var check = Process.Start(new ProcessStartInfo("/usr/bin/sha256sum", ["-c", "--quiet", manifest]) { WorkingDirectory = bag, RedirectStandardOutput = true })!;
                check.WaitForExit();
                Assert.Equal(0, check.ExitCode);
            }
        }
    }

    [Fact]
    public void Given_a_bag_When_a_file_is_changed_removed_and_added_Then_verify_package_lists_each_and_exits_1()
    {
        using var temp = new TempFolder();
        var bag = Package(temp);
        Assert.Equal(0, Support.Cli.Run(temp.Path, "verify-package", bag).ExitCode);

        File.AppendAllText(Path.Combine(bag, "data", "small", "01-almqdma.html"), "<!-- changed -->");
        File.Delete(Path.Combine(bag, "data", "robots.txt"));
        File.WriteAllText(Path.Combine(bag, "data", "extra.html"), "added");
        var result = Support.Cli.Run(temp.Path, "verify-package", bag);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("altered data/small/01-almqdma.html", result.Errors);
        Assert.Contains("missing data/robots.txt", result.Errors);
        Assert.Contains("extra data/extra.html", result.Errors);
        Assert.Contains("3 problem(s)", result.Errors);
    }

    [Fact]
    public void Given_a_zip_of_a_bag_When_an_entry_is_altered_Then_verify_package_catches_it()
    {
        using var temp = new TempFolder();
        Package(temp);
        var zip = Path.Combine(temp.Path, "package", "small-1.zip");
        Assert.Equal(0, Support.Cli.Run(temp.Path, "verify-package", zip).ExitCode);

        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Update))
        {
            var entry = archive.GetEntry("small-1/data/index.html")!;
            entry.Delete();
            using var writer = new StreamWriter(archive.CreateEntry("small-1/data/index.html").Open());
            writer.Write("tampered");
        }

        var result = Support.Cli.Run(temp.Path, "verify-package", zip);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("altered data/index.html", result.Errors);
    }

    [Fact]
    public void Given_SOURCE_DATE_EPOCH_or_an_edition_date_When_bagging_Then_the_bagging_date_comes_from_it_never_the_clock()
    {
        Assert.Equal("2016-11-24", BagItPackage.BaggingDate("1480000000", "2020-01-01").Date);
        Assert.Equal("2016-10-09", BagItPackage.BaggingDate(null, "2016-10-09").Date);
        Assert.Equal(string.Empty, BagItPackage.BaggingDate(null, string.Empty).Date);
    }

    // A journal of articles dated as given (empty: no date), each a copy of the small article under its own folder.
    private static EditionBuilder.Content.EditionContent Journal(params string[] dates)
    {
        var small = SmallEdition.Content();
        var articles = dates.Select((date, i) =>
        {
            var metadata = small.Articles[0].Metadata;
            var copy = new EditionBuilder.Content.ArticleMetadata { Title = metadata.Title, Authors = metadata.Authors, Date = date };
            return small.Articles[0] with { Slug = $"a{i}", Metadata = copy };
        }).ToList();
        return small with { Articles = articles };
    }

    [Fact]
    public void Given_a_journal_When_described_for_a_package_Then_its_bagging_date_is_its_newest_article_date_a_month_taken_at_its_first_day()
    {
        var diagnostics = new EditionBuilder.Diagnostics.DiagnosticBag();

        var description = EditionPackager.Describe(Journal("2016-10-09", "2017-03", "", "2015"), null, null, diagnostics);

        Assert.Equal("2017-03-01", description.Info.BaggingDate);
        Assert.Equal(new DateTimeOffset(2017, 3, 1, 0, 0, 0, TimeSpan.Zero), description.ZipTime);
        Assert.Empty(diagnostics.Items);
        Assert.Equal(description, EditionPackager.Describe(Journal("2016-10-09", "2017-03", "", "2015"), null, null));
        Assert.Equal("2016-11-24", EditionPackager.Describe(Journal("2016-10-09", "2017-03"), null, "1480000000").Info.BaggingDate);
    }

    [Fact]
    public void Given_no_article_date_and_no_SOURCE_DATE_EPOCH_When_described_for_a_package_Then_there_is_no_bagging_date_and_EB0940_says_how_to_give_one()
    {
        var diagnostics = new EditionBuilder.Diagnostics.DiagnosticBag();

        var description = EditionPackager.Describe(Journal("", "not a date"), null, null, diagnostics, "my-content");

        Assert.Equal(string.Empty, description.Info.BaggingDate);
        var warning = Assert.Single(diagnostics.Items);
        Assert.Equal(("EB0940", "my-content", EditionBuilder.Diagnostics.Severity.Warning), (warning.Code, warning.Path, warning.Severity));
        Assert.Contains("SOURCE_DATE_EPOCH", warning.Message);
        Assert.DoesNotContain("Bagging-Date", string.Concat(BagItPackage.Bag([EditionBuilder.Site.SiteFile.Text("index.html", "x")], description.Info).Where(f => f.Path == "bag-info.txt").Select(f => f.AsText())));
    }

    [Fact]
    public void Given_an_edition_without_dates_When_packaged_by_the_command_Then_it_warns_EB0940_at_the_content_folder_and_still_packages()
    {
        using var temp = new TempFolder();
        SmallEdition.WriteTo(Path.Combine(temp.Path, "content")); // its article.yml gives no date
        Assert.Equal(0, Support.Cli.Run(temp.Path, "build", "content", "-o", "site").ExitCode);

        var result = Support.Cli.Run(temp.Path, "package", "site", "-o", "package", "--content", "content");

        Assert.Equal(0, result.ExitCode);
        var bagInfo = File.ReadAllText(Path.Combine(temp.Path, "package", "small-1", "bag-info.txt"));
        if (Environment.GetEnvironmentVariable("SOURCE_DATE_EPOCH") is { Length: > 0 } epoch)
        {
            // A run with SOURCE_DATE_EPOCH set (a reproducible CI job) dates the bag by it.
            Assert.Contains("Bagging-Date: " + BagItPackage.BaggingDate(epoch, string.Empty).Date + "\n", bagInfo);
        }
        else
        {
            Assert.Contains("content: warning EB0940: the package has no Bagging-Date", result.Errors);
            Assert.DoesNotContain("Bagging-Date", bagInfo);
        }
    }
}

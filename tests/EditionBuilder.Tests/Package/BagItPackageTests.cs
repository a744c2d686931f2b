using System.Diagnostics;
using System.IO.Compression;
using EditionBuilder.Diagnostics;
using EditionBuilder.Package;
using EditionBuilder.Tests.Support;
using Xunit;

namespace EditionBuilder.Tests.Package;

/// <summary>The BagIt bag: RFC 8493 tag files, manifests that sha256sum accepts, and verify-package catching every change.</summary>
public class BagItPackageTests
{
    // edition package's library step on the small edition built into site/; returns the bag folder.
    private static string Package(TempFolder temp) => PackageSmall(temp, new DiagnosticBag()).BagFolder;

    private static EditionPackager.Result PackageSmall(TempFolder temp, DiagnosticBag diagnostics, string? sourceDateEpoch = null)
    {
        var content = Path.Combine(temp.Path, "content");
        SmallEdition.WriteTo(content);
        var built = FolderBuilds.Run(content, Path.Combine(temp.Path, "site"));
        Assert.True(built.Succeeded, built.Said);
        var result = EditionPackager.Run(new PackageRequest(Path.Combine(temp.Path, "site"), Path.Combine(temp.Path, "package"), content, SourceDateEpoch: sourceDateEpoch), diagnostics);
        Assert.True(result is not null, string.Join('\n', diagnostics.Items));
        return result;
    }

    // The findings of a bag, as "kind path" in the order given.
    private static IEnumerable<string> Findings(string bagOrZip) => BagVerifier.Verify(bagOrZip).Findings.Select(f => $"{f.Kind} {f.Path}");

    [Fact]
    public void Given_a_built_site_When_packaged_Then_the_bag_has_its_tag_files_and_sha256sum_accepts_its_manifest()
    {
        using var temp = new TempFolder();
        var result = PackageSmall(temp, new DiagnosticBag());
        var bag = result.BagFolder;

        Assert.Equal((Path.Combine(temp.Path, "package", "small-1"), Path.Combine(temp.Path, "package", "small-1.zip")), (bag, result.ZipPath));
        Assert.Equal(Folders.Snapshot(Path.Combine(temp.Path, "site")).Count, result.Files);
        Assert.Equal(new FileInfo(result.ZipPath).Length, result.ZipBytes);
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
        var intact = BagVerifier.Verify(bag);
        Assert.Empty(intact.Findings);
        Assert.Equal(Folders.Snapshot(Path.Combine(temp.Path, "site")).Count, intact.PayloadFiles);

        File.AppendAllText(Path.Combine(bag, "data", "small", "01-almqdma.html"), "<!-- changed -->");
        File.Delete(Path.Combine(bag, "data", "robots.txt"));
        File.WriteAllText(Path.Combine(bag, "data", "extra.html"), "added");
        var findings = BagVerifier.Verify(bag).Findings;

        Assert.Equal(3, findings.Count);
        Assert.Contains(findings, f => (f.Code, f.Kind, f.Path) == ("EB0912", "altered", "data/small/01-almqdma.html"));
        Assert.Contains(findings, f => (f.Code, f.Kind, f.Path) == ("EB0910", "missing", "data/robots.txt"));
        Assert.Contains(findings, f => (f.Code, f.Kind, f.Path) == ("EB0911", "extra", "data/extra.html"));
    }

    [Fact]
    public void Given_a_zip_of_a_bag_When_an_entry_is_altered_Then_verify_package_catches_it()
    {
        using var temp = new TempFolder();
        Package(temp);
        var zip = Path.Combine(temp.Path, "package", "small-1.zip");
        Assert.Empty(Findings(zip));

        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Update))
        {
            var entry = archive.GetEntry("small-1/data/index.html")!;
            entry.Delete();
            using var writer = new StreamWriter(archive.CreateEntry("small-1/data/index.html").Open());
            writer.Write("tampered");
        }

        Assert.Equal(["altered data/index.html"], Findings(zip));
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
    public void Given_an_edition_without_dates_When_packaged_Then_it_warns_EB0940_at_the_content_folder_and_still_packages_or_dates_it_by_SOURCE_DATE_EPOCH()
    {
        using var undatedTemp = new TempFolder();
        var undated = new EditionBuilder.Diagnostics.DiagnosticBag();
        var withoutDate = PackageSmall(undatedTemp, undated); // its article.yml gives no date

        var warning = Assert.Single(undated.Items);
        Assert.Equal(("EB0940", Path.Combine(undatedTemp.Path, "content"), EditionBuilder.Diagnostics.Severity.Warning), (warning.Code, warning.Path, warning.Severity));
        Assert.DoesNotContain("Bagging-Date", File.ReadAllText(Path.Combine(withoutDate.BagFolder, "bag-info.txt")));

        using var datedTemp = new TempFolder();
        var dated = new EditionBuilder.Diagnostics.DiagnosticBag();
        var withEpoch = PackageSmall(datedTemp, dated, "1480000000");

        Assert.Empty(dated.Items);
        Assert.Contains("Bagging-Date: 2016-11-24\n", File.ReadAllText(Path.Combine(withEpoch.BagFolder, "bag-info.txt")));
    }
}

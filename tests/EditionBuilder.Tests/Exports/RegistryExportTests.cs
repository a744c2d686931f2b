using EditionBuilder.Diagnostics;
using EditionBuilder.Exports;
using EditionBuilder.Tests.Journal;
using EditionBuilder.Tests.Support;
using Xunit;

namespace EditionBuilder.Tests.Exports;

/// <summary><c>edition export</c>'s library step (<see cref="RegistryExport"/>): the file written whole with the number of records, missing fields as positioned errors and no file, an unusable path refused with its code before anything is read.</summary>
public class RegistryExportTests
{
    private static (RegistryExportReport Report, DiagnosticBag Diagnostics) Export(Registry registry, string content, string output)
    {
        var diagnostics = new DiagnosticBag();
        return (RegistryExport.Run(new RegistryExportRequest(registry, content, output), diagnostics), diagnostics);
    }

    [Theory]
    [InlineData(Registry.Crossref, "<doi_batch ", "Crossref deposit")]
    [InlineData(Registry.Doaj, "<records ", "DOAJ article XML")]
    public void Given_the_journal_When_exported_Then_the_file_is_written_whole_and_the_report_counts_its_records(Registry registry, string root, string what)
    {
        using var journal = new JournalFixture();
        using var temp = new TempFolder();
        var output = Path.Combine(temp.Path, "out", registry + ".xml");

        var (report, diagnostics) = Export(registry, journal.ContentPath, output);

        Assert.True(report.Succeeded, string.Join('\n', diagnostics.Items));
        Assert.Equal((false, 3, what, output), (report.Refused, report.Articles, report.What, report.Output));
        Assert.False(diagnostics.HasErrors);
        Assert.Contains(root, File.ReadAllText(output), StringComparison.Ordinal);
        Assert.Equal([registry + ".xml"], Directory.GetFiles(Path.GetDirectoryName(output)!).Select(Path.GetFileName));
    }

    [Fact]
    public void Given_a_deposit_already_written_When_the_next_export_fails_Then_the_last_file_is_kept_as_it_was()
    {
        using var journal = new JournalFixture();
        using var temp = new TempFolder();
        var output = Path.Combine(temp.Path, "crossref.xml");
        Assert.True(Export(Registry.Crossref, journal.ContentPath, output).Report.Succeeded);
        var before = File.ReadAllBytes(output);
        journal.Write("edition.yml", JournalFixture.Edition[..JournalFixture.Edition.IndexOf("crossref:", StringComparison.Ordinal)]);

        var (report, diagnostics) = Export(Registry.Crossref, journal.ContentPath, output);

        Assert.False(report.Succeeded);
        Assert.False(report.Refused);
        Assert.True(diagnostics.HasErrors);
        Assert.Equal(before, File.ReadAllBytes(output));
        Assert.Equal(["crossref.xml"], Directory.GetFiles(temp.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void Given_no_crossref_block_When_exported_Then_each_missing_field_is_an_error_at_edition_yml_and_nothing_is_written()
    {
        using var journal = new JournalFixture();
        var edition = journal.Write("edition.yml", JournalFixture.Edition[..JournalFixture.Edition.IndexOf("crossref:", StringComparison.Ordinal)]);
        using var temp = new TempFolder();
        var output = Path.Combine(temp.Path, "crossref.xml");

        var (report, diagnostics) = Export(Registry.Crossref, journal.ContentPath, output);

        Assert.False(report.Succeeded);
        var errors = diagnostics.Items.Where(d => d.Severity == Severity.Error).ToList();
        Assert.All(errors, e => Assert.Equal((DiagnosticCodes.CrossrefFieldMissing, edition, 1, 1), (e.Code, e.Path, e.Line, e.Column)));
        Assert.Contains(errors, e => e.Message.StartsWith("Crossref needs the depositor's name", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Message.StartsWith("Crossref needs the registrant", StringComparison.Ordinal));
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void Given_an_output_inside_the_content_folder_Then_EB0960_at_the_output_refused_and_nothing_written()
    {
        using var journal = new JournalFixture();
        var inside = Path.Combine(journal.ContentPath, "exports", "doaj.xml");
        var before = Folders.FullSnapshot(journal.ContentPath);

        var (report, diagnostics) = Export(Registry.Doaj, journal.ContentPath, inside);

        Assert.True(report.Refused);
        Assert.False(report.Succeeded);
        var error = Assert.Single(diagnostics.Items);
        Assert.Equal((DiagnosticCodes.ExportOutputInsideContent, inside, Severity.Error), (error.Code, error.Path, error.Severity));
        Assert.Contains("inside the content folder", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, Folders.FullSnapshot(journal.ContentPath));
    }

    [Fact]
    public void Given_a_content_folder_that_does_not_exist_or_an_output_that_is_a_folder_Then_each_is_refused_with_its_code()
    {
        using var journal = new JournalFixture();
        using var temp = new TempFolder();
        var nowhere = Path.Combine(temp.Path, "no-content");
        var folder = Path.Combine(temp.Path, "exports");
        Directory.CreateDirectory(folder);

        var (missing, missingSaid) = Export(Registry.Crossref, nowhere, Path.Combine(temp.Path, "crossref.xml"));
        var (isFolder, isFolderSaid) = Export(Registry.Doaj, journal.ContentPath, folder);

        Assert.True(missing.Refused && isFolder.Refused);
        Assert.Equal((DiagnosticCodes.ExportContentMissing, nowhere), (Assert.Single(missingSaid.Items).Code, missingSaid.Items[0].Path));
        Assert.Equal((DiagnosticCodes.ExportOutputIsFolder, folder), (Assert.Single(isFolderSaid.Items).Code, isFolderSaid.Items[0].Path));
        Assert.Empty(Directory.EnumerateFileSystemEntries(folder));
        Assert.False(Path.Exists(Path.Combine(temp.Path, "crossref.xml")));
    }

    [Fact]
    public void Given_an_output_that_is_a_symbolic_link_Then_EB0963_refused_and_the_link_and_its_target_are_untouched()
    {
        using var journal = new JournalFixture();
        using var temp = new TempFolder();
        var target = Path.Combine(temp.Path, "elsewhere.xml");
        var link = Path.Combine(temp.Path, "doaj.xml");
        File.CreateSymbolicLink(link, target);

        var (report, diagnostics) = Export(Registry.Doaj, journal.ContentPath, link);

        Assert.True(report.Refused);
        var error = Assert.Single(diagnostics.Items);
        Assert.Equal((DiagnosticCodes.ExportOutputIsLink, link), (error.Code, error.Path));
        Assert.Contains($"a symbolic link to {target}", error.Message, StringComparison.Ordinal);
        Assert.Equal(target, new FileInfo(link).LinkTarget);
        Assert.False(File.Exists(target));
        Assert.Equal(["doaj.xml"], Directory.EnumerateFileSystemEntries(temp.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void Given_an_output_under_a_link_to_the_content_folder_Then_EB0960_refused_and_the_content_is_untouched()
    {
        using var journal = new JournalFixture();
        using var temp = new TempFolder();
        var link = Path.Combine(temp.Path, "link");
        Directory.CreateSymbolicLink(link, journal.ContentPath);
        var output = Path.Combine(link, "x.xml");
        var before = Folders.FullSnapshot(journal.ContentPath);

        var (report, diagnostics) = Export(Registry.Doaj, journal.ContentPath, output);

        Assert.True(report.Refused);
        var error = Assert.Single(diagnostics.Items);
        Assert.Equal((DiagnosticCodes.ExportOutputInsideContent, output), (error.Code, error.Path));
        Assert.Contains("inside the content folder", error.Message, StringComparison.Ordinal);
        Assert.Contains("through a symbolic link", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, Folders.FullSnapshot(journal.ContentPath));
    }

    [Fact]
    public void Given_an_output_ending_with_a_separator_Then_EB0962_refused_and_no_folder_is_created()
    {
        using var journal = new JournalFixture();
        using var temp = new TempFolder();
        var output = Path.Combine(temp.Path, "newdir", "nested") + Path.DirectorySeparatorChar;

        var (report, diagnostics) = Export(Registry.Crossref, journal.ContentPath, output);

        Assert.True(report.Refused);
        var error = Assert.Single(diagnostics.Items);
        Assert.Equal((DiagnosticCodes.ExportOutputIsFolder, output), (error.Code, error.Path));
        Assert.Contains("names a folder", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(temp.Path));
    }

    [Fact]
    public void Given_an_output_under_a_file_or_that_is_a_device_Then_EB0964_refused_and_nothing_is_written()
    {
        using var journal = new JournalFixture();
        using var temp = new TempFolder();
        var file = temp.File("notes.txt", "my notes");
        var under = Path.Combine(file, "out", "doaj.xml");

        var (underFile, underSaid) = Export(Registry.Doaj, journal.ContentPath, under);
        var (device, deviceSaid) = Export(Registry.Doaj, journal.ContentPath, "/dev/null");

        Assert.True(underFile.Refused && device.Refused);
        Assert.Equal((DiagnosticCodes.ExportOutputNotAFile, under), (Assert.Single(underSaid.Items).Code, underSaid.Items[0].Path));
        Assert.Contains($"{file} is a regular file, not a folder", underSaid.Items[0].Message, StringComparison.Ordinal);
        Assert.Equal((DiagnosticCodes.ExportOutputNotAFile, "/dev/null"), (Assert.Single(deviceSaid.Items).Code, deviceSaid.Items[0].Path));
        Assert.Contains("a character device, not a regular file", deviceSaid.Items[0].Message, StringComparison.Ordinal);
        Assert.Equal("my notes", File.ReadAllText(file));
        Assert.Equal(["notes.txt"], Directory.EnumerateFileSystemEntries(temp.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void Given_a_link_by_the_old_partial_name_beside_the_output_When_exported_Then_it_is_neither_written_through_nor_removed()
    {
        using var journal = new JournalFixture();
        using var temp = new TempFolder();
        var victim = temp.File("victim.txt", "keep me");
        var output = Path.Combine(temp.Path, "crossref.xml");
        File.CreateSymbolicLink(output + ".partial", victim);

        var (report, diagnostics) = Export(Registry.Crossref, journal.ContentPath, output);

        Assert.True(report.Succeeded, string.Join('\n', diagnostics.Items));
        Assert.Equal("keep me", File.ReadAllText(victim));
        Assert.Contains("<doi_batch ", File.ReadAllText(output), StringComparison.Ordinal);
        Assert.Equal(["crossref.xml", "crossref.xml.partial", "victim.txt"], Directory.EnumerateFileSystemEntries(temp.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(victim, new FileInfo(output + ".partial").LinkTarget);
    }

    [Fact]
    public async Task Given_two_exports_to_the_same_file_at_once_Then_both_succeed_and_the_file_is_one_of_them_whole()
    {
        using var journal = new JournalFixture();
        using var temp = new TempFolder();
        var output = Path.Combine(temp.Path, "registry.xml");
        Assert.True(Export(Registry.Crossref, journal.ContentPath, output).Report.Succeeded);
        var crossref = File.ReadAllBytes(output);
        Assert.True(Export(Registry.Doaj, journal.ContentPath, output).Report.Succeeded);
        var doaj = File.ReadAllBytes(output);

        for (var round = 0; round < 5; round++)
        {
            var exports = new[] { Registry.Crossref, Registry.Doaj }.Select(r => Task.Run(() => Export(r, journal.ContentPath, output))).ToArray();
            var results = await Task.WhenAll(exports);

            Assert.All(results, e => Assert.True(e.Report.Succeeded, string.Join('\n', e.Diagnostics.Items)));
            var written = File.ReadAllBytes(output);
            Assert.True(written.SequenceEqual(crossref) || written.SequenceEqual(doaj), "the file is one export's bytes, whole");
            Assert.Equal(["registry.xml"], Directory.EnumerateFileSystemEntries(temp.Path).Select(Path.GetFileName));
        }
    }

    [Fact]
    public void Given_a_folder_the_system_will_not_write_in_When_exported_Then_EB0966_in_words_and_no_folder_is_left()
    {
        using var journal = new JournalFixture();
        var output = $"/proc/edition-{Guid.NewGuid():N}/doaj.xml"; // /proc takes no new folder or file, whoever runs the test

        var (report, diagnostics) = Export(Registry.Doaj, journal.ContentPath, output);

        Assert.False(report.Succeeded || report.Refused);
        var error = Assert.Single(diagnostics.Items);
        Assert.Equal((DiagnosticCodes.ExportWriteFailed, output), (error.Code, error.Path));
        Assert.StartsWith($"could not write {output}: ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", error.Message, StringComparison.Ordinal);
        Assert.False(Path.Exists(Path.GetDirectoryName(output)));
    }
}

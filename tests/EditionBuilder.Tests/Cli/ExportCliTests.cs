using EditionBuilder.Tests.Journal;
using EditionBuilder.Tests.Support;
using Xunit;

namespace EditionBuilder.Tests.Cli;

/// <summary><c>edition export crossref|doaj</c> as a user runs it: the file written with exit 0, missing fields as positioned errors with exit 1 and no file, a bad option or an output inside the content folder refused.</summary>
public class ExportCliTests
{
    [Theory]
    [InlineData("crossref", "<doi_batch ")]
    [InlineData("doaj", "<records ")]
    public void Given_the_journal_When_exported_Then_the_file_is_written_and_the_command_says_how_many_records(string registry, string root)
    {
        using var journal = new JournalFixture();
        using var temp = new TempFolder();
        var output = Path.Combine(temp.Path, "out", registry + ".xml");

        var result = Support.Cli.Run(temp.Path, "export", registry, journal.ContentPath, "-o", output);

        Assert.True(result.ExitCode == 0, result.Errors);
        Assert.Contains(root, File.ReadAllText(output), StringComparison.Ordinal);
        Assert.Contains("3 article record(s)", result.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(output + ".partial"));
    }

    [Fact]
    public void Given_no_crossref_block_When_exported_Then_each_missing_field_is_printed_at_its_place_and_nothing_is_written()
    {
        using var journal = new JournalFixture();
        var edition = journal.Write("edition.yml", JournalFixture.Edition[..JournalFixture.Edition.IndexOf("crossref:", StringComparison.Ordinal)]);
        using var temp = new TempFolder();
        var output = Path.Combine(temp.Path, "crossref.xml");

        var result = Support.Cli.Run(temp.Path, "export", "crossref", journal.ContentPath, "-o", output);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{edition}:1:1: error EB0850: Crossref needs the depositor's name", result.Errors, StringComparison.Ordinal);
        Assert.Contains($"{edition}:1:1: error EB0850: Crossref needs the registrant", result.Errors, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void Given_an_output_inside_the_content_folder_Then_it_is_refused()
    {
        using var journal = new JournalFixture();

        var result = Support.Cli.Run(journal.ContentPath, "export", "doaj", journal.ContentPath, "-o", Path.Combine(journal.ContentPath, "doaj.xml"));

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("inside the content folder", result.Errors, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(journal.ContentPath, "doaj.xml")));
    }

    [Fact]
    public void Given_a_timestamp_that_is_not_digits_Then_it_is_a_usage_error()
    {
        using var journal = new JournalFixture();
        using var temp = new TempFolder();

        var result = Support.Cli.Run(temp.Path, "export", "crossref", journal.ContentPath, "--timestamp", "yesterday");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--timestamp takes digits only", result.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_export_help_Then_both_registries_and_the_crossref_options_are_listed()
    {
        using var temp = new TempFolder();

        var export = Support.Cli.Run(temp.Path, "export", "--help");
        var crossref = Support.Cli.Run(temp.Path, "export", "crossref", "--help");

        Assert.Equal((0, 0), (export.ExitCode, crossref.ExitCode));
        Assert.All(["crossref", "doaj"], c => Assert.Contains($"  {c} ", export.Output, StringComparison.Ordinal));
        Assert.All(["--output", "--batch-id", "--timestamp"], o => Assert.Contains(o, crossref.Output, StringComparison.Ordinal));
    }
}

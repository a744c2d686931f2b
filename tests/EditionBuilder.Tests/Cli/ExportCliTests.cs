using EditionBuilder.Tests.Journal;
using EditionBuilder.Tests.Support;
using Xunit;

namespace EditionBuilder.Tests.Cli;

/// <summary><c>edition export crossref|doaj</c> as a user runs it: the line printed with exit 0, a refused output as a coded error with exit 2, a bad option a usage error, the help; what an export writes is RegistryExportTests', on the library.</summary>
public class ExportCliTests
{
    [Theory]
    [InlineData("crossref", "Crossref deposit")]
    [InlineData("doaj", "DOAJ article XML")]
    public void Given_the_journal_When_exported_Then_exit_0_and_one_line_names_the_file_and_its_records(string registry, string what)
    {
        using var journal = new JournalFixture();
        using var temp = new TempFolder();

        var result = Support.Cli.Run(temp.Path, "export", registry, journal.ContentPath, "-o", Path.Combine("out", registry + ".xml"));

        Assert.Equal((0, string.Empty), (result.ExitCode, result.Errors));
        Assert.Equal($"wrote {Path.Combine("out", registry + ".xml")}: {what}, 3 article record(s)\n", result.Output.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Given_an_output_inside_the_content_folder_Then_exit_2_and_the_error_line_at_the_output()
    {
        using var journal = new JournalFixture();

        var result = Support.Cli.Run(journal.ContentPath, "export", "doaj", ".", "-o", "doaj.xml");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("doaj.xml: error EB0960: refusing to write doaj.xml: it is inside the content folder .; write it elsewhere (-o)\n", result.Errors.ReplaceLineEndings("\n"));
        Assert.Empty(result.Output);
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

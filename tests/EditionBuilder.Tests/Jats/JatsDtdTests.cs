using System.Diagnostics;
using EditionBuilder.Tests.Support;
using Xunit;

namespace EditionBuilder.Tests.Jats;

/// <summary>The JATS files validated by xmllint against a real JATS DTD: the Journal Archiving and Interchange DTD (v1.3, which admits dtd-version="1.1") that Debian's python3-biopython ships for its PubMed Central reader. No DTD is copied into this repository.</summary>
public class JatsDtdTests
{
    /// <summary>Where python3-biopython installs the JATS Archiving DTD.</summary>
    public const string ArchivingDtd = "/usr/lib/python3/dist-packages/Bio/Entrez/DTDs/JATS-archivearticle1-3-mathml3.dtd";

    private const string Xmllint = "/usr/bin/xmllint";

    [SkippableFact]
    public void Given_the_seed_When_validated_against_the_JATS_Archiving_DTD_Then_xmllint_finds_no_error() => AssertValid(JatsArticles.Seed);

    [SkippableFact]
    public void Given_a_fully_described_journal_article_When_validated_against_the_JATS_Archiving_DTD_Then_xmllint_finds_no_error() => AssertValid(JatsArticles.Journal());

    [SkippableFact]
    public void Given_tables_figures_lists_and_endnotes_When_validated_against_the_JATS_Archiving_DTD_Then_xmllint_finds_no_error() => AssertValid(JatsWriterTests.RichXml());

    [SkippableFact]
    public void Given_an_element_out_of_order_Then_xmllint_with_this_DTD_reports_it()
    {
        var xml = JatsArticles.Journal();
        var broken = xml.Replace("<volume>12</volume>\n", string.Empty, StringComparison.Ordinal).Replace("<pub-date ", "<volume>12</volume>\n<pub-date ", StringComparison.Ordinal);

        var (exit, errors) = Validate(broken);

        Assert.NotEqual(0, exit);
        Assert.Contains("Element article-meta content does not follow the DTD", errors, StringComparison.Ordinal);
    }

    /// <summary>Fails with xmllint's errors unless the file is valid against the JATS Archiving DTD (skips without xmllint or the DTD, except in CI).</summary>
    public static void AssertValid(string xml)
    {
        var (exit, errors) = Validate(xml);
        Assert.True(exit == 0, errors);
    }

    private static (int Exit, string Errors) Validate(string xml)
    {
        Programs.Require(Xmllint, "libxml2-utils");
        Programs.Require(ArchivingDtd, "python3-biopython");
        using var temp = new TempFolder();
        var file = temp.File("article.xml", xml);
        var start = new ProcessStartInfo(Xmllint) { WorkingDirectory = temp.Path, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[] { "--nonet", "--noout", "--dtdvalid", ArchivingDtd, file }) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        // The DTD's optional character-entity files are not shipped, and the DOCTYPE's own DTD is not fetched: warnings, not errors.
        var lines = errors.Result.Split('\n').Where(l => l.Contains("error", StringComparison.Ordinal) || l.Contains("does not validate", StringComparison.Ordinal));
        return (process.ExitCode, string.Join('\n', lines));
    }
}

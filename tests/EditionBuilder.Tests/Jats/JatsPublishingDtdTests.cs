using System.Diagnostics;
using System.Xml.Linq;
using EditionBuilder.Diagnostics;
using EditionBuilder.Jats;
using EditionBuilder.Tests.Journal;
using EditionBuilder.Tests.Support;
using Xunit;

namespace EditionBuilder.Tests.Jats;

/// <summary>The JATS file of a fully described journal article validated by xmllint against NISO's own JATS 1.1 Journal Publishing DTD (tests/EditionBuilder.Tests/Schemas/jats-publishing-1.1/SOURCE.md says where it comes from), which is stricter than Archiving: no string-name directly in contrib, journal-meta with journal-id and issn.</summary>
public class JatsPublishingDtdTests
{
    private const string Xmllint = "/usr/bin/xmllint";

    public static string PublishingDtd => Path.Combine(Repo.TestsFolder, "Schemas", "jats-publishing-1.1", "JATS-journalpublishing1.dtd");

    [SkippableFact]
    public void Given_a_fully_described_journal_article_When_validated_against_the_Publishing_DTD_Then_xmllint_finds_no_error()
    {
        var xml = JatsArticles.Journal();

        Assert.Contains(JatsWriter.PublishingDocType, xml, StringComparison.Ordinal);
        AssertValid(xml);
    }

    [SkippableFact]
    public void Given_authors_whose_names_are_split_When_validated_against_the_Publishing_DTD_Then_each_name_is_a_name_with_surname_and_given_names()
    {
        using var journal = new JournalFixture();
        var xml = JatsArticles.Write(journal.Content with { Articles = [journal.Content.Articles.Single(a => a.Slug == "partnership")] });
        var document = JatsArticles.Parse(xml);

        var names = document.Descendants("contrib").First().Descendants("name").ToList();
        Assert.Equal(["علي", "Ali"], names.Select(n => n.Element("surname")!.Value));
        Assert.Equal(["أحمد محمد", "Ahmad Mohammad"], names.Select(n => n.Element("given-names")!.Value));
        Assert.Empty(document.Descendants("contrib").Elements("string-name"));
        AssertValid(xml);
    }

    [SkippableFact]
    public void Given_a_contrib_holding_string_name_directly_Then_xmllint_with_this_DTD_reports_it()
    {
        // What the writer made before (issue 32): valid Archiving, invalid Publishing. Proves the DTD checks what the test claims.
        var xml = JatsArticles.Journal();
        var start = xml.IndexOf("<name-alternatives>", StringComparison.Ordinal);
        var end = xml.IndexOf("</name-alternatives>", start, StringComparison.Ordinal) + "</name-alternatives>".Length;
        var broken = xml[..start] + "<string-name>Ahmad Mohammad Ali</string-name>" + xml[end..];

        var (exit, errors) = Validate(broken);

        Assert.NotEqual(0, exit);
        Assert.Contains("Element contrib content does not follow the DTD", errors, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_an_edition_without_an_ISSN_Then_the_file_keeps_the_Archiving_DOCTYPE_it_can_follow()
    {
        var xml = JatsArticles.Seed;

        Assert.Contains(JatsWriter.DocType, xml, StringComparison.Ordinal);
        Assert.DoesNotContain("Journal Publishing", xml, StringComparison.Ordinal);
    }

    /// <summary>Fails with xmllint's errors unless the file is valid against the Publishing DTD (skips without xmllint, except in CI).</summary>
    internal static void AssertValid(string xml)
    {
        var (exit, errors) = Validate(xml);
        Assert.True(exit == 0, errors);
    }

    private static (int Exit, string Errors) Validate(string xml)
    {
        Programs.Require(Xmllint, "libxml2-utils");
        using var temp = new TempFolder();
        var file = temp.File("article.xml", xml);
        var start = new ProcessStartInfo(Xmllint) { WorkingDirectory = temp.Path, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[] { "--nonet", "--noout", "--dtdvalid", PublishingDtd, file }) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, errors.Result);
    }
}

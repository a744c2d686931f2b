using System.Xml.Linq;
using EditionBuilder.Diagnostics;
using EditionBuilder.Exports;
using EditionBuilder.Tests.Journal;
using Xunit;

namespace EditionBuilder.Tests.Exports;

/// <summary><c>edition export doaj</c> on a three-article journal: valid against DOAJ's own doajArticles.xsd, a record per article, and what DOAJ requires checked first.</summary>
public class DoajExportTests
{
    private static string Schema => Path.Combine(SchemaCheck.DoajFolder, "doajArticles.xsd");

    [SkippableFact]
    public void Given_the_journal_When_exported_Then_the_file_is_valid_against_doajArticles_xsd_with_one_record_per_article()
    {
        using var journal = new JournalFixture();

        var xml = DoajArticles.Write(ExportFixture.Input(journal), new DiagnosticBag())!;

        SchemaCheck.AssertValid(xml, Schema);
        var records = XDocument.Parse(xml).Root!.Elements("record").ToList();
        Assert.Equal(["10.1234/jss.2024.003", "10.1234/jss.2024.002", "10.1234/jss.2024.001"], records.Select(r => r.Element("doi")!.Value));
        var partnership = records[2];
        Assert.Equal(("ara", "2024-03-15", "12", "1", "1", "20"), (partnership.Element("language")!.Value, partnership.Element("publicationDate")!.Value,
            partnership.Element("volume")!.Value, partnership.Element("issue")!.Value, partnership.Element("startPage")!.Value, partnership.Element("endPage")!.Value));
        Assert.Equal(["ara", "eng", "fre"], partnership.Elements("title").Select(t => t.Attribute("language")!.Value));
        Assert.Equal(["ara", "eng", "fre"], partnership.Elements("abstract").Select(t => t.Attribute("language")!.Value));
        Assert.Equal(("2049-3630", "0317-8471"), (partnership.Element("issn")!.Value, partnership.Element("eissn")!.Value));
        Assert.Equal(["Ahmad Mohammad Ali", "Sara Khalil"], partnership.Descendants("author").Select(a => a.Element("name")!.Value));
        Assert.Equal("https://orcid.org/0000-0002-1825-0097", partnership.Descendants("orcid_id").Single().Value);
        Assert.Equal(["Beirut Arab University", "Lebanese University"], partnership.Descendants("affiliationName").Select(a => a.Value));
        Assert.Equal(JournalFixture.BaseUrl + "partnership/index.html", partnership.Element("fullTextUrl")!.Value);
        Assert.Equal(["Syria", "Middle East"], partnership.Elements("keywords").Single(k => k.Attribute("language")!.Value == "eng").Elements("keyword").Select(k => k.Value));
    }

    [SkippableFact]
    public void Given_a_language_DOAJ_does_not_know_Then_xmllint_with_its_schema_rejects_the_file()
    {
        // Proves the schema check checks: DOAJ wants ISO 639-2/B codes, not the two-letter ones the site uses.
        using var journal = new JournalFixture();
        var xml = DoajArticles.Write(ExportFixture.Input(journal), new DiagnosticBag())!.Replace("<language>ara</language>", "<language>ar</language>", StringComparison.Ordinal);

        var (exit, errors) = SchemaCheck.Validate(xml, Schema);

        Assert.NotEqual(0, exit);
        Assert.Contains("language", errors, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_no_base_url_and_an_article_without_a_date_When_exported_Then_each_is_an_error_at_its_line_and_nothing_is_written()
    {
        using var journal = new JournalFixture();
        journal.Write("edition.yml", JournalFixture.Edition.Replace("base_url: https://journal.example.org/jss/", "base_url: \"\"", StringComparison.Ordinal));
        var article = Path.Combine(journal.ContentPath, "energy", "article.yml");
        File.WriteAllText(article, File.ReadAllText(article).Replace("date: 2024-03-15", "date: ~", StringComparison.Ordinal));
        var diagnostics = new DiagnosticBag();

        var xml = DoajArticles.Write(ExportFixture.Input(journal), diagnostics);

        Assert.Null(xml);
        var dateLine = File.ReadAllLines(article).ToList().FindIndex(l => l.StartsWith("date:", StringComparison.Ordinal)) + 1;
        Assert.Equal([(Path.Combine(journal.ContentPath, "edition.yml"), 5), (article, dateLine)],
            diagnostics.Items.Where(d => d.Code == DiagnosticCodes.DoajFieldMissing).Select(d => (d.Path, d.Line)));
    }

    [Fact]
    public void Given_the_same_content_When_exported_twice_Then_the_bytes_are_the_same()
    {
        using var journal = new JournalFixture();

        Assert.Equal(DoajArticles.Write(ExportFixture.Input(journal), new DiagnosticBag()), DoajArticles.Write(ExportFixture.Input(journal), new DiagnosticBag()));
    }
}

using System.Xml.Linq;
using EditionBuilder.Diagnostics;
using EditionBuilder.Exports;
using EditionBuilder.Tests.Journal;
using EditionBuilder.Tests.Support;
using Xunit;

namespace EditionBuilder.Tests.Exports;

/// <summary><c>edition export crossref</c> on a three-article journal in two issues: a journal per issue, a journal_article per article with its DOI and page address, batch id and timestamp from the content, and what Crossref requires checked first, each at its line.</summary>
public class CrossrefExportTests
{
    private static readonly XNamespace Cr = "http://www.crossref.org/schema/5.3.1";
    private static readonly XNamespace Jats = "http://www.ncbi.nlm.nih.gov/JATS1";

    /// <summary>A folder holding Crossref's 5.3.1 deposit schema bundle (crossref5.3.1.xsd and what it imports); its licence is not stated, so the repository does not ship it (docs/journal.md).</summary>
    public const string SchemaVariable = "EDITION_CROSSREF_SCHEMA";

    [Fact]
    public void Given_the_journal_When_deposited_Then_each_issue_is_a_journal_and_each_article_a_journal_article_with_its_doi_and_page()
    {
        using var journal = new JournalFixture();

        var deposit = XDocument.Parse(CrossrefDeposit.Write(ExportFixture.Input(journal), new DiagnosticBag())!).Root!;

        var journals = deposit.Element(Cr + "body")!.Elements(Cr + "journal").ToList();
        Assert.Equal(["2", "1"], journals.Select(j => j.Descendants(Cr + "issue").Single().Value).Order().Reverse());
        var articles = deposit.Descendants(Cr + "journal_article").ToList();
        Assert.Equal(3, articles.Count);
        var partnership = articles.Single(a => a.Descendants(Cr + "doi").Single().Value == "10.1234/jss.2024.001");
        Assert.Equal(JournalFixture.BaseUrl + "partnership/index.html", partnership.Descendants(Cr + "resource").Single().Value);
        Assert.Equal(["الشراكة الروسية – الإيرانية في سوريا", "The Russian – Iranian partnership in Syria", "Le partenariat russo-iranien en Syrie"],
            partnership.Elements(Cr + "titles").Select(t => t.Element(Cr + "title")!.Value));
        var first = partnership.Descendants(Cr + "person_name").First();
        Assert.Equal(("first", "Ahmad Mohammad", "Ali", "https://orcid.org/0000-0002-1825-0097", "Beirut Arab University"),
            ((string)first.Attribute("sequence")!, first.Element(Cr + "given_name")!.Value, first.Element(Cr + "surname")!.Value, first.Element(Cr + "ORCID")!.Value, first.Descendants(Cr + "institution_name").Single().Value));
        Assert.Equal(["ar", "en", "fr"], partnership.Elements(Jats + "abstract").Select(a => a.Attribute(XNamespace.Xml + "lang")!.Value));
        Assert.Equal(("1", "20"), (partnership.Descendants(Cr + "first_page").Single().Value, partnership.Descendants(Cr + "last_page").Single().Value));
        Assert.Equal(["حداد، ليلى (2019). السياسة الخارجية الروسية. بيروت: دار النشر.", "Smith, John (2020). Russia and Iran. London: Routledge."],
            partnership.Descendants(Cr + "unstructured_citation").Select(c => c.Value));
        Assert.Equal(["ref-1", "ref-2"], partnership.Descendants(Cr + "citation").Select(c => c.Attribute("key")!.Value));
        var head = deposit.Element(Cr + "head")!;
        Assert.Equal(("Centre for Strategic Studies", "doi@journal.example.org", "Centre for Strategic Studies", "20240910000000"),
            (head.Descendants(Cr + "depositor_name").Single().Value, head.Descendants(Cr + "email_address").Single().Value, head.Element(Cr + "registrant")!.Value, head.Element(Cr + "timestamp")!.Value));
    }

    [Fact]
    public void Given_the_same_content_When_deposited_twice_Then_the_bytes_are_the_same_and_options_override_the_batch_id_and_timestamp()
    {
        using var journal = new JournalFixture();

        var once = CrossrefDeposit.Write(ExportFixture.Input(journal), new DiagnosticBag());
        var twice = CrossrefDeposit.Write(ExportFixture.Input(journal), new DiagnosticBag());
        var given = XDocument.Parse(CrossrefDeposit.Write(ExportFixture.Input(journal), new DiagnosticBag(), "jss-2024-2", 20241001120000)!).Root!.Element(Cr + "head")!;

        Assert.Equal(once, twice);
        Assert.Matches("<doi_batch_id>edition-[0-9a-f]{20}</doi_batch_id>", once);
        Assert.Equal(("jss-2024-2", "20241001120000"), (given.Element(Cr + "doi_batch_id")!.Value, given.Element(Cr + "timestamp")!.Value));
    }

    [Fact]
    public void Given_missing_depositor_email_and_doi_When_deposited_Then_each_is_an_error_at_its_line_and_nothing_is_written()
    {
        using var journal = new JournalFixture();
        journal.Write("edition.yml", JournalFixture.Edition
            .Replace("  depositor: Centre for Strategic Studies\n", string.Empty, StringComparison.Ordinal)
            .Replace("  email: doi@journal.example.org\n", "  email: \"\"\n", StringComparison.Ordinal));
        var article = Path.Combine(journal.ContentPath, "borders", "article.yml");
        File.WriteAllText(article, File.ReadAllText(article).Replace("doi: 10.1234/jss.2024.003\n", string.Empty, StringComparison.Ordinal));
        var diagnostics = new DiagnosticBag();

        var deposit = CrossrefDeposit.Write(ExportFixture.Input(journal), diagnostics);

        Assert.Null(deposit);
        var edition = Path.Combine(journal.ContentPath, "edition.yml");
        Assert.Equal([(article, 1, 1, "DOI"), (edition, 7, 1, "depositor"), (edition, 8, 3, "e-mail")],
            diagnostics.Items.Select(d => (d.Path, d.Line, d.Column, d.Message.Contains("depositor's name", StringComparison.Ordinal) ? "depositor" : d.Message.Contains("e-mail", StringComparison.Ordinal) ? "e-mail" : "DOI")));
        Assert.All(diagnostics.Items, d => Assert.Equal(DiagnosticCodes.CrossrefFieldMissing, d.Code));
    }

    [SkippableFact]
    public void Given_the_journal_When_deposited_Then_the_file_is_valid_against_Crossrefs_5_3_1_schema_when_the_bundle_is_at_hand()
    {
        var folder = Environment.GetEnvironmentVariable(SchemaVariable);
        Skip.If(folder is null || !File.Exists(Path.Combine(folder, "crossref5.3.1.xsd")),
            $"set {SchemaVariable} to a folder holding Crossref's 5.3.1 schema bundle (crossref5.3.1.xsd and its imports) to validate against it; docs/journal.md");
        using var journal = new JournalFixture();

        var deposit = CrossrefDeposit.Write(ExportFixture.Input(journal), new DiagnosticBag())!;

        var catalog = Path.Combine(folder!, "catalog.xml");
        SchemaCheck.AssertValid(deposit, Path.Combine(folder!, "crossref5.3.1.xsd"), File.Exists(catalog) ? catalog : null);
    }
}

using System.Xml.Linq;
using EditionBuilder.Diagnostics;
using EditionBuilder.Output;
using EditionBuilder.Pipeline;
using EditionBuilder.Site;
using EditionBuilder.Tests.Support;
using Xunit;

namespace EditionBuilder.Tests.Journal;

/// <summary>The journal writers in the built site of a three-article journal in two issues: the Atom feed, the OAI-PMH static repository, a page per issue, the English and French homes, and the sitemap that lists them.</summary>
public class JournalSiteTests : IClassFixture<JournalSiteTests.Built>
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Oai = "http://www.openarchives.org/OAI/2.0/";
    private static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";

    private readonly Built _built;

    public JournalSiteTests(Built built) => _built = built;

    /// <summary>The fixture's site, built once for the class.</summary>
    public sealed class Built : IDisposable
    {
        public Built()
        {
            Journal = new JournalFixture();
            Files = Journal.Site(Diagnostics);
        }

        public JournalFixture Journal { get; }

        public DiagnosticBag Diagnostics { get; } = new();

        public IReadOnlyList<SiteFile> Files { get; }

        public string Text(string path) => Files.Single(f => f.Path == path).AsText();

        public void Dispose() => Journal.Dispose();
    }

    [Fact]
    public void Given_the_journal_Then_the_feed_has_an_entry_per_article_newest_first_with_id_title_updated_and_an_absolute_link()
    {
        var feed = XDocument.Parse(_built.Text("feed.xml")).Root!;

        var entries = feed.Elements(Atom + "entry").ToList();
        Assert.Equal(["https://doi.org/10.1234/jss.2024.003", "https://doi.org/10.1234/jss.2024.001", "https://doi.org/10.1234/jss.2024.002"],
            entries.Select(e => e.Element(Atom + "id")!.Value));
        Assert.Equal(["2024-09-10T00:00:00Z", "2024-03-15T00:00:00Z", "2024-03-15T00:00:00Z"], entries.Select(e => e.Element(Atom + "updated")!.Value));
        Assert.Equal("الحدود والسيادة في بلاد الشام", entries[0].Element(Atom + "title")!.Value);
        Assert.Equal(JournalFixture.BaseUrl + "borders/index.html", entries[0].Elements(Atom + "link").First(l => (string?)l.Attribute("hreflang") == "ar").Attribute("href")!.Value);
        Assert.All(entries.SelectMany(e => e.Elements(Atom + "link")), l => Assert.StartsWith(JournalFixture.BaseUrl, l.Attribute("href")!.Value, StringComparison.Ordinal));
        var english = entries[0].Elements(Atom + "link").Single(l => (string?)l.Attribute("hreflang") == "en");
        Assert.Equal(("Borders and sovereignty in the Levant", JournalFixture.BaseUrl + "borders/en/index.html"), (english.Attribute("title")!.Value, english.Attribute("href")!.Value));
        Assert.Equal("2024-09-10T00:00:00Z", feed.Element(Atom + "updated")!.Value);
        Assert.Equal(JournalFixture.BaseUrl + "feed.xml", feed.Element(Atom + "id")!.Value);
    }

    [Fact]
    public void Given_the_journal_Then_every_page_links_the_feed_from_its_head()
    {
        var pages = _built.Files.Where(f => f.Path.EndsWith(".html", StringComparison.Ordinal) && f.Path != "404.html").ToList();

        Assert.NotEmpty(pages);
        Assert.All(pages, page => Assert.Contains($"<link rel=\"alternate\" type=\"application/atom+xml\" href=\"{SiteFile.RootOf(page.Path)}feed.xml\"", page.AsText(), StringComparison.Ordinal));
    }

    [Fact]
    public void Given_the_journal_Then_the_OAI_static_repository_holds_an_oai_dc_record_per_article()
    {
        var repository = XDocument.Parse(_built.Text("oai.xml")).Root!;

        Assert.Equal("Repository", repository.Name.LocalName);
        Assert.Equal(JournalFixture.Gateway + "journal.example.org/jss/oai.xml", repository.Descendants(Oai + "baseURL").Single().Value);
        Assert.Equal("oai@journal.example.org", repository.Descendants(Oai + "adminEmail").Single().Value);
        Assert.Equal("2024-03-15", repository.Descendants(Oai + "earliestDatestamp").Single().Value);
        var records = repository.Descendants(Oai + "record").ToList();
        Assert.Equal(["oai:journal.example.org:jss/energy", "oai:journal.example.org:jss/partnership", "oai:journal.example.org:jss/borders"],
            records.Select(r => r.Descendants(Oai + "identifier").Single().Value));
        var borders = records[2];
        Assert.Equal(["ar", "en", "fr"], borders.Descendants(Dc + "title").Select(t => t.Attribute(XNamespace.Xml + "lang")!.Value));
        Assert.Equal([JournalFixture.BaseUrl + "borders/index.html", "https://doi.org/10.1234/jss.2024.003"], borders.Descendants(Dc + "identifier").Select(i => i.Value));
        Assert.Equal("2024-09-10", borders.Descendants(Oai + "datestamp").Single().Value);
    }

    [Fact]
    public void Given_two_issues_Then_each_has_a_page_listing_exactly_its_articles_with_authors_and_pages()
    {
        var first = _built.Text("issues/v12-n1/index.html");
        var second = _built.Text("issues/v12-n2/index.html");

        Assert.Equal(["../../partnership/index.html", "../../energy/index.html"], ArticleLinks(first));
        Assert.Equal(["../../borders/index.html"], ArticleLinks(second));
        Assert.Contains("<bdi>أحمد محمد علي</bdi>", first, StringComparison.Ordinal);
        Assert.Contains("<span class=\"range\" dir=\"ltr\">21–40</span>", first, StringComparison.Ordinal);
        Assert.Contains("href=\"issues/v12-n1/index.html\"", _built.Text("index.html"), StringComparison.Ordinal);
    }

    [Fact]
    public void Given_the_journal_Then_the_English_and_French_homes_list_every_article_by_its_translated_title()
    {
        foreach (var (language, titleOf) in new (string, Func<(string Slug, string English, string French), string>)[] { ("en", a => a.English), ("fr", a => a.French) })
        {
            var home = _built.Text($"{language}/index.html");

            Assert.Contains($"<html lang=\"{language}\" dir=\"ltr\">", home, StringComparison.Ordinal);
            var listed = System.Text.RegularExpressions.Regex.Matches(home[home.IndexOf("<section class=\"volume\"", StringComparison.Ordinal)..], "<li>\\s*<a href=\"([^\"]+)\"[^>]*>([^<]+)</a>")
                .Select(m => (m.Groups[1].Value, System.Net.WebUtility.HtmlDecode(m.Groups[2].Value))).Order().ToList();
            Assert.Equal(JournalFixture.Articles.Select(a => ($"../{a.Slug}/{language}/index.html", titleOf(a))).Order().ToList(), listed);

            // With base_url, language versions are linked by absolute address, as search engines require of hreflang.
            Assert.Contains("<link rel=\"alternate\" hreflang=\"ar\" href=\"https://journal.example.org/jss/index.html\">", home, StringComparison.Ordinal);
            Assert.Contains($"<link rel=\"alternate\" hreflang=\"{language}\" href=\"https://journal.example.org/jss/{language}/index.html\">", _built.Text("index.html"), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Given_the_journal_Then_the_sitemap_lists_the_homes_and_the_issue_pages()
    {
        var sitemap = _built.Text("sitemap.xml");

        foreach (var path in new[] { "en/index.html", "fr/index.html", "issues/v12-n1/index.html", "issues/v12-n2/index.html" })
        {
            Assert.Contains($"<loc>{JournalFixture.BaseUrl}{path}</loc>", sitemap, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Given_the_same_content_When_built_again_Then_the_feed_and_the_repository_are_the_same_bytes()
    {
        var again = _built.Journal.Site();

        foreach (var path in new[] { "feed.xml", "oai.xml", "en/index.html", "issues/v12-n1/index.html" })
        {
            Assert.Equal(_built.Files.Single(f => f.Path == path).Bytes, again.Single(f => f.Path == path).Bytes);
        }
    }

    [Fact]
    public void Given_no_base_url_Then_the_site_has_no_feed_and_no_repository_and_no_page_links_a_feed()
    {
        using var journal = new JournalFixture();
        journal.Write("edition.yml", JournalFixture.Edition.Replace("base_url: https://journal.example.org/jss/\n", string.Empty, StringComparison.Ordinal));

        var files = journal.Site();

        Assert.DoesNotContain(files, f => f.Path is "feed.xml" or "oai.xml");
        Assert.DoesNotContain("application/atom+xml", files.Single(f => f.Path == "index.html").AsText(), StringComparison.Ordinal);
        Assert.Contains(files, f => f.Path == "en/index.html");
    }

    [Fact]
    public void Given_no_base_url_When_built_Then_the_feed_stage_line_says_why_there_is_no_feed()
    {
        using var journal = new JournalFixture();
        journal.Write("edition.yml", JournalFixture.Edition.Replace("base_url: https://journal.example.org/jss/\n", string.Empty, StringComparison.Ordinal));
        var diagnostics = new DiagnosticBag();
        var stages = new List<StageReport>();

        var report = new SiteBuild(SeedSite.Get().Templates, BuildOptions.AsRendered).Run(journal.Read(diagnostics)!, new MemorySink(), diagnostics, stages.Add);

        Assert.True(report.Succeeded, string.Join('\n', diagnostics.Items));
        Assert.Contains("base_url", stages.Single(s => s.Stage == "feed").Counts, StringComparison.Ordinal);
        Assert.Contains("base_url", stages.Single(s => s.Stage == "oai").Counts, StringComparison.Ordinal);
        Assert.Equal("2 file(s)", stages.Single(s => s.Stage == "homes").Counts);
    }

    [Fact]
    public void Given_the_feed_and_the_homes_left_out_When_built_Then_no_page_links_them()
    {
        var diagnostics = new DiagnosticBag();
        var sink = new MemorySink();

        var report = new SiteBuild(SeedSite.Get().Templates, BuildOptions.AsRendered.Without("feed", "homes")).Run(_built.Journal.Content, sink, diagnostics);

        Assert.True(report.Succeeded, string.Join('\n', diagnostics.Items));
        Assert.DoesNotContain(sink.Files, f => f.Path is "feed.xml" or "en/index.html" or "fr/index.html");
        var index = sink.Files.Single(f => f.Path == "index.html").AsText();
        Assert.DoesNotContain("application/atom+xml", index, StringComparison.Ordinal);
        Assert.DoesNotContain("hreflang=\"en\"", index, StringComparison.Ordinal);
        Assert.Contains(sink.Files, f => f.Path == "oai.xml");
    }

    [Fact]
    public void Given_an_article_without_a_date_Then_the_feed_and_the_repository_leave_it_out_with_a_warning_at_its_article_yml()
    {
        using var journal = new JournalFixture();
        var path = Path.Combine(journal.ContentPath, "energy", "article.yml");
        File.WriteAllText(path, File.ReadAllText(path).Replace("date: 2024-03-15", string.Empty, StringComparison.Ordinal));
        var diagnostics = new DiagnosticBag();

        var files = journal.Site(diagnostics);

        Assert.Equal(2, XDocument.Parse(files.Single(f => f.Path == "feed.xml").AsText()).Root!.Elements(Atom + "entry").Count());
        Assert.Equal(2, XDocument.Parse(files.Single(f => f.Path == "oai.xml").AsText()).Descendants(Oai + "record").Count());
        var warnings = diagnostics.Items.Where(d => d.Code == DiagnosticCodes.JournalArticleUndated).ToList();
        Assert.Equal(2, warnings.Count);
        Assert.All(warnings, w => Assert.Equal((Severity.Warning, path), (w.Severity, w.Path)));
    }

    [Fact]
    public void Given_an_article_folder_named_like_a_journal_page_folder_Then_the_build_fails_naming_it()
    {
        using var journal = new JournalFixture();
        var yml = File.ReadAllText(Path.Combine(journal.ContentPath, "energy", "article.yml"));
        journal.Write("en/article.yml", yml);
        foreach (var file in new[] { "ar/01-almqdma.md", "ar/02-alkhatma.md" }) journal.Write("en/" + file, File.ReadAllText(Path.Combine(journal.ContentPath, "energy", file)));
        var diagnostics = new DiagnosticBag();

        var content = journal.Read(diagnostics);
        var files = Sites.Render(SeedSite.Get().Templates, content!, diagnostics);

        Assert.Null(files);
        var error = Assert.Single(diagnostics.Items, d => d.Code == DiagnosticCodes.JournalPathTaken);
        Assert.Equal(Path.Combine(journal.ContentPath, "en", "article.yml"), error.Path);
    }

    [Fact]
    public void Given_oai_without_its_gateway_Then_edition_yml_has_a_positioned_error()
    {
        var diagnostics = new DiagnosticBag();

        var edition = EditionBuilder.Content.MetadataYaml.ReadEdition("edition.yml", "name: { ar: مجلة }\noai:\n  email: oai@example.org\n", diagnostics);

        Assert.Null(edition);
        var error = Assert.Single(diagnostics.Items);
        Assert.Equal((DiagnosticCodes.OaiSettingMissing, 3, 3), (error.Code, error.Line, error.Column));
        Assert.Contains("gateway", error.Message, StringComparison.Ordinal);
    }

    private static List<string> ArticleLinks(string page) =>
        System.Text.RegularExpressions.Regex.Matches(page[page.IndexOf("<ol class=\"articles\">", StringComparison.Ordinal)..], "<li>\\s*<a href=\"([^\"]+)\"")
            .Select(m => m.Groups[1].Value).ToList();
}

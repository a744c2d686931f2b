using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using EditionBuilder.Content;
using EditionBuilder.Diagnostics;
using EditionBuilder.Import;
using EditionBuilder.Site;
using EditionBuilder.Tests.Support;
using Xunit;

namespace EditionBuilder.Tests.Render;

/// <summary>A two-volume journal (three issues) with full metadata, built and verified: the index grouped by volume and issue, and on each article's pages the authors, affiliations, DOI, keywords, pages, the date in the page's language, the licence and Google Scholar's tags.</summary>
public sealed class JournalMetadataTests : IDisposable
{
    private static readonly HtmlParser Parser = new();
    private readonly TempFolder _temp = new();
    private readonly IReadOnlyList<SiteFile> _site;

    public JournalMetadataTests()
    {
        var content = Path.Combine(_temp.Path, "content");
        _temp.File("content/edition.yml", """
            name: { ar: مجلة الدراسات الاستراتيجية, en: Journal of Strategic Studies, fr: Revue d'études stratégiques }
            publisher: مركز الدراسات
            issn_print: 2049-3630
            issn_online: 0317-8471
            base_url: https://example.org/journal/
            licence: CC-BY-4.0
            """);
        // Volume 1 issue 1, volume 1 issue 2 (two articles, written in reverse page order), volume 2 issue 1.
        Article("v1-first", "1", "1", "2023-03-01", "1", "20", "مقال العدد الأول");
        Article("v1-late", "1", "2", "2023-09-01", "45", "67", "مقال في آخر العدد الثاني", full: true);
        Article("v1-early", "1", "2", "2023-09-01", "5", "30", "مقال في أول العدد الثاني");
        Article("v2-first", "2", "1", "2024-03-15", "1", "12", "مقال المجلد الثاني");

        var diagnostics = new DiagnosticBag();
        var edition = ContentFolder.Read(content, diagnostics)!;
        _site = Sites.Build(SeedSite.Get().Templates, edition, diagnostics)!;
        Assert.False(diagnostics.HasErrors, string.Join('\n', diagnostics.Items));
    }

    public void Dispose() => _temp.Dispose();

    private void Article(string slug, string volume, string issue, string date, string first, string last, string title, bool full = false)
    {
        var yaml = $"title: {{ ar: {title}, en: English title of {slug} }}\nvolume: {volume}\nissue: {issue}\ndate: {date}\nfirst_page: {first}\nlast_page: {last}\n";
        if (full)
        {
            yaml = """
                title:
                  ar: "الشراكة الروسية – الإيرانية في سوريا"
                  en: "The Russian – Iranian partnership in Syria"
                authors:
                  - name: { ar: أحمد محمد علي, en: Ahmad Mohammad Ali }
                    affiliation: { ar: جامعة بيروت العربية, en: Beirut Arab University }
                    orcid: 0000-0002-1825-0097
                    email: ahmad.ali@example.org
                  - name: سارة خليل
                    affiliation: الجامعة اللبنانية
                doi: 10.1234/jss.2023.045
                keywords:
                  ar: [روسيا, إيران, سوريا]
                  en: [Russia, Iran, Syria]
                volume: 1
                issue: 2
                pages: 45-67
                date: 2023-09-01
                licence: CC-BY-NC-4.0
                """;
        }

        _temp.File($"content/{slug}/article.yml", yaml);
        _temp.File($"content/{slug}/ar/01-almqdma.md", SmallEdition.Chapter1);
        _temp.File($"content/{slug}/ar/02-alkhatma.md", SmallEdition.Chapter2);
        _temp.File($"content/{slug}/en/abstract.md", SmallEdition.English);
        if (full)
        {
            _temp.File($"content/{slug}/ar/abstract.md", "---\ntitle: \"ملخص\"\nlang: ar\ndir: rtl\norder: 0\nslug: abstract\n---\n\nتتناول هذه الدراسة الشراكة بين روسيا وإيران.\n");
        }
    }

    private IDocument Page(string path) => Parser.ParseDocument(_site.Single(f => f.Path == path).AsText());

    private static string Text(IElement? element) => System.Text.RegularExpressions.Regex.Replace(element!.TextContent, @"\s+", " ").Trim();

    [Fact]
    public void Given_two_volumes_and_three_issues_When_built_Then_the_index_groups_them_newest_first_and_orders_each_issue_by_first_page()
    {
        var index = Page("index.html");

        Assert.Equal(["المجلد 2", "المجلد 1"], index.QuerySelectorAll("section.volume > h2").Select(Text));
        var issues = index.QuerySelectorAll("section.volume").Select(v => v.QuerySelectorAll("section.issue > h3").Select(Text).ToList()).ToList();
        Assert.Equal(["العدد 1، 15 آذار/مارس 2024"], issues[0]);
        Assert.Equal(["العدد 2، 1 أيلول/سبتمبر 2023", "العدد 1، 1 آذار/مارس 2023"], issues[1]);
        Assert.Equal(["v2-first/index.html", "v1-early/index.html", "v1-late/index.html", "v1-first/index.html"], index.QuerySelectorAll("ol.articles > li > a").Select(a => a.GetAttribute("href")));
        Assert.Equal("2023-09-01", index.QuerySelectorAll("section.issue > h3 time")[1].GetAttribute("datetime"));
        Assert.Equal("ردمد للطبعة الورقية (ISSN): 2049-3630 · ردمد للطبعة الإلكترونية (ISSN): 0317-8471", Text(index.QuerySelector("p.issn")));
        Assert.Equal("الرخصة: CC BY 4.0", Text(index.QuerySelector("footer .licence")));
    }

    [Fact]
    public void Given_full_metadata_When_built_Then_the_landing_page_shows_authors_affiliations_DOI_keywords_pages_the_Arabic_date_the_abstract_and_the_licence()
    {
        var page = Page("v1-late/index.html");

        var authors = page.QuerySelectorAll("ul.authors > li").ToList();
        Assert.Equal(["أحمد محمد علي", "سارة خليل"], authors.Select(a => Text(a.QuerySelector(".name"))));
        Assert.Equal(["جامعة بيروت العربية", "الجامعة اللبنانية"], authors.Select(a => Text(a.QuerySelector(".affiliation"))));
        Assert.Equal("https://orcid.org/0000-0002-1825-0097", authors[0].QuerySelector("a.orcid")!.GetAttribute("href"));
        Assert.Equal("mailto:ahmad.ali@example.org", authors[0].QuerySelector("a.email")!.GetAttribute("href"));
        var doi = page.QuerySelector("p.doi a")!;
        Assert.Equal(("https://doi.org/10.1234/jss.2023.045", "https://doi.org/10.1234/jss.2023.045", "ltr"), (doi.GetAttribute("href"), doi.TextContent, doi.GetAttribute("dir")));
        Assert.Equal("الكلمات المفتاحية: روسيا، إيران، سوريا", Text(page.QuerySelector("p.keywords")));
        Assert.Equal("مجلة الدراسات الاستراتيجية، المجلد 1، العدد 2، 1 أيلول/سبتمبر 2023، ص. 45–67", Text(page.QuerySelector("p.journal")));
        var time = page.QuerySelector("p.journal time")!;
        Assert.Equal(("2023-09-01", "rtl", "1 أيلول/سبتمبر 2023"), (time.GetAttribute("datetime"), time.GetAttribute("dir"), time.TextContent));
        Assert.Equal("تتناول هذه الدراسة الشراكة بين روسيا وإيران.", Text(page.QuerySelector("section.abstract p")));
        var licence = page.QuerySelector("footer a[rel=license]")!;
        Assert.Equal(("https://creativecommons.org/licenses/by-nc/4.0/", "CC BY-NC 4.0"), (licence.GetAttribute("href"), licence.TextContent));
        Assert.Contains("https://doi.org/10.1234/jss.2023.045", Text(page.QuerySelector("section.citation p")));
    }

    [Fact]
    public void Given_full_metadata_When_built_Then_every_page_of_the_article_has_the_licence_line()
    {
        var pages = _site.Where(f => f.Path.StartsWith("v1-late/", StringComparison.Ordinal) && f.Path.EndsWith(".html", StringComparison.Ordinal)).ToList();

        Assert.Equal(5, pages.Count);
        Assert.All(pages, p => Assert.Equal("https://creativecommons.org/licenses/by-nc/4.0/", Parser.ParseDocument(p.AsText()).QuerySelector("footer a[rel=license]")?.GetAttribute("href")));
        Assert.Equal("https://creativecommons.org/licenses/by/4.0/", Page("v1-first/01-almqdma.html").QuerySelector("footer a[rel=license]")!.GetAttribute("href"));
    }

    [Fact]
    public void Given_full_metadata_When_built_Then_the_English_abstract_page_shows_the_authors_in_their_English_names_the_English_date_keywords_and_citation()
    {
        var page = Page("v1-late/en/index.html");

        Assert.Equal(["Ahmad Mohammad Ali", "سارة خليل"], page.QuerySelectorAll("ul.authors .name").Select(Text));
        Assert.Equal("Beirut Arab University", Text(page.QuerySelector("ul.authors .affiliation")));
        Assert.Equal("1 September 2023", page.QuerySelector("p.journal time")!.TextContent);
        Assert.Equal("ltr", page.QuerySelector("p.journal time")!.GetAttribute("dir"));
        Assert.Equal("Keywords: Russia, Iran, Syria", Text(page.QuerySelector("p.keywords")));
        Assert.StartsWith("Ahmad Mohammad Ali, سارة خليل, “The Russian – Iranian partnership in Syria”, Journal of Strategic Studies 1 (2), 2023: 45–67.", Text(page.QuerySelector("section.citation p")));
        Assert.Equal("Licence: CC BY-NC 4.0", Text(page.QuerySelector("footer .licence")));
    }

    [Fact]
    public void Given_full_metadata_When_built_Then_Google_Scholar_and_schema_org_read_authors_institutions_DOI_pages_ISSN_and_date()
    {
        var page = Page("v1-late/index.html");
        string[] Meta(string name) => page.QuerySelectorAll($"meta[name='{name}']").Select(m => m.GetAttribute("content")!).ToArray();

        // Google Scholar's required tags, and each author followed by their institution.
        Assert.Equal(["الشراكة الروسية – الإيرانية في سوريا"], Meta("citation_title"));
        Assert.Equal(["أحمد محمد علي", "سارة خليل"], Meta("citation_author"));
        Assert.Equal(["2023/09/01"], Meta("citation_publication_date"));
        var sequence = page.QuerySelectorAll("meta[name^='citation_author']").Select(m => m.GetAttribute("name") + "=" + m.GetAttribute("content")).ToList();
        Assert.Equal(["citation_author=أحمد محمد علي", "citation_author_institution=جامعة بيروت العربية", "citation_author_orcid=https://orcid.org/0000-0002-1825-0097",
            "citation_author=سارة خليل", "citation_author_institution=الجامعة اللبنانية"], sequence);
        Assert.Equal(["10.1234/jss.2023.045"], Meta("citation_doi"));
        Assert.Equal(["45"], Meta("citation_firstpage"));
        Assert.Equal(["67"], Meta("citation_lastpage"));
        Assert.Equal(["0317-8471", "2049-3630"], Meta("citation_issn"));
        Assert.Equal(["مجلة الدراسات الاستراتيجية"], Meta("citation_journal_title"));
        Assert.Equal(["روسيا", "إيران", "سوريا", "Russia", "Iran", "Syria"], Meta("citation_keywords"));

        using var json = JsonDocument.Parse(page.QuerySelector("script[type='application/ld+json']")!.TextContent);
        var root = json.RootElement;
        Assert.Equal("https://doi.org/10.1234/jss.2023.045", root.GetProperty("sameAs").GetString());
        Assert.Equal("10.1234/jss.2023.045", root.GetProperty("identifier").GetProperty("value").GetString());
        var author = root.GetProperty("author")[0];
        Assert.Equal(("أحمد محمد علي", "جامعة بيروت العربية", "https://orcid.org/0000-0002-1825-0097"),
            (author.GetProperty("name").GetString(), author.GetProperty("affiliation")[0].GetProperty("name").GetString(), author.GetProperty("sameAs").GetString()));
        Assert.Equal(("2023-09-01", "45", "67", "https://creativecommons.org/licenses/by-nc/4.0/"),
            (root.GetProperty("datePublished").GetString(), root.GetProperty("pageStart").GetString(), root.GetProperty("pageEnd").GetString(), root.GetProperty("license").GetString()));
    }

    [Fact]
    public void Given_full_metadata_When_built_Then_the_citation_files_carry_the_DOI_the_pages_and_the_ISSN()
    {
        var bib = _site.Single(f => f.Path == "v1-late/cite.bib").AsText();
        var ris = _site.Single(f => f.Path == "v1-late/cite.ris").AsText();
        using var csl = JsonDocument.Parse(_site.Single(f => f.Path == "v1-late/cite.json").AsText());

        Assert.Contains("  doi = {10.1234/jss.2023.045},\n", bib);
        Assert.Contains("  pages = {45--67},\n", bib);
        Assert.Contains("  year = {2023},\n", bib);
        Assert.Contains("  affiliation = {جامعة بيروت العربية; الجامعة اللبنانية},\n", bib);
        Assert.Contains("DO  - 10.1234/jss.2023.045\r\n", ris);
        Assert.Contains("SP  - 45\r\nEP  - 67\r\n", ris);
        Assert.Contains("AU  - أحمد محمد علي\r\nAD  - جامعة بيروت العربية\r\n", ris);
        Assert.Contains("DA  - 2023/09/01\r\n", ris);
        var item = csl.RootElement[0];
        Assert.Equal(("10.1234/jss.2023.045", "45-67", "0317-8471"), (item.GetProperty("DOI").GetString(), item.GetProperty("page").GetString(), item.GetProperty("ISSN").GetString()));
    }
}

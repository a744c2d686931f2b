using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using EditionBuilder.Citations;
using EditionBuilder.Content;
using EditionBuilder.Diagnostics;
using EditionBuilder.Import;
using EditionBuilder.Tests.Support;
using Xunit;

namespace EditionBuilder.Tests.Scholarly;

/// <summary>What scholars and indexers read: citation metadata, cite-this files, paragraph anchors, archived links, print, sitemap.</summary>
public class ScholarlyApparatusTests
{
    private const string Article = "russian-iranian-partnership";
    private static readonly HtmlParser Parser = new();

    private static SeedSite Site => SeedSite.Get();

    [Fact]
    public void Given_the_article_landing_page_Then_it_carries_highwire_dublin_core_open_graph_and_parsable_JSON_LD_from_article_yml_only()
    {
        var page = Parser.ParseDocument(Site.File($"{Article}/index.html").AsText());
        string[] Meta(string name) => page.QuerySelectorAll($"meta[name='{name}'], meta[property='{name}']").Select(m => m.GetAttribute("content")!).ToArray();

        Assert.Equal(["الشراكة الروسية – الإيرانية في سوريا: انعكاساتها على الوضع الجيوستراتيجي في الشرق الأوسط"], Meta("citation_title"));
        Assert.Equal(["ar"], Meta("citation_language"));
        Assert.Equal(["../russian-iranian-partnership/en/index.html", "../russian-iranian-partnership/fr/index.html"], Meta("citation_abstract_html_url"));
        Assert.Equal(["../russian-iranian-partnership/full.html"], Meta("citation_fulltext_html_url"));
        Assert.Empty(Meta("citation_author"));
        Assert.Empty(Meta("citation_journal_title"));
        Assert.Empty(Meta("citation_publication_date"));
        Assert.Equal(2, Meta("DC.title.alternative").Length);
        Assert.Equal(["article"], Meta("og:type"));
        Assert.Equal(["en", "fr"], Meta("og:locale:alternate"));

        var jsonLd = page.QuerySelector("script[type='application/ld+json']")!.TextContent;
        using var json = JsonDocument.Parse(jsonLd);
        Assert.Equal("ScholarlyArticle", json.RootElement.GetProperty("@type").GetString());
        Assert.Equal("ar", json.RootElement.GetProperty("inLanguage").GetString());
        var abstracts = json.RootElement.GetProperty("abstract").EnumerateArray().Select(a => a.GetProperty("@language").GetString()).ToList();
        Assert.Equal(["en", "fr"], abstracts);
        Assert.Equal(2, json.RootElement.GetProperty("alternativeHeadline").GetArrayLength());
        Assert.False(json.RootElement.TryGetProperty("author", out _));
        Assert.False(json.RootElement.TryGetProperty("datePublished", out _));
    }

    [Fact]
    public void Given_full_metadata_Then_the_cite_files_parse_back_to_the_same_fields()
    {
        var metadata = new ArticleMetadata { Authors = ["محمد علي", "Jane {Doe}"], Journal = "مجلة الدراسات", Volume = "12", Issue = "3", Date = "2016-10-09" };
        metadata.Title["ar"] = "عنوان_المقال & 100%";
        metadata.Title["en"] = "The title";

        var bib = ParseBibTeX(CitationFiles.BibTeX("key", metadata, "https://example.org/a/index.html"));
        Assert.Equal("key", bib["@key"]);
        Assert.Equal("محمد علي and Jane \\{Doe\\}", bib["author"]);
        Assert.Equal("عنوان\\_المقال \\& 100\\%", bib["title"]);
        Assert.Equal(("مجلة الدراسات", "12", "3", "2016"), (bib["journal"], bib["volume"], bib["number"], bib["year"]));

        var ris = ParseRis(CitationFiles.Ris(metadata, "https://example.org/a/index.html"));
        Assert.Equal("JOUR", ris["TY"].Single());
        Assert.Equal(["محمد علي", "Jane {Doe}"], ris["AU"]);
        Assert.Equal(["عنوان_المقال & 100%"], ris["TI"]);
        Assert.Equal(["2016"], ris["PY"]);
        Assert.Equal(["https://example.org/a/index.html"], ris["UR"]);
        Assert.True(ris.ContainsKey("ER"));

        using var csl = JsonDocument.Parse(CitationFiles.CslJson("key", metadata, null));
        var item = csl.RootElement[0];
        Assert.Equal("article-journal", item.GetProperty("type").GetString());
        Assert.Equal([2016, 10, 9], item.GetProperty("issued").GetProperty("date-parts")[0].EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal("Jane {Doe}", item.GetProperty("author")[1].GetProperty("literal").GetString());
    }

    [Fact]
    public void Given_the_seed_site_Then_the_landing_page_links_cite_files_that_parse()
    {
        var page = Parser.ParseDocument(Site.File($"{Article}/index.html").AsText());
        var links = page.QuerySelectorAll(".cite-files a").Select(a => a.GetAttribute("href")!).ToList();

        Assert.Equal(["../russian-iranian-partnership/cite.bib", "../russian-iranian-partnership/cite.ris", "../russian-iranian-partnership/cite.json"], links);
        Assert.Equal("الشراكة الروسية – الإيرانية في سوريا: انعكاساتها على الوضع الجيوستراتيجي في الشرق الأوسط", ParseBibTeX(Site.File($"{Article}/cite.bib").AsText())["title"]);
        Assert.Equal(2, ParseRis(Site.File($"{Article}/cite.ris").AsText())["TT"].Count);
        using var csl = JsonDocument.Parse(Site.File($"{Article}/cite.json").AsText());
        var item = Assert.Single(csl.RootElement.EnumerateArray());
        Assert.Equal("article-journal", item.GetProperty("type").GetString());
        Assert.Equal("russian-iranian-partnership", item.GetProperty("id").GetString());
        Assert.StartsWith("الشراكة الروسية", item.GetProperty("title").GetString());
    }

    [Fact]
    public void Given_the_seed_site_Then_every_body_paragraph_has_a_stable_id_and_a_visible_number_linking_to_it()
    {
        var chapter = Parser.ParseDocument(Site.File($"{Article}/03-alml-la-bna-shraka-skrya.html").AsText());
        var paragraphs = chapter.QuerySelectorAll("article.chapter > p").ToList();

        Assert.Equal(12, paragraphs.Count);
        for (var i = 0; i < paragraphs.Count; i++)
        {
            Assert.Equal($"p-3-{i + 1}", paragraphs[i].Id);
            var anchor = paragraphs[i].QuerySelector("a.para")!;
            Assert.Equal($"#p-3-{i + 1}", anchor.GetAttribute("href"));
            Assert.Equal($"3.{i + 1}", anchor.TextContent);
        }

        var full = Parser.ParseDocument(Site.File($"{Article}/full.html").AsText());
        Assert.NotNull(full.GetElementById("p-3-7"));
        Assert.NotNull(full.GetElementById("p-10-8"));

        // Ids survive a rebuild: the same content gives the same ids.
        var again = Sites.Render(Site.Templates, ContentFolder.Read(Repo.ContentFolder, new DiagnosticBag())!, new DiagnosticBag())!;
        var ids = Regex.Matches(again.Single(f => f.Path == $"{Article}/03-alml-la-bna-shraka-skrya.html").AsText(), "id=\"(p-[0-9-]+)\"").Select(m => m.Groups[1].Value);
        Assert.Equal(paragraphs.Select(p => p.Id), ids);
    }

    [Fact]
    public void Given_the_seed_site_Then_every_URL_cited_in_a_note_has_an_archived_copy_dated_by_its_note()
    {
        var pages = Site.Files.Where(f => Regex.IsMatch(f.Path, $@"^{Article}/\d\d-")).Select(f => Parser.ParseDocument(f.AsText())).ToList();
        var cited = pages.SelectMany(p => p.QuerySelectorAll("section.notes a[href^='http']:not(.archived)")).ToList();
        var archived = pages.SelectMany(p => p.QuerySelectorAll("section.notes a.archived")).ToList();

        Assert.True(cited.Count >= 21, $"{cited.Count} cited URLs");
        Assert.Equal(cited.Count, archived.Count);
        Assert.All(archived, a => Assert.StartsWith("https://web.archive.org/web/", a.GetAttribute("href")));
        Assert.Contains(archived, a => a.GetAttribute("href") == "https://web.archive.org/web/20160916/https://www.nytimes.com/2016/09/17/opinion/a-russian-iranian-axis.html");
        Assert.Contains(archived, a => a.GetAttribute("href")!.StartsWith("https://web.archive.org/web/20150928/http://en.kremlin.ru/", StringComparison.Ordinal));

        // The author's note text is all still there, in order.
        var note4 = pages.Select(p => p.GetElementById("fn-4")).Single(n => n is not null)!;
        Assert.StartsWith(".Vali Nasr, \"A Russian-Iranian Axis\", NewYork Times, September 16, 2016 .www.nytimes.com/2016/09/17/opinion/a-russian-iranian-axis.html", Regex.Replace(note4.TextContent, @"\s+", " "));
    }

    [Fact]
    public void Given_the_stylesheet_Then_print_gives_A4_pages_with_link_urls_and_no_navigation_or_popovers()
    {
        var css = Site.Rendered.Single(f => f.Path == "assets/edition.css").AsText();
        var print = css[css.IndexOf("@media print", StringComparison.Ordinal)..];

        Assert.Contains("size: A4", print);
        Assert.Contains("a[href^=\"http\"]::after", print);
        Assert.Contains(".chapter-nav", print);
        Assert.Contains(".note-popover", print);
        Assert.Contains("display: none", print);
    }

    [Fact]
    public void Given_a_base_URL_When_built_Then_sitemap_xml_and_canonical_links_use_it()
    {
        var content = SmallEdition.Content();
        content.Edition.BaseUrl = "https://example.org/edition/";
        var diagnostics = new DiagnosticBag();

        var files = Sites.Render(Site.Templates, content, diagnostics)!;

        var sitemap = System.Xml.Linq.XDocument.Parse(files.Single(f => f.Path == "sitemap.xml").AsText());
        var locations = sitemap.Descendants().Where(e => e.Name.LocalName == "loc").Select(e => e.Value).ToList();
        Assert.Contains("https://example.org/edition/small/01-almqdma.html", locations);
        Assert.DoesNotContain(locations, l => l.EndsWith("404.html", StringComparison.Ordinal));
        var page = Parser.ParseDocument(files.Single(f => f.Path == "small/index.html").AsText());
        Assert.Equal("https://example.org/edition/small/index.html", page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Equal("https://example.org/edition/small/full.html", page.QuerySelector("meta[name=citation_fulltext_html_url]")!.GetAttribute("content"));
        Assert.Contains("Sitemap: https://example.org/edition/sitemap.xml", files.Single(f => f.Path == "robots.txt").AsText());
        Assert.DoesNotContain(SeedSite.Get().Files, f => f.Path == "sitemap.xml");
    }

    private static Dictionary<string, string> ParseBibTeX(string bib)
    {
        var match = Regex.Match(bib, @"^@article\{(?<key>[^,]+),\n(?<body>(?:.|\n)*)\n\}\n$");
        Assert.True(match.Success, bib);
        var fields = new Dictionary<string, string> { ["@key"] = match.Groups["key"].Value };
        foreach (Match field in Regex.Matches(match.Groups["body"].Value, @"^\s+(?<name>\w+) = \{(?<value>(?:[^{}]|\\\{|\\\})*)\},?$", RegexOptions.Multiline))
        {
            fields[field.Groups["name"].Value] = field.Groups["value"].Value;
        }

        Assert.Equal(match.Groups["body"].Value.Split('\n').Length, fields.Count - 1);
        return fields;
    }

    private static Dictionary<string, List<string>> ParseRis(string ris)
    {
        var tags = new Dictionary<string, List<string>>();
        foreach (var line in ris.Split("\r\n", StringSplitOptions.RemoveEmptyEntries))
        {
            var match = Regex.Match(line, "^(?<tag>[A-Z][A-Z0-9])  - (?<value>.*)$");
            Assert.True(match.Success, $"not a RIS line: {line}");
            if (!tags.TryGetValue(match.Groups["tag"].Value, out var values)) tags[match.Groups["tag"].Value] = values = [];
            values.Add(match.Groups["value"].Value);
        }

        Assert.Equal("TY", ris[..2]);
        return tags;
    }
}

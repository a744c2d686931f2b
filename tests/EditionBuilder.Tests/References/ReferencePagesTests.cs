using System.IO.Compression;
using System.Xml.Linq;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using EditionBuilder.Content;
using EditionBuilder.Diagnostics;
using EditionBuilder.Tests.Jats;
using EditionBuilder.Tests.Support;
using Xunit;

namespace EditionBuilder.Tests.References;

/// <summary>An article's reference list everywhere the article is: its own page linked from the contents, the end of the full text, the EPUB, JATS back/ref-list and Google Scholar's citation_reference tags; and abstract pages titled from article.yml.</summary>
public class ReferencePagesTests
{
    private static readonly string[] Hrefs = ["https://example.org/book", "https://doi.org/10.1000/x", "https://doi.org/10.1234/abc.def"];

    private static IDocument Page(string path) => new HtmlParser().ParseDocument(ReferenceEdition.File(path).AsText());

    [Fact]
    public void Given_references_in_three_languages_When_built_Then_their_page_lists_each_with_its_language_direction_id_and_links()
    {
        var page = Page("small/references.html");

        Assert.Equal(("ar", "rtl"), (page.DocumentElement.GetAttribute("lang"), page.DocumentElement.GetAttribute("dir")));
        Assert.Equal("المراجع", page.QuerySelector("main h1")!.TextContent);
        Assert.StartsWith("المراجع — ", page.Title);
        var items = page.QuerySelectorAll("section.references li").ToList();
        Assert.Equal(["ref-1", "ref-2", "ref-3"], items.Select(i => i.Id));
        Assert.Equal(["ar", "en", "fr"], items.Select(i => i.GetAttribute("lang")));
        Assert.Equal(["rtl", "ltr", "ltr"], items.Select(i => i.GetAttribute("dir")));
        Assert.Equal(Hrefs, items.SelectMany(i => i.QuerySelectorAll("a")).Select(a => a.GetAttribute("href")));
        Assert.All(items.SelectMany(i => i.QuerySelectorAll("a")), a => Assert.Equal("noopener noreferrer", a.GetAttribute("rel")));
        Assert.Equal(["السياسة الخارجية الروسية", "A title", "Un titre"], items.Select(i => i.QuerySelector("em")!.TextContent));
        Assert.DoesNotContain("{lang=", page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_a_reference_list_When_built_Then_the_contents_and_the_last_chapter_lead_to_it_and_it_leads_back()
    {
        var landing = Page("small/index.html");
        var lastChapter = Page("small/02-alkhatma.html");
        var references = Page("small/references.html");

        var contents = landing.QuerySelectorAll("nav.toc ol li a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["../small/01-almqdma.html", "../small/02-alkhatma.html", "../small/references.html"], contents);
        Assert.Equal("المراجع", landing.QuerySelector("nav.toc li.references a")!.TextContent);
        Assert.Equal("../small/references.html", lastChapter.QuerySelector("a[rel=next]")!.GetAttribute("href"));
        Assert.Equal("../small/02-alkhatma.html", references.QuerySelector("a[rel=prev]")!.GetAttribute("href"));
    }

    [Fact]
    public void Given_a_reference_list_When_built_Then_the_full_text_ends_with_it()
    {
        var page = Page("small/full.html");

        var sections = page.QuerySelectorAll("main > section").ToList();
        Assert.Equal(["chapter", "chapter", "references"], sections.Select(s => s.ClassName));
        Assert.Equal("المراجع", sections[^1].QuerySelector("h2")!.TextContent);
        Assert.Equal(["ref-1", "ref-2", "ref-3"], sections[^1].QuerySelectorAll("li").Select(i => i.Id));
        Assert.Equal(["ar", "en", "fr"], sections[^1].QuerySelectorAll("li").Select(i => i.GetAttribute("lang")));
    }

    [Fact]
    public void Given_a_reference_list_When_built_Then_the_landing_page_has_a_citation_reference_tag_for_each_in_plain_text_and_a_chapter_page_none()
    {
        string[] Tags(string path) => Page(path).QuerySelectorAll("meta[name=citation_reference]").Select(m => m.GetAttribute("content")!).ToArray();

        Assert.Equal(
            [
                "حداد، ليلى (2019). السياسة الخارجية الروسية. بيروت: دار النشر. https://example.org/book",
                "Smith, J. (2020). A title. Journal of Examples, 3(2). https://doi.org/10.1000/x",
                "Dupont, M. (2018). Un titre. Paris. doi:10.1234/abc.def.",
            ],
            Tags("small/index.html"));
        Assert.Empty(Tags("small/01-almqdma.html"));
    }

    [Theory]
    [InlineData("References", "en")]
    [InlineData("Références", "fr")]
    [InlineData("Bibliographie", "fr")]
    public void Given_an_Arabic_reference_list_headed_in_Latin_letters_When_built_Then_the_heading_says_its_own_language_and_direction(string title, string lang)
    {
        var diagnostics = new DiagnosticBag();
        var site = Sites.Render(ReferenceEdition.Theme, ReferenceEdition.Content(ReferenceEdition.References.Replace("title: \"المراجع\"", $"title: \"{title}\"", StringComparison.Ordinal)), diagnostics);
        Assert.True(site is not null, string.Join('\n', diagnostics.Items));
        IDocument Built(string path) => new HtmlParser().ParseDocument(site.Single(f => f.Path == path).AsText());

        var page = Built("small/references.html");
        var heading = page.QuerySelector("main h1")!;
        var fullText = Built("small/full.html").QuerySelector("section.references h2")!;

        Assert.Equal(("ar", "rtl"), (page.DocumentElement.GetAttribute("lang"), page.DocumentElement.GetAttribute("dir")));
        Assert.Equal((title, lang, "ltr"), (heading.TextContent, heading.GetAttribute("lang"), heading.GetAttribute("dir")));
        Assert.Equal((title, lang, "ltr"), (fullText.TextContent, fullText.GetAttribute("lang"), fullText.GetAttribute("dir")));
        using var book = new ZipArchive(new MemoryStream(site.Single(f => f.Path == "small/small.epub").Bytes));
        using var reader = new StreamReader(book.GetEntry("EPUB/chapters/references.xhtml")!.Open());
        XNamespace xhtml = "http://www.w3.org/1999/xhtml";
        var bookHeading = XDocument.Parse(reader.ReadToEnd()).Descendants(xhtml + "h1").Single();
        Assert.Equal((title, lang, lang, "ltr"), (bookHeading.Value, (string?)bookHeading.Attribute("lang"), (string?)bookHeading.Attribute(XNamespace.Xml + "lang"), (string?)bookHeading.Attribute("dir")));
    }

    [Fact]
    public void Given_a_reference_list_headed_in_its_own_language_When_built_Then_the_heading_carries_no_language_of_its_own()
    {
        Assert.False(Page("small/references.html").QuerySelector("main h1")!.HasAttribute("lang"));
        Assert.False(Page("small/full.html").QuerySelector("section.references h2")!.HasAttribute("lang"));
        using var book = new ZipArchive(new MemoryStream(ReferenceEdition.File("small/small.epub").Bytes));
        using var reader = new StreamReader(book.GetEntry("EPUB/chapters/references.xhtml")!.Open());
        Assert.Null(XDocument.Parse(reader.ReadToEnd()).Descendants(XName.Get("h1", "http://www.w3.org/1999/xhtml")).Single().Attribute("lang"));
    }

    [Fact]
    public void Given_an_article_without_a_reference_list_When_built_Then_it_has_no_reference_page_link_or_tag()
    {
        var diagnostics = new DiagnosticBag();
        var site = Sites.Render(ReferenceEdition.Theme, SmallEdition.Content(), diagnostics);

        Assert.True(site is not null, string.Join('\n', diagnostics.Items));
        Assert.DoesNotContain(site, f => f.Path == "small/references.html");
        var landing = site.Single(f => f.Path == "small/index.html").AsText();
        Assert.DoesNotContain("references.html", landing, StringComparison.Ordinal);
        Assert.DoesNotContain("citation_reference", landing, StringComparison.Ordinal);
        Assert.DoesNotContain("<ref-list>", site.Single(f => f.Path == "small/small.xml").AsText(), StringComparison.Ordinal);
    }

    [Fact]
    public void Given_article_yml_gives_the_English_title_When_built_Then_the_English_abstract_page_is_headed_and_titled_with_it_and_still_labelled_abstract()
    {
        var page = Page("small/en/index.html");

        Assert.Equal("The Russian – Iranian partnership, as article.yml spells it", page.QuerySelector("main h1")!.TextContent);
        Assert.StartsWith("The Russian – Iranian partnership, as article.yml spells it", page.Title);
        Assert.Equal("Abstract", page.QuerySelector("main p.kind")!.TextContent);
    }

    [Fact]
    public void Given_article_yml_gives_no_French_title_When_built_Then_the_French_abstract_page_keeps_its_files_title()
    {
        var page = Page("small/fr/index.html");

        Assert.Equal("Résumé", page.QuerySelector("main h1")!.TextContent);
        Assert.StartsWith("Résumé", page.Title);
    }

    [Fact]
    public void Given_a_reference_list_When_the_JATS_file_is_written_Then_back_holds_a_ref_list_of_mixed_citations_in_their_languages()
    {
        var xml = JatsArticles.Parse(ReferenceEdition.File("small/small.xml").AsText());

        var back = xml.Root!.Element("back")!;
        Assert.Equal(["ref-list", "fn-group"], back.Elements().Select(e => e.Name.LocalName));
        var list = back.Element("ref-list")!;
        Assert.Equal("المراجع", list.Element("title")!.Value);
        var refs = list.Elements("ref").ToList();
        Assert.Equal(["ref-1", "ref-2", "ref-3"], refs.Select(r => (string?)r.Attribute("id")));
        var citations = refs.Select(r => r.Elements().Single()).ToList();
        Assert.All(citations, c => Assert.Equal("mixed-citation", c.Name.LocalName));
        Assert.Equal(["ar", "en", "fr"], citations.Select(c => (string?)c.Attribute(XNamespace.Xml + "lang")));
        Assert.Equal(["السياسة الخارجية الروسية", "A title", "Un titre"], citations.Select(c => c.Element("italic")!.Value));
        Assert.Equal(Hrefs, citations.SelectMany(c => c.Elements("ext-link")).Select(l => (string?)l.Attribute(JatsArticles.XLink + "href")));
        Assert.Equal("Dupont, M. (2018). Un titre. Paris. doi:10.1234/abc.def.", citations[2].Value);
    }

    [SkippableFact]
    public void Given_a_reference_list_When_the_JATS_file_is_validated_against_the_JATS_Archiving_DTD_Then_xmllint_finds_no_error() =>
        JatsDtdTests.AssertValid(ReferenceEdition.File("small/small.xml").AsText());

    [Fact]
    public void Given_a_reference_list_When_the_book_is_made_Then_it_has_a_bibliography_document_after_the_chapters_in_its_contents_and_landmarks()
    {
        using var book = new ZipArchive(new MemoryStream(ReferenceEdition.File("small/small.epub").Bytes));
        XDocument Read(string name)
        {
            using var reader = new StreamReader(book.GetEntry("EPUB/" + name)!.Open());
            return XDocument.Parse(reader.ReadToEnd());
        }

        XNamespace xhtml = "http://www.w3.org/1999/xhtml";
        XNamespace epub = "http://www.idpf.org/2007/ops";
        XNamespace opf = "http://www.idpf.org/2007/opf";
        var references = Read("chapters/references.xhtml");
        var section = references.Descendants(xhtml + "section").Single();
        Assert.Equal("bibliography", (string?)section.Attribute(epub + "type"));
        Assert.Equal("المراجع", section.Element(xhtml + "h1")!.Value);
        var items = section.Descendants(xhtml + "li").ToList();
        Assert.Equal(["ref-1", "ref-2", "ref-3"], items.Select(i => (string?)i.Attribute("id")));
        Assert.Equal(["ar", "en", "fr"], items.Select(i => (string?)i.Attribute("lang")));
        Assert.Equal(Hrefs, items.SelectMany(i => i.Descendants(xhtml + "a")).Select(a => (string?)a.Attribute("href")));

        var nav = Read("nav.xhtml");
        var contents = nav.Descendants(xhtml + "nav").First().Descendants(xhtml + "a").Select(a => (string?)a.Attribute("href")).ToList();
        Assert.Equal(["title.xhtml", "chapters/01-almqdma.xhtml", "chapters/02-alkhatma.xhtml", "chapters/references.xhtml"], contents.Take(4));
        Assert.Single(nav.Descendants(xhtml + "a"), a => (string?)a.Attribute(epub + "type") == "bibliography" && (string?)a.Attribute("href") == "chapters/references.xhtml");

        var package = Read("package.opf");
        var manifest = package.Descendants(opf + "item").ToDictionary(i => (string)i.Attribute("id")!, i => (string)i.Attribute("href")!);
        var spine = package.Descendants(opf + "itemref").Select(i => manifest[(string)i.Attribute("idref")!]).ToList();
        Assert.Equal(["chapters/02-alkhatma.xhtml", "chapters/references.xhtml", "abstract-en.xhtml"], spine.Skip(3).Take(3));
    }

    [Fact]
    public void Given_article_yml_gives_the_English_title_When_the_book_is_made_Then_its_English_abstract_is_headed_with_it()
    {
        using var book = new ZipArchive(new MemoryStream(ReferenceEdition.File("small/small.epub").Bytes));
        using var reader = new StreamReader(book.GetEntry("EPUB/abstract-en.xhtml")!.Open());
        XNamespace xhtml = "http://www.w3.org/1999/xhtml";

        var heading = XDocument.Parse(reader.ReadToEnd()).Descendants(xhtml + "h1").Single();

        Assert.Equal("The Russian – Iranian partnership, as article.yml spells it", heading.Value);
    }

    [SkippableFact]
    public async Task Given_a_reference_list_When_EPUBCheck_reads_the_book_Then_it_reports_no_fatal_error_and_no_error()
    {
        using var temp = new TempFolder();
        var path = temp.File("small.epub", ReferenceEdition.File("small/small.epub").Bytes);

        var (fatals, errors, _, output) = await Epub.EpubCheckTests.Run(path);

        Assert.True(fatals == 0 && errors == 0, output);
    }
}

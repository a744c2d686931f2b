using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using EditionBuilder.Diagnostics;
using EditionBuilder.Markup;
using EditionBuilder.Tests.Support;
using EditionBuilder.Verify;
using Xunit;

namespace EditionBuilder.Tests.Verify;

/// <summary>The verifier reads pages with its own tag scanner; it must see what a browser's parser sees.</summary>
public class HtmlScannerTests
{
    private static List<(string Tag, string Attributes, string? Raw)> Scan(string html)
    {
        var scanner = new HtmlScanner(html);
        var tags = new List<(string, string, string?)>();
        while (scanner.Read())
        {
            tags.Add(((scanner.IsEndTag ? "/" : string.Empty) + scanner.Name, string.Join(" ", scanner.Attributes.Select(a => $"{a.Key}={a.Value}")), scanner.RawText));
        }

        return tags;
    }

    [Fact]
    public void Given_attributes_in_every_quoting_When_scanned_Then_names_are_lower_case_values_decoded_and_the_first_of_a_name_wins()
    {
        var tags = Scan("<A HREF='a.html?x=1&amp;y=2' data-x=plain id=\"p\" ID=\"q\" hidden>t</A>");

        Assert.Equal([("a", "href=a.html?x=1&y=2 data-x=plain id=p hidden=", null), ("/a", "", null)], tags);
    }

    [Fact]
    public void Given_comments_doctype_and_a_lone_less_than_When_scanned_Then_only_real_tags_are_reported()
    {
        var tags = Scan("<!DOCTYPE html><!-- <a href=x> --><p>1 < 2 <3</p><!---->");

        Assert.Equal(["p", "/p"], tags.Select(t => t.Tag));
    }

    [Fact]
    public void Given_a_script_holding_markup_When_scanned_Then_its_text_is_raw_up_to_its_own_end_tag()
    {
        var tags = Scan("<script type=\"application/ld+json\">{\"a\":\"<b>\\u003C/script>\"}</script><p>");

        Assert.Equal(("script", "type=application/ld+json", "{\"a\":\"<b>\\u003C/script>\"}"), tags[0]);
        Assert.Equal(["script", "/script", "p"], tags.Select(t => t.Tag));
    }

    [Fact]
    public void Given_text_breaking_out_of_a_script_When_scanned_Then_the_element_after_it_is_seen()
    {
        var tags = Scan("<script type=\"application/ld+json\">{\"a\":\"</script><img src=x onerror=alert(1)>\"}</script>");

        Assert.Contains(("img", "src=x onerror=alert(1)", null), tags);
    }

    [Fact]
    public void Given_every_page_of_the_seed_site_When_scanned_Then_the_verifier_sees_the_ids_and_links_a_browser_parser_sees()
    {
        var parser = new HtmlParser();
        var pages = SeedSite.Get().Files.Where(f => f.Path.EndsWith(".html", StringComparison.Ordinal)).ToList();
        Assert.True(pages.Count >= 16);
        foreach (var page in pages)
        {
            var document = parser.ParseDocument(page.AsText());
            var diagnostics = new DiagnosticBag();

            var facts = SiteVerifier.CheckPage(page, diagnostics);

            Assert.Empty(diagnostics.Items);
            Assert.Equal(Ids(document), facts.Ids);
            Assert.Equal(Links(document), facts.Links.Select(l => (l.Element, l.Rel, l.Target)).ToList());
            Assert.Equal(document.QuerySelectorAll("a[role=doc-noteref]").Length, facts.References);
        }
    }

    private static List<string> Ids(IDocument document) =>
        document.All.Select(e => e.Id).OfType<string>().Where(id => id.Length > 0).Distinct().Order(StringComparer.Ordinal).ToList();

    private static List<(string, string, string)> Links(IDocument document) =>
        document.All.Where(e => e.HasAttribute("href") || e.HasAttribute("src"))
            .Select(e => (e.LocalName, e.GetAttribute("rel") ?? string.Empty, e.GetAttribute("href") ?? e.GetAttribute("src")!)).ToList();
}

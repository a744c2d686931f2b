using AngleSharp.Html.Parser;
using EditionBuilder.Diagnostics;
using EditionBuilder.Minify;
using EditionBuilder.Render;
using EditionBuilder.Site;
using EditionBuilder.Tests.Support;
using Xunit;

namespace EditionBuilder.Tests.Minify;

/// <summary>Minifying never changes what a reader sees: the visible text of each page is the same before and after.</summary>
public class MinifyKeepsTextTests
{
    private static readonly HtmlParser Parser = new();

    public static TheoryData<string> Pages()
    {
        var data = new TheoryData<string>();
        foreach (var file in SeedSite.Get().Rendered.Where(f => f.Path.EndsWith(".html", StringComparison.Ordinal))) data.Add(file.Path);
        return data;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void Given_a_page_of_the_seed_When_minified_Then_its_visible_text_is_unchanged(string path)
    {
        var before = SeedSite.Get().Rendered.Single(f => f.Path == path);
        var after = SeedSite.Get().File(path);

        Assert.Equal(VisibleText(before.AsText()), VisibleText(after.AsText()));
        Assert.True(after.Bytes.Length <= before.Bytes.Length);
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void Given_a_page_built_with_its_bodies_minified_apart_Then_it_is_byte_for_byte_the_whole_page_minified(string path)
    {
        var whole = SiteMinifier.MinifyFile(SeedSite.Get().Rendered.Single(f => f.Path == path), new DiagnosticBag());

        Assert.Equal(whole.AsText(), SeedSite.Get().File(path).AsText());
    }

    [Fact]
    public void Given_a_body_shared_by_two_pages_When_built_Then_both_pages_hold_it_minified()
    {
        var diagnostics = new DiagnosticBag();
        var body = new HtmlFragment("<p id=\"p-1\">أ  ب\n<a href=\"#x\">1</a></p>\n<section role=\"doc-endnotes\">\n<ol>\n<li id=\"x\">n</li>\n</ol>\n</section>\n");
        SiteFile Page(string path) => SiteFile.Text(path, "<!DOCTYPE html><html lang=\"ar\" dir=\"rtl\"><head><title>t</title></head><body><main>\n<h1>t</h1>\n" + PageFragments.Placeholder(0) + "\n</main></body></html>") with { Fragments = [body] };

        var first = SiteMinifier.MinifyFile(Page("a.html"), diagnostics).AsText();
        var second = SiteMinifier.MinifyFile(Page("b.html"), diagnostics).AsText();

        Assert.Empty(diagnostics.Items);
        Assert.Equal(first, second);
        Assert.Contains("<h1>t</h1><p id=\"p-1\">أ ب <a href=\"#x\">1</a></p><section role=\"doc-endnotes\"><ol><li id=\"x\">n</li></ol></section></main>", first);
    }

    [Fact]
    public void Given_no_break_spaces_bidi_marks_and_inline_spacing_When_minified_Then_they_are_kept()
    {
        const string html = "<!DOCTYPE html><html lang=\"ar\" dir=\"rtl\"><head><title>t</title></head><body><p>أ\u00A0ب \u200Fج <a href=\"#x\">د</a> <span dir=\"ltr\">S400</span>، هـ&nbsp;و</p></body></html>";
        var diagnostics = new DiagnosticBag();

        var minified = SiteMinifier.MinifyFile(SiteFile.Text("p.html", html), diagnostics).AsText();

        Assert.False(diagnostics.HasErrors);
        Assert.Equal(VisibleText(html), VisibleText(minified));
        Assert.Contains("\u200F", minified);
    }

    [Fact]
    public void Given_a_script_with_a_syntax_error_When_minified_Then_the_build_fails_instead_of_shipping_it()
    {
        var diagnostics = new DiagnosticBag();

        SiteMinifier.MinifyFile(SiteFile.Text("assets/broken.js", "function ( {"), diagnostics);

        var error = diagnostics.Items.First(d => d.Severity == Severity.Error);
        Assert.Equal(DiagnosticCodes.MinifyError, error.Code);
        Assert.StartsWith("assets/broken.js:1:", error.ToString());
    }

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "html", "body", "head", "header", "main", "footer", "nav", "section", "article", "aside", "div", "p", "h1", "h2", "h3", "h4",
        "h5", "h6", "ol", "ul", "li", "br", "title", "table", "tr", "td", "th", "blockquote", "pre", "figure", "figcaption", "hr",
    };

    // What a reader sees: text with white space folded as a browser folds it; white space next to a block edge is invisible.
    private static string VisibleText(string html)
    {
        var builder = new System.Text.StringBuilder();
        Walk(Parser.ParseDocument(html).Body!);
        var folded = System.Text.RegularExpressions.Regex.Replace(builder.ToString(), "[ \t\n\r\u0001]+", m => m.Value.Contains('\u0001') ? "\n" : " ");
        return folded.Trim();

        void Walk(AngleSharp.Dom.INode node)
        {
            foreach (var child in node.ChildNodes)
            {
                if (child is AngleSharp.Dom.IText text) { builder.Append(text.Data); continue; }
                if (child is not AngleSharp.Dom.IElement element || element.LocalName is "script" or "style") continue;
                var block = Blocks.Contains(element.LocalName);
                if (block) builder.Append('\u0001');
                Walk(element);
                if (block) builder.Append('\u0001');
            }
        }
    }
}

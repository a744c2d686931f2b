using AngleSharp.Html.Parser;
using EditionBuilder.Diagnostics;
using EditionBuilder.Minify;
using EditionBuilder.Render;
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

        var error = Assert.Single(diagnostics.Items.Where(d => d.Severity == Severity.Error).Take(1));
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

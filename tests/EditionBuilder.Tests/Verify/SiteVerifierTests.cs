using EditionBuilder.Diagnostics;
using EditionBuilder.Markup;
using EditionBuilder.Render;
using EditionBuilder.Site;
using EditionBuilder.Verify;
using Xunit;

namespace EditionBuilder.Tests.Verify;

/// <summary>The verifier catches each kind of broken site and passes a sound one.</summary>
public class SiteVerifierTests
{
    private const string Head = "<!DOCTYPE html><html lang=\"ar\" dir=\"rtl\"><head><title>t</title><link rel=\"stylesheet\" href=\"assets/a.css\"></head><body>";
    private const string Notes = "<section role=\"doc-endnotes\"><ol><li id=\"fn-4\" value=\"4\">n <a role=\"doc-backlink\" href=\"#fnref-4\">↩</a></li></ol></section>";

    private static List<Diagnostic> Verify(params (string Path, string Text)[] files)
    {
        var site = files.Select(f => SiteFile.Text(f.Path, f.Text)).Append(SiteFile.Text("assets/a.css", "body{}")).ToList();
        var diagnostics = new DiagnosticBag();
        SiteVerifier.Verify(site, diagnostics);
        return diagnostics.Items.ToList();
    }

    [Fact]
    public void Given_a_sound_site_When_verified_Then_nothing_is_reported()
    {
        var diagnostics = Verify(
            ("index.html", Head + "<p>x<a role=\"doc-noteref\" id=\"fnref-4\" href=\"#fn-4\">4</a> <a href=\"a/b.html#p\">b</a></p>" + Notes),
            ("a/b.html", Head.Replace("assets/", "../assets/", StringComparison.Ordinal) + "<p id=\"p\"><a href=\"../index.html\">home</a> <a href=\"https://example.org\">out</a></p>"));

        Assert.Empty(diagnostics);
    }

    [Theory]
    [InlineData("<a href=\"missing.html\">x</a>", DiagnosticCodes.BrokenLink)]
    [InlineData("<a href=\"index.html#nowhere\">x</a>", DiagnosticCodes.BrokenFragment)]
    [InlineData("<a href=\"/index.html\">x</a>", DiagnosticCodes.BrokenLink)]
    [InlineData("<a href=\"sub/\">x</a>", DiagnosticCodes.BrokenLink)]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>", DiagnosticCodes.BrokenLink)]
    [InlineData("<script src=\"https://cdn.example.org/x.js\"></script>", DiagnosticCodes.ExternalRequest)]
    [InlineData("<a role=\"doc-noteref\" id=\"fnref-5\" href=\"#fn-5\">5</a>", DiagnosticCodes.BrokenFragment)]
    [InlineData("<a role=\"doc-noteref\" id=\"fnref-4-2\" href=\"#fn-4\">4</a>", DiagnosticCodes.NoteWithoutBackLink)]
    public void Given_a_broken_page_When_verified_Then_the_error_names_the_page(string body, string code)
    {
        var diagnostics = Verify(("index.html", Head + "<p>" + body + "</p>" + Notes));

        Assert.Contains(diagnostics, d => d.Code == code && d.Path == "index.html" && d.Severity == Severity.Error);
    }

    [Theory]
    [InlineData("<ol><li id=\"fn-4\">outside the notes list <a role=\"doc-backlink\" href=\"#fnref-4\">↩</a></li></ol>", DiagnosticCodes.NoteWithoutTarget)]
    [InlineData("<section role=\"doc-endnotes\"><ol><li id=\"fn-4\">n</li><li id=\"fn-5\">m <a role=\"doc-backlink\" href=\"#fnref-4\">↩</a></li></ol></section>", DiagnosticCodes.NoteWithoutBackLink)]
    [InlineData("<section role=\"doc-endnotes\"><ol><li><p id=\"fn-4\">a paragraph, not the note</p><a role=\"doc-backlink\" href=\"#fnref-4\">↩</a></li></ol></section>", DiagnosticCodes.NoteWithoutTarget)]
    public void Given_a_reference_whose_note_is_misplaced_When_verified_Then_the_note_error_is_reported(string notes, string code)
    {
        var diagnostics = Verify(("index.html", Head + "<p>x<a role=\"doc-noteref\" id=\"fnref-4\" href=\"#fn-4\">4</a></p>" + notes));

        Assert.Contains(diagnostics, d => d.Code == code && d.Path == "index.html");
    }

    [Fact]
    public void Given_a_page_without_lang_or_dir_When_verified_Then_EB0405()
    {
        var diagnostics = Verify(("index.html", "<!DOCTYPE html><html><head><title>t</title></head><body></body></html>"));

        Assert.Equal(DiagnosticCodes.PageWithoutLanguage, Assert.Single(diagnostics).Code);
    }

    [Fact]
    public void Given_problems_on_later_lines_When_verified_Then_each_is_at_the_line_and_column_of_its_tag()
    {
        // Line 3 starts with two Arabic words (columns count characters), then the broken link's tag.
        var page = Head + "\n<p>x<a role=\"doc-noteref\" id=\"fnref-4\" href=\"#fn-4\">4</a></p>\r\nنص عربي<a href=\"missing.html\">x</a>\n"
            + "  <a href=\"index.html#nowhere\">y</a> <span>😀</span><img src=\"https://example.org/x.png\">\n"
            + "<section role=\"doc-endnotes\"><ol>\n    <li id=\"fn-4\">n</li></ol></section>";

        var diagnostics = Verify(("index.html", page));

        Assert.Equal(
            [
                "index.html:3:8: error EB0401: the link 'missing.html' leads to no file of the site",
                "index.html:4:3: error EB0402: the link 'index.html#nowhere' names a fragment #nowhere that index.html does not have",
                "index.html:4:52: error EB0406: <img> loads 'https://example.org/x.png' from outside the site",
                "index.html:6:5: error EB0404: note #fn-4 has no back-link to its reference fnref-4",
            ],
            diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void Given_a_file_without_an_html_element_When_verified_Then_the_error_names_the_whole_file()
    {
        var diagnostics = Verify(("index.html", "<p>no root element</p>"));

        Assert.Equal("index.html: error EB0405: the page does not declare lang and dir (rtl or ltr) on <html>", Assert.Single(diagnostics).ToString());
    }

    [Fact]
    public void Given_a_site_folder_When_verified_Then_problems_name_the_file_under_it()
    {
        var site = new List<SiteFile> { SiteFile.Text("assets/a.css", "body{}\n@font-face{src:url(fonts/x.woff2)}") };
        var diagnostics = new DiagnosticBag();

        SiteVerifier.Verify(site, diagnostics, Path.Combine("artifacts", "site"));

        Assert.Equal("artifacts/site/assets/a.css:2:16: error EB0401: the stylesheet refers to 'fonts/x.woff2', which is not in the site", Assert.Single(diagnostics.Items).ToString());
    }

    [Theory]
    [InlineData("", 0, 1, 1)]
    [InlineData("ab\ncd", 4, 2, 2)]
    [InlineData("ab\r\ncd", 5, 2, 2)]
    [InlineData("ab\rcd", 3, 2, 1)]
    [InlineData("a😀b<", 4, 1, 4)]
    [InlineData("\n\n\r\n", 4, 4, 1)]
    public void Given_an_offset_When_positioned_Then_lines_and_columns_count_from_1_and_a_surrogate_pair_is_one_column(string text, int offset, int line, int column)
    {
        Assert.Equal((line, column), new TextPositions(text).At(offset));
    }

    [Fact]
    public void Given_offsets_asked_forward_then_back_When_positioned_Then_each_is_right()
    {
        var positions = new TextPositions("a\nb😀\nc\nd");

        Assert.Equal((3, 1), positions.At(6));
        Assert.Equal((4, 1), positions.At(8));
        Assert.Equal((2, 2), positions.At(3));
    }

    [Fact]
    public void Given_a_stylesheet_loading_a_missing_font_When_verified_Then_EB0401()
    {
        var site = new List<SiteFile> { SiteFile.Text("assets/a.css", "@font-face{src:url(fonts/x.woff2)}") };
        var diagnostics = new DiagnosticBag();

        SiteVerifier.Verify(site, diagnostics);

        Assert.Equal(DiagnosticCodes.BrokenLink, Assert.Single(diagnostics.Items).Code);
    }
}

/// <summary>The verifier refuses inline scripts and handlers, whatever put them there.</summary>
public class ScriptVerifierTests
{
    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<script type=\"application/ld+json\">{\"a\":</script>")]
    [InlineData("<p onclick=\"x()\">x</p>")]
    [InlineData("<img src=\"assets/a.css\" onerror=\"x()\">")]
    public void Given_a_page_with_inline_code_When_verified_Then_EB0407(string body)
    {
        var site = new List<SiteFile>
        {
            SiteFile.Text("index.html", "<!DOCTYPE html><html lang=\"ar\" dir=\"rtl\"><head><title>t</title></head><body>" + body + "</body></html>"),
            SiteFile.Text("assets/a.css", "body{}"),
        };
        var diagnostics = new DiagnosticBag();

        SiteVerifier.Verify(site, diagnostics);

        Assert.Contains(diagnostics.Items, d => d.Code == DiagnosticCodes.InlineScript);
    }
}

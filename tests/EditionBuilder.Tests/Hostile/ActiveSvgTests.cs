using System.IO.Compression;
using System.Text;
using System.Xml.Linq;
using EditionBuilder.Content;
using EditionBuilder.Diagnostics;
using EditionBuilder.Fuzz;
using EditionBuilder.Import;
using EditionBuilder.Import.Docx;
using EditionBuilder.Pipeline;
using EditionBuilder.Render;
using EditionBuilder.Tests.Support;
using Xunit;
using static EditionBuilder.Fuzz.DocxFixture;

namespace EditionBuilder.Tests.Hostile;

/// <summary>An SVG never runs a script nor fetches from outside, wherever it comes from (a chapter's media, a Word document, the EPUB, the logo): refused at its line, or published as the allow-list writes it.</summary>
public class ActiveSvgTests
{
    private const string Svg = "http://www.w3.org/2000/svg";

    // The third attack's SVGs (issue 29, item 1), each with the line the refusal must name.
    public static TheoryData<string, string, int> Hostile() => new()
    {
        { "animated href", $"<svg xmlns=\"{Svg}\">\n<a><animate attributeName=\"href\" values=\"javascript:alert(201)\"/><rect width=\"9\" height=\"9\"/></a></svg>", 2 },
        { "set xlink:href", $"<svg xmlns=\"{Svg}\" xmlns:xlink=\"http://www.w3.org/1999/xlink\">\n<a>\n<set attributeName=\"xlink:href\" to=\"javascript:alert(1)\"/><rect width=\"9\" height=\"9\"/></a></svg>", 3 },
        { "XSLT stylesheet", $"<?xml version=\"1.0\"?>\n<?xml-stylesheet type=\"text/xsl\" href=\"data:text/xml;base64,PHg+PC94Pg==\"?>\n<svg xmlns=\"{Svg}\"/>", 2 },
        { "external stylesheet", $"<?xml-stylesheet href=\"http://evil.example/s.css\"?><svg xmlns=\"{Svg}\"/>", 1 },
        { "escaped url() in a style element", $"<svg xmlns=\"{Svg}\">\n<style>rect{{fill:u\\72l(http://evil.example/a.png)}}</style><rect width=\"9\" height=\"9\"/></svg>", 2 },
        { "escaped url() in a style attribute", $"<svg xmlns=\"{Svg}\">\n<rect style=\"fill:u\\72l(http://evil.example/a.png)\" width=\"9\" height=\"9\"/></svg>", 2 },
        { "url() to outside in a presentation attribute", $"<svg xmlns=\"{Svg}\">\n<rect fill=\"url(http://evil.example/p.svg#g)\" width=\"9\" height=\"9\"/></svg>", 2 },
        { "external use", $"<svg xmlns=\"{Svg}\">\n<use href=\"http://evil.example/sprite.svg#a\"/></svg>", 2 },
        { "foreignObject", $"<svg xmlns=\"{Svg}\">\n<foreignObject><div xmlns=\"http://www.w3.org/1999/xhtml\">x</div></foreignObject></svg>", 2 },
        { "script in another namespace", $"<svg xmlns=\"{Svg}\">\n<h:script xmlns:h=\"http://www.w3.org/1999/xhtml\">alert(1)</h:script></svg>", 2 },
        { "event handler", $"<svg xmlns=\"{Svg}\">\n<rect onmouseover=\"alert(1)\" width=\"9\" height=\"9\"/></svg>", 2 },
        { "DTD with an entity", $"<!DOCTYPE svg [<!ENTITY x \"y\">]>\n<svg xmlns=\"{Svg}\">&x;</svg>", 1 },
    };

    private static ArticleContent ArticleWith(string name, byte[] bytes) =>
        SmallEdition.Content().Articles[0] with { Media = [new ArticleMedia("media/" + name, "small/ar/media/" + name, bytes)] };

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Given_an_active_svg_in_a_chapters_media_When_published_Then_it_is_refused_at_its_line(string attack, string svg, int line)
    {
        var diagnostics = new DiagnosticBag();

        var files = MediaFiles.Of(ArticleWith("a.svg", Encoding.UTF8.GetBytes(svg)), diagnostics);

        Assert.True(files.Count == 0, attack);
        var error = Assert.Single(diagnostics.Items);
        Assert.Equal(DiagnosticCodes.ImageUnsafe, error.Code);
        Assert.Equal(Severity.Error, error.Severity);
        Assert.Equal("small/ar/media/a.svg", error.Path);
        Assert.Equal(line, error.Line);
        Assert.True(error.Column > 0, attack);
    }

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Given_an_active_svg_in_a_word_document_When_imported_Then_it_is_refused(string attack, string svg, int line)
    {
        _ = line;
        var fixture = new DocxFixture { Body = Paragraph(Picture("rIdImg1", "رسم"), "<w:bidi/>") };
        fixture.Images["rIdImg1"] = Encoding.UTF8.GetBytes(svg);
        var diagnostics = new DiagnosticBag();

        var article = DocxReader.Read("bad.docx", fixture.Build(), diagnostics);

        Assert.True(diagnostics.Items.Any(d => d.Code == DiagnosticCodes.ImageUnsafe && d.Severity == Severity.Error), attack + ": " + string.Join('\n', diagnostics.Items));
        Assert.True(article is null || article.Media.Count == 0, attack);
    }

    [Fact]
    public void Given_an_animated_svg_logo_When_the_content_is_read_Then_EB0606_names_the_logos_line()
    {
        using var temp = new TempFolder();
        SmallEdition.WriteTo(temp.Path);
        File.AppendAllText(Path.Combine(temp.Path, "edition.yml"), "logo: logo.svg\n");
        temp.File("logo.svg", $"<svg xmlns=\"{Svg}\">\n<a><animate attributeName=\"href\" values=\"javascript:alert(1)\"/><rect width=\"9\" height=\"9\"/></a></svg>");
        var diagnostics = new DiagnosticBag();

        var content = ContentFolder.Read(temp.Path, diagnostics);

        Assert.Null(content);
        var error = Assert.Single(diagnostics.Items);
        Assert.Equal(DiagnosticCodes.EditionLookInvalid, error.Code);
        Assert.Equal(Path.Combine(temp.Path, "logo.svg"), error.Path);
        Assert.Equal(2, error.Line);
        Assert.Contains("<animate>", error.Message);
    }

    // What a drawing program writes: its own namespaces and metadata, a comment, text with markup characters, a fragment reference.
    private const string Drawing = $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <!-- Created with Inkscape -->
        <svg xmlns="{Svg}" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd" width="20" height="20" sodipodi:docname="map.svg">
          <sodipodi:namedview id="base" pagecolor="#ffffff"/>
          <metadata><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/></metadata>
          <defs><linearGradient id="g"><stop offset="0" stop-color="#7a2e10"/></linearGradient></defs>
          <rect width="10" height="10" fill="url(#g)" style="stroke:#000;font-family:'Amiri'" data-x="1"/>
          <use xlink:href="#g"/>
          <text x="1" y="5">دمشق &amp; &lt;حلب&gt;</text>
        </svg>
        """;

    [Fact]
    public void Given_a_drawing_programs_svg_When_published_Then_the_site_and_the_book_hold_the_allow_lists_copy_with_the_same_drawing()
    {
        var article = ArticleWith("map.svg", Encoding.UTF8.GetBytes(Drawing));
        var content = new EditionContent(SmallEdition.Content().Edition, [article]);
        var diagnostics = new DiagnosticBag();

        var files = SiteBuild.InMemory(content, SeedSite.Get().Templates, BuildOptions.Uncompressed, diagnostics);

        Assert.True(files is not null, string.Join('\n', diagnostics.Items));
        var published = files.Single(f => f.Path == "small/media/map.svg").Bytes;
        var text = Encoding.UTF8.GetString(published);
        Assert.DoesNotContain("sodipodi", text);
        Assert.DoesNotContain("Inkscape", text);
        Assert.DoesNotContain("rdf", text);
        Assert.DoesNotContain("data-x", text);
        var svg = XDocument.Parse(text).Root!;
        Assert.Equal(XName.Get("svg", Svg), svg.Name);
        Assert.Equal("url(#g)", (string?)svg.Element(XName.Get("rect", Svg))!.Attribute("fill"));
        Assert.Equal("#g", (string?)svg.Element(XName.Get("use", Svg))!.Attribute(XName.Get("href", "http://www.w3.org/1999/xlink")));
        Assert.Equal("دمشق & <حلب>", svg.Element(XName.Get("text", Svg))!.Value);

        using var book = new ZipArchive(new MemoryStream(files.Single(f => f.Path.EndsWith(".epub", StringComparison.Ordinal)).Bytes));
        using var entry = new MemoryStream();
        book.GetEntry("EPUB/chapters/media/map.svg")!.Open().CopyTo(entry);
        Assert.Equal(published, entry.ToArray());
    }

    [Fact]
    public void Given_a_drawing_programs_svg_in_a_word_document_When_imported_Then_the_article_holds_the_allow_lists_copy()
    {
        var fixture = new DocxFixture { Body = Paragraph(Picture("rIdImg1", "خريطة"), "<w:bidi/>") };
        fixture.Images["rIdImg1"] = Encoding.UTF8.GetBytes(Drawing);
        var diagnostics = new DiagnosticBag();

        var article = DocxReader.Read("map.docx", fixture.Build(), diagnostics);

        Assert.NotNull(article);
        var media = Assert.Single(article.Media);
        Assert.EndsWith(".svg", media.Path, StringComparison.Ordinal);
        var text = Encoding.UTF8.GetString(media.Bytes);
        Assert.DoesNotContain("sodipodi", text);
        Assert.Contains("<rect", text);
    }

    [Fact]
    public void Given_the_published_copy_of_an_svg_When_published_again_Then_it_is_byte_for_byte_the_same()
    {
        var once = MediaFiles.Of(ArticleWith("map.svg", Encoding.UTF8.GetBytes(Drawing)), new DiagnosticBag()).Single().Bytes;

        var twice = MediaFiles.Of(ArticleWith("map.svg", once), new DiagnosticBag()).Single().Bytes;

        Assert.Equal(once, twice);
    }
}

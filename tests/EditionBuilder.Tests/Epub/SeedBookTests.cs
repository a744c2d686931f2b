using System.IO.Compression;
using System.Xml.Linq;
using AngleSharp.Html.Parser;
using EditionBuilder.Tests.Support;
using Xunit;

namespace EditionBuilder.Tests.Epub;

/// <summary>The seed article's EPUB, built by the one pipeline beside its pages: its container, package, navigation, chapters, abstracts, notes and font.</summary>
public class SeedBookTests
{
    private const string Slug = "russian-iranian-partnership";
    private static readonly XNamespace X = Book.Xhtml;

    private static Book Seed() => Book.Open(SeedSite.Get().File($"{Slug}/{Slug}.epub").Bytes);

    [Fact]
    public void Given_the_seed_When_built_Then_its_book_sits_in_the_article_folder_and_the_landing_page_offers_it_with_its_size()
    {
        var site = SeedSite.Get();
        var book = site.File($"{Slug}/{Slug}.epub");

        var landing = new HtmlParser().ParseDocument(site.File($"{Slug}/index.html").AsText());

        var link = Assert.Single(landing.QuerySelectorAll("a[href$='.epub']"));
        Assert.Equal($"../{Slug}/{Slug}.epub", link.GetAttribute("href"));
        Assert.Equal("تنزيل الكتاب الإلكتروني (EPUB)", link.TextContent);
        Assert.Equal("application/epub+zip", link.GetAttribute("type"));
        Assert.Equal($"({(book.Bytes.Length + 1023) / 1024} كيلوبايت)", landing.QuerySelector("p.epub .file-size")!.TextContent);
    }

    [Fact]
    public void Given_the_seeds_book_When_unzipped_Then_mimetype_is_the_first_entry_stored_without_extra_field_and_every_entry_has_one_fixed_time()
    {
        var bytes = Seed().Bytes;

        // The local header of the first entry, as EPUB readers sniff it: name "mimetype" at byte 30, stored (method 0), no extra field, the media type at byte 38.
        Assert.Equal("PK\u0003\u0004", System.Text.Encoding.ASCII.GetString(bytes, 0, 4));
        Assert.Equal(0, BitConverter.ToUInt16(bytes, 8));
        Assert.Equal(0, BitConverter.ToUInt16(bytes, 28));
        Assert.Equal("mimetypeapplication/epub+zip", System.Text.Encoding.ASCII.GetString(bytes, 30, 28));
        // Every central-directory record says "made by MS-DOS, zip 2.0", whatever machine built the book, and no entry has an extra field.
        var records = Enumerable.Range(0, bytes.Length - 4).Where(i => BitConverter.ToUInt32(bytes, i) == 0x02014b50).ToList();
        Assert.Equal(20, records.Count);
        Assert.All(records, at => Assert.Equal(20, BitConverter.ToUInt16(bytes, at + 4)));
        Assert.All(records, at => Assert.Equal(0, BitConverter.ToUInt16(bytes, at + 30)));
        using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        Assert.Equal(["mimetype", "META-INF/container.xml", "EPUB/package.opf"], zip.Entries.Take(3).Select(e => e.FullName));
        Assert.Single(zip.Entries.Select(e => e.LastWriteTime).Distinct());
        Assert.Contains("full-path=\"EPUB/package.opf\"", Seed().Text("META-INF/container.xml"));
    }

    [Fact]
    public void Given_the_seeds_book_When_its_package_is_read_Then_it_is_epub_3_0_read_right_to_left_title_page_navigation_ten_chapters_then_both_abstracts()
    {
        var book = Seed();

        var package = book.Package.Root!;
        Assert.Equal("3.0", (string?)package.Attribute("version"));
        Assert.Equal("rtl", (string?)package.Element(Book.Opf + "spine")!.Attribute("page-progression-direction"));
        var chapters = SeedSite.Get().Content.Articles[0].Chapters.Select(c => Path.GetFileNameWithoutExtension(c.Path)).Order(StringComparer.Ordinal);
        Assert.Equal(["title.xhtml", "nav.xhtml", .. chapters.Select(c => $"chapters/{c}.xhtml"), "abstract-en.xhtml", "abstract-fr.xhtml"], book.Spine);
        Assert.Equal(10, book.Chapters.Count);
        Assert.Equal("nav", book.Manifest.Single(i => i.Href == "nav.xhtml").Properties);
        // Every file of the book is in the manifest, and the manifest names no file the book lacks.
        Assert.Equal(book.Entries.Where(e => e.StartsWith("EPUB/", StringComparison.Ordinal) && e != "EPUB/package.opf").Order(StringComparer.Ordinal),
            book.Manifest.Select(i => "EPUB/" + i.Href).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Given_the_seeds_book_When_its_metadata_is_read_Then_it_names_the_titles_per_language_the_languages_a_stable_identifier_and_a_modified_date()
    {
        var book = Seed();
        var metadata = SeedSite.Get().Content.Articles[0].Metadata;

        Assert.Equal([metadata.Title["ar"]], book.Dublin("title"));
        var alternates = book.Package.Root!.Element(Book.Opf + "metadata")!.Elements(Book.Opf + "meta").Where(m => (string?)m.Attribute("property") == "alternate-script")
            .ToDictionary(m => (string)m.Attribute(XNamespace.Xml + "lang")!, m => m.Value);
        Assert.Equal(metadata.Title["en"], alternates["en"]);
        Assert.Equal(metadata.Title["fr"], alternates["fr"]);
        Assert.Equal(["ar", "en", "fr"], book.Dublin("language"));
        Assert.Matches("^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", Assert.Single(book.Dublin("identifier")));
        // The seed has no date: without SOURCE_DATE_EPOCH its book says 1980-01-01, the zip epoch, never the clock.
        Assert.Equal("1980-01-01T00:00:00Z", book.Meta("dcterms:modified"));
        Assert.Empty(book.Dublin("creator"));
    }

    [Fact]
    public void Given_the_seeds_book_When_its_navigation_is_read_Then_it_is_arabic_with_every_chapter_and_abstract_and_the_landmarks()
    {
        var book = Seed();
        var nav = book.Document("nav.xhtml").Root!;

        Assert.Equal("ar", (string?)nav.Attribute("lang"));
        Assert.Equal("ar", (string?)nav.Attribute(XNamespace.Xml + "lang"));
        Assert.Equal("rtl", (string?)nav.Attribute("dir"));
        var toc = nav.Descendants(X + "nav").Single(n => (string?)n.Attribute(Book.EpubType) == "toc");
        Assert.Equal("المحتويات", toc.Element(X + "h1")!.Value);
        var entries = toc.Descendants(X + "a").Select(a => (string)a.Attribute("href")!).ToList();
        Assert.Equal(["title.xhtml", .. book.Chapters, "abstract-en.xhtml", "abstract-fr.xhtml"], entries);
        var chapterTitles = SeedSite.Get().Content.Articles[0].Chapters.Count;
        Assert.Equal(chapterTitles, toc.Descendants(X + "a").Count(a => ((string)a.Attribute("href")!).StartsWith("chapters/", StringComparison.Ordinal) && a.Value.Length > 0));
        var landmarks = nav.Descendants(X + "nav").Single(n => (string?)n.Attribute(Book.EpubType) == "landmarks");
        Assert.Equal(["titlepage", "toc", "bodymatter"], landmarks.Descendants(X + "a").Select(a => (string)a.Attribute(Book.EpubType)!));
        Assert.Equal(book.Chapters[0], (string)landmarks.Descendants(X + "a").Last().Attribute("href")!);
    }

    [Fact]
    public void Given_the_seeds_book_When_every_note_reference_is_followed_Then_it_reaches_a_footnote_aside_inside_the_book_whose_back_link_returns_to_it()
    {
        var book = Seed();
        var documents = book.Manifest.Where(i => i.MediaType == "application/xhtml+xml").ToDictionary(i => i.Href, i => book.Document(i.Href));
        XElement? ById(string document, string id) =>
            documents.TryGetValue(document, out var xml) ? xml.Descendants().SingleOrDefault(e => (string?)e.Attribute("id") == id) : null;

        var references = documents.SelectMany(d => d.Value.Descendants(X + "a").Where(a => (string?)a.Attribute(Book.EpubType) == "noteref").Select(a => (Document: d.Key, Link: a))).ToList();
        var notes = documents.SelectMany(d => d.Value.Descendants(X + "aside").Select(a => (Document: d.Key, Note: a))).ToList();

        // 40 references and 40 notes: each note of the seed is cited once (the web edition's 80 count each reference twice, on its chapter page and in full.html).
        Assert.Equal(40, references.Count);
        Assert.Equal(40, notes.Count);
        foreach (var (document, link) in references)
        {
            Assert.Equal("doc-noteref", (string?)link.Attribute("role"));
            var id = (string)link.Attribute("id")!;
            var (target, fragment) = Book.Resolve(document, (string)link.Attribute("href")!);
            var note = ById(target, fragment);
            Assert.True(note is not null, $"{document}#{id} points to {target}#{fragment}, which is not in the book");
            Assert.Equal(X + "aside", note.Name);
            Assert.Equal("footnote", (string?)note.Attribute(Book.EpubType));
            Assert.Equal("doc-footnote", (string?)note.Attribute("role"));
            Assert.Equal(link.Value, note.Descendants(X + "a").First().Value);
            Assert.Contains(note.Descendants(X + "a").Where(a => (string?)a.Attribute("role") == "doc-backlink"),
                back => Book.Resolve(target, (string)back.Attribute("href")!) == (document, id));
        }

        foreach (var (document, note) in notes)
        {
            var backLinks = note.Descendants(X + "a").Where(a => (string?)a.Attribute("role") == "doc-backlink").ToList();
            Assert.NotEmpty(backLinks);
            Assert.All(backLinks, back => Assert.Equal("doc-noteref", (string?)ById(Book.Resolve(document, (string)back.Attribute("href")!).Document, Book.Resolve(document, (string)back.Attribute("href")!).Fragment)?.Attribute("role")));
        }
    }

    [Fact]
    public void Given_the_seed_When_its_book_and_web_edition_are_compared_Then_each_chapter_cites_the_same_note_numbers_in_the_same_order()
    {
        var site = SeedSite.Get();
        var book = Seed();
        var parser = new HtmlParser();

        foreach (var chapter in book.Chapters)
        {
            var page = $"{Slug}/{Path.GetFileNameWithoutExtension(chapter)}.html";
            var web = parser.ParseDocument(site.File(page).AsText());
            var webReferences = web.QuerySelectorAll("a[role='doc-noteref']").Select(a => a.TextContent).ToList();
            var webNotes = web.QuerySelectorAll("section[role='doc-endnotes'] li").Select(li => li.Id).ToList();

            var xhtml = book.Document(chapter);
            var bookReferences = xhtml.Descendants(X + "a").Where(a => (string?)a.Attribute(Book.EpubType) == "noteref").Select(a => a.Value).ToList();
            var bookNotes = xhtml.Descendants(X + "aside").Select(a => (string?)a.Attribute("id")).ToList();

            Assert.NotEmpty(bookReferences);
            Assert.Equal(webReferences, bookReferences);
            Assert.Equal(webNotes, bookNotes);
        }
    }

    [Fact]
    public void Given_the_seeds_book_When_its_abstracts_are_read_Then_each_declares_its_language_and_reads_left_to_right()
    {
        var book = Seed();

        foreach (var (href, lang) in new[] { ("abstract-en.xhtml", "en"), ("abstract-fr.xhtml", "fr") })
        {
            var root = book.Document(href).Root!;
            Assert.Equal(lang, (string?)root.Attribute("lang"));
            Assert.Equal(lang, (string?)root.Attribute(XNamespace.Xml + "lang"));
            Assert.Equal("ltr", (string?)root.Attribute("dir"));
            Assert.NotEmpty(root.Descendants(X + "p"));
        }

        Assert.Contains("partnership", book.Document("abstract-en.xhtml").Root!.Value, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("partenariat", book.Document("abstract-fr.xhtml").Root!.Value, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Given_the_seeds_book_When_its_files_are_read_Then_the_themes_arabic_font_and_its_licence_are_inside_and_nothing_is_fetched_from_outside()
    {
        var book = Seed();
        var theme = SeedSite.Get().Templates;

        var font = book.Manifest.Single(i => i.MediaType == "font/woff2");
        Assert.Equal(theme.Assets["fonts/noto-naskh-arabic-arabic-400-normal.woff2"], book.Files["EPUB/" + font.Href]);
        Assert.Equal(theme.Assets["fonts/OFL-noto-naskh-arabic.txt"], book.Files["EPUB/fonts/OFL-noto-naskh-arabic.txt"]);
        Assert.Contains("SIL OPEN FONT LICENSE", book.Text("EPUB/fonts/OFL-noto-naskh-arabic.txt"), StringComparison.OrdinalIgnoreCase);
        var css = book.Text("EPUB/styles/book.css");
        Assert.Contains($"url(\"../{font.Href}\")", css);
        Assert.DoesNotContain("position: fixed", css);
        Assert.DoesNotMatch(@"(?<![-\w])width:\s*\d+(px|pt|cm|mm|in)", css);

        foreach (var (_, href, _, _) in book.Manifest.Where(i => i.MediaType == "application/xhtml+xml"))
        {
            var document = book.Document(href);
            Assert.Empty(document.Descendants(X + "script"));
            // Resources a reader would load (not hyperlinks a reader may follow) all come from the book itself.
            var loads = document.Descendants().SelectMany(e => e.Name == X + "a" ? [] : e.Attributes().Where(a => a.Name.LocalName is "src" or "href").Select(a => a.Value));
            Assert.All(loads, url => Assert.DoesNotContain("//", url));
            Assert.All(loads, url => Assert.True(book.Files.ContainsKey("EPUB/" + Book.Resolve(href, url).Document), $"{href} loads {url}, which the book lacks"));
        }
    }

    [Fact]
    public void Given_the_seeds_book_When_each_chapter_is_read_Then_it_is_arabic_right_to_left_with_the_web_editions_paragraph_numbers()
    {
        var book = Seed();

        foreach (var chapter in book.Chapters)
        {
            var root = book.Document(chapter).Root!;
            Assert.Equal("ar", (string?)root.Attribute("lang"));
            Assert.Equal("rtl", (string?)root.Attribute("dir"));
            var section = root.Descendants(X + "section").First();
            Assert.Equal("chapter", (string?)section.Attribute(Book.EpubType));
            var paragraphs = section.Elements(X + "p").ToList();
            Assert.NotEmpty(paragraphs);
            var order = int.Parse(((string)section.Attribute("aria-labelledby")!)["chapter-".Length..], System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(paragraphs.Select((_, i) => $"{order}.{i + 1}"), paragraphs.Select(p => p.Elements(X + "span").First(s => (string?)s.Attribute("class") == "para").Value));
        }
    }
}

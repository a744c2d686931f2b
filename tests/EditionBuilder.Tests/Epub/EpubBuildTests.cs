using System.Text;
using AngleSharp.Html.Parser;
using EditionBuilder.Content;
using EditionBuilder.Diagnostics;
using EditionBuilder.Pipeline;
using EditionBuilder.Tests.Support;
using EditionBuilder.Themes;
using Xunit;

namespace EditionBuilder.Tests.Epub;

/// <summary>The EPUB as a step of the one pipeline: skipped on request, refused with positioned errors when the theme cannot make it, the same bytes on every build, kept by the cache and the package.</summary>
public class EpubBuildTests
{
    // The default theme as one layer named "templates", with some of its files replaced (null deletes one).
    private static Theme? ThemeWith(Dictionary<string, string?> changes, DiagnosticBag diagnostics)
    {
        var files = ThemeFolder.Read(Repo.Templates, new DiagnosticBag())!.Files.ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
        foreach (var (name, text) in changes)
        {
            if (text is null) files.Remove(name);
            else files[name] = Encoding.UTF8.GetBytes(text);
        }

        return Theme.Parse([new ThemeLayer("templates", files)], diagnostics);
    }

    [Fact]
    public void Given_a_build_without_the_book_When_built_Then_no_epub_is_written_and_the_landing_page_offers_none()
    {
        var diagnostics = new DiagnosticBag();

        var files = SiteBuild.InMemory(SmallEdition.Content(), SeedSite.Get().Templates, BuildOptions.Uncompressed.Without("epub"), diagnostics);

        Assert.True(files is not null, string.Join('\n', diagnostics.Items));
        Assert.DoesNotContain(files, f => f.Path.EndsWith(".epub", StringComparison.Ordinal));
        Assert.Empty(new HtmlParser().ParseDocument(files.Single(f => f.Path == "small/index.html").AsText()).QuerySelectorAll("a[href$='.epub']"));
    }

    [Fact]
    public void Given_a_theme_without_the_e_reader_stylesheet_When_built_Then_EB0701_names_the_missing_file_and_no_site_is_made()
    {
        var diagnostics = new DiagnosticBag();
        var theme = ThemeWith(new() { ["epub/book.css"] = null }, diagnostics)!;

        var files = SiteBuild.InMemory(SmallEdition.Content(), theme, BuildOptions.Uncompressed, diagnostics);

        Assert.Null(files);
        var error = Assert.Single(diagnostics.Items);
        Assert.Equal(DiagnosticCodes.EpubThemeIncomplete, error.Code);
        Assert.Equal(Path.Combine("templates", "epub", "book.css"), error.Path);
        Assert.Contains("--no-epub", error.Message);
    }

    [Fact]
    public void Given_an_e_reader_stylesheet_that_loads_a_font_from_the_web_When_built_Then_EB0702_points_at_its_line()
    {
        var diagnostics = new DiagnosticBag();
        var css = "body { margin: 0; }\n@font-face { font-family: X; src: url(\"https://fonts.example.org/x.woff2\"); }\n";
        var theme = ThemeWith(new() { ["epub/book.css"] = css }, diagnostics)!;

        Assert.Null(SiteBuild.InMemory(SmallEdition.Content(), theme, BuildOptions.Uncompressed, diagnostics));

        Assert.Equal($"{Path.Combine("templates", "epub", "book.css")}:2:1: error EB0702: the e-reader stylesheet loads 'https://fonts.example.org/x.woff2', which is not a font or image of the theme's assets/ (a book fetches nothing from outside itself)",
            Assert.Single(diagnostics.Items).ToString());
    }

    [Fact]
    public void Given_a_chapter_holding_a_noncharacter_When_built_Then_a_warning_EB0700_points_at_it_and_the_book_is_still_well_formed()
    {
        var small = SmallEdition.Content();
        var chapter = small.Articles[0].Chapters[1];
        var edited = small with { Articles = [small.Articles[0] with { Chapters = [small.Articles[0].Chapters[0], chapter with { Text = chapter.Text.Replace("خاتمة[^2]", "خاتمة\uFFFF[^2]", StringComparison.Ordinal) }] }] };
        var diagnostics = new DiagnosticBag();

        var files = Sites.Build(SeedSite.Get().Templates, edited, diagnostics);

        Assert.True(files is not null, string.Join('\n', diagnostics.Items));
        var warning = Assert.Single(diagnostics.Items, d => d.Code == "EB0700"); // the JATS file warns of it too (EB0800)
        Assert.Equal($"{chapter.Path}:9:6: warning EB0700: U+FFFF cannot be stored in the e-book (XML has no place for it); the book shows U+FFFD there", warning.ToString());
        var book = Book.Open(files.Single(f => f.Path == "small/small.epub").Bytes);
        Assert.Contains("خاتمة\uFFFD", book.Document("chapters/02-alkhatma.xhtml").Root!.Value);
    }

    [Fact]
    public void Given_an_Arabic_abstract_beside_an_English_one_When_the_book_is_built_Then_its_contents_link_each_in_its_own_direction()
    {
        const string arabic = "---\ntitle: مقال صغير\nlang: ar\ndir: rtl\norder: 0\nslug: abstract\n---\n\nملخص بالعربية.\n";
        var small = SmallEdition.Content();
        var article = small.Articles[0];
        var withArabic = small with { Articles = [article with { Abstracts = [new MarkdownFile("small/ar/abstract.md", arabic), .. article.Abstracts] }] };
        var diagnostics = new DiagnosticBag();

        var files = SiteBuild.InMemory(withArabic, SeedSite.Get().Templates, BuildOptions.Uncompressed, diagnostics);

        Assert.True(files is not null, string.Join('\n', diagnostics.Items));
        var nav = Book.Open(files.Single(f => f.Path == "small/small.epub").Bytes).Document("nav.xhtml");
        var links = nav.Descendants(Book.Xhtml + "a").Where(a => ((string?)a.Attribute("href") ?? string.Empty).Contains("abstract-", StringComparison.Ordinal))
            .ToDictionary(a => (string)a.Attribute("href")!, a => ((string?)a.Attribute("lang"), (string?)a.Attribute("dir")));
        Assert.Equal(("ar", "rtl"), links["abstract-ar.xhtml"]);
        Assert.Equal(("en", "ltr"), links["abstract-en.xhtml"]);
    }

    [Fact]
    public void Given_an_article_with_a_page_range_When_the_book_is_built_Then_its_title_page_isolates_the_range_so_it_reads_left_to_right()
    {
        var small = SmallEdition.Content();
        var article = small.Articles[0];
        article.Metadata.FirstPage = "1";
        article.Metadata.LastPage = "14";
        var diagnostics = new DiagnosticBag();

        var files = SiteBuild.InMemory(small, SeedSite.Get().Templates, BuildOptions.Uncompressed, diagnostics);

        Assert.True(files is not null, string.Join('\n', diagnostics.Items));
        var title = Book.Open(files.Single(f => f.Path == "small/small.epub").Bytes).Document("title.xhtml");
        var citation = title.Descendants(Book.Xhtml + "p").Single(p => (string?)p.Attribute("class") == "citation");
        // Unisolated in a right-to-left paragraph, "1–14" shows as "14–1": the range must be a part of its own.
        Assert.Contains(citation.Elements(Book.Xhtml + "bdi"), b => b.Value == "1–14");
    }

    [Fact]
    public void Given_the_same_content_When_built_twice_Then_the_books_are_byte_for_byte_the_same_and_SOURCE_DATE_EPOCH_dates_only_a_book_whose_article_has_no_date()
    {
        var small = SmallEdition.Content();
        var undated = small with { Articles = [small.Articles[0] with { Metadata = new ArticleMetadata { Title = new() { ["ar"] = "مقال" } } }] };
        byte[] BookOf(EditionContent content, long? epoch) =>
            SiteBuild.InMemory(content, SeedSite.Get().Templates, BuildOptions.Uncompressed with { SourceDateEpoch = epoch }, new DiagnosticBag())!.Single(f => f.Path.EndsWith(".epub", StringComparison.Ordinal)).Bytes;

        Assert.Equal(BookOf(small, null), BookOf(small, null));
        Assert.Equal(BookOf(small, null), BookOf(small, 1480000000));
        Assert.Equal("2016-01-01T00:00:00Z", Book.Open(BookOf(small, 1480000000)).Meta("dcterms:modified"));
        Assert.Equal("2016-11-24T15:06:40Z", Book.Open(BookOf(undated, 1480000000)).Meta("dcterms:modified"));
        Assert.Equal(BookOf(undated, 1480000000), BookOf(undated, 1480000000));
    }

    [Fact]
    public void Given_a_content_folder_When_built_by_the_command_with_and_without_the_book_and_packaged_Then_the_book_is_in_the_site_and_the_bag_and_no_epub_leaves_it_out()
    {
        using var temp = new TempFolder();
        SmallEdition.WriteTo(Path.Combine(temp.Path, "content"));

        var built = FolderBuilds.Run(Path.Combine(temp.Path, "content"), Path.Combine(temp.Path, "site"), Repo.Templates);
        var packaged = Packages.Run(Path.Combine(temp.Path, "site"), Path.Combine(temp.Path, "package"), Path.Combine(temp.Path, "content"));
        var skipped = FolderBuilds.Run(Path.Combine(temp.Path, "content"), Path.Combine(temp.Path, "site-without"), Repo.Templates, options: BuildOptions.Published.Without("epub"));

        Assert.True(built.Succeeded, built.Said);
        Assert.Equal(1, built.Build.WrittenBy("epub"));
        Assert.Contains(built.Build.Stages, s => s.Stage == "epub");
        var book = File.ReadAllBytes(Path.Combine(temp.Path, "site", "small", "small.epub"));
        var bag = packaged.BagFolder;
        Assert.Equal(book, File.ReadAllBytes(Path.Combine(bag, "data", "small", "small.epub")));
        Assert.Contains("  data/small/small.epub\n", File.ReadAllText(Path.Combine(bag, "manifest-sha256.txt")));
        Assert.True(skipped.Succeeded, skipped.Said);
        Assert.DoesNotContain(skipped.Build.Stages, s => s.Stage == "epub");
        Assert.Equal(0, skipped.Build.WrittenBy("epub"));
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(temp.Path, "site-without"), "*.epub", SearchOption.AllDirectories));
        Assert.DoesNotContain(".epub", File.ReadAllText(Path.Combine(temp.Path, "site-without", "small", "index.html")));
    }

    [Fact]
    public void Given_a_built_journal_When_built_again_with_the_cache_Then_unchanged_books_are_not_written_again_and_an_edited_articles_book_is()
    {
        using var temp = new TempFolder();
        var content = Path.Combine(temp.Path, "content");
        SmallEdition.WriteTo(content);
        Folders.Copy(Path.Combine(content, "small"), Path.Combine(content, "second"));
        FolderBuilds.Built Build() => FolderBuilds.Run(content, Path.Combine(temp.Path, "site"), Repo.Templates, Path.Combine(temp.Path, "cache"));

        var first = Build();
        var before = File.ReadAllBytes(Path.Combine(temp.Path, "site", "second", "second.epub"));
        var unchanged = Build();
        var after = File.ReadAllBytes(Path.Combine(temp.Path, "site", "second", "second.epub"));
        var chapter = Path.Combine(content, "second", "ar", "02-alkhatma.md");
        File.WriteAllText(chapter, File.ReadAllText(chapter).Replace("خاتمة[^2].", "خاتمة منقحة[^2].", StringComparison.Ordinal));
        var edited = Build();

        Assert.Equal(2, first.Build.WrittenBy("epub"));
        Assert.Equal((0, 2), (unchanged.Build.WrittenBy("epub"), unchanged.Build.Articles));
        Assert.Equal(before, after);
        Assert.Equal(1, edited.Build.WrittenBy("epub"));
        var book = Book.Open(File.ReadAllBytes(Path.Combine(temp.Path, "site", "second", "second.epub")));
        Assert.Contains("خاتمة منقحة", book.Document("chapters/02-alkhatma.xhtml").Root!.Value);
    }
}

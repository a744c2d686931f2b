using EditionBuilder.Content;
using EditionBuilder.Diagnostics;
using EditionBuilder.Fuzz;
using EditionBuilder.Import;
using EditionBuilder.Pipeline;
using EditionBuilder.Themes;
using Microsoft.Playwright;
using Xunit;
using static EditionBuilder.Fuzz.DocxFixture;

namespace EditionBuilder.BrowserTests.Support;

/// <summary>A Word document with footnotes in Hindi digits, endnotes, a custom mark, a wide table and a figure, built into a site and opened in Debian's Chromium.</summary>
public sealed class WordSiteFixture : IAsyncLifetime
{
    public const string Chapter = "article/01-almqdma.html";

    private const string Ar = "<w:rtl/>";
    private const string Rtl = "<w:bidi/>";

    private IPlaywright? _playwright;

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "eb-browser-word-" + Guid.NewGuid().ToString("N"));

    public IBrowser? Browser { get; private set; }

    public static byte[] Document()
    {
        static string Cell(string text) => $"<w:tc>{Paragraph(Run(text, Ar), Rtl)}</w:tc>";
        var wide = string.Concat(Enumerable.Range(1, 9).Select(i => Cell($"عمود طويل العنوان رقم {i} يحتاج مساحة")));
        var fixture = new DocxFixture
        {
            Settings = "<w:footnotePr><w:numFmt w:val=\"hindiNumbers\"/></w:footnotePr>",
            // A lone document needs a title (EB0207); the fixture gives the article its own below.
            Body = Paragraph(Run("مقال تجريبي", Ar), "<w:pStyle w:val=\"Title\"/>" + Rtl)
                + Paragraph(Run("المقدمة", Ar), "<w:pStyle w:val=\"Heading1\"/>" + Rtl)
                + Paragraph(Run("نص يحيل إلى حاشية", Ar) + FootnoteReference("1") + Run(" وإلى تعليق ختامي", Ar) + EndnoteReference("1")
                    + Run(" وإلى حاشية بعلامة", Ar) + "<w:r><w:footnoteReference w:customMarkFollows=\"1\" w:id=\"2\"/><w:t>*</w:t></w:r>", Rtl)
                + $"<w:tbl><w:tblPr><w:bidiVisual/></w:tblPr><w:tr><w:trPr><w:tblHeader/></w:trPr>{wide}</w:tr><w:tr>{wide}</w:tr></w:tbl>"
                + Paragraph(Picture("rIdImg1", "مربع صغير"), Rtl)
                + Paragraph(Run("الشكل 1", Ar), "<w:pStyle w:val=\"Caption\"/>" + Rtl),
            Footnotes = Note("footnote", "1", Run("حاشية بالأرقام الهندية", Ar)) + Note("footnote", "2", Run("حاشية بعلامة كتبها المؤلف", Ar)),
            Endnotes = Note("endnote", "1", Run("تعليق ختامي في آخر المقال", Ar)),
        };
        fixture.Images["rIdImg1"] = TinyPng;
        return fixture.Build();
    }

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Folder);
        var source = Path.Combine(Folder, "article.docx");
        await File.WriteAllBytesAsync(source, Document());
        var diagnostics = new DiagnosticBag();
        var content = ContentFolder.ReadSource(source, diagnostics) ?? throw new InvalidOperationException(string.Join('\n', diagnostics.Items));
        content = content with { Articles = [content.Articles[0] with { Slug = "article", Metadata = Title(content.Articles[0].Metadata) }] };
        var theme = Theme.Load(Path.Combine(Repo.Root, "templates"), diagnostics)!;
        var files = SiteBuild.InMemory(content, theme, BuildOptions.Uncompressed, diagnostics) ?? throw new InvalidOperationException(string.Join('\n', diagnostics.Items));
        foreach (var file in files)
        {
            var path = Path.Combine(Folder, "site", file.Path);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllBytesAsync(path, file.Bytes);
        }

        if (!File.Exists(Programs.Chromium)) return;
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Programs.Chromium,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    private static ArticleMetadata Title(ArticleMetadata metadata)
    {
        metadata.Title["ar"] = "مقال من وورد";
        return metadata;
    }

    public string FileUrl(string page) => new Uri(Path.Combine(Folder, "site", page)).AbsoluteUri;

    public async Task<(IBrowserContext Context, IPage Page)> OpenAsync(string page, Viewport viewport)
    {
        Programs.Require(Programs.Chromium, "chromium");
        var context = await Browser!.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = viewport.Width, Height = viewport.Height },
            IsMobile = viewport.Mobile,
            HasTouch = viewport.Mobile,
            Locale = "ar",
        });
        var opened = await context.NewPageAsync();
        await opened.GotoAsync(FileUrl(page), new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        return (context, opened);
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }
}

using AngleSharp.Html.Parser;
using EditionBuilder.Content;
using EditionBuilder.Diagnostics;
using EditionBuilder.Import;
using EditionBuilder.Tests.Support;
using Xunit;

namespace EditionBuilder.Tests.Render;

/// <summary>A chapter in another language than the article (an English section of an Arabic article) is marked with its own language and direction, on its page and in the full text.</summary>
public class ChapterLanguageTests
{
    [Fact]
    public void Given_an_English_chapter_in_an_Arabic_article_When_built_Then_its_text_is_marked_English_left_to_right_and_the_Arabic_ones_are_not_marked()
    {
        using var temp = new TempFolder();
        var folder = Path.Combine(temp.Path, "content");
        SmallEdition.WriteTo(folder);
        var chapter = Path.Combine(folder, "small", "ar", "02-alkhatma.md");
        File.WriteAllText(chapter, File.ReadAllText(chapter).Replace("lang: ar\ndir: rtl", "lang: en\ndir: ltr", StringComparison.Ordinal));

        var diagnostics = new DiagnosticBag();
        var content = ContentFolder.Read(folder, diagnostics)!;
        var site = Sites.Render(SeedSite.Get().Templates, content, diagnostics);
        Assert.True(site is not null, string.Join('\n', diagnostics.Items));

        var parser = new HtmlParser();
        var english = parser.ParseDocument(site.Single(f => f.Path == "small/02-alkhatma.html").AsText()).QuerySelector("article.chapter")!;
        Assert.Equal(("en", "ltr"), (english.GetAttribute("lang"), english.GetAttribute("dir")));
        var arabic = parser.ParseDocument(site.Single(f => f.Path == "small/01-almqdma.html").AsText()).QuerySelector("article.chapter")!;
        Assert.Null(arabic.GetAttribute("lang"));
        var sections = parser.ParseDocument(site.Single(f => f.Path == "small/full.html").AsText()).QuerySelectorAll("section.chapter").ToList();
        Assert.Equal([null, "en"], sections.Select(s => s.GetAttribute("lang")));
        Assert.Equal([null, "ltr"], sections.Select(s => s.GetAttribute("dir")));
    }
}

using EditionBuilder.BrowserTests.Support;
using EditionBuilder.Import;
using EditionBuilder.Diagnostics;
using EditionBuilder.Pipeline;
using EditionBuilder.Search;
using EditionBuilder.Themes;
using Xunit;

namespace EditionBuilder.BrowserTests.Search;

/// <summary>An author's words that look like HTML (<c>&lt;img onerror&gt;</c> in the article's text) reach the index as text and the search page shows them as text: no element is made and nothing runs.</summary>
[Collection("site")]
public class HostileTextSearchTests(SiteFixture site)
{
    private const string Hostile = "<img src=x onerror=\"document.title='pwned'\">";

    [SkippableFact]
    public async Task Given_an_article_whose_words_look_like_HTML_When_a_query_finds_them_Then_the_excerpt_shows_them_as_text()
    {
        var browser = site.RequireBrowser();
        var scratch = Path.Combine(Path.GetTempPath(), "eb-hostile-" + Guid.NewGuid().ToString("N"));
        try
        {
            CopyFolder(Path.Combine(Repo.Root, "content"), Path.Combine(scratch, "content"));
            var source = Path.Combine(scratch, "content", SiteFixture.Article, "source", "article.txt");
            var text = File.ReadAllText(source);
            Assert.Contains("تحوّلت روسيا", text, StringComparison.Ordinal);
            File.WriteAllText(source, text.Replace("تحوّلت روسيا", "تحوّلت " + Hostile + " روسيا", StringComparison.Ordinal));
            var diagnostics = new DiagnosticBag();
            var content = ContentFolder.Read(Path.Combine(scratch, "content"), diagnostics)!;
            var templates = Theme.Load(Path.Combine(Repo.Root, "templates"), diagnostics)!;
            var files = SiteBuild.InMemory(content, templates, BuildOptions.Published with { Search = SiteSearch.Edition }, diagnostics)
                ?? throw new InvalidOperationException(string.Join('\n', diagnostics.Items));
            var folder = Path.Combine(scratch, "site");
            foreach (var file in files)
            {
                var path = Path.Combine(folder, file.Path);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllBytes(path, file.Bytes);
            }

            using var server = new StaticServer(folder);
            var context = await browser.NewContextAsync();
            await using var _ = context;
            var page = await context.NewPageAsync();
            var dialogs = new List<string>();
            page.Dialog += (_, dialog) => dialogs.Add(dialog.Message);
            await page.GotoAsync(server.BaseUrl + "search.html");
            await SearchPageTests.WhenReadyAsync(page);
            var title = await page.TitleAsync();
            await page.FillAsync("#search-query", "onerror");
            await page.PressAsync("#search-query", "Enter");
            await SearchPageTests.WhenShownAsync(page, "onerror");

            var excerpts = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('#search-results .excerpt')].map(p => p.textContent)");
            Assert.NotEmpty(excerpts);
            Assert.Contains(excerpts, e => e.Contains(Hostile, StringComparison.Ordinal));
            Assert.Equal(0, await page.EvaluateAsync<int>("() => document.querySelectorAll('#search-results img').length"));
            Assert.Equal(["onerror"], (await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('#search-results mark')].map(m => m.textContent)")).Distinct());
            Assert.Equal(title, await page.TitleAsync());
            Assert.Empty(dialogs);
        }
        finally
        {
            if (Directory.Exists(scratch)) Directory.Delete(scratch, recursive: true);
        }
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        foreach (var folder in Directory.GetDirectories(from)) CopyFolder(folder, Path.Combine(to, Path.GetFileName(folder)));
    }
}

using System.Text;
using System.Text.Json;
using EditionBuilder.BrowserTests.Support;
using Microsoft.Playwright;
using Xunit;

namespace EditionBuilder.BrowserTests.Search;

/// <summary>templates/assets/search.js against a small index written by hand to the contract (docs/search.md, "The index format"), in Debian's Chromium: ranking, AND, prefixes, the block a result opens at, an index text that looks like HTML shown as text, a query that matches nothing, a damaged index file, and the same page opened from disk.</summary>
[Collection("site")]
public class SearchClientTests(SiteFixture site)
{
    // Three pages. Page 0 holds اير more weakly than page 2 but also the rarer ايران (from ايرانية), and words that look like
    // HTML; page 1 is English.
    private static readonly (string Name, string Json)[] Index =
    [
        ("index", """{"v":1,"k":"0123456789ab","n":3,"c":["iranian","اير"]}"""),
        ("c/0", """{"iranian":[1,120],"img":[0,50],"obama":[1,200],"onerror":[0,50]}"""),
        ("c/1", """{"اير":[0,60,2,80],"ايران":[0,90],"وفد":[0,80]}"""),
        ("f/0", """{"u":"a/one.html","l":"ar","t":"الأول","a":"مقالة","b":[["chapter-1","الأول"],["p-1-1","ذهب الوفد إلى إيران أمس."],["p-1-2","<img src=x onerror=\"document.title='pwned'\"> الإيرانية"]]}"""),
        ("f/1", """{"u":"a/two.html","l":"en","t":"Two","a":"","b":[["","Obama met the Iranian delegation."]]}"""),
        ("f/2", """{"u":"b/three.html","l":"ar","t":"الثالث","a":"مقالة","b":[["fn-3","إيران وإيران."]]}"""),
    ];

    /// <summary>The search page as search.html renders its DOM, with the layout's Content-Security-Policy and the theme's script.</summary>
    private static string SearchPage(string engine) => $$"""
        <!DOCTYPE html>
        <html lang="ar" dir="rtl"><head><meta charset="utf-8">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'">
        <title>بحث</title><script src="assets/search.js" defer></script></head>
        <body><main><h1 id="search-title">بحث</h1>
        <div id="search-unavailable"><p>unavailable</p></div>
        <form id="search-form" role="search" aria-labelledby="search-title" hidden data-searching="…" data-results="{1}: {0}" data-no-results="none: {0}"
         data-failed="failed" data-engine="{{engine}}" data-paragraph="¶ {0}" data-note="note {0}">
        <label for="search-query">q</label><input id="search-query" name="q" type="search"><button type="submit">go</button></form>
        <p id="search-status" role="status" aria-live="polite"></p><ol id="search-results" aria-labelledby="search-status"></ol>
        <button id="search-more" type="button" hidden>more</button></main></body></html>
        """;

    private sealed record Shown(string Status, string[] Hrefs, string[] Langs, string[] Excerpts, string[] Marked, int Images, string Title);

    private sealed class HandSite : IDisposable
    {
        public HandSite()
        {
            Directory.CreateDirectory(System.IO.Path.Combine(Path, "assets"));
            File.Copy(System.IO.Path.Combine(Repo.Root, "templates", "assets", "search.js"), System.IO.Path.Combine(Path, "assets", "search.js"));
            File.WriteAllText(System.IO.Path.Combine(Path, "search.html"), SearchPage("edition"));
            File.WriteAllText(System.IO.Path.Combine(Path, "404.html"), "<!DOCTYPE html><title>404</title>");
            foreach (var (name, json) in Index)
            {
                var file = System.IO.Path.Combine(Path, "search", name + ".js");
                Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
                File.WriteAllText(file, $"EditionSearch.data(\"{name}\",{json});\n", new UTF8Encoding(false));
            }
        }

        public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "eb-handindex-" + Guid.NewGuid().ToString("N"));

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }

    private async Task<Shown> SearchAsync(string url, string query)
    {
        var (context, page) = await site.OpenAsync(url, Viewport.Desktop);
        await using var _ = context;
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        page.Dialog += (_, dialog) => errors.Add("dialog: " + dialog.Message);
        await SearchPageTests.WhenReadyAsync(page);
        await page.FillAsync("#search-query", query);
        await page.PressAsync("#search-query", "Enter");
        await page.WaitForFunctionAsync("() => { const s = document.getElementById('search-status').textContent; return s !== '' && s !== '…' && !document.getElementById('search-results').hasAttribute('aria-busy'); }");
        var json = await page.EvaluateAsync<string>("""
            () => { const items = [...document.querySelectorAll('#search-results li')]; return JSON.stringify({
              status: document.getElementById('search-status').textContent,
              hrefs: items.map(li => li.querySelector('a').href), langs: items.map(li => li.lang),
              excerpts: items.map(li => li.querySelector('.excerpt').textContent),
              marked: [...document.querySelectorAll('#search-results mark')].map(m => m.textContent),
              images: document.querySelectorAll('#search-results img').length, title: document.title }); }
            """);
        var shown = JsonSerializer.Deserialize<Shown>(json, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        Assert.Empty(errors);
        return shown;
    }

    [SkippableTheory]
    [InlineData("http")]
    [InlineData("file")]
    public async Task Given_a_hand_written_index_When_an_Arabic_word_is_searched_Then_pages_come_by_score_each_at_its_best_block(string origin)
    {
        site.RequireBrowser();
        using var hand = new HandSite();
        using var server = new StaticServer(hand.Path);
        var url = origin == "file" ? new Uri(Path.Combine(hand.Path, "search.html")).AbsoluteUri : server.BaseUrl + "search.html";

        var shown = await SearchAsync(url, "إيرانُ");

        Assert.Equal("\u2068إيرانُ\u2069: 2", shown.Status);
        // Page 2 weighs اير 80 against page 0's 60 and 45 (its ايران, by prefix, at half weight): the idf is the word's (2
        // pages), not the rarer term's, which would rank page 0 first. Page 0 opens at its first block holding the word.
        Assert.Equal([new Uri(new Uri(url), "b/three.html#fn-3").AbsoluteUri, new Uri(new Uri(url), "a/one.html#p-1-1").AbsoluteUri], shown.Hrefs);
        Assert.Equal(["ar", "ar"], shown.Langs);
        Assert.Equal(["إيران", "وإيران", "إيران"], shown.Marked);
    }

    [SkippableFact]
    public async Task Given_an_index_text_that_looks_like_HTML_When_it_is_shown_Then_it_is_text_and_nothing_runs()
    {
        site.RequireBrowser();
        using var hand = new HandSite();
        using var server = new StaticServer(hand.Path);

        var shown = await SearchAsync(server.BaseUrl + "search.html", "onerror");

        Assert.Equal(0, shown.Images);
        Assert.Equal("بحث", shown.Title);
        Assert.Contains("<img src=x onerror=\"document.title='pwned'\">", shown.Excerpts.Single(), StringComparison.Ordinal);
        Assert.Equal(["onerror"], shown.Marked);
        Assert.EndsWith("a/one.html#p-1-2", shown.Hrefs.Single(), StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData("Obama", "a/two.html", "en")]
    [InlineData("iran", "a/two.html", "en")]
    public async Task Given_a_Latin_word_or_its_start_When_searched_Then_the_English_page_is_found_in_its_language_without_a_fragment(string query, string path, string lang)
    {
        site.RequireBrowser();
        using var hand = new HandSite();
        using var server = new StaticServer(hand.Path);

        var shown = await SearchAsync(server.BaseUrl + "search.html", query);

        Assert.Equal([server.BaseUrl + path], shown.Hrefs);
        Assert.Equal([lang], shown.Langs);
        Assert.Single(shown.Marked);
        Assert.StartsWith(query, shown.Marked[0], StringComparison.OrdinalIgnoreCase);
    }

    [SkippableTheory]
    [InlineData("ايران Obama")]
    [InlineData("zzz")]
    [InlineData("؟!")]
    public async Task Given_a_query_no_page_matches_in_every_word_When_searched_Then_the_page_says_there_are_no_results(string query)
    {
        site.RequireBrowser();
        using var hand = new HandSite();
        using var server = new StaticServer(hand.Path);

        var shown = await SearchAsync(server.BaseUrl + "search.html", query);

        Assert.Equal($"none: \u2068{query}\u2069", shown.Status);
        Assert.Empty(shown.Hrefs);
    }

    [SkippableTheory]
    [InlineData("missing")]
    [InlineData("not an index file")]
    public async Task Given_a_damaged_or_missing_chunk_When_a_query_needs_it_Then_the_page_says_the_index_could_not_be_loaded(string damage)
    {
        site.RequireBrowser();
        using var hand = new HandSite();
        var chunk = Path.Combine(hand.Path, "search", "c", "1.js");
        if (damage == "missing") File.Delete(chunk);
        else File.WriteAllText(chunk, "var nothing = 1;\n");
        using var server = new StaticServer(hand.Path);

        var shown = await SearchAsync(server.BaseUrl + "search.html", "ايران");

        Assert.Equal("failed", shown.Status);
        Assert.Empty(shown.Hrefs);
    }
}
